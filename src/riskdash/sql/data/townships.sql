-- Grain: one row per township-level region at or below $region (and $account_region, the login's region, when
-- not null). The townships the rectification flow lists open hazards for, by code.
select r.region_code, r.name
from regions r
where r.level = 'township'
  and r.region_code in (select region_code from scope_regions($region, $account_region))
order by r.region_code
