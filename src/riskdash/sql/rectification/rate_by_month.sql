-- Grain: one row per calendar month from $start's month to $end's, for the hazards found from $start to
-- $end and not after $as_of at enterprises in $region and below (sector $industry, all when null): found from
-- $start to the month's last day (capped at $end and $as_of), and of those, done by that day (general:
-- rectified_on; major: verified_on, 整改销号). rate at the month's end = done_to_date ÷ found_to_date.
with months as (
    select
        cast(month_start as date) as month_start,
        least(cast(month_start + interval 1 month - interval 1 day as date), $end, $as_of) as month_end_on
    from generate_series(date_trunc('month', cast($start as date)), date_trunc('month', cast($end as date)),
                         interval 1 month) as g (month_start)
),

period_hazards as (
    -- at the scope's enterprises; every hazard when the scope keeps them all (views/scope.sql)
    -- found_on first: hazards lie in time order on disk, so the period skips most row groups
    select grade, found_on, rectified_on, verified_on
    from scoped_hazards($region, $account_region, $industry)
    where found_on between $start and $end
      and found_on <= $as_of
),

selected as (
    select
        grade,
        found_on,
        -- done day: a hazard is done from this day on (never before it was found)
        case when grade = 'major' then verified_on else rectified_on end as done_on
    from period_hazards
),

found_by_month as (
    select date_trunc('month', found_on) as month_start,
           count(*) as found,
           count(*) filter (where grade = 'general') as general_found,
           count(*) filter (where grade = 'major') as major_found
    from selected
    group by 1
),

done_by_month as (
    select date_trunc('month', done_on) as month_start,
           count(*) as done,
           count(*) filter (where grade = 'general') as general_done,
           count(*) filter (where grade = 'major') as major_done
    from selected
    where done_on <= least($end, $as_of)
    group by 1
),

monthly as (
    select
        months.month_start,
        months.month_end_on,
        coalesce(found_by_month.found, 0) as found,
        coalesce(found_by_month.general_found, 0) as general_found,
        coalesce(found_by_month.major_found, 0) as major_found,
        coalesce(done_by_month.done, 0) as done,
        coalesce(done_by_month.general_done, 0) as general_done,
        coalesce(done_by_month.major_done, 0) as major_done
    from months
    left join found_by_month on found_by_month.month_start = months.month_start
    left join done_by_month on done_by_month.month_start = months.month_start
)

select
    month_start,
    month_end_on,
    cast(sum(found) over w as bigint) as found_to_date,
    cast(sum(done) over w as bigint) as done_to_date,
    cast(sum(general_found) over w as bigint) as general_found_to_date,
    cast(sum(general_done) over w as bigint) as general_done_to_date,
    cast(sum(major_found) over w as bigint) as major_found_to_date,
    cast(sum(major_done) over w as bigint) as major_done_to_date
from monthly
window w as (order by month_start rows between unbounded preceding and current row)
order by month_start;
