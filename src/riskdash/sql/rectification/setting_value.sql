-- Grain: one row (or none) for the setting named $key.
-- The value as stored (text); the caller casts it and falls back to the documented default.
select value
from settings
where key = $key;
