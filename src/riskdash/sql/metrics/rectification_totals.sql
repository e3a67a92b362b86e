-- Grain: one row for the hazards found from $start to $end and not after $as_of, at enterprises in $region
-- and below, in sector $industry (all when null), as they stood on $as_of.
-- A general hazard is done when rectified_on ≤ as-of; a major hazard only when closed, verified_on ≤ as-of
-- (整改销号), as in the official monthly form. rate = (general rectified + major closed) ÷ found.
-- on_time = done on or before its deadline (general: rectified_on, major: verified_on); on-time rate =
-- on_time ÷ (done + overdue) — hazards still open within their deadline have no outcome yet and are left out.
-- supervised_open = major hazards under 挂牌督办 on or before as-of and not delisted (摘牌, delisted_on ≤ as-of):
-- verification alone does not end the supervision.
-- median_days_to_rectify = median of rectified_on − found_on over the hazards with rectified_on ≤ as-of, of
-- either grade (a major hazard by its rectification, not its verification).
with period_hazards as (
    -- at the scope's enterprises; every hazard when the scope keeps them all (views/scope.sql)
    -- found_on first: hazards lie in time order on disk, so the period skips most row groups
    select grade, supervision_level, supervised_on, delisted_on, found_on, deadline, rectified_on, verified_on
    from scoped_hazards($region, $account_region, $industry)
    where found_on between $start and $end
      and found_on <= $as_of
),

selected as (
    select
        grade = 'major' as is_major,
        -- a supervision recorded without its day counts from the start (the level is the record of it)
        supervision_level <> 'none'
            and coalesce(supervised_on <= $as_of, true)
            and not coalesce(delisted_on <= $as_of, false) as is_supervised_open,
        found_on,
        deadline,
        rectified_on,
        -- the day the hazard counts as done: 销号 (verification) for a major hazard
        case when grade = 'major' then verified_on else rectified_on end as done_on,
        hazard_is_done(grade, rectified_on, verified_on, $as_of) as is_done
    from period_hazards
),

flagged as (
    -- overdue as hazard_state() has it for a hazard found by as-of: not done and the deadline before as-of
    select *, not is_done and deadline < $as_of as is_overdue
    from selected
),

counted as (
    select
        count(*) as found,
        count(*) filter (where not is_major) as general_found,
        count(*) filter (where not is_major and is_done) as general_rectified,
        count(*) filter (where is_major) as major_found,
        count(*) filter (where is_major and is_done) as major_closed,
        count(*) filter (where is_overdue) as overdue,
        count(*) filter (where is_overdue and is_major) as overdue_major,
        count(*) filter (where is_major and is_supervised_open) as supervised_open,
        count(*) filter (where is_done and done_on <= deadline) as on_time,
        count(*) filter (where is_done or is_overdue) as done_or_overdue,
        count(*) filter (where rectified_on <= $as_of) as rectified_any_grade
    from flagged
),

days_to_rectify as (
    select rectified_on - found_on as days, count(*) as hazards
    from selected
    where rectified_on <= $as_of
    group by 1
),

days_ranked as (
    select days, sum(hazards) over (order by days) as through, sum(hazards) over () as total
    from days_to_rectify
),

median_days as (
    -- the middle value, or the mean of the two middle values for an even count, as median() gives it, read
    -- from the count of hazards per whole day instead of sorting every hazard
    select (min(days) filter (where through > (total - 1) // 2)
            + min(days) filter (where through > total // 2)) / 2 as median_days_to_rectify
    from days_ranked
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
from counted
cross join median_days;
