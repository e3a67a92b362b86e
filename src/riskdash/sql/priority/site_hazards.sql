-- Grain: one row per hazard found at enterprise $enterprise_id on or before $as_of, newest first, with its
-- state on $as_of (hazard_state: closed / rectified / overdue / open).
select
    hazard_id,
    found_on,
    grade,
    category,
    description,
    deadline,
    rectified_on,
    verified_on,
    supervision_level,
    hazard_state(found_on, grade, deadline, rectified_on, verified_on, $as_of) as state
from hazards
where enterprise_id = $enterprise_id
  and found_on <= $as_of
order by found_on desc, hazard_id;
