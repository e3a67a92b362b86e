-- One row per accident, with its grade (Art. 3 of 国务院令第493号), the criterion that set it, and the
-- 较大涉险 flag, computed at query time so that a row written by any tool is graded the same way.
create or replace view accidents_graded as
select
    accidents.*,
    cast(occurred_at as date) as occurred_on,
    deaths + missing as deaths_incl_missing,
    accident_grade(deaths + missing, serious_injuries, direct_loss_wan) as grade,
    accident_grade_criterion(deaths + missing, serious_injuries, direct_loss_wan) as grade_criterion,
    accident_grade(deaths + missing, serious_injuries, direct_loss_wan) <> 'general' as is_larger_and_above,
    is_larger_risk_involved(deaths + missing, serious_injuries, direct_loss_wan,
                            endangered, trapped, missing, evacuated) as is_larger_risk_involved
from accidents;
