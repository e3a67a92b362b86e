-- Grain: one row: the number of accounts that are not disabled (none: the dashboard serves only itself).
select count(*) as accounts
from accounts
where not disabled
