-- Grain: one row: the hazard $hazard_id as recorded, with its state on $as_of (hazard_state(),
-- sql/views/macros.sql; null when found after $as_of), its enterprise's name, township, county and sector
-- names, the 判定依据 it cites (hazard_bases), and whether its inspection is on record (no row for an unknown
-- id). Opened from a list the scope already chose: the record card of a row.
select
    hazards.hazard_id,
    hazards.inspection_id,
    hazards.enterprise_id,
    enterprises.name as enterprise_name,
    regions.name as region_name,
    parents.name as parent_region_name,
    sectors.name_zh as industry_name_zh,
    sectors.name_en as industry_name_en,
    hazards.grade,
    hazards.category,
    hazards.description,
    hazards.found_on,
    hazards.deadline,
    hazards.rectified_on,
    hazards.verified_on,
    hazards.supervision_level,
    hazards.supervised_on,
    hazards.delisted_on,
    hazards.in_treatment_plan,
    hazards.five_in_place,
    hazards.funds_wan,
    -- 重大隐患判定依据 (schema 26): the item it was judged by, with its title and standard (null when none)
    hazards.basis_code,
    bases.title_zh as basis_title_zh,
    bases.title_en as basis_title_en,
    bases.standard_zh as basis_standard,
    hazard_state(hazards.found_on, hazards.grade, hazards.deadline, hazards.rectified_on, hazards.verified_on,
                 $as_of) as state
from hazards
join enterprises on enterprises.enterprise_no = hazards.enterprise_no
left join regions on regions.region_code = enterprises.region_code
left join regions as parents on parents.region_code = regions.parent_code
left join sectors on sectors.code = enterprises.industry
left join hazard_bases as bases on bases.code = hazards.basis_code
where hazards.hazard_id = $hazard_id;
