-- Grain: one row per stored key, the rows whose number disagrees with their id (all 0 when the keys are in
-- step): enterprises or inspections without a number or sharing one, and copies that differ from the
-- number of the enterprise or inspection their id names.
select 'enterprises.enterprise_no' as key_column,
       count(*) filter (where enterprise_no is null) + (count(enterprise_no) - count(distinct enterprise_no))
           as mismatches
from enterprises
union all
select 'inspections.inspection_no',
       count(*) filter (where inspection_no is null) + (count(inspection_no) - count(distinct inspection_no))
from inspections
union all
select 'hazards.enterprise_no', count(*)
from hazards
left join enterprises on enterprises.enterprise_id = hazards.enterprise_id
where hazards.enterprise_no is distinct from enterprises.enterprise_no
union all
select 'inspections.enterprise_no', count(*)
from inspections
left join enterprises on enterprises.enterprise_id = inspections.enterprise_id
where inspections.enterprise_no is distinct from enterprises.enterprise_no
union all
select 'hazards.inspection_no', count(*)
from hazards
left join inspections on inspections.inspection_id = hazards.inspection_id
where hazards.inspection_no is distinct from inspections.inspection_no
