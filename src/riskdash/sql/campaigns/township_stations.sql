-- Grain: one row per township-level region in $region and below: its 安监站 as recorded in township_stations
-- (schema 19; none recorded: the figures empty) and judged on $as_of by the township_staffing macro
-- (sql/views/checklist_applicable.sql): full-time staff against staff_required ($staff_min_key for a key
-- township, $staff_min_ordinary for the others), the station head, and the acceptance report (验收报告,
-- docs/rules.md#township-assessment-考核-and-campaigns): due on $report_key for key townships only; report_status = on_time (sent on or before the
-- due day), late (after it), missing (not sent by $as_of and the due day passed), not_due (not sent, due day
-- not yet passed), filed (a township without a due day that sent one), not_required (none due, none sent).
-- A report dated after $as_of has not been sent yet on $as_of.
with townships as (
    -- the scope's townships with county and label (scope_townships, sql/views/scope.sql)
    select region_code, township_name, county_name, township_label, kind, township_class
    from scope_townships($region, $account_region)
),

staffing as (
    select
        *,
        case when acceptance_report_on <= $as_of then acceptance_report_on end as report_sent_on
    from township_staffing($as_of, $staff_min_key, $staff_min_ordinary)
    where region_code in (select region_code from townships)
)

select
    townships.region_code,
    townships.county_name,
    townships.township_name,
    townships.township_label,
    townships.kind,
    townships.township_class,
    staffing.has_station_row,
    staffing.full_time_staff,
    staffing.staffed_on,
    staffing.staff_required,
    staffing.staff_met,
    staffing.head_full_time,
    staffing.head_appointment_doc,
    staffing.head_filed_on,
    staffing.head_in_place,
    staffing.report_sent_on as acceptance_report_on,
    case when townships.township_class = 'key' then cast($report_key as date) end as report_due,
    case when townships.township_class = 'key' then
             case when staffing.report_sent_on <= cast($report_key as date) then 'on_time'
                  when staffing.report_sent_on is not null then 'late'
                  when cast($report_key as date) < $as_of then 'missing'
                  else 'not_due' end
         when staffing.report_sent_on is not null then 'filed'
         else 'not_required' end as report_status
from townships
join staffing using (region_code)
order by townships.region_code;
