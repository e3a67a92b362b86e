-- Schema version 11: the Word/PDF 通报 (issue 13) reads its 发文机关, 发文字号 and 抄送 from settings rows,
-- as templates ({region}, {abbr}, {year}, {party}, {government}; docs/settings.md). A new database gets them
-- with every other default (reference.SETTINGS); an existing one gets the rows it lacks here. An empty
-- settings table is left alone, so that the defaults still load in full afterwards.
insert into settings (key, value, description_zh, description_en)
select new_rows.key, new_rows.value, new_rows.description_zh, new_rows.description_en
from (values
    ('tongbao_issuer', '{region}安全生产委员会办公室', '通报发文机关（版头、落款、印发机关；{region}为所选区域名称）', 'Issuing body of the 通报 (masthead, signature, printed by; {region} is the region''s name)'),
    ('tongbao_number', '{abbr}安办〔{year}〕　　号', '通报发文字号（{abbr}为区域名称首字，{year}为年份；序号空出由办公室填写）', 'Document number of the 通报 ({abbr}: first character of the region''s name, {year}: the year; the serial number is left blank for the office)'),
    ('tongbao_copy_to', '{party}办公室，{government}办公室', '通报抄送机关（{party}、{government}为同级党委、政府，如“市委”“市政府”）', 'Copied to ({party}, {government}: the party committee and government of the same level, e.g. 市委, 市政府)')
) as new_rows (key, value, description_zh, description_en)
where exists (select 1 from settings)
  and new_rows.key not in (select key from settings);
