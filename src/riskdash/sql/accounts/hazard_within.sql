-- Grain: one row: whether hazard $hazard_id's enterprise lies at or below region $bound (an account's region;
-- false for an unknown hazard: the step is refused for it anyway). Through the one scope (views/scope.sql).
select exists (
    select 1
    from scoped_hazards($bound, null, null)
    where hazard_id = $hazard_id
) as within
