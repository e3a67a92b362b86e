-- Grain: one row of login_tokens updated: the session holding the token was active at $now.
update login_tokens
set last_seen_at = $now
where token_hash = $token_hash
