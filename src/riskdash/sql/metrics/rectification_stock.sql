-- Grain: one row for every hazard found on or before $as_of, whatever year, at enterprises in $region and below,
-- in sector $industry (all when null), as it stood on $as_of: the stock a 通报 states as "截至…" (docs/rules.md#flows-and-stock).
-- The period's days do not apply. open = not done (general: rectified_on ≤ as-of; major: verified_on ≤ as-of,
-- 整改销号); overdue = open and the deadline before as-of; overdue_major_unrectified leaves out majors rectified
-- and awaiting verification (逾期未整改 vs 逾期未销号). supervised_open = majors under 挂牌督办 on or before as-of
-- and not delisted (摘牌, delisted_on ≤ as-of) — verification alone does not end the supervision.
with stock_hazards as (
    -- at the scope's enterprises; every hazard when the scope keeps them all (views/scope.sql)
    select grade, deadline, rectified_on, verified_on, supervision_level, supervised_on, delisted_on
    from scoped_hazards($region, $account_region, $industry)
    where found_on <= $as_of
),

flagged as (
    select
        grade = 'major' as is_major,
        not hazard_is_done(grade, rectified_on, verified_on, $as_of) as is_open,
        coalesce(rectified_on <= $as_of, false) as is_rectified,
        deadline < $as_of as is_past_deadline,
        -- a supervision recorded without its day counts from the start (the level is the record of it)
        supervision_level <> 'none'
            and coalesce(supervised_on <= $as_of, true)
            and not coalesce(delisted_on <= $as_of, false) as is_supervised_open
    from stock_hazards
)

select
    count(*) filter (where is_open) as open,
    count(*) filter (where is_open and is_major) as open_major,
    count(*) filter (where is_open and is_past_deadline) as overdue,
    count(*) filter (where is_open and is_past_deadline and is_major) as overdue_major,
    count(*) filter (where is_open and is_past_deadline and is_major and not is_rectified)
        as overdue_major_unrectified,
    count(*) filter (where is_major and is_supervised_open) as supervised_open
from flagged;
