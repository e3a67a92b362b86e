-- Grain: one row per hazard still not done on $as_of (general: not rectified; major: not verified), found
-- on or before $as_of at any time (open work has no period), at enterprises in $region and below, sector
-- $industry (all when null), whose deadline falls from $as_of to $as_of + $days, or, when $include_overdue,
-- already before $as_of. days_left = deadline − as-of (negative: days overdue; 0: due today, not overdue).
with region_enterprises as (
    select enterprise_id, enterprise_no, name as enterprise_name, region_code, industry
    from scoped_enterprises($region, $account_region, $industry)
    -- 行业主管部门 (issue 18, "hazards … listed by department"): $department's sectors (all when null; in_department,
    -- sql/views/departments.sql, the setting sector_departments as $codes, $names)
    where in_department(industry, $department, $codes, $names)
),

open_hazards as materialized (
    -- not done on as-of written per grade on one column each (a general hazard until rectified, a major one
    -- until verified), so that the scan drops done rows before reading their ids and descriptions; every
    -- hazard ever found is looked at. hazard_is_done() stays the rule: the per-grade conditions only narrow.
    -- Materialized: the join to the region's enterprises then does not push its enterprise filter into this
    -- scan; 5-15 % faster at scale 20 (docs/bench-rectification.md). The enterprise is matched on the
    -- integer enterprise_no (schema 9), not by decompressing every open hazard's varchar enterprise_id.
    select hazard_id, enterprise_no, grade, found_on, deadline, rectified_on, verified_on, supervision_level,
           description
    from hazards
    where grade = 'general'
      and (rectified_on is null or rectified_on > $as_of)
      and found_on <= $as_of
      and deadline <= $as_of + $days
      and ($include_overdue or deadline >= $as_of)
    union all
    select hazard_id, enterprise_no, grade, found_on, deadline, rectified_on, verified_on, supervision_level,
           description
    from hazards
    where grade = 'major'
      and (verified_on is null or verified_on > $as_of)
      and found_on <= $as_of
      and deadline <= $as_of + $days
      and ($include_overdue or deadline >= $as_of)
),

not_done as (
    select *
    from open_hazards
    where not hazard_is_done(grade, rectified_on, verified_on, $as_of)
)

select
    open_hazards.hazard_id,
    region_enterprises.enterprise_id,
    region_enterprises.enterprise_name,
    region_enterprises.region_code,
    townships.county_name,
    townships.township_name,
    region_enterprises.industry,
    open_hazards.grade,
    open_hazards.description,
    open_hazards.found_on,
    open_hazards.deadline,
    open_hazards.deadline - $as_of as days_left,
    open_hazards.rectified_on,
    open_hazards.supervision_level
from not_done as open_hazards
join region_enterprises on region_enterprises.enterprise_no = open_hazards.enterprise_no
left join township_county_names as townships on townships.region_code = region_enterprises.region_code  -- sql/views/township_county_names.sql
order by region_enterprises.region_code, days_left, open_hazards.hazard_id;
