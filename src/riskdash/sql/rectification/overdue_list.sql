-- Grain: one row per overdue hazard: found on or before $as_of — every year's when $is_stock (the stock a
-- 通报 states as "截至…"), else only those found from $start to $end (the period's flow) — at enterprises in
-- $region and below, in sector $industry (all when null), not done on $as_of and its deadline before $as_of
-- (the deadline day itself is not overdue; a major hazard rectified but not yet verified is).
-- days_overdue = as-of − deadline.
-- enterprises are matched on the integer enterprise_no (schema 9), not the varchar enterprise_id
with region_enterprises as (
    select enterprise_id, enterprise_no, name as enterprise_name, region_code, industry
    from scoped_enterprises($region, $account_region, $industry)
    -- 行业主管部门 (issue 18, "hazards … listed by department"): $department's sectors (all when null; in_department,
    -- sql/views/departments.sql, the setting sector_departments as $codes, $names)
    where in_department(industry, $department, $codes, $names)
),

period_open as (
    -- the period first (hazards lie in time order on disk); not done written per grade on one column each
    -- (a general hazard until rectified, a major one until verified), so that the scan drops done rows
    -- before reading their ids
    select hazard_id, enterprise_no, grade, found_on, deadline, rectified_on, verified_on, supervision_level
    from hazards
    where grade = 'general'
      and (rectified_on is null or rectified_on > $as_of)
      and found_on <= $as_of
      and ($is_stock or found_on between $start and $end)
      and deadline < $as_of
    union all
    select hazard_id, enterprise_no, grade, found_on, deadline, rectified_on, verified_on, supervision_level
    from hazards
    where grade = 'major'
      and (verified_on is null or verified_on > $as_of)
      and found_on <= $as_of
      and ($is_stock or found_on between $start and $end)
      and deadline < $as_of
),

overdue as (
    select *
    from period_open
    where hazard_state(found_on, grade, deadline, rectified_on, verified_on, $as_of) = 'overdue'
)

select
    overdue.hazard_id,
    region_enterprises.enterprise_id,
    region_enterprises.enterprise_name,
    region_enterprises.region_code,
    townships.county_name,
    townships.township_name,
    region_enterprises.industry,
    overdue.grade,
    overdue.found_on,
    overdue.deadline,
    $as_of - overdue.deadline as days_overdue,
    overdue.rectified_on,
    -- rectified and awaiting verification: 逾期未销号, not 逾期未整改
    coalesce(overdue.rectified_on <= $as_of, false) as is_rectified,
    overdue.supervision_level
from overdue
join region_enterprises on region_enterprises.enterprise_no = overdue.enterprise_no
left join township_county_names as townships on townships.region_code = region_enterprises.region_code  -- sql/views/township_county_names.sql
order by days_overdue desc, overdue.hazard_id;
