-- Grain: one row: the number of admin accounts that are not disabled, leaving out $name (the one to disable).
select count(*) as admins
from accounts
where role = 'admin' and not disabled and name <> $name
