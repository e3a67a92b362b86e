-- Grain: one row per year from $year - $baseline_years to $year, for accidents in $region and below (all
-- sectors: the control target is set for the region as a whole).
-- deaths_to_date = deaths (incl. missing) from 1 January to the day and month of $end in that year (29 February
-- → 28 February); deaths_rest_of_year = from the day after to 31 December; is_covered = the year is not before
-- the first accident recorded in the database (earlier years hold no data, not zero deaths).
with years as (
    select cast(range as integer) as year
    from range($year - $baseline_years, $year + 1)
),

cutoffs as (
    select
        year,
        make_date(year, month(cast($end as date)),
                  least(day(cast($end as date)), day(last_day(make_date(year, month(cast($end as date)), 1)))))
            as cutoff_on
    from years
),

data_starts as (
    select year(min(occurred_at)) as first_year
    from accidents
),

selected as (
    select
        year(occurred_at) as year,
        cast(occurred_at as date) as occurred_on,
        deaths + missing as deaths_incl_missing
    from scoped_accidents($region, $account_region, null)
    where cast(occurred_at as date) between make_date($year - $baseline_years, 1, 1) and make_date($year, 12, 31)
)

select
    cutoffs.year,
    cutoffs.cutoff_on,
    coalesce(cutoffs.year >= data_starts.first_year, false) as is_covered,
    coalesce(sum(selected.deaths_incl_missing) filter (where selected.occurred_on <= cutoffs.cutoff_on), 0)
        as deaths_to_date,
    coalesce(sum(selected.deaths_incl_missing) filter (where selected.occurred_on > cutoffs.cutoff_on), 0)
        as deaths_rest_of_year
from cutoffs
cross join data_starts
left join selected on selected.year = cutoffs.year
group by cutoffs.year, cutoffs.cutoff_on, data_starts.first_year
order by cutoffs.year;
