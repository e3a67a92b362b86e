-- Grain: one row per failed scheduled-job run already in the audit log (riskdash.jobs): the run's id, which
-- the entry keeps as its file name, so that a run copied from the run log is never copied twice.
select distinct file_name
from audit_log
where action = $action
  and file_name is not null
