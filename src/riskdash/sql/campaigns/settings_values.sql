-- Grain: one row per settings key that starts with one of the prefixes this screen reads.
-- The values as stored (text); the caller casts each and falls back to the documented default.
select key, value
from settings
where key like 'assessment\_%' escape '\'
   or key like 'checklist\_%' escape '\'
   or key like 'campaign\_%' escape '\'
   or key like 'staff\_min\_%' escape '\'
   or key like 'zero\_report\_%' escape '\'
order by key;
