-- Grain: one row of accounts updated after a wrong password: one more failure, and locked until $locked_until
-- when $locked_until is not null (the failures then start again from zero).
update accounts
set failed_attempts = case when $locked_until is null then failed_attempts + 1 else 0 end,
    locked_until = $locked_until
where name = $name
