-- Grain: one row per township-level region in $region and below × day of a zero-report window in 1 January
-- of $year to $as_of on which the township filed no report (a missing day has no row; a day of two windows
-- is one day, named with both).
with townships as (
    -- the scope's townships with county and label (scope_townships, sql/views/scope.sql)
    select region_code, township_name, county_name, township_label
    from scope_townships($region, $account_region)
),

window_days as (
    -- the days to report, named by their windows (zero_report_days, sql/views/zero_report_days.sql)
    select report_on, window_name from zero_report_days($year, $as_of)
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
