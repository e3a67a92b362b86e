-- Grain: one row per table of the import contract.
-- The number of rows each table holds now (what the data-management screen lists before an import).
select 'regions' as table_name, count(*) as count_rows from regions
union all select 'enterprises', count(*) from enterprises
union all select 'accidents', count(*) from accidents
union all select 'inspections', count(*) from inspections
union all select 'hazards', count(*) from hazards
union all select 'key_sites', count(*) from key_sites
