-- Grain: one row per account (accounts.name), at most one: the account named $name, if any.
select name, role, region_code, password_hash, disabled, failed_attempts, locked_until, must_change_password,
       last_login_at, created_at
from accounts
where name = $name
