-- Grain: one new row of login_tokens: a login's token (only its SHA-256) for account $name, with the mark of
-- the account's password hash as it is now (accounts.create_login_token).
insert into login_tokens (token_hash, account_name, password_mark, created_at, last_seen_at)
values ($token_hash, $name, $password_mark, $now, $now)
