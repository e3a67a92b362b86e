-- Grain: one row per township-level region in $region and below × checklist item that binds it (key-only
-- items bind key townships only). The deadline is the township's by kind and class (city-managed zones,
-- other zones, key townships, all others: $deadline_zone_city, $deadline_zone, $deadline_key, $deadline_all);
-- is_late = deadline before $as_of and the item not done by $as_of; is_done_late = done after its deadline.
-- The rule itself is the checklist_applicable macro (sql/views/checklist_applicable.sql).
select *
from checklist_applicable($as_of, $deadline_zone_city, $deadline_zone, $deadline_key, $deadline_all,
                          $staff_min_key, $staff_min_ordinary)
where region_code in (select region_code from scope_regions($region, $account_region))
order by region_code, sort_order;
