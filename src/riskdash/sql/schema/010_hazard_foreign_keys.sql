-- Schema version 10: the hazards table rebuilt once more, so that the tables it references know it by its
-- name. Migration 002 built the new table as hazards_v2 and renamed it; DuckDB keeps the referencing
-- table's name in the referenced tables' catalogue entries (inspections, enterprises) and does not follow a
-- rename, so every delete of an inspection or an enterprise looked for hazards_v2 and failed ("Table with
-- name hazards_v2 does not exist") on every file, new or migrated.
--
-- The table takes back the name those entries hold, a new hazards is created in its final name with every
-- constraint, the rows are copied, and dropping hazards_v2 then removes the stale entries by their name.

alter table hazards rename to hazards_v2;

create table hazards (
    hazard_id         varchar primary key,
    inspection_id     varchar references inspections (inspection_id),
    enterprise_id     varchar not null references enterprises (enterprise_id),
    found_on          date not null,
    grade             varchar not null check (grade in ('general', 'major')),
    category          varchar,
    description       varchar,
    deadline          date not null,
    rectified_on      date,
    verified_on       date,
    supervision_level varchar not null default 'none'
                      check (supervision_level in ('none', 'county', 'city', 'province')),
    supervised_on     date,
    delisted_on       date,
    five_in_place     boolean,
    funds_wan         decimal(14, 2) check (funds_wan >= 0),
    -- 列入治理计划 of the monthly form; the optional provincial third grade (较大/重点), never a national grade
    in_treatment_plan boolean,
    local_grade       varchar,
    -- internal integer keys (schema 9), kept in step by db.sync_keys()
    enterprise_no     integer,
    inspection_no     integer,
    check (deadline >= found_on),
    check (rectified_on is null or rectified_on >= found_on),
    -- verification (验收) closes a hazard only after it was rectified; 销号 of a major hazard is this date
    check (verified_on is null or (rectified_on is not null and verified_on >= rectified_on)),
    -- 挂牌督办 is for major hazards only (安监总局令第16号 Art. 17)
    check (supervision_level = 'none' or grade = 'major'),
    check (supervised_on is null or supervision_level <> 'none'),
    check (supervised_on is null or supervised_on >= found_on),
    check (delisted_on is null or (supervision_level <> 'none' and verified_on is not null
                                   and delisted_on >= verified_on))
);

insert into hazards by name select * from hazards_v2;

drop table hazards_v2;
