-- Grain: one row per table, the rows whose enterprise_no disagrees with their enterprise_id (0 when the
-- keys are in step) and the enterprises without a number or sharing one.
select 'enterprises' as table_name,
       count(*) filter (where enterprise_no is null)
       + (count(enterprise_no) - count(distinct enterprise_no)) as mismatches
from enterprises
union all
select 'hazards', count(*)
from hazards
left join enterprises on enterprises.enterprise_id = hazards.enterprise_id
where hazards.enterprise_no is distinct from enterprises.enterprise_no
union all
select 'inspections', count(*)
from inspections
left join enterprises on enterprises.enterprise_id = inspections.enterprise_id
where inspections.enterprise_no is distinct from enterprises.enterprise_no
