-- Grain: one row: the annual control target (max deaths, 死亡（含失踪）) set for $region in $year; no row
-- when none is set.
select year, region_code, max_deaths
from annual_targets
where year = $year
  and region_code = $region;
