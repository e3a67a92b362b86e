-- Grain: one row per region (regions.region_code) at level $level (under $parent when not null), by code:
-- where the demo accounts are placed.
select region_code, name
from regions
where level = $level
  and ($parent is null or parent_code = $parent)
order by region_code
