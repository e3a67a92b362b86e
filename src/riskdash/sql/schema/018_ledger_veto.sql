-- Schema version 18 (issue 18): the 重点部位 ledger's accountability rules of the township assessment.
--   key_sites.measures_in_place_on   the day the site's monitoring measures (监控措施) were confirmed in place
--                                    (措施落实日期). With filed_city_on / filed_county_on (备案, the ledger's filing
--                                    days) it dates the ledger, so that the veto rules ledger_missed_site and
--                                    measures_not_in_place judge the ledger as it stood before an accident, not as
--                                    it stands today (docs/township-assessment.md).
-- A date needs no constraint, so key_sites gains it by ALTER; existing rows keep an unknown day (null), which
-- the rules read as "in place, day unknown" when measures_in_place is true.
alter table key_sites add column if not exists measures_in_place_on date;

-- Each veto rule of the assessment as a switch (1 on, 0 off; all on by default, docs/settings.md). A new
-- database gets them with every other default (reference.SETTINGS); an existing one gets the rows it lacks
-- here. An empty settings table is left alone, so that the defaults still load in full afterwards.
insert into settings (key, value, description_zh, description_en)
select new_rows.key, new_rows.value, new_rows.description_zh, new_rows.description_en
from (values
    ('assessment_veto_larger_liability_accident', '1', '乡镇考核一票否决：发生较大及以上责任事故（含性质待定）（1 启用，0 停用）', 'Township assessment veto: a relatively major or worse liability accident, incl. nature pending (1 on, 0 off)'),
    ('assessment_veto_late_report', '1', '乡镇考核一票否决：迟报事故（1 启用，0 停用）', 'Township assessment veto: an accident reported late (1 on, 0 off)'),
    ('assessment_veto_concealed', '1', '乡镇考核一票否决：瞒报事故（1 启用，0 停用）', 'Township assessment veto: an accident concealed (1 on, 0 off)'),
    ('assessment_veto_falsely_reported', '1', '乡镇考核一票否决：谎报事故（1 启用，0 停用）', 'Township assessment veto: an accident falsely reported (1 on, 0 off)'),
    ('assessment_veto_ledger_missed_site', '1', '乡镇考核一票否决：较大及以上责任事故发生在事故前未列入重点部位台账的企业（1 启用，0 停用）', 'Township assessment veto: a relatively major or worse liability accident at an enterprise with no key site filed before it (1 on, 0 off)'),
    ('assessment_veto_measures_not_in_place', '1', '乡镇考核一票否决：已备案重点部位监控措施未落实引发亡人责任事故（1 启用，0 停用）', 'Township assessment veto: a liability accident with deaths at a filed key site whose measures were not in place (1 on, 0 off)'),
    ('assessment_veto_target_exceeded', '1', '乡镇考核一票否决：死亡（含失踪）超过控制指标（1 启用，0 停用）', 'Township assessment veto: deaths (incl. missing) above the control target (1 on, 0 off)')
) as new_rows (key, value, description_zh, description_en)
where exists (select 1 from settings)
  and new_rows.key not in (select key from settings);
