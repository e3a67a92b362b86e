-- Grain: one row per ISO weekday (1 = Monday … 7 = Sunday, all seven), for the accidents that occurred from
-- $start to $end in $region and below, in sector $industry (all when null): accidents and deaths (incl.
-- missing) by the weekday of the accident's date.
with weekdays as (
    select cast(range as integer) as weekday
    from range(1, 8)
),

selected as (
    select isodow(occurred_at) as weekday, deaths + missing as deaths_incl_missing
    from scoped_accidents($region, $account_region, $industry)
    where cast(occurred_at as date) between $start and $end
),

counted as (
    select weekday, count(*) as accidents, sum(deaths_incl_missing) as deaths_incl_missing
    from selected
    group by weekday
)

select
    weekdays.weekday,
    coalesce(counted.accidents, 0) as accidents,
    coalesce(counted.deaths_incl_missing, 0) as deaths_incl_missing
from weekdays
left join counted using (weekday)
order by weekdays.weekday;
