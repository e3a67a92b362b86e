-- Grain: one row per sector and per accident type (the database-held enumerations of the record forms).
-- Code, Chinese and English name, in the reference tables' own order.
select 'sector' as domain, code, name_zh, name_en, sort_order from sectors
union all
select 'accident_type', code, name_zh, name_en, sort_order from accident_types
order by domain, sort_order, code
