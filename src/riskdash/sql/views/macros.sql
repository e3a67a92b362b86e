-- Derived values as macros, so that every metric, view and tool computes them one way.

-- Accident grade, 《生产安全事故报告和调查处理条例》(国务院令第493号) Art. 3: any one criterion is enough and the
-- highest grade reached wins; "以上" includes the number, "以下" excludes it. Deaths count 死亡（含失踪）.
create or replace macro accident_grade(deaths_incl_missing, serious_injuries, direct_loss_wan) as
    case
        when deaths_incl_missing >= 30 or serious_injuries >= 100 or direct_loss_wan >= 10000 then 'especially_major'
        when deaths_incl_missing >= 10 or serious_injuries >= 50 or direct_loss_wan >= 5000 then 'major'
        when deaths_incl_missing >= 3 or serious_injuries >= 10 or direct_loss_wan >= 1000 then 'larger'
        else 'general'
    end;

-- The criterion that set the grade: of those reaching the grade's threshold, deaths first, then serious
-- injuries, then loss; null for a general accident.
create or replace macro accident_grade_criterion(deaths_incl_missing, serious_injuries, direct_loss_wan) as
    case accident_grade(deaths_incl_missing, serious_injuries, direct_loss_wan)
        when 'especially_major' then
            case when deaths_incl_missing >= 30 then 'deaths'
                 when serious_injuries >= 100 then 'serious_injuries' else 'direct_loss' end
        when 'major' then
            case when deaths_incl_missing >= 10 then 'deaths'
                 when serious_injuries >= 50 then 'serious_injuries' else 'direct_loss' end
        when 'larger' then
            case when deaths_incl_missing >= 3 then 'deaths'
                 when serious_injuries >= 10 then 'serious_injuries' else 'direct_loss' end
    end;

-- 较大涉险事故 (安监总局令第21号 Art. 26): an accident that reached no higher grade by its casualties and loss,
-- but endangered 10 or more people, left 3 or more trapped or missing, or made 500 or more evacuate.
-- Pollution and danger to key facilities are not recorded columns and are not judged here.
create or replace macro is_larger_risk_involved(deaths_incl_missing, serious_injuries, direct_loss_wan,
                                                 endangered, trapped, missing, evacuated) as
    accident_grade(deaths_incl_missing, serious_injuries, direct_loss_wan) = 'general'
    and (coalesce(endangered, 0) >= 10
         or coalesce(trapped, 0) + coalesce(missing, 0) >= 3
         or coalesce(evacuated, 0) >= 500);

-- A hazard is done on as_of when rectified (一般隐患) or, for a major hazard, only when verified and closed
-- (整改销号), as in the official monthly form.
create or replace macro hazard_is_done(grade, rectified_on, verified_on, as_of) as
    case when grade = 'major' then coalesce(verified_on <= as_of, false)
         else coalesce(rectified_on <= as_of, false) end;

-- Hazard state on as_of: closed (verified), rectified (done, or a major hazard awaiting verification within
-- its deadline), overdue (not done and the deadline is before as_of — the deadline day itself is not
-- overdue), open. Null for a hazard found after as_of.
create or replace macro hazard_state(found_on, grade, deadline, rectified_on, verified_on, as_of) as
    case
        when found_on > as_of then null
        when hazard_is_done(grade, rectified_on, verified_on, as_of) then
            case when verified_on <= as_of then 'closed' else 'rectified' end
        when deadline < as_of then 'overdue'
        when rectified_on <= as_of then 'rectified'
        else 'open'
    end;
