-- Grain: one row per inspection in the filtered view (every column of the table).
-- Inspections made start..end at enterprises of the scope (region and, when given, sector: views/scope.sql).
select i.* exclude (enterprise_no, inspection_no)  -- the contract's columns (the integer keys are internal)
from scoped_inspections($region, $account_region, $industry) i
where i.inspected_on between $start and $end
order by i.inspected_on, i.inspection_id
