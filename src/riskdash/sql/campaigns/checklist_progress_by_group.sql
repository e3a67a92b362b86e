-- Grain: one row per deadline group (city-managed zones, other zones, key townships, all others) present in
-- $region and below: townships, those complete (every binding item done by $as_of), those late (an item
-- not done and the group's deadline before $as_of), items binding and done. completion = complete ÷ townships.
with in_region as (
    select region_code
    from region_ancestors
    where ancestor_code = $region
),

townships as (
    select
        township.region_code,
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

per_township as (
    select
        deadlines.region_code,
        deadlines.deadline_group,
        deadlines.deadline,
        count(checklist_items.item_code) as items_applicable,
        count(*) filter (where checklist_status.status = 'done'
                           and coalesce(checklist_status.status_on <= $as_of, true)) as items_done
    from deadlines
    join checklist_items
      on checklist_items.applies_to = 'all'
      or (checklist_items.applies_to = 'key' and deadlines.township_class = 'key')
    left join checklist_status
      on checklist_status.region_code = deadlines.region_code
     and checklist_status.item_code = checklist_items.item_code
    group by all
)

select
    deadline_group,
    min(deadline) as deadline,
    count(*) as townships,
    count(*) filter (where items_done = items_applicable) as townships_complete,
    count(*) filter (where items_done < items_applicable and deadline < $as_of) as townships_late,
    sum(items_applicable) as items_applicable,
    sum(items_done) as items_done
from per_township
group by deadline_group
order by case deadline_group when 'zone_city' then 1 when 'zone' then 2 when 'key' then 3 else 4 end;
