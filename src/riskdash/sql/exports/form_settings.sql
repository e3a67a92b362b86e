-- Grain: one row per settings key of the statistics forms (form_*: 表号, 制定机关, 批准文号, 有效期至).
-- The values as stored (text); a key the database lacks takes its documented default in the caller.
select key, value
from settings
where key like 'form\_%' escape '\'
order by key;
