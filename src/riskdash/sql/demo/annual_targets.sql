-- One row per year × region (the city and each county): the control target for deaths (死亡（含失踪）),
-- set a little below the previous year's actual deaths, so that some years end over target.
insert into annual_targets (year, region_code, max_deaths)
with accident_regions as (
    select
        year(a.occurred_at) as year,
        case when r.level = 'county' then r.region_code else r.parent_code end as county_code,
        a.deaths + a.missing as deaths_incl_missing
    from accidents a
    join regions r on r.region_code = a.region_code
),
years as (
    select cast(y as integer) as year
    from range(year(cast($start_on as date)), year(cast($today as date)) + 1) r(y)
),
regions_targeted as (
    select region_code, level from regions where level in ('city', 'county')
),
actual as (
    select
        y.year,
        t.region_code,
        coalesce(sum(a.deaths_incl_missing), 0) as deaths
    from years y
    cross join regions_targeted t
    left join accident_regions a
           on a.year = y.year and (t.level = 'city' or a.county_code = t.region_code)
    group by all
)
select
    cur.year,
    cur.region_code,
    greatest(cast(round(coalesce(prev.deaths, cur.deaths * 1.05)
                        * (0.95 + 0.04 * demo_z($seed, hash(cur.region_code, cur.year), 'target'))) as integer), 0)
        as max_deaths
from actual cur
left join actual prev on prev.region_code = cur.region_code and prev.year = cur.year - 1;
