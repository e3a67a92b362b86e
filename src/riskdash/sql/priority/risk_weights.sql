-- Grain: one row per risk-score component with its weight (points per unit), as stored now (editable data).
select component, weight, unit_zh, description_zh, description_en
from risk_weights
order by component;
