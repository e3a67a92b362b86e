-- Grain: one row per deadline group (city-managed zones, other zones, key townships, all others) present in
-- $region and below among townships with a binding item: townships, those complete (every binding item done
-- by $as_of), those late (an item not done and the group's deadline before $as_of), items binding and done.
-- completion = complete ÷ townships. Binding items come from the checklist_applicable macro.
with per_township as (
    select
        region_code,
        deadline_group,
        deadline,
        count(*) as items_applicable,
        count(*) filter (where is_done) as items_done
    from checklist_applicable($as_of, $deadline_zone_city, $deadline_zone, $deadline_key, $deadline_all,
                          $staff_min_key, $staff_min_ordinary)
    where region_code in (select region_code from scope_regions($region, $account_region))
    group by region_code, deadline_group, deadline
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
