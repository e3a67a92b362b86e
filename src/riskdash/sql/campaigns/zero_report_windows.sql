-- Grain: one row per zero-report window with days in 1 January of $year to $as_of: its days in that span,
-- the township-level regions of $region and below, reports due (days × townships), received, missing, and
-- accidents reported. compliance = reports_received ÷ reports_due; reports_on_time = those filed by their
-- day's cut-off ($zero_cutoff_minutes after its midnight, setting zero_report_cutoff), on-time rate =
-- reports_on_time ÷ reports_due.
with townships as (
    -- the scope's townships with county and label (scope_townships, sql/views/scope.sql)
    select region_code
    from scope_townships($region, $account_region)
),

windows as (
    select
        window_id,
        name,
        start_on,
        end_on,
        greatest(start_on, make_date($year, 1, 1)) as due_from,
        least(end_on, $as_of) as due_to
    from zero_report_windows
    where start_on <= $as_of and end_on >= make_date($year, 1, 1)
),

received as (
    select
        zero_reports.window_id,
        count(*) as reports_received,
        count(*) filter (where zero_reports.reported_at
                               <= cast(zero_reports.report_on as timestamp) + $zero_cutoff_minutes * interval 1 minute)
            as reports_on_time,
        sum(zero_reports.accidents_reported) as accidents_reported
    from zero_reports
    join windows using (window_id)
    where zero_reports.report_on between windows.due_from and windows.due_to
      and zero_reports.region_code in (select region_code from townships)
    group by zero_reports.window_id
)

select
    windows.window_id,
    windows.name,
    windows.start_on,
    windows.end_on,
    windows.due_to - windows.due_from + 1 as days_due,
    (select count(*) from townships) as townships,
    (windows.due_to - windows.due_from + 1) * (select count(*) from townships) as reports_due,
    coalesce(received.reports_received, 0) as reports_received,
    coalesce(received.reports_on_time, 0) as reports_on_time,
    (windows.due_to - windows.due_from + 1) * (select count(*) from townships)
        - coalesce(received.reports_received, 0) as reports_missing,
    coalesce(received.accidents_reported, 0) as accidents_reported
from windows
left join received using (window_id)
order by windows.start_on, windows.window_id;
