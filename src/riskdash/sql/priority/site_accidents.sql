-- Grain: one row per accident at enterprise $enterprise_id on or before $as_of, newest first, graded
-- (国务院令第493号 Art. 3, deaths counted 含失踪).
select
    accident_id,
    occurred_on,
    accident_type,
    grade,
    deaths_incl_missing,
    serious_injuries,
    direct_loss_wan,
    summary
from accidents_graded
where enterprise_id = $enterprise_id
  and occurred_on <= $as_of
order by occurred_on desc, accident_id;
