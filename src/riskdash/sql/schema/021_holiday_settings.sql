-- Schema version 21 (issue 19): the monthly job's first working day reads the settings holidays (法定节假日
-- 放假 days) and adjusted_workdays (调休 weekend days worked), from the State Council's notice of 4 November 2025
-- for 2026 (docs/deploy.md; the admin adds each next year on 设置). A new database gets them with every other
-- default (reference.SETTINGS); an existing one gets the rows here, so that they show on the settings screen.
-- An empty settings table is left alone, so that the defaults still load in full afterwards.
insert into settings (key, value, description_zh, description_en)
select 'holidays',
       '2026-01-01..2026-01-03, 2026-02-15..2026-02-23, 2026-04-04..2026-04-06, 2026-05-01..2026-05-05, 2026-06-19..2026-06-21, 2026-09-25..2026-09-27, 2026-10-01..2026-10-07',
       '法定节假日放假日期（国务院办公厅节假日安排通知；日期或“起..止”，逗号分隔；每月首个工作日生成月报）',
       'Public holidays off work (the State Council''s notice; days or first..last, comma-separated; the monthly documents come on a month''s first working day)'
where exists (select 1 from settings)
  and 'holidays' not in (select key from settings);

insert into settings (key, value, description_zh, description_en)
select 'adjusted_workdays', '2026-01-04, 2026-02-14, 2026-02-28, 2026-05-09, 2026-09-20, 2026-10-10',
       '调休上班日（周末上班的日期，逗号分隔）', 'Adjusted working days (weekend days worked, comma-separated)'
where exists (select 1 from settings)
  and 'adjusted_workdays' not in (select key from settings);
