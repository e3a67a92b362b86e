-- Grain: one row: whether region $region_code lies at or below region $bound (an account's region).
select exists (
    select 1 from region_ancestors where region_code = $region_code and ancestor_code = $bound
) as within
