-- Sets hazards.enterprise_no to its enterprise's number wherever it differs (a new row, or a row whose
-- enterprise_id was changed by an upsert or an edit).
update hazards
set enterprise_no = enterprises.enterprise_no
from enterprises
where enterprises.enterprise_id = hazards.enterprise_id
  and hazards.enterprise_no is distinct from enterprises.enterprise_no;
