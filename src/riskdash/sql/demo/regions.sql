-- One row per region of the demo city (one city, its counties, their townships), from the small frame
-- drawn in Python (demo._region_frame, registered as demo_region_frame).
insert into regions (region_code, name, level, parent_code, kind, township_class)
select region_code, name, level, parent_code, kind, township_class
from demo_region_frame;

-- TEMP: one row per township with its centre, its county and the cumulative share of enterprises it
-- draws (zones and subdistricts are dense, rural townships sparse), for ASOF draws.
create or replace temp table demo_townships as
select
    t.region_code,
    t.name,
    t.kind,
    t.township_class,
    t.parent_code as county_code,
    c.name as county_name,
    t.lon,
    t.lat,
    case t.kind when 'zone' then 'zone' when 'subdistrict' then 'urban' else 'rural' end as kind_group,
    row_number() over (order by t.region_code) as township_no,
    coalesce(sum(t.weight) over (order by t.region_code rows between unbounded preceding and 1 preceding), 0)
        / sum(t.weight) over () as cum_lo
from demo_region_frame t
join demo_region_frame c on c.region_code = t.parent_code
where t.level = 'township';
