-- Grain: one row: N, the years of accident history the score reads (the setting risk_recency_years).
-- 3 when unset or not a whole number ≥ 1, exactly as in risk_scores.sql.
select coalesce(max(greatest(try_cast(value as integer), 1)), 3) as recency_years
from settings
where key = 'risk_recency_years';
