-- Schema version 13: the dashboard's upload limit (issue 14 item 11) follows the setting upload_max_mb (MB,
-- default 200; docs/settings.md): the server takes it at launch and the 数据管理 screen refuses a larger file.
-- A new database gets it with every other default (reference.SETTINGS); an existing one gets the row here,
-- so that it shows on the settings screen. An empty settings table is left alone, so that the defaults still
-- load in full afterwards.
insert into settings (key, value, description_zh, description_en)
select 'upload_max_mb', '200', '上传文件大小上限（MB；导入文件与恢复备份，重启看板后对服务生效）',
       'Largest file that may be uploaded, in MB (imports and restores; the server takes it at its next start)'
where exists (select 1 from settings)
  and 'upload_max_mb' not in (select key from settings);
