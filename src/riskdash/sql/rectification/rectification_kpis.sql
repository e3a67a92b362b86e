-- Grain: one row for the hazards found from $start to $end and not after $as_of, at enterprises in $region
-- and below, in sector $industry (all when null), as they stood on $as_of.
-- Done: a general hazard when rectified_on ≤ as-of, a major one only when verified_on ≤ as-of (整改销号).
-- on_time = done on or before its deadline (general: rectified_on, major: verified_on); on-time rate =
-- on_time ÷ (done + overdue). days to rectify = rectified_on − found_on of hazards rectified by as-of.
with in_region as (
    select region_code
    from region_ancestors
    where ancestor_code = $region
),

selected as (
    select
        grade,
        supervision_level,
        deadline,
        found_on,
        rectified_on,
        hazard_is_done(grade, rectified_on, verified_on, $as_of) as is_done,
        hazard_state(found_on, grade, deadline, rectified_on, verified_on, $as_of) = 'overdue' as is_overdue,
        -- the day the hazard counts as done: 销号 (verification) for a major hazard
        case when grade = 'major' then verified_on else rectified_on end as done_on
    from hazards_enriched
    where found_on between $start and $end
      and found_on <= $as_of
      and region_code in (select region_code from in_region)
      and ($industry is null or industry = $industry)
),

counted as (
    select
        count(*) as found,
        count(*) filter (where grade = 'general') as general_found,
        count(*) filter (where grade = 'general' and is_done) as general_rectified,
        count(*) filter (where grade = 'major') as major_found,
        count(*) filter (where grade = 'major' and is_done) as major_closed,
        count(*) filter (where is_overdue) as overdue,
        count(*) filter (where is_overdue and grade = 'major') as overdue_major,
        count(*) filter (where grade = 'major' and supervision_level <> 'none' and not is_done) as supervised_open,
        count(*) filter (where is_done and done_on <= deadline) as on_time,
        count(*) filter (where is_done or is_overdue) as done_or_overdue,
        count(*) filter (where rectified_on <= $as_of) as rectified_any_grade,
        median(rectified_on - found_on) filter (where rectified_on <= $as_of) as median_days_to_rectify
    from selected
)

select
    found,
    general_rectified + major_closed as rectified,
    general_found,
    general_rectified,
    major_found,
    major_closed,
    overdue,
    overdue_major,
    supervised_open,
    on_time,
    done_or_overdue,
    rectified_any_grade,
    median_days_to_rectify
from counted;
