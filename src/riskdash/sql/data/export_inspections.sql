-- Grain: one row per inspection in the filtered view (every column of the table).
-- Inspections made start..end at enterprises of the region and, when given, of the sector.
with scoped_enterprises as (
    select enterprise_id
    from enterprises
    where region_code in (select region_code from region_ancestors where ancestor_code = $region)
      and ($industry is null or industry = $industry)
)
select i.* exclude (enterprise_no, inspection_no)  -- the contract's columns (the integer keys are internal)
from inspections i
where i.inspected_on between $start and $end
  and i.enterprise_id in (select enterprise_id from scoped_enterprises)
order by i.inspected_on, i.inspection_id
