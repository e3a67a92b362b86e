-- Grain: one row per region, with its name: the township column of the ranking.
-- No formula: a lookup.
select region_code, name as region_name
from regions
order by region_code;
