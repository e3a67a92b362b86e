-- Grain: one row per hazard grade (general, major) for the hazards found from $start to $end and not after
-- $as_of, at enterprises in $region and below, in sector $industry (all when null), on $as_of.
-- Closed loop 发现 → 整改 → 验收销号: rectified = rectified_on ≤ as-of; verified = verified_on ≤ as-of;
-- closed = done (general: rectified; major: verified, 整改销号).
with period_hazards as (
    -- at the scope's enterprises; every hazard when the scope keeps them all (views/scope.sql)
    -- found_on first: hazards lie in time order on disk, so the period skips most row groups
    select grade, rectified_on, verified_on
    from scoped_hazards($region, $account_region, $industry)
    where found_on between $start and $end
      and found_on <= $as_of
),

selected as (
    select
        grade,
        coalesce(rectified_on <= $as_of, false) as is_rectified,
        coalesce(verified_on <= $as_of, false) as is_verified,
        hazard_is_done(grade, rectified_on, verified_on, $as_of) as is_closed
    from period_hazards
),

grades as (
    select * from (values ('general', 1), ('major', 2)) as g (grade, grade_order)
)

select
    grades.grade,
    count(selected.grade) as found,
    count(*) filter (where selected.is_rectified) as rectified,
    count(*) filter (where selected.is_verified) as verified,
    count(*) filter (where selected.is_closed) as closed
from grades
left join selected on selected.grade = grades.grade
group by grades.grade, grades.grade_order
order by grades.grade_order;
