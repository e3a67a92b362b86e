-- Grain: one row per risk level (risk_thresholds.level)
-- The minimum score of each risk level, highest minimum first (red, orange, yellow, blue).
select level, min_score
from risk_thresholds
order by min_score desc, level
