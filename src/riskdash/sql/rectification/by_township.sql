-- Grain: one row per township-level region in $region and below, for the hazards found from $start to $end
-- and not after $as_of at its enterprises (sector $industry, all when null), as they stood on $as_of.
-- general_rectified: rectified_on ≤ as-of; major_closed: verified_on ≤ as-of (整改销号);
-- rate = (general_rectified + major_closed) ÷ found. township_label: the name shown (sql/views/township_labels.sql).
with townships as (
    -- the scope's townships with county and label (scope_townships, sql/views/scope.sql)
    select region_code, township_name, county_name, township_label
    from scope_townships($region, $account_region)
),

selected as (
    -- the filters' hazards, each with its enterprise's township (scoped_hazards_found, sql/views/scope.sql)
    select
        region_code,
        grade,
        -- 挂牌督办 ends at 摘牌 (delisted_on ≤ as-of), not at verification; a supervision recorded without its
        -- day counts from the start
        supervision_level <> 'none'
            and coalesce(supervised_on <= $as_of, true)
            and not coalesce(delisted_on <= $as_of, false) as is_supervised_open,
        hazard_is_done(grade, rectified_on, verified_on, $as_of) as is_done,
        deadline
    from scoped_hazards_found($region, $account_region, $industry, $start, $end, $as_of)
),

flagged as (
    -- overdue as hazard_state() has it for a hazard found by as-of: not done and the deadline before as-of
    select *, not is_done and deadline < $as_of as is_overdue
    from selected
)
,

counted as (
    -- counts per township before meeting the townships list: a small join instead of one per hazard
    select
        region_code,
        count(*) as found,
        count(*) filter (where grade = 'general') as general_found,
        count(*) filter (where grade = 'general' and is_done) as general_rectified,
        count(*) filter (where grade = 'major') as major_found,
        count(*) filter (where grade = 'major' and is_done) as major_closed,
        count(*) filter (where is_overdue) as overdue,
        count(*) filter (where grade = 'major' and is_supervised_open) as supervised_open
    from flagged
    group by region_code
)

select
    townships.region_code,
    townships.county_name,
    townships.township_name,
    townships.township_label,
    coalesce(counted.found, 0) as found,
    coalesce(counted.general_found, 0) as general_found,
    coalesce(counted.general_rectified, 0) as general_rectified,
    coalesce(counted.major_found, 0) as major_found,
    coalesce(counted.major_closed, 0) as major_closed,
    coalesce(counted.overdue, 0) as overdue,
    coalesce(counted.supervised_open, 0) as supervised_open
from townships
left join counted on counted.region_code = townships.region_code
order by townships.region_code;
