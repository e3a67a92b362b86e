-- Grain: one row per hazard in the filtered view (every column of the table).
-- Hazards found start..end at enterprises of the scope (region and, when given, sector: views/scope.sql).
select h.* exclude (enterprise_no, inspection_no)  -- the contract's columns (the integer keys are internal)
from scoped_hazards($region, $account_region, $industry) h
where h.found_on between $start and $end
order by h.found_on, h.hazard_id
