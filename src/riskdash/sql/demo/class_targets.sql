-- One row per year × region (the city and each county) × class with deaths the year before: the control
-- targets beside the total (issue 18) — deaths (含失踪) of 工矿商贸, 道路交通 and 火灾, each a little below the
-- previous year's deaths of the class, so that some run ahead of 时间进度 or over; and 较大及以上事故 0 for every
-- region (坚决杜绝较大及以上事故), so that a year with a 较大 accident shows the target exceeded.
insert into class_targets (year, region_code, target_class, max_count)
with accident_regions as (
    select
        year(a.occurred_at) as year,
        case when r.level = 'county' then r.region_code else r.parent_code end as county_code,
        s.stat_class,
        a.deaths + a.missing as deaths_incl_missing
    from accidents a
    join regions r on r.region_code = a.region_code
    join sectors s on s.code = a.industry
),
years as (
    select cast(y as integer) as year
    from range(year(cast($start_on as date)) + 1, year(cast($today as date)) + 1) r(y)
),
regions_targeted as (
    select region_code, level from regions where level in ('city', 'county')
),
classes (stat_class) as (values ('industrial'), ('road_traffic'), ('fire')),
previous as (
    select y.year, t.region_code, c.stat_class, coalesce(sum(a.deaths_incl_missing), 0) as deaths
    from years y
    cross join regions_targeted t
    cross join classes c
    left join accident_regions a
           on a.year = y.year - 1 and a.stat_class = c.stat_class
          and (t.level = 'city' or a.county_code = t.region_code)
    group by all
)
select year, region_code, stat_class,
       greatest(cast(round(deaths * (0.9 + 0.08 * demo_z($seed, hash(region_code, year, stat_class), 'class_target')))
                     as integer), 0)
from previous
where deaths > 0
union all
select y.year, t.region_code, 'larger_accidents', 0
from years y
cross join regions_targeted t;
