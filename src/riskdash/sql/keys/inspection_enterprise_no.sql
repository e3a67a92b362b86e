-- Sets inspections.enterprise_no to its enterprise's number wherever it differs; an inspection of an
-- enterprise not on record gets null (it matches no enterprise).
update inspections
set enterprise_no = changed.enterprise_no
from (
    select inspections.inspection_id, enterprises.enterprise_no
    from inspections
    left join enterprises on enterprises.enterprise_id = inspections.enterprise_id
    where inspections.enterprise_no is distinct from enterprises.enterprise_no
) as changed
where changed.inspection_id = inspections.inspection_id;
