-- Grain: one row per rate target (相对指标控制值, rate_targets) set for $region in $year, in a fixed order: the
-- ceiling, the deaths (incl. missing) its rate counts from 1 January of $year to $end in $region and below (and
-- the account's region), every sector whatever the sector filter — all deaths for per_gdp, 工矿商贸 (sectors of
-- statistical class 'industrial') for per_industrial_employed, 道路交通 (class 'road_traffic') for per_vehicles,
-- coal mines (sector coal_mine) for per_coal_output, as accidents/rate_indicators.sql counts them — and the
-- year's denominator entered for $region (null where none). The rate and its share of the ceiling are computed
-- in metrics.classes.rate_targets.
with counted as (
    -- the deaths each indicator counts from 1 January, and the year's denominators (sql/views/rate_counts.sql)
    select * from rate_indicator_counts($region, $account_region, make_date($year, 1, 1), $end, $year)
)

select
    rate_targets.indicator,
    rate_targets.max_rate,
    case rate_targets.indicator
        when 'per_gdp' then counted.deaths_incl_missing
        when 'per_industrial_employed' then counted.industrial_deaths
        when 'per_vehicles' then counted.road_deaths
        else counted.coal_deaths
    end as deaths,
    case rate_targets.indicator
        when 'per_gdp' then cast(counted.gdp_yi as double)
        when 'per_industrial_employed' then cast(counted.industrial_employed as double)
        when 'per_vehicles' then cast(counted.motor_vehicles as double)
        else cast(counted.coal_output_wan_t as double)
    end as denominator
from rate_targets
cross join counted
where rate_targets.year = $year
  and rate_targets.region_code = $region
order by list_position(['per_gdp', 'per_industrial_employed', 'per_vehicles', 'per_coal_output'],
                       rate_targets.indicator);
