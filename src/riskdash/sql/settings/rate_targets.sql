-- Grain: one row per (year, region, rate indicator) rate target (schema 28)
-- The ceilings on 亿元GDP死亡率, 工矿商贸十万人死亡率, 道路交通万车死亡率 and 煤矿百万吨死亡率, newest year first,
-- then by region code and the indicators' order.
select year, region_code, indicator, max_rate
from rate_targets
order by year desc, region_code,
         list_position(['per_gdp', 'per_industrial_employed', 'per_vehicles', 'per_coal_output'], indicator)
