-- Schema version 15 (issue 18): the columns the township assessment's veto rules are judged on.
--   enterprises.industry_type   产业类型 for "1+1" ("检查一个企业、规范一个行业"): a local class name, free text.
--   accidents.nature            事故性质: liability / non_liability / pending (责任事故 / 非责任事故 / 待定);
--                               an accident whose nature is not yet determined is pending.
--   accidents.concealed         瞒报, accidents.falsely_reported 谎报: false unless recorded as such.
-- A free-text column needs no constraint, so enterprises (which other tables reference) gains it by ALTER.
-- DuckDB cannot add a column with a CHECK by ALTER, so accidents (which no table references) is rebuilt as
-- migration 010 rebuilt hazards: the old table is renamed, the new one created in its final name with every
-- constraint, the rows copied (every existing accident pending, neither concealed nor falsely reported),
-- and the old table dropped.

alter table enterprises add column if not exists industry_type varchar;

alter table accidents rename to accidents_v14;

create table accidents (
    accident_id      varchar primary key,
    occurred_at      timestamp not null,
    -- false when only the date is known: such rows stay out of the by-hour breakdown
    has_time         boolean not null default false,
    region_code      varchar not null references regions (region_code),
    enterprise_id    varchar references enterprises (enterprise_id),
    industry         varchar not null references sectors (code),
    accident_type    varchar not null references accident_types (code),
    deaths           integer not null check (deaths >= 0),
    missing          integer not null default 0 check (missing >= 0),
    serious_injuries integer not null check (serious_injuries >= 0),
    minor_injuries   integer not null default 0 check (minor_injuries >= 0),
    direct_loss_wan  decimal(14, 2) not null check (direct_loss_wan >= 0),
    endangered       integer check (endangered >= 0),
    trapped          integer check (trapped >= 0),
    evacuated        integer check (evacuated >= 0),
    reported_at      timestamp,
    closed_on        date,
    summary          varchar,
    -- 事故性质 (issue 18): only a liability accident (责任事故) can veto a township's assessment
    nature           varchar not null default 'pending'
                     check (nature in ('liability', 'non_liability', 'pending')),
    concealed        boolean not null default false,  -- 瞒报
    falsely_reported boolean not null default false,  -- 谎报
    check (closed_on is null or closed_on >= cast(occurred_at as date))
);

insert into accidents
select accident_id, occurred_at, has_time, region_code, enterprise_id, industry, accident_type, deaths, missing,
       serious_injuries, minor_injuries, direct_loss_wan, endangered, trapped, evacuated, reported_at, closed_on,
       summary, 'pending', false, false
from accidents_v14;

drop table accidents_v14;
