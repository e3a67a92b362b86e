-- Grain: one row of accounts updated after a good password: failures cleared, the login's time kept.
update accounts
set failed_attempts = 0, locked_until = null, last_login_at = $now
where name = $name
