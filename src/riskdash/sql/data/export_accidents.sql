-- Grain: one row per accident in the filtered view (every column of the table).
-- Accidents that occurred start..end in the region (the accident's own region) and, when given, the sector.
select a.*
from accidents a
where cast(a.occurred_at as date) between $start and $end
  and a.region_code in (select region_code from region_ancestors where ancestor_code = $region)
  and ($industry is null or a.industry = $industry)
order by a.occurred_at, a.accident_id
