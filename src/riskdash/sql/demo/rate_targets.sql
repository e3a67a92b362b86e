-- One row per year × region (the city and each county) × rate indicator: the rate targets (相对指标控制值, issue 18,
-- schema 28) — each a little below the region's rate of the year before (that year's deaths of the rate over that
-- year's denominator, metrics.classes.RATE_UNITS), so that some run ahead of 时间进度 or over; none where the year
-- before had no death of the rate or no denominator. Runs after demo/indicator_denominators.
insert into rate_targets (year, region_code, indicator, max_rate)
with accident_regions as (
    select
        year(a.occurred_at) as year,
        case when r.level = 'county' then r.region_code else r.parent_code end as county_code,
        s.stat_class,
        a.industry,
        a.deaths + a.missing as deaths_incl_missing
    from accidents a
    join regions r on r.region_code = a.region_code
    join sectors s on s.code = a.industry
),
regions_targeted as (
    select region_code, level from regions where level in ('city', 'county')
),
previous as (
    -- the year before's deaths of each rate and its denominators, per region
    select
        d.year + 1 as year,
        t.region_code,
        coalesce(sum(a.deaths_incl_missing), 0) as all_deaths,
        coalesce(sum(a.deaths_incl_missing) filter (where a.stat_class = 'industrial'), 0) as industrial_deaths,
        coalesce(sum(a.deaths_incl_missing) filter (where a.stat_class = 'road_traffic'), 0) as road_deaths,
        coalesce(sum(a.deaths_incl_missing) filter (where a.industry = 'coal_mine'), 0) as coal_deaths,
        any_value(d.gdp_yi) as gdp_yi,
        any_value(d.industrial_employed) as industrial_employed,
        any_value(d.motor_vehicles) as motor_vehicles,
        any_value(d.coal_output_wan_t) as coal_output_wan_t
    from regions_targeted t
    join indicator_denominators d on d.region_code = t.region_code
    left join accident_regions a
           on a.year = d.year and (t.level = 'city' or a.county_code = t.region_code)
    where d.year + 1 <= year(cast($today as date))
    group by all
),
rates as (
    select year, region_code, 'per_gdp' as indicator, all_deaths / gdp_yi as rate from previous
    union all
    select year, region_code, 'per_industrial_employed', industrial_deaths / (industrial_employed / 100000.0)
    from previous
    union all
    select year, region_code, 'per_vehicles', road_deaths / (motor_vehicles / 10000.0) from previous
    union all
    select year, region_code, 'per_coal_output', coal_deaths / (coal_output_wan_t / 100.0) from previous
)
select year, region_code, indicator,
       greatest(round(rate * (0.9 + 0.05 * demo_z($seed, hash(region_code, year, indicator), 'rate_target')), 3), 0.001)
from rates
where rate > 0;
