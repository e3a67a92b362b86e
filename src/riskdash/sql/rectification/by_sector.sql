-- Grain: one row per sector in the settings' order (only $industry when given), for the hazards found from
-- $start to $end and not after $as_of at enterprises in $region and below, as they stood on $as_of.
-- general_rectified: rectified_on ≤ as-of; major_closed: verified_on ≤ as-of (整改销号);
-- rate = (general_rectified + major_closed) ÷ found.
with selected as (
    -- the filters' hazards, each with its enterprise's sector (scoped_hazards_found, sql/views/scope.sql)
    select
        industry,
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
    -- counts per sector before meeting the sectors list: a small join instead of one per hazard
    select
        industry,
        count(*) as found,
        count(*) filter (where grade = 'general') as general_found,
        count(*) filter (where grade = 'general' and is_done) as general_rectified,
        count(*) filter (where grade = 'major') as major_found,
        count(*) filter (where grade = 'major' and is_done) as major_closed,
        count(*) filter (where is_overdue) as overdue,
        count(*) filter (where grade = 'major' and is_supervised_open) as supervised_open
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
