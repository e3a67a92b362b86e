-- Grain: the rows of login_tokens idle since before $before, deleted (a browser closed without logging out
-- leaves its token; it could resume nothing any more).
delete from login_tokens
where last_seen_at < $before
