-- Grain: one row per hour of the day (0–23, all 24), for the accidents whose time is known (has_time) that
-- occurred from $start to $end in $region and below, in sector $industry (all when null): accidents and
-- deaths (incl. missing) by the hour of occurrence. Records with a date only stay out (they read as 00:00).
with hours as (
    select cast(range as integer) as hour
    from range(0, 24)
),

selected as (
    select hour(occurred_at) as hour, deaths + missing as deaths_incl_missing
    from scoped_accidents($region, $account_region, $industry)
    where cast(occurred_at as date) between $start and $end
      and has_time
),

counted as (
    select hour, count(*) as accidents, sum(deaths_incl_missing) as deaths_incl_missing
    from selected
    group by hour
)

select
    hours.hour,
    coalesce(counted.accidents, 0) as accidents,
    coalesce(counted.deaths_incl_missing, 0) as deaths_incl_missing
from hours
left join counted using (hour)
order by hours.hour;
