-- The rectification counts of the tables by sector and by township (sql/rectification/by_sector.sql,
-- by_township.sql), written once: the hazards of the scope found from start_on to end_on and not after as_of
-- (scoped_hazards_found, sql/views/scope.sql), as they stood on as_of, counted per group_code — the enterprise's
-- sector when group_key is 'industry', else its township-level region (region_code).
-- general_rectified: rectified_on ≤ as-of; major_closed: verified_on ≤ as-of (整改销号, hazard_is_done());
-- overdue as hazard_state() has it for a hazard found by as-of: not done and the deadline before as-of;
-- supervised_open: 挂牌督办 ends at 摘牌 (delisted_on ≤ as-of), not at verification, and a supervision recorded
-- without its day counts from the start. Counted before the caller meets its list of sectors or townships: a
-- small join instead of one per hazard.
create or replace macro scoped_hazard_counts(group_key, region_root, account_root, sector_code, start_on, end_on,
                                             as_of) as table
with flagged as (
    select
        case group_key when 'industry' then industry else region_code end as group_code,
        grade,
        supervision_level <> 'none'
            and coalesce(supervised_on <= as_of, true)
            and not coalesce(delisted_on <= as_of, false) as is_supervised_open,
        hazard_is_done(grade, rectified_on, verified_on, as_of) as is_done,
        deadline
    from scoped_hazards_found(region_root, account_root, sector_code, start_on, end_on, as_of)
)
select
    group_code,
    count(*) as found,
    count(*) filter (where grade = 'general') as general_found,
    count(*) filter (where grade = 'general' and is_done) as general_rectified,
    count(*) filter (where grade = 'major') as major_found,
    count(*) filter (where grade = 'major' and is_done) as major_closed,
    count(*) filter (where not is_done and deadline < as_of) as overdue,
    count(*) filter (where grade = 'major' and is_supervised_open) as supervised_open
from flagged
group by group_code;
