-- Grain: one row per active enterprise of a high-risk sector (sectors.is_high_risk: mines, hazardous
-- chemicals, fireworks, construction, crowded places, gas …) in $region and below (sector $industry, all
-- when null) that has no 重点部位 ledger entry.
select
    counties.name as county_name,
    townships.name as township_name,
    enterprises.region_code,
    enterprises.enterprise_id,
    enterprises.name,
    enterprises.industry,
    sectors.name_zh as sector_name_zh,
    sectors.name_en as sector_name_en,
    enterprises.employees
from scoped_enterprises($region, $account_region, $industry) as enterprises
join sectors on sectors.code = enterprises.industry
join regions townships on townships.region_code = enterprises.region_code
left join regions counties on counties.region_code = townships.parent_code
where enterprises.status = 'active'
  and sectors.is_high_risk
  and enterprises.enterprise_id not in (select enterprise_id from key_sites where enterprise_id is not null)
order by townships.parent_code, enterprises.region_code, enterprises.enterprise_id;
