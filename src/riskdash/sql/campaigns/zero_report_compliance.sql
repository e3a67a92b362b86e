-- Grain: one row per township-level region in $region and below: the days it had to report (every day of
-- every window in 1 January of $year to $as_of, a day of two windows once), the days it reported, the days
-- missed and the accidents it reported. compliance (报送率) = days_reported ÷ days_due; on time (按时率) =
-- days_on_time ÷ days_due, a day on time when a report of it was filed by the day's cut-off
-- ($zero_cutoff_minutes after its midnight, setting zero_report_cutoff; docs/rules.md#township-assessment-考核-and-campaigns); days_late = reported
-- but not on time (filed after the cut-off, or without reported_at).
with townships as (
    -- the scope's townships with county and label (scope_townships, sql/views/scope.sql)
    select region_code, township_name, county_name, township_label
    from scope_townships($region, $account_region)
),

window_days as (
    -- one row per day to report (zero_report_days, sql/views/zero_report_days.sql)
    select report_on from zero_report_days($year, $as_of)
),

reported as (
    select
        region_code,
        count(distinct report_on) as days_reported,
        count(distinct report_on) filter (
            where reported_at <= cast(report_on as timestamp) + $zero_cutoff_minutes * interval 1 minute)
            as days_on_time,
        sum(accidents_reported) as accidents_reported
    from zero_reports
    where report_on in (select report_on from window_days)
      and region_code in (select region_code from townships)
    group by region_code
)

select
    townships.region_code,
    townships.county_name,
    townships.township_name,
    townships.township_label,
    (select count(*) from window_days) as days_due,
    coalesce(reported.days_reported, 0) as days_reported,
    (select count(*) from window_days) - coalesce(reported.days_reported, 0) as days_missing,
    coalesce(reported.days_on_time, 0) as days_on_time,
    coalesce(reported.days_reported, 0) - coalesce(reported.days_on_time, 0) as days_late,
    coalesce(reported.accidents_reported, 0) as accidents_reported
from townships
left join reported using (region_code)
order by days_missing desc, townships.region_code;
