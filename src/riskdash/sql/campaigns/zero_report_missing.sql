-- Grain: one row per township-level region in $region and below × day of a zero-report window in 1 January
-- of $year to $as_of on which the township filed no report (a missing day has no row; a day of two windows
-- is one day, named with both).
with townships as (
    -- the scope's townships with county and label (scope_townships, sql/views/scope.sql)
    select region_code, township_name, county_name, township_label
    from scope_townships($region, $account_region)
),

window_days as (
    select cast(day_on as date) as report_on, string_agg(name, '、' order by start_on, window_id) as window_name
    from zero_report_windows,
         range(cast(greatest(start_on, make_date($year, 1, 1)) as timestamp),
               cast(least(end_on, $as_of) as timestamp) + interval 1 day, interval 1 day) as days(day_on)
    where start_on <= $as_of and end_on >= make_date($year, 1, 1)
    group by all
)

select
    townships.region_code,
    townships.county_name,
    townships.township_name,
    townships.township_label,
    window_days.window_name,
    window_days.report_on
from townships
cross join window_days
anti join zero_reports
       on zero_reports.region_code = townships.region_code
      and zero_reports.report_on = window_days.report_on
order by townships.region_code, window_days.report_on;
