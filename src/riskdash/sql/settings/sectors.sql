-- Grain: one row per supervision sector (sectors.code)
-- The sector list with its names, import aliases, statistical class, inherent risk and high-risk flag.
select code, name_zh, name_en, aliases, stat_class, inherent_risk, is_high_risk, sort_order
from sectors
order by sort_order, code
