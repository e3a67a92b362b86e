-- Grain: one row of accounts updated: its role and region (riskdash user set); its sessions see the new scope
-- at their next page, which reads the account afresh.
update accounts
set role = $role, region_code = $region_code
where name = $name
