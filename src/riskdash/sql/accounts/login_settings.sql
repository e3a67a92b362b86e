-- Grain: one row per login setting present (settings.key): the lockout and idle-timeout settings.
select key, value
from settings
where key in ('login_max_failures', 'login_lock_minutes', 'session_idle_minutes')
