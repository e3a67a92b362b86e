-- Grain: one row per (year, region) annual death-control target
-- The maximum deaths allowed per year and region, newest year first, then by region code.
select year, region_code, max_deaths
from annual_targets
order by year desc, region_code
