-- Grain: one new row of audit_log: an account event (login, failure, lockout, logout, account change) with
-- the account that did it as the actor and the account it concerns as the key.
insert into audit_log (actor, action, kind, table_name, record_key, after_json, row_count)
values ($actor, $action, 'account', 'accounts', $name, $detail, 1)
