-- Grain: one row per township-level region at or below $region.
-- The townships the rectification flow lists open hazards for, by code. A listing of regions: no account
-- bound is applied here yet (its caller, ui/data.py, passes only $region).
select r.region_code, r.name
from regions r
where r.level = 'township'
  and r.region_code in (select region_code from scope_regions($region, null))
order by r.region_code
