-- Schema version 25 (issue 18, docs/rules.md#accident-grades "四不放过"): the four measures of an accident case.
--   accident_measures   one row per accident (accident_id): whether each of the four was done, the day it was
--                       done and a short note — 原因查清 (cause found), 责任人处理 (those responsible dealt with),
--                       整改措施落实 (corrective measures taken), 有关人员受到教育 (the people concerned
--                       educated). A closed case (accidents.closed_on) with all four done counts as 四不放过落实
--                       (sql/accidents/four_measures.sql); a row may be filed before the case is closed.
--                       ours, documented in docs/import.md (kind accident-measures)
--                       documents it. No foreign key to accidents: DuckDB cannot drop a referenced table, and
--                       accidents is rebuilt when it gains a checked column (migration 015); the importer checks
--                       that the accident exists. A yes/no left empty is no (not done).
create table if not exists accident_measures (
    accident_id         varchar primary key,
    cause_found         boolean not null default false,  -- 原因查清
    cause_found_on      date,
    cause_note          varchar,
    responsible_dealt   boolean not null default false,  -- 责任人处理
    responsible_dealt_on date,
    responsible_note    varchar,
    measures_taken      boolean not null default false,  -- 整改措施落实
    measures_taken_on   date,
    measures_note       varchar,
    people_educated     boolean not null default false,  -- 有关人员受到教育
    people_educated_on  date,
    educated_note       varchar
);
