-- Grain: one row per 行业主管部门 ("管行业必须管安全", issue 18): the departments of the setting sector_departments
-- ($codes[i] → $names[i]; a sector not in it under '—'), in the order of their first sector, as
-- sql/metrics/by_department.sql groups them. Flow: accidents that occurred from $start to $end in $region and below
-- (sector $industry, all when null), each counted under its sector's department — every sector has exactly one,
-- so the rows add up to the scope's totals: accidents, deaths (含失踪) and 较大及以上 accidents
-- (accidents_graded.is_larger_and_above), and the same dates a year earlier ($previous_start to $previous_end)
-- for 同比.
with departments as (
    select * from sector_departments($codes, $names)  -- sql/views/departments.sql
),

accident_counts as (
    select
        industry,
        count(*) filter (where occurred_on between $start and $end) as accidents,
        coalesce(sum(deaths_incl_missing) filter (where occurred_on between $start and $end), 0) as deaths,
        count(*) filter (where occurred_on between $start and $end and is_larger_and_above) as larger_accidents,
        count(*) filter (where occurred_on between $previous_start and $previous_end) as previous_accidents,
        coalesce(sum(deaths_incl_missing) filter (where occurred_on between $previous_start and $previous_end), 0)
            as previous_deaths
    from scoped_accidents_graded($region, $account_region, $industry)
    where occurred_on between $previous_start and $end
    group by industry
)

select
    departments.department,
    string_agg(departments.industry, ',' order by departments.sort_order) as industries,
    coalesce(sum(accident_counts.accidents), 0) as accidents,
    coalesce(sum(accident_counts.deaths), 0) as deaths,
    coalesce(sum(accident_counts.larger_accidents), 0) as larger_accidents,
    coalesce(sum(accident_counts.previous_accidents), 0) as previous_accidents,
    coalesce(sum(accident_counts.previous_deaths), 0) as previous_deaths
from departments
left join accident_counts on accident_counts.industry = departments.industry
group by departments.department
order by min(departments.sort_order);
