-- Grain: one row per sector in the settings' order (only $industry when given), for the hazards found from
-- $start to $end and not after $as_of at enterprises in $region and below, as they stood on $as_of.
-- general_rectified: rectified_on ≤ as-of; major_closed: verified_on ≤ as-of (整改销号);
-- rate = (general_rectified + major_closed) ÷ found.
with in_region as (
    select region_code
    from region_ancestors
    where ancestor_code = $region
),

-- enterprises are matched on the integer enterprise_no (schema 9), not the varchar enterprise_id
region_enterprises as (
    select enterprise_no, industry
    from enterprises
    where region_code in (select region_code from in_region)
      and ($industry is null or industry = $industry)
),

selected as (
    -- found_on first: hazards lie in time order on disk, so the period skips most row groups; then each
    -- hazard takes its enterprise's sector (the costliest step, docs/bench-rectification.md)
    select
        region_enterprises.industry,
        hazards.grade,
        hazards.supervision_level,
        hazard_is_done(hazards.grade, hazards.rectified_on, hazards.verified_on, $as_of) as is_done,
        hazards.deadline
    from hazards
    join region_enterprises on region_enterprises.enterprise_no = hazards.enterprise_no
    where hazards.found_on between $start and $end
      and hazards.found_on <= $as_of
),

flagged as (
    -- overdue as hazard_state() has it for a hazard found by as-of: not done and the deadline before as-of
    select *, not is_done and deadline < $as_of as is_overdue
    from selected
)
,

counted as (
    -- counts per sector before meeting the sectors list: a small join instead of one per hazard
    select
        industry,
        count(*) as found,
        count(*) filter (where grade = 'general') as general_found,
        count(*) filter (where grade = 'general' and is_done) as general_rectified,
        count(*) filter (where grade = 'major') as major_found,
        count(*) filter (where grade = 'major' and is_done) as major_closed,
        count(*) filter (where is_overdue) as overdue,
        count(*) filter (where grade = 'major' and supervision_level <> 'none' and not is_done) as supervised_open
    from flagged
    group by industry
)

select
    sectors.code as industry,
    sectors.name_zh,
    sectors.name_en,
    coalesce(counted.found, 0) as found,
    coalesce(counted.general_found, 0) as general_found,
    coalesce(counted.general_rectified, 0) as general_rectified,
    coalesce(counted.major_found, 0) as major_found,
    coalesce(counted.major_closed, 0) as major_closed,
    coalesce(counted.overdue, 0) as overdue,
    coalesce(counted.supervised_open, 0) as supervised_open
from sectors
left join counted on counted.industry = sectors.code
where $industry is null or sectors.code = $industry
order by sectors.sort_order, sectors.code;
