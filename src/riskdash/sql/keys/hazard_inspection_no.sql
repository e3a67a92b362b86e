-- Sets hazards.inspection_no to its inspection's number wherever it differs (a new row, or a row whose
-- inspection_id was changed); null for a hazard with no inspection link.
update hazards
set inspection_no = changed.inspection_no
from (
    select hazards.hazard_id, inspections.inspection_no
    from hazards
    left join inspections on inspections.inspection_id = hazards.inspection_id
    where hazards.inspection_no is distinct from inspections.inspection_no
) as changed
where changed.hazard_id = hazards.hazard_id;
