-- Grain: one row: the 结案 figures of the accidents in $region and below (sector $industry, all when null).
-- Flow: the accidents that occurred from $start to $end, those closed (结案, closed_on on or before $as_of) and
-- 结案率 = closed ÷ accidents; those still open on $as_of, and of them past the investigation deadline (occurred
-- more than $investigation_days days before $as_of: 《生产安全事故报告和调查处理条例》Art. 29, 60 days; setting
-- accident_investigation_days). Stock: every accident that occurred on or before $as_of, whatever year, open on
-- $as_of and past that deadline (the "截至" figure of a 通报).
with scoped as (
    select accident_id, cast(occurred_at as date) as occurred_on, closed_on
    from scoped_accidents($region, $account_region, $industry)
    where cast(occurred_at as date) <= $as_of
),

judged as (
    select
        *,
        occurred_on between $start and $end as in_period,
        coalesce(closed_on <= $as_of, false) as is_closed,
        occurred_on + cast($investigation_days as integer) < $as_of as is_past_deadline
    from scoped
)

select
    count(*) filter (where in_period) as accidents,
    count(*) filter (where in_period and is_closed) as closed,
    count(*) filter (where in_period and not is_closed) as open,
    count(*) filter (where in_period and not is_closed and is_past_deadline) as open_overdue,
    count(*) filter (where not is_closed and is_past_deadline) as open_overdue_stock
from judged;
