-- The rows of the accident lists (sql/accidents/larger_and_above_list.sql, larger_risk_involved_list.sql),
-- written once: the accidents of the scope (scoped_accidents, sql/views/scope.sql) that occurred from start_on
-- to end_on, with their deaths incl. missing and the names of their region, its parent region, their
-- enterprise (none for some), sector and type. Each list picks its accidents and columns (the names are
-- joined to the period's accidents, a few hundred at most, before a list keeps its few).
create or replace macro scoped_accident_list(region_root, account_root, sector_code, start_on, end_on) as table
select
    in_period.*,
    in_period.deaths + in_period.missing as deaths_incl_missing,
    regions.name as region_name,
    parents.name as parent_region_name,
    enterprises.name as enterprise_name,
    sectors.name_zh as industry_name_zh,
    sectors.name_en as industry_name_en,
    accident_types.name_zh as accident_type_name_zh,
    accident_types.name_en as accident_type_name_en
from scoped_accidents(region_root, account_root, sector_code) as in_period
join regions on regions.region_code = in_period.region_code
left join regions as parents on parents.region_code = regions.parent_code
left join enterprises on enterprises.enterprise_id = in_period.enterprise_id
join sectors on sectors.code = in_period.industry
join accident_types on accident_types.code = in_period.accident_type
where cast(in_period.occurred_at as date) between start_on and end_on;
