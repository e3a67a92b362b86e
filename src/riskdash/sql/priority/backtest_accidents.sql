-- Grain: one row per accident at an enterprise (enterprise_id set) in $region and below that occurred after
-- $as_of and on or before $until — the "following year" of a back-test — with whether it was 较大及以上 and
-- whether it caused deaths (含失踪). Accidents with no enterprise cannot be ranked and are left out.
select
    accident_id,
    enterprise_id,
    occurred_on,
    is_larger_and_above,
    deaths_incl_missing > 0 as has_deaths
from scoped_accidents_graded($region, $account_region, null)
where occurred_on > $as_of
  and occurred_on <= $until
  and enterprise_id is not null
order by occurred_on, accident_id;
