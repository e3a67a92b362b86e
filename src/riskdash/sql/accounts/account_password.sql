-- Grain: one row of accounts updated: a new password hash; failures and the lockout cleared.
update accounts
set password_hash = $password_hash, must_change_password = $must_change_password, failed_attempts = 0,
    locked_until = null
where name = $name
