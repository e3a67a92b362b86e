-- Grain: one row for the hazards found from $start to $end and not after $as_of, at enterprises in $region
-- and below, in sector $industry (all when null), as they stood on $as_of.
-- A general hazard is done when rectified_on ≤ as-of; a major hazard only when closed, verified_on ≤ as-of
-- (整改销号), as in the official monthly form. rate = (general rectified + major closed) ÷ found.
with in_region as (
    select region_code
    from region_ancestors
    where ancestor_code = $region
),

selected as (
    select
        grade,
        supervision_level,
        hazard_is_done(grade, rectified_on, verified_on, $as_of) as is_done,
        hazard_state(found_on, grade, deadline, rectified_on, verified_on, $as_of) = 'overdue' as is_overdue
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
        count(*) filter (where grade = 'major' and supervision_level <> 'none' and not is_done) as supervised_open
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
    supervised_open
from counted;
