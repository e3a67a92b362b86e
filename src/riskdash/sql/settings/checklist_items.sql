-- Grain: one row per township standardisation checklist item (checklist_items.item_code)
-- The checklist items with their group, names and scope (all townships or key ones), in sort order.
select item_code, item_group, name_zh, name_en, applies_to, sort_order
from checklist_items
order by sort_order, item_code
