-- Grain: every row of login_tokens of account $name, deleted (disabled, password changed or reset: each of its
-- logins ends, in every browser).
delete from login_tokens
where account_name = $name
