-- Schema version 19 (issue 18, docs/rules.md#township-assessment-考核-and-campaigns "Township staffing is data, not a tick"):
--   township_stations   one row per township-level region (安监站情况): its full-time (专职) safety staff, the day
--                       that count was recorded, whether the station head is full-time, the document that
--                       appointed the head (任命文号) and the day it was filed with the county bureau (报县安监局
--                       备案), and the day the township's acceptance report (验收报告) was sent. the import contract's
--                       import contract is silent on these: docs/import.md (kind township-stations) and
--                       docs/township-assessment.md document them.
--   checklist           the checklist items full_time_staff and station_head are computed from that table (their
--                       ticks are no longer read); full_time_staff binds every township whose class requires
--                       full-time staff (settings staff_min_key / staff_min_ordinary), so it applies to all.
--                       "四个必须到位" counted three requirements twice (four_staff = full_time_staff, four_budget
--                       = funding, four_powers = delegated_enforcement): the three duplicates leave the list
--                       and the 四个必须到位 becomes a view over the items (sql/campaigns/four_in_place.sql). A
--                       duplicate's recorded status moves to its item where that item has none, so nothing
--                       recorded is lost; four_staff's goes with full_time_staff's tick (computed now).
--   settings            zero_report_cutoff (HH:MM, default 16:00): a 零报告 filed after it on its day is late;
--                       accident_investigation_days (60): an accident open longer is an overdue investigation.
create table if not exists township_stations (
    region_code          varchar primary key references regions (region_code),
    full_time_staff      integer not null check (full_time_staff >= 0),
    staffed_on           date,
    head_full_time       boolean,
    head_appointment_doc varchar,
    head_filed_on        date,
    acceptance_report_on date
);

insert into checklist_status (region_code, item_code, status, status_on, evidence)
select dup.region_code, pairs.item_code, dup.status, dup.status_on, dup.evidence
from checklist_status as dup
join (values ('four_budget', 'funding'), ('four_powers', 'delegated_enforcement')) as pairs(duplicate, item_code)
  on pairs.duplicate = dup.item_code
where pairs.item_code in (select item_code from checklist_items)
  and (dup.region_code, pairs.item_code) not in (select region_code, item_code from checklist_status);

delete from checklist_status where item_code in ('four_staff', 'four_budget', 'four_powers');
-- the three items themselves leave in a transaction of their own once this one is committed (db.migrate:
-- DuckDB checks a foreign key against the rows as the transaction found them)
update checklist_items set applies_to = 'all' where item_code = 'full_time_staff';

insert into settings (key, value, description_zh, description_en)
select 'zero_report_cutoff', '16:00', '零报告每日报送截止时间（时:分；当日该时刻之后报送为迟报）',
       'Daily cut-off of the zero report (HH:MM; a report after it on its day is late)'
where exists (select 1 from settings)
  and 'zero_report_cutoff' not in (select key from settings);

-- accident_investigation_days (default 60, 493号令 Art. 29): an accident not closed (结案) that many days after it
-- happened is an overdue investigation (the accidents screen and the 通报's 结案 figures)
insert into settings (key, value, description_zh, description_en)
select 'accident_investigation_days', '60', '事故调查期限（天；事故发生之日起，超过未结案为逾期；493号令第二十九条）',
       'Days an accident investigation has before it is overdue (from the accident; Decree 493, Art. 29)'
where exists (select 1 from settings)
  and 'accident_investigation_days' not in (select key from settings);
