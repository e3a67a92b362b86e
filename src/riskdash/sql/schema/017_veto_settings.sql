-- Schema version 17 (issue 18): the township assessment's 迟报 veto reads the setting assessment_late_report_hours
-- (hours, default 1: 493号令 Art. 9; docs/settings.md, docs/township-assessment.md). A new database gets it with
-- every other default (reference.SETTINGS); an existing one gets the row here, so that it shows on the
-- settings screen. An empty settings table is left alone, so that the defaults still load in full afterwards.
insert into settings (key, value, description_zh, description_en)
select 'assessment_late_report_hours', '1', '乡镇考核一票否决：事故发生后超过N小时报告为迟报（493号令第九条）',
       'Township assessment veto: an accident reported more than N hours after it happened is reported late (Decree 493, Art. 9)'
where exists (select 1 from settings)
  and 'assessment_late_report_hours' not in (select key from settings);
