-- Grain: one row: the 四不放过 figures of the accidents in $region and below (sector $industry, all when null).
-- Flow: the accidents that occurred from $start to $end and were closed (结案, closed_on on or before $as_of), and
-- of them those whose four measures (accident_measures, schema 25) were all done by $as_of: 原因查清, 责任人处理,
-- 整改措施落实, 有关人员受到教育 — each marked done, on a day not after $as_of (a done measure without a day
-- counts). A case with no row, or with three of the four, is not 落实. 落实率 = all four ÷ closed (metrics).
-- And per measure, the closed cases where it is not done by $as_of (the 通报 names them: a case may lack several).
with closed as (
    select accident_id
    from scoped_accidents($region, $account_region, $industry)
    where cast(occurred_at as date) between $start and $end
      and closed_on <= $as_of
),

judged as (
    select
        closed.accident_id,
        coalesce(m.cause_found and coalesce(m.cause_found_on <= $as_of, true), false) as cause,
        coalesce(m.responsible_dealt and coalesce(m.responsible_dealt_on <= $as_of, true), false) as responsible,
        coalesce(m.measures_taken and coalesce(m.measures_taken_on <= $as_of, true), false) as measures,
        coalesce(m.people_educated and coalesce(m.people_educated_on <= $as_of, true), false) as educated
    from closed
    left join accident_measures as m on m.accident_id = closed.accident_id
)

select
    count(*) as closed,
    count(*) filter (where cause and responsible and measures and educated) as all_four,
    count(*) filter (where not cause) as cause_missing,
    count(*) filter (where not responsible) as responsible_missing,
    count(*) filter (where not measures) as measures_missing,
    count(*) filter (where not educated) as educated_missing
from judged;
