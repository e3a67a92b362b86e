-- Grain: one row per rate target (相对指标控制值, rate_targets) set for $region in $year, in a fixed order: the
-- ceiling, the deaths (incl. missing) its rate counts from 1 January of $year to $end in $region and below (and
-- the account's region), every sector whatever the sector filter — all deaths for per_gdp, 工矿商贸 (sectors of
-- statistical class 'industrial') for per_industrial_employed, 道路交通 (class 'road_traffic') for per_vehicles,
-- coal mines (sector coal_mine) for per_coal_output, as accidents/rate_indicators.sql counts them — and the
-- year's denominator entered for $region (null where none). The rate and its share of the ceiling are computed
-- in metrics.classes.rate_targets.
with year_to_date as (
    select accidents.deaths + accidents.missing as deaths_incl_missing, accidents.industry, sectors.stat_class
    from scoped_accidents($region, $account_region, null) as accidents
    join sectors on sectors.code = accidents.industry
    where cast(accidents.occurred_at as date) between make_date($year, 1, 1) and $end
),

counted as (
    select
        coalesce(sum(deaths_incl_missing), 0) as per_gdp,
        coalesce(sum(deaths_incl_missing) filter (where stat_class = 'industrial'), 0) as per_industrial_employed,
        coalesce(sum(deaths_incl_missing) filter (where stat_class = 'road_traffic'), 0) as per_vehicles,
        coalesce(sum(deaths_incl_missing) filter (where industry = 'coal_mine'), 0) as per_coal_output
    from year_to_date
),

denominators as (
    select gdp_yi, industrial_employed, motor_vehicles, coal_output_wan_t
    from indicator_denominators
    where year = $year
      and region_code = $region
)

select
    rate_targets.indicator,
    rate_targets.max_rate,
    case rate_targets.indicator
        when 'per_gdp' then counted.per_gdp
        when 'per_industrial_employed' then counted.per_industrial_employed
        when 'per_vehicles' then counted.per_vehicles
        else counted.per_coal_output
    end as deaths,
    case rate_targets.indicator
        when 'per_gdp' then cast(denominators.gdp_yi as double)
        when 'per_industrial_employed' then cast(denominators.industrial_employed as double)
        when 'per_vehicles' then cast(denominators.motor_vehicles as double)
        else cast(denominators.coal_output_wan_t as double)
    end as denominator
from rate_targets
cross join counted
left join denominators on true
where rate_targets.year = $year
  and rate_targets.region_code = $region
order by list_position(['per_gdp', 'per_industrial_employed', 'per_vehicles', 'per_coal_output'],
                       rate_targets.indicator);
