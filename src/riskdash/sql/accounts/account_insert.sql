-- Grain: one new row of accounts (an admin's or the demo's new account); the password only as its hash.
insert into accounts (name, role, region_code, password_hash, must_change_password)
values ($name, $role, $region_code, $password_hash, $must_change_password)
