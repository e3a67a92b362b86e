-- Grain: one row per account (accounts.name): every account with its role, region (and the region's name)
-- and state, by name. No password hash.
select accounts.name, accounts.role, accounts.region_code, regions.name as region_name, accounts.disabled,
       accounts.failed_attempts, accounts.locked_until, accounts.must_change_password, accounts.last_login_at,
       accounts.created_at
from accounts
left join regions on regions.region_code = accounts.region_code
order by accounts.name
