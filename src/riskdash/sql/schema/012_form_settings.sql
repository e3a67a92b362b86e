-- Schema version 12: the monthly form as a statistics form (统计报表, issue 13) prints 表号, 制定机关, 批准文号
-- and 有效期至 from settings rows (docs/settings.md). A new database gets them with every other default
-- (reference.SETTINGS); an existing one gets the rows it lacks here. An empty settings table is left alone,
-- so that the defaults still load in full afterwards.
insert into settings (key, value, description_zh, description_en)
select new_rows.key, new_rows.value, new_rows.description_zh, new_rows.description_en
from (values
    ('form_table_no', '隐患月报1表', '统计报表表号（月报表右上角“表号”）', 'Form number of the statistics form (表号, top right of the monthly form)'),
    ('form_issuer', '应急管理局', '统计报表制定机关（月报表右上角“制定机关”）', 'Body that set the statistics form (制定机关, top right of the monthly form)'),
    ('form_approval_no', '—', '统计报表批准文号（统计调查项目批准或备案文号；未取得时为“—”）', 'Approval number of the statistics form (批准文号 of the survey’s approval or filing; — when there is none)'),
    ('form_valid_until', '—', '统计报表有效期至（如“2028年12月”；未规定时为“—”）', 'Statistics form valid until (有效期至, e.g. 2028年12月; — when not set)')
) as new_rows (key, value, description_zh, description_en)
where exists (select 1 from settings)
  and new_rows.key not in (select key from settings);
