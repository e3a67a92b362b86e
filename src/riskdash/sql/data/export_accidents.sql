-- Grain: one row per accident in the filtered view (every column of the table).
-- Accidents that occurred start..end in the scope (the accident's own region and sector: views/scope.sql).
select a.*
from scoped_accidents($region, $account_region, $industry) a
where cast(a.occurred_at as date) between $start and $end
order by a.occurred_at, a.accident_id
