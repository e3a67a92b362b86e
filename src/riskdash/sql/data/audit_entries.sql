-- Grain: one row per audit-log entry, newest first, at most $limit.
-- Every write: one entry per import (who, when, file, kind, rows) and, for upserts, forms, edits and the
-- rectification steps, one per changed row with its table, key and the changed columns before and after
-- (JSON); one per restore. Filters: table, kind and action when given (null = all), logged on start..end;
-- with $account_region (an account bounded by a region, issue 16) only the writes of accounts at or below it.
select entry_id, logged_at, actor, action, kind, file_name, table_name, record_key, row_count,
       before_json, after_json
from audit_log
where ($table_name is null or table_name = $table_name)
  and ($kind is null or kind = $kind)
  and ($action is null or action = $action)
  and ($start is null or cast(logged_at as date) >= $start)
  and ($end is null or cast(logged_at as date) <= $end)
  and ($account_region is null
       or actor in (select name from accounts
                    where region_code in (select region_code from scope_regions($account_region, null))))
order by entry_id desc
limit $limit
