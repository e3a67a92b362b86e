-- Gives every inspection without a number the next free ones (in inspection_id order); a number once given
-- never changes.
update inspections
set inspection_no = numbered.inspection_no
from (
    select inspection_id,
           (select coalesce(max(inspection_no), 0) from inspections)
           + row_number() over (order by inspection_id) as inspection_no
    from inspections
    where inspection_no is null
) as numbered
where numbered.inspection_id = inspections.inspection_id;
