-- Grain: one row per item of the major-hazard criteria list (hazard_bases.code, schema 26)
-- The items a major hazard's 判定依据 cites: its sector, the standard and a short title, in the list's order.
select code, sector, standard_zh, title_zh, title_en, sort_order
from hazard_bases
order by sort_order, code
