-- Grain: one row per risk level with its minimum score (a score at or above it takes the level), highest first.
select level, min_score
from risk_thresholds
order by min_score desc, level;
