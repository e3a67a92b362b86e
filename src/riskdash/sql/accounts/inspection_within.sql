-- Grain: one row: whether inspection $inspection_id's enterprise lies at or below region $bound (an account's
-- region; false for an unknown inspection). Through the one scope (views/scope.sql).
select exists (
    select 1
    from scoped_inspections($bound, null, null)
    where inspection_id = $inspection_id
) as within
