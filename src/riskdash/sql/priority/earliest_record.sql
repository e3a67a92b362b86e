-- Grain: one row: the earliest day of any accident, hazard or inspection (null in an empty database) — the
-- back-test starts one year after it, so that a score has history to stand on.
select least(
    (select min(cast(occurred_at as date)) from accidents),
    (select min(found_on) from hazards),
    (select min(inspected_on) from inspections)
) as earliest_on;
