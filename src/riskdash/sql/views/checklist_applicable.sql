-- The 规范化建设 checklist rule, in one place for the campaigns screen's checklist queries and its scorecard.

-- One row per township-level region with its deadline group and deadline: city-managed zones (a zone whose
-- parent is the city), other zones, key townships, all others; each group's deadline is a setting passed in.
create or replace macro checklist_deadlines(deadline_zone_city, deadline_zone, deadline_key, deadline_all) as table
with townships as (
    select
        township.region_code,
        township.name as township_name,
        county.name as county_name,
        labels.township_label,  -- the name shown (sql/views/township_labels.sql)
        township.kind,
        township.township_class,
        case when township.kind = 'zone' and county.level = 'city' then 'zone_city'
             when township.kind = 'zone' then 'zone'
             when township.township_class = 'key' then 'key'
             else 'all' end as deadline_group
    from regions as township
    left join regions as county on county.region_code = township.parent_code
    join township_labels as labels on labels.region_code = township.region_code
    where township.level = 'township'
)
select
    townships.*,
    case deadline_group when 'zone_city' then deadline_zone_city when 'zone' then deadline_zone
                        when 'key' then deadline_key else deadline_all end as deadline
from townships;

-- One row per township-level region with its staffing as recorded in township_stations (schema 19; issue 18,
-- docs/rules.md#township-assessment-考核-and-campaigns): staff_required = staff_min_key for a key township, staff_min_ordinary for any other
-- (a zone without a class too); staff_met = nothing is required (0: a named person is enough, the item
-- named_person), or a row exists, its full-time staff reach staff_required, and the count is dated on or before
-- as_of (or undated); head_in_place = a full-time station head whose appointment
-- document was filed with the county on or before as_of. A township without a row has met neither.
create or replace macro township_staffing(as_of, staff_min_key, staff_min_ordinary) as table
select
    regions.region_code,
    case when regions.township_class = 'key' then staff_min_key else staff_min_ordinary end as staff_required,
    stations.region_code is not null as has_station_row,
    stations.full_time_staff,
    stations.staffed_on,
    stations.head_full_time,
    stations.head_appointment_doc,
    stations.head_filed_on,
    stations.acceptance_report_on,
    case when regions.township_class = 'key' then staff_min_key else staff_min_ordinary end = 0
        or coalesce(stations.full_time_staff >= case when regions.township_class = 'key' then staff_min_key
                                                     else staff_min_ordinary end
                    and coalesce(stations.staffed_on <= as_of, true), false) as staff_met,
    coalesce(stations.head_full_time and stations.head_filed_on <= as_of, false) as head_in_place
from regions
left join township_stations as stations on stations.region_code = regions.region_code
where regions.level = 'township';

-- One row per township-level region × checklist item that binds it (key-only items bind key townships only;
-- full_time_staff binds a township whose staff_required is above 0), with its status on as_of: an item
-- without a status row has not been started. Two items are computed from township_stations, never ticked:
-- full_time_staff (done when its full-time staff reach staff_required; in progress with fewer but some; dated
-- by staffed_on) and station_head (done when a full-time head's appointment was filed with the county; in
-- progress when full-time but not filed; dated by head_filed_on). is_done = status done and dated on or
-- before as_of (or undated); is_late = deadline before as_of and not done (the deadline day itself is not
-- late); is_done_late = done after its deadline.
create or replace macro checklist_applicable(as_of, deadline_zone_city, deadline_zone, deadline_key, deadline_all,
                                             staff_min_key, staff_min_ordinary) as table
with items as (
    select
        deadlines.*,
        checklist_items.item_code,
        checklist_items.item_group,
        checklist_items.name_zh as item_name_zh,
        checklist_items.name_en as item_name_en,
        checklist_items.sort_order
    from checklist_deadlines(deadline_zone_city, deadline_zone, deadline_key, deadline_all) as deadlines
    join checklist_items
      on checklist_items.applies_to = 'all'
      or (checklist_items.applies_to = 'key' and deadlines.township_class = 'key')
),

staffing as (
    select * from township_staffing(as_of, staff_min_key, staff_min_ordinary)
),

recorded as (
    -- the status of each binding item: the tick, or for the two staffing items the township_stations row
    select
        items.*,
        case items.item_code
            when 'full_time_staff' then
                case when not staffing.has_station_row then 'not_started'
                     when staffing.full_time_staff >= staffing.staff_required then 'done'
                     when staffing.full_time_staff > 0 then 'in_progress'
                     else 'not_started' end
            when 'station_head' then
                case when staffing.head_full_time and staffing.head_filed_on is not null then 'done'
                     when staffing.head_full_time then 'in_progress'
                     else 'not_started' end
            else coalesce(checklist_status.status, 'not_started') end as status,
        case items.item_code when 'full_time_staff' then staffing.staffed_on
                             when 'station_head' then staffing.head_filed_on
                             else checklist_status.status_on end as status_on,
        case items.item_code
            when 'full_time_staff' then
                case when staffing.has_station_row
                     then '专职' || staffing.full_time_staff || '人/应≥' || staffing.staff_required || '人' end
            when 'station_head' then staffing.head_appointment_doc
            else checklist_status.evidence end as evidence
    from items
    join staffing using (region_code)
    left join checklist_status
      on checklist_status.region_code = items.region_code and checklist_status.item_code = items.item_code
    where items.item_code <> 'full_time_staff' or staffing.staff_required > 0
),

statused as (
    select
        recorded.*,
        status = 'done' and coalesce(status_on <= as_of, true) as is_done
    from recorded
)

select
    *,
    deadline < as_of and not is_done as is_late,
    is_done and coalesce(status_on > deadline, false) as is_done_late
from statused;
