-- Grain: one row per accident of grade 较大 or above (deaths incl. missing ≥ 3, or serious injuries ≥ 10, or
-- direct loss ≥ 1,000 万元) that occurred from $start to $end in $region and below, in sector $industry (all
-- when null), latest first, with the criterion that set its grade (deaths first, then serious injuries, then
-- loss, when several reach it) and the names of its region, enterprise (none for some), sector and type
-- (scoped_accident_list, sql/views/accident_list.sql). $department (all when null) keeps the accidents of that
-- 行业主管部门's sectors (in_department, sql/views/departments.sql; setting sector_departments as $codes, $names).
with graded as (
    -- graded here, on the period's rows only, rather than through accidents_graded for every accident
    select *, accident_grade(deaths_incl_missing, serious_injuries, direct_loss_wan) as grade
    from scoped_accident_list($region, $account_region, $industry, $start, $end)
    where in_department(industry, $department, $codes, $names)
)

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
    grade,
    accident_grade_criterion(deaths_incl_missing, serious_injuries, direct_loss_wan) as grade_criterion
from graded
where grade <> 'general'
order by occurred_at desc, accident_id;
