-- Grain: one row per sector, with the names and inherent risk the ranking's reasons quote.
-- inherent_risk is the sector_inherent component's count; is_high_risk words it as 高危行业. sector_number is
-- the sector's place in code order, as risk_scores.sql returns it.
select row_number() over (order by code) as sector_number, code as industry, name_zh as sector_name_zh,
       name_en as sector_name_en, is_high_risk, inherent_risk
from sectors
order by code;
