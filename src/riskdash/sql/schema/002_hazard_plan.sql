-- Schema version 2: hazards gain in_treatment_plan (列入治理计划, a column of the official monthly form)
-- and local_grade. DuckDB cannot add a column with its constraints by ALTER, so the table is rebuilt:
-- create the new shape, copy the rows, drop the old table, rename. A major hazard already under 挂牌督办 or
-- with 五到位 recorded was necessarily in a treatment plan, so those rows are marked.

create table hazards_v2 (
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

insert into hazards_v2
select hazard_id, inspection_id, enterprise_id, found_on, grade, category, description, deadline, rectified_on, verified_on, supervision_level, supervised_on, delisted_on, five_in_place, funds_wan,
       case when grade = 'major' and (supervision_level <> 'none' or five_in_place is not null) then true end,
       null
from hazards;

drop table hazards;

alter table hazards_v2 rename to hazards;
