-- Grain: one new row of audit_log: a scheduled job's failed run (riskdash.jobs), with the job as the record
-- key, the run's id as the file name, and when it started and ended and why it failed as JSON.
insert into audit_log (logged_at, actor, action, kind, file_name, record_key, after_json, row_count)
values ($logged_at, $actor, $action, 'schedule', $run_id, $job, $detail, 0)
