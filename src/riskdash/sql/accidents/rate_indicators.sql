-- Grain: one row: deaths (incl. missing) from $start to $end in $region and below — all, 工矿商贸 (sectors whose
-- statistical class is 'industrial'), road traffic (class 'road_traffic') and coal mines (sector coal_mine);
-- all sectors, whatever the sector filter, because the denominators are the region's — beside the
-- denominators entered for $region and $year (null where none): GDP (亿元), 工矿商贸 employed, motor vehicles,
-- coal output (万吨). The rates are computed from these in Python; none is annualised.
with selected as (
    select accidents.deaths + accidents.missing as deaths_incl_missing, accidents.industry, sectors.stat_class
    from scoped_accidents($region, $account_region, null) as accidents
    join sectors on sectors.code = accidents.industry
    where cast(accidents.occurred_at as date) between $start and $end
),

counted as (
    select
        coalesce(sum(deaths_incl_missing), 0) as deaths_incl_missing,
        coalesce(sum(deaths_incl_missing) filter (where stat_class = 'industrial'), 0) as industrial_deaths,
        coalesce(sum(deaths_incl_missing) filter (where stat_class = 'road_traffic'), 0) as road_deaths,
        coalesce(sum(deaths_incl_missing) filter (where industry = 'coal_mine'), 0) as coal_deaths
    from selected
),

denominators as (
    select gdp_yi, industrial_employed, motor_vehicles, coal_output_wan_t
    from indicator_denominators
    where year = $year
      and region_code = $region
)

select
    counted.*,
    denominators.gdp_yi,
    denominators.industrial_employed,
    denominators.motor_vehicles,
    denominators.coal_output_wan_t
from counted
left join denominators on true;
