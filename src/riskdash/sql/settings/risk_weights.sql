-- Grain: one row per risk-score component (risk_weights.component)
-- The points per unit of each priority-site score component, by component code.
select component, weight, unit_zh, description_zh, description_en
from risk_weights
order by component
