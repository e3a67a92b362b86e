-- Schema version 29 (issue 17 item 2, "a refresh keeps the login"): the dashboard's login tokens. A login (after
-- any required password change) makes a random token that the browser keeps in the cookie riskdash_session
-- until it closes; a new browser session of the same tab (F5, a dropped connection) resumes the login with it
-- (accounts.resume_login). Only the token's SHA-256 is kept (token_hash), never the token. password_mark is the
-- SHA-256 of the account's password hash when the token was made: a password changed or reset afterwards, by
-- any tool, no longer matches it and the token fails. last_seen_at is the session's last activity (written at
-- most about once a minute); a token idle longer than session_idle_minutes fails. Not in backups
-- (records.NOT_BACKED_UP): a restore ends every login. No foreign key to accounts: an account's row is updated
-- at every login, and the check reads the account anyway. (Idempotent.)
create table if not exists login_tokens (
    token_hash    varchar primary key check (regexp_full_match(token_hash, '[0-9a-f]{64}')),
    account_name  varchar not null,
    password_mark varchar not null,
    created_at    timestamp not null,
    last_seen_at  timestamp not null
);
