-- Grain: one row per hazard in the filtered view (every column of the table).
-- Hazards found start..end at enterprises of the region and, when given, of the sector.
with scoped_enterprises as (
    select enterprise_id
    from enterprises
    where region_code in (select region_code from region_ancestors where ancestor_code = $region)
      and ($industry is null or industry = $industry)
)
select h.* exclude (enterprise_no, inspection_no)  -- the contract's columns (the integer keys are internal)
from hazards h
where h.found_on between $start and $end
  and h.enterprise_id in (select enterprise_id from scoped_enterprises)
order by h.found_on, h.hazard_id
