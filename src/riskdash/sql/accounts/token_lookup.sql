-- Grain: one row per login token (login_tokens.token_hash), at most one: the token whose SHA-256 is
-- $token_hash, with its account's row (null columns when the account is gone) for the resume check.
select login_tokens.account_name, login_tokens.password_mark, login_tokens.created_at, login_tokens.last_seen_at,
       accounts.name, accounts.role, accounts.region_code, accounts.password_hash, accounts.disabled,
       accounts.failed_attempts, accounts.locked_until, accounts.must_change_password, accounts.last_login_at,
       accounts.created_at as account_created_at
from login_tokens
left join accounts on accounts.name = login_tokens.account_name
where login_tokens.token_hash = $token_hash
