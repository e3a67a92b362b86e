-- Grain: one row: whether hazard $hazard_id's enterprise lies at or below region $bound (false for an unknown
-- hazard: the step is refused for it anyway).
select exists (
    select 1
    from hazards
    join enterprises on enterprises.enterprise_id = hazards.enterprise_id
    join region_ancestors on region_ancestors.region_code = enterprises.region_code
    where hazards.hazard_id = $hazard_id and region_ancestors.ancestor_code = $bound
) as within
