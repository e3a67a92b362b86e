-- Grain: one row: the accident $accident_id as recorded, with its grade, the criterion that set it, the
-- 较大涉险 flag and the names of its region, enterprise, sector and type (no row for an unknown id).
select
    accidents_graded.*,
    regions.name as region_name,
    parents.name as parent_region_name,
    enterprises.name as enterprise_name,
    sectors.name_zh as industry_name_zh,
    sectors.name_en as industry_name_en,
    accident_types.name_zh as accident_type_name_zh,
    accident_types.name_en as accident_type_name_en
from accidents_graded
join regions on regions.region_code = accidents_graded.region_code
left join regions as parents on parents.region_code = regions.parent_code
left join enterprises on enterprises.enterprise_id = accidents_graded.enterprise_id
join sectors on sectors.code = accidents_graded.industry
join accident_types on accident_types.code = accidents_graded.accident_type
where accidents_graded.accident_id = $accident_id;
