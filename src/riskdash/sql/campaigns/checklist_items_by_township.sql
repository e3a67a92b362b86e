-- Grain: one row per township-level region in $region and below × checklist item that binds it (key-only
-- items bind key townships only). The deadline is the township's by kind and class (city-managed zones,
-- other zones, key townships, all others: $deadline_zone_city, $deadline_zone, $deadline_key, $deadline_all);
-- is_late = deadline before $as_of and the item not done by $as_of; is_done_late = done after its deadline.
-- The rule itself is the checklist_applicable macro (sql/views/checklist_applicable.sql).
with in_region as (
    select region_code
    from region_ancestors
    where ancestor_code = $region
)

select *
from checklist_applicable($as_of, $deadline_zone_city, $deadline_zone, $deadline_key, $deadline_all)
where region_code in (select region_code from in_region)
order by region_code, sort_order;
