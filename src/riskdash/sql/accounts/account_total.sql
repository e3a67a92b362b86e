-- Grain: one row: the number of accounts, disabled ones included (none: the database is not yet guarded).
select count(*) as accounts
from accounts
