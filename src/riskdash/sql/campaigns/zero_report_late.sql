-- Grain: one row per township-level region in $region and below × day of a zero-report window in 1 January
-- of $year to $as_of that the township reported but not on time (迟报, docs/rules.md#township-assessment-考核-and-campaigns): no report of that day
-- was filed by its cut-off ($zero_cutoff_minutes after the day's midnight, setting zero_report_cutoff). A
-- report without reported_at cannot show it was on time and counts here with first_reported_at empty.
with townships as (
    -- the scope's townships with county and label (scope_townships, sql/views/scope.sql)
    select region_code, township_name, county_name, township_label
    from scope_townships($region, $account_region)
),

window_days as (
    -- the days to report, named by their windows (zero_report_days, sql/views/zero_report_days.sql)
    select report_on, window_name from zero_report_days($year, $as_of)
),

per_day as (
    select
        region_code,
        report_on,
        min(reported_at) as first_reported_at,
        bool_or(coalesce(reported_at <= cast(report_on as timestamp) + $zero_cutoff_minutes * interval 1 minute,
                         false)) as is_on_time
    from zero_reports
    where region_code in (select region_code from townships)
      and report_on in (select report_on from window_days)
    group by region_code, report_on
)

select
    townships.region_code,
    townships.county_name,
    townships.township_name,
    townships.township_label,
    window_days.window_name,
    window_days.report_on,
    per_day.first_reported_at
from per_day
join townships using (region_code)
join window_days using (report_on)
where not per_day.is_on_time
order by townships.region_code, window_days.report_on;
