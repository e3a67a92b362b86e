-- Grain: one row per holiday setting as stored (holidays: 法定节假日 放假 days; adjusted_workdays: 调休 weekend
-- days worked), read by the monthly job to find a month's first working day; a key the database lacks takes
-- its documented default in the caller (riskdash.monthly).
select key, value
from settings
where key in ('holidays', 'adjusted_workdays')
order by key
