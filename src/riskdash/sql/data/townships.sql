-- Grain: one row per township-level region at or below $region.
-- The townships the rectification flow lists open hazards for, by code.
select r.region_code, r.name
from regions r
where r.level = 'township'
  and r.region_code in (select region_code from region_ancestors where ancestor_code = $region)
order by r.region_code
