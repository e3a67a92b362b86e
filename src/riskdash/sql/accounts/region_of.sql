-- Grain: one row per region (regions.region_code), at most one: the region $region_code with its level.
select region_code, name, level
from regions
where region_code = $region_code
