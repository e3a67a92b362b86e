-- Grain: one row (or none): the upload_max_mb setting as stored (text).
-- The largest file, in MB, that the dashboard accepts for an import or a restore; the caller checks it is a
-- whole number and falls back to the documented default (200) when the row is missing.
select value
from settings
where key = 'upload_max_mb';
