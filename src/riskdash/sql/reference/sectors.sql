-- Grain: one row per sector, in the settings' order.
select code, name_zh, name_en, aliases, stat_class, inherent_risk, is_high_risk, sort_order
from sectors
order by sort_order, code;
