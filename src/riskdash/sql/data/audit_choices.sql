-- Grain: one row per (table, kind, action) that occurs in the audit log.
-- The choices the audit-log filters offer, with how many entries each holds.
select table_name, kind, action, count(*) as entries
from audit_log
group by all
order by table_name nulls first, kind nulls first, action
