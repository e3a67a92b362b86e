-- Grain: one row per 较大涉险 accident (安监总局令第21号 Art. 26: below 较大 by deaths incl. missing, serious injuries
-- and loss, but ≥ 10 people endangered, or ≥ 3 trapped or missing, or ≥ 500 evacuated) that occurred from $start
-- to $end in $region and below, in sector $industry (all when null), latest first, with the criteria it meets
-- (is_endangered, is_trapped, is_evacuated: each threshold on its own) and the names of its region, enterprise
-- (none for some), sector and type.
with in_scope as (
    select *, deaths + missing as deaths_incl_missing
    from scoped_accidents($region, $account_region, $industry)
    where cast(occurred_at as date) between $start and $end
),

-- the macro decides (one rule for every screen); the flags below only say which threshold it met
selected as (
    select *
    from in_scope
    where is_larger_risk_involved(deaths_incl_missing, serious_injuries, direct_loss_wan,
                                  endangered, trapped, missing, evacuated)
)

select
    selected.accident_id,
    selected.occurred_at,
    selected.has_time,
    selected.region_code,
    regions.name as region_name,
    parents.name as parent_region_name,
    selected.enterprise_id,
    enterprises.name as enterprise_name,
    selected.industry,
    sectors.name_zh as industry_name_zh,
    sectors.name_en as industry_name_en,
    selected.accident_type,
    accident_types.name_zh as accident_type_name_zh,
    accident_types.name_en as accident_type_name_en,
    selected.deaths,
    selected.missing,
    selected.deaths_incl_missing,
    selected.serious_injuries,
    selected.direct_loss_wan,
    selected.endangered,
    selected.trapped,
    selected.evacuated,
    coalesce(selected.endangered, 0) >= 10 as is_endangered,
    coalesce(selected.trapped, 0) + selected.missing >= 3 as is_trapped,
    coalesce(selected.evacuated, 0) >= 500 as is_evacuated
from selected
join regions on regions.region_code = selected.region_code
left join regions as parents on parents.region_code = regions.parent_code
left join enterprises on enterprises.enterprise_id = selected.enterprise_id
join sectors on sectors.code = selected.industry
join accident_types on accident_types.code = selected.accident_type
order by selected.occurred_at desc, selected.accident_id;
