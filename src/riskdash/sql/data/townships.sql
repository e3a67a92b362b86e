-- Grain: one row per township-level region at or below $region (and $account_region, the login's region, when
-- not null), with its county's name: the townships the rectification flow lists open hazards for, by code.
select r.region_code, r.name, county.name as county_name
from regions r
left join regions as county on county.region_code = r.parent_code
where r.level = 'township'
  and r.region_code in (select region_code from scope_regions($region, $account_region))
order by r.region_code
