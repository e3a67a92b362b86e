-- Grain: one row per 重点部位 ledger entry (key site) of the townships in $region and below, by county,
-- township and site. A site is fully filed when it carries both the city's and the county's filing day
-- (备案); its measures count as in place only when measures_in_place is true (not reported counts as not), from
-- measures_in_place_on where recorded (措施落实日期, issue 18); filed_departments names the 有关部门 it was also
-- filed with (schema 27). $department (all when null) keeps the sites of that 行业主管部门's sectors, by their
-- enterprise's sector (in_department, sql/views/departments.sql; a public place's site is in no department).
select
    counties.name as county_name,
    townships.name as township_name,
    key_sites.region_code,
    key_sites.site_id,
    key_sites.name,
    key_sites.enterprise_id,
    enterprises.name as enterprise_name,
    key_sites.potential_accident_type,
    accident_types.name_zh as accident_type_zh,
    accident_types.name_en as accident_type_en,
    key_sites.potential_fatalities,
    key_sites.control_measures,
    key_sites.responsible_person,
    key_sites.filed_city_on,
    key_sites.filed_county_on,
    key_sites.measures_in_place,
    key_sites.measures_in_place_on,
    key_sites.filed_departments,
    key_sites.filed_city_on is not null and key_sites.filed_county_on is not null as is_fully_filed
from scoped_key_sites($region, $account_region) as key_sites
join regions townships on townships.region_code = key_sites.region_code
left join regions counties on counties.region_code = townships.parent_code
left join enterprises on enterprises.enterprise_id = key_sites.enterprise_id
left join accident_types on accident_types.code = key_sites.potential_accident_type
where in_department(enterprises.industry, $department, $codes, $names)
order by townships.parent_code, key_sites.region_code, key_sites.site_id;
