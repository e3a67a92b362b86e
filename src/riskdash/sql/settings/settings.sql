-- Grain: one row per setting (settings.key)
-- The settings table as the settings screen edits it: key, value and the zh/en description, by key.
select key, value, description_zh, description_en
from settings
order by key
