-- Grain: one row per accident of grade 较大 or above (deaths incl. missing ≥ 3, or serious injuries ≥ 10, or
-- direct loss ≥ 1,000 万元) that occurred from $start to $end in $region and below, in sector $industry (all
-- when null), latest first, with the criterion that set its grade (deaths first, then serious injuries, then
-- loss, when several reach it) and the names of its region, enterprise (none for some), sector and type.
with in_scope as (
    select *, deaths + missing as deaths_incl_missing
    from scoped_accidents($region, $account_region, $industry)
    where cast(occurred_at as date) between $start and $end
),

-- graded here, on the period's rows only, rather than through accidents_graded for every accident
graded as (
    select *, accident_grade(deaths_incl_missing, serious_injuries, direct_loss_wan) as grade
    from in_scope
),

selected as (
    select *, accident_grade_criterion(deaths_incl_missing, serious_injuries, direct_loss_wan) as grade_criterion
    from graded
    where grade <> 'general'
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
    selected.grade,
    selected.grade_criterion
from selected
join regions on regions.region_code = selected.region_code
left join regions as parents on parents.region_code = regions.parent_code
left join enterprises on enterprises.enterprise_id = selected.enterprise_id
join sectors on sectors.code = selected.industry
join accident_types on accident_types.code = selected.accident_type
order by selected.occurred_at desc, selected.accident_id;
