-- Grain: one row per township-level region in $region and below: checklist items that bind it, done (by
-- $as_of), in progress, not started, and late (deadline before $as_of, not done); its deadline by kind and
-- class. done share = items_done ÷ items_applicable; complete = every binding item done.
with in_region as (
    select region_code
    from region_ancestors
    where ancestor_code = $region
),

townships as (
    select
        township.region_code,
        township.name as township_name,
        county.name as county_name,
        township.kind,
        township.township_class,
        case when township.kind = 'zone' and county.level = 'city' then 'zone_city'
             when township.kind = 'zone' then 'zone'
             when township.township_class = 'key' then 'key'
             else 'all' end as deadline_group
    from regions as township
    left join regions as county on county.region_code = township.parent_code
    where township.level = 'township'
      and township.region_code in (select region_code from in_region)
),

deadlines as (
    select
        townships.*,
        case deadline_group when 'zone_city' then $deadline_zone_city when 'zone' then $deadline_zone
                            when 'key' then $deadline_key else $deadline_all end as deadline
    from townships
),

items as (
    select
        deadlines.region_code,
        deadlines.deadline,
        coalesce(checklist_status.status, 'not_started') as status,
        coalesce(checklist_status.status = 'done', false)
            and coalesce(checklist_status.status_on <= $as_of, true) as is_done
    from deadlines
    join checklist_items
      on checklist_items.applies_to = 'all'
      or (checklist_items.applies_to = 'key' and deadlines.township_class = 'key')
    left join checklist_status
      on checklist_status.region_code = deadlines.region_code
     and checklist_status.item_code = checklist_items.item_code
),

counted as (
    select
        region_code,
        count(*) as items_applicable,
        count(*) filter (where is_done) as items_done,
        count(*) filter (where not is_done and status = 'in_progress') as items_in_progress,
        count(*) filter (where not is_done and status <> 'in_progress') as items_not_started,
        count(*) filter (where not is_done and deadline < $as_of) as items_late
    from items
    group by region_code
)

select
    deadlines.*,
    coalesce(counted.items_applicable, 0) as items_applicable,
    coalesce(counted.items_done, 0) as items_done,
    coalesce(counted.items_in_progress, 0) as items_in_progress,
    coalesce(counted.items_not_started, 0) as items_not_started,
    coalesce(counted.items_late, 0) as items_late,
    coalesce(counted.items_done = counted.items_applicable, false) as is_complete,
    coalesce(counted.items_late > 0, false) as is_late
from deadlines
left join counted using (region_code)
order by region_code;
