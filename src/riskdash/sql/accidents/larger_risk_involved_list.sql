-- Grain: one row per 较大涉险 accident (安监总局令第21号 Art. 26: below 较大 by deaths incl. missing, serious injuries
-- and loss, but ≥ 10 people endangered, or ≥ 3 trapped or missing, or ≥ 500 evacuated) that occurred from $start
-- to $end in $region and below, in sector $industry (all when null), latest first, with the criteria it meets
-- (is_endangered, is_trapped, is_evacuated: each threshold on its own) and the names of its region, enterprise
-- (none for some), sector and type (scoped_accident_list, sql/views/accident_list.sql). $department (all when
-- null) keeps the accidents of that 行业主管部门's sectors (in_department, sql/views/departments.sql; setting
-- sector_departments as $codes, $names).
select
    accident_id,
    occurred_at,
    has_time,
    region_code,
    region_name,
    parent_region_name,
    enterprise_id,
    enterprise_name,
    industry,
    industry_name_zh,
    industry_name_en,
    accident_type,
    accident_type_name_zh,
    accident_type_name_en,
    deaths,
    missing,
    deaths_incl_missing,
    serious_injuries,
    direct_loss_wan,
    endangered,
    trapped,
    evacuated,
    coalesce(endangered, 0) >= 10 as is_endangered,
    coalesce(trapped, 0) + missing >= 3 as is_trapped,
    coalesce(evacuated, 0) >= 500 as is_evacuated
from scoped_accident_list($region, $account_region, $industry, $start, $end)
-- the macro decides (one rule for every screen); the flags above only say which threshold it met
where is_larger_risk_involved(deaths_incl_missing, serious_injuries, direct_loss_wan,
                              endangered, trapped, missing, evacuated)
  and in_department(industry, $department, $codes, $names)
order by occurred_at desc, accident_id;
