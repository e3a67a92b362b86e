-- Grain: one row per audit-log entry, newest first.
-- Every write: one entry per import (who, when, file, kind, rows) and, for upserts and edits, one per
-- changed row with its table, key and the row before and after (JSON).
select entry_id, logged_at, actor, action, kind, file_name, table_name, record_key, row_count,
       before_json, after_json
from audit_log
order by entry_id desc
limit $limit
