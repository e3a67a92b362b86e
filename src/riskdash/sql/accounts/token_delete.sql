-- Grain: the row of login_tokens whose SHA-256 is $token_hash, deleted (a logout, an idle end, a refused resume).
delete from login_tokens
where token_hash = $token_hash
