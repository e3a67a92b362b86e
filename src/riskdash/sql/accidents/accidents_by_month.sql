-- Grain: one row per calendar month from the month of $history_start to the month of $end (months without
-- accidents included as zeros), for accidents in $region and below, in sector $industry (all when null).
-- Each accident counts in the month it occurred; the last month counts only up to $end;
-- deaths_incl_missing = deaths + missing (死亡（含失踪）); is_covered = the month is not before the first accident
-- in the database (earlier months hold no data, not zero accidents); deaths_incl_missing_squared = the sum over
-- the month's accidents of the square of each one's deaths (how deaths cluster, for the deaths' control limits).
with months as (
    select cast(range as date) as month_start
    from range(
        cast(date_trunc('month', cast($history_start as date)) as timestamp),
        cast(date_trunc('month', cast($end as date)) as timestamp) + interval 1 month,
        interval 1 month
    )
),

selected as (
    select
        cast(date_trunc('month', occurred_at) as date) as month_start,
        deaths + missing as deaths_incl_missing,
        serious_injuries,
        direct_loss_wan,
        accident_grade(deaths + missing, serious_injuries, direct_loss_wan) <> 'general' as is_larger_and_above
    from scoped_accidents($region, $account_region, $industry)
    where cast(occurred_at as date) between $history_start and $end
),

data_starts as (
    select cast(date_trunc('month', min(occurred_at)) as date) as first_month
    from accidents
),

counted as (
    select
        month_start,
        count(*) as accidents,
        sum(deaths_incl_missing) as deaths_incl_missing,
        sum(deaths_incl_missing * deaths_incl_missing) as deaths_incl_missing_squared,
        sum(serious_injuries) as serious_injuries,
        sum(direct_loss_wan) as direct_loss_wan,
        count(*) filter (where is_larger_and_above) as larger_and_above
    from selected
    group by month_start
)

select
    months.month_start,
    coalesce(months.month_start >= data_starts.first_month, false) as is_covered,
    coalesce(counted.accidents, 0) as accidents,
    coalesce(counted.deaths_incl_missing, 0) as deaths_incl_missing,
    coalesce(counted.deaths_incl_missing_squared, 0) as deaths_incl_missing_squared,
    coalesce(counted.serious_injuries, 0) as serious_injuries,
    coalesce(counted.direct_loss_wan, 0) as direct_loss_wan,
    coalesce(counted.larger_and_above, 0) as larger_and_above
from months
cross join data_starts
left join counted using (month_start)
order by months.month_start;
