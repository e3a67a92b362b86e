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

-- One row per township-level region × checklist item that binds it (key-only items bind key townships only),
-- with its status on as_of: an item without a status row has not been started; is_done = status done and
-- dated on or before as_of (or undated); is_late = deadline before as_of and not done (the deadline day itself
-- is not late); is_done_late = done after its deadline.
create or replace macro checklist_applicable(as_of, deadline_zone_city, deadline_zone, deadline_key, deadline_all) as table
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

statused as (
    select
        items.*,
        coalesce(checklist_status.status, 'not_started') as status,
        checklist_status.status_on,
        checklist_status.evidence,
        coalesce(checklist_status.status = 'done', false)
            and coalesce(checklist_status.status_on <= as_of, true) as is_done
    from items
    left join checklist_status
      on checklist_status.region_code = items.region_code and checklist_status.item_code = items.item_code
)

select
    *,
    deadline < as_of and not is_done as is_late,
    is_done and coalesce(status_on > deadline, false) as is_done_late
from statused;
