-- Grain: one row per 行业主管部门 ("管行业必须管安全", issue 18): the departments of the setting
-- sector_departments ($codes[i] → $names[i]; a sector not in it under '—'), in the order of their first sector.
-- Flow: accidents that occurred from $start to $end (死亡 incl. missing), hazards found from $start to $end (of
-- them major) and enterprises (sites), in $region and below (sector $industry, all when null), each counted
-- under its sector's department: every sector has exactly one, so the rows add up to the scope's totals.
with departments as (
    select * from sector_departments($codes, $names)  -- sql/views/departments.sql
),

accident_counts as (
    select industry, count(*) as accidents, sum(deaths + missing) as deaths
    from scoped_accidents($region, $account_region, $industry)
    where cast(occurred_at as date) between $start and $end
    group by industry
),

hazard_counts as (
    select industry, count(*) as hazards, count(*) filter (where grade = 'major') as major_hazards
    from scoped_hazards_found($region, $account_region, $industry, $start, $end, $as_of)
    group by industry
),

enterprise_counts as (
    select industry, count(*) as enterprises
    from scoped_enterprises($region, $account_region, $industry)
    group by industry
)

select
    departments.department,
    string_agg(departments.industry, ',' order by departments.sort_order) as industries,
    coalesce(sum(accident_counts.accidents), 0) as accidents,
    coalesce(sum(accident_counts.deaths), 0) as deaths,
    coalesce(sum(hazard_counts.hazards), 0) as hazards,
    coalesce(sum(hazard_counts.major_hazards), 0) as major_hazards,
    coalesce(sum(enterprise_counts.enterprises), 0) as enterprises
from departments
left join accident_counts on accident_counts.industry = departments.industry
left join hazard_counts on hazard_counts.industry = departments.industry
left join enterprise_counts on enterprise_counts.industry = departments.industry
group by departments.department
order by min(departments.sort_order);
