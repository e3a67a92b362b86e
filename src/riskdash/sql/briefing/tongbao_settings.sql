-- Grain: one row per 通报 setting (key tongbao_*) stored in the database; none where a database predates them.
-- The templates as stored; riskdash.briefing.content fills in the region and the year, and falls back to
-- reference.SETTINGS for a key the table lacks.
select key, value
from settings
where key like 'tongbao\_%' escape '\';
