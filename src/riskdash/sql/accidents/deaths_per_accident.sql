-- Grain: one row per period (current = $start–$end, previous = $previous_start–$previous_end) and number of
-- deaths (incl. missing) in one accident, for accidents in $region and below, in sector $industry (all when
-- null): how many accidents had that many deaths. The change tests need how deaths spread over accidents
-- (they cluster), not only the totals.
with in_scope as (
    select cast(occurred_at as date) as occurred_on, deaths + missing as deaths_incl_missing
    from scoped_accidents($region, $account_region, $industry)
),

-- two selections, not one case: a period longer than a year overlaps its previous one
selected as (
    select 'current' as period, deaths_incl_missing from in_scope where occurred_on between $start and $end
    union all
    select 'previous', deaths_incl_missing from in_scope where occurred_on between $previous_start and $previous_end
)

select
    period,
    deaths_incl_missing,
    count(*) as accidents
from selected
group by period, deaths_incl_missing
order by period, deaths_incl_missing;
