-- Grain: one row per region, with its name: the township column of the ranking.
-- No formula: a lookup. region_number is the 12-digit code as a number, as risk_scores.sql returns it.
select cast(region_code as bigint) as region_number, region_code, name as region_name
from regions
order by region_code;
