-- The deaths that the relative indicators (相对指标) count, and the year's denominators, written once for the
-- rates shown (sql/accidents/rate_indicators.sql) and the rates held against their ceilings
-- (sql/metrics/rate_targets.sql). One row: deaths (incl. missing) from start_on to end_on in region_root and below
-- (and the account's region) in every sector, whatever the sector filter, because the denominators are the
-- region's — all deaths (per 亿元 GDP), 工矿商贸 (sectors of statistical class 'industrial', per 10万 employed),
-- 道路交通 (class 'road_traffic', per 万 motor vehicles) and coal mines (sector coal_mine, per 百万吨) — beside the
-- denominators entered for region_root and year_of (null where none): GDP (亿元), 工矿商贸 employed, motor
-- vehicles, coal output (万吨). docs/rules.md, "Rates" and "Statistical classes".
create or replace macro rate_indicator_counts(region_root, account_root, start_on, end_on, year_of) as table
with selected as (
    select accidents.deaths + accidents.missing as deaths_incl_missing, accidents.industry, sectors.stat_class
    from scoped_accidents(region_root, account_root, null) as accidents
    join sectors on sectors.code = accidents.industry
    where cast(accidents.occurred_at as date) between start_on and end_on
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
    where year = year_of
      and region_code = region_root
)

select
    counted.*,
    denominators.gdp_yi,
    denominators.industrial_employed,
    denominators.motor_vehicles,
    denominators.coal_output_wan_t
from counted
left join denominators on true;
