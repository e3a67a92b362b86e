-- Schema version 22 (issue 18, docs/rules.md#township-assessment-考核-and-campaigns: "1+1" classes enterprises by their 产业类型, one pair per
-- (township, 产业类型), "检查一个企业、规范一个行业"):
--   campaign_pairs               one row per year × township-level region × 产业类型 (the pair's class name, as in
--                                enterprises.industry_type; for enterprises without one, their sector's Chinese
--                                name: docs/township-assessment.md): what the experts' in-depth inspection of
--                                the pair found — 共性问题 (common problems of the class), 个性问题 (those of
--                                the inspected enterprise) — and the 整改建议 given to every enterprise of the
--                                class. Whether the pair was inspected is read from inspections (campaign '1+1'),
--                                never from this table. the import contract names only the warning meetings: docs/import.md
--                                (kind campaign-pairs) documents this table.
--   warning_meetings.industry_type  the 产业类型 whose warning meeting (警示会) it was; empty: the meeting of the
--                                sector's class (its sector's Chinese name), as before.
-- Free-text columns need no constraint, so warning_meetings gains its column by ALTER.
create table if not exists campaign_pairs (
    year                integer not null check (year between 1990 and 2100),
    region_code         varchar not null references regions (region_code),
    industry_type       varchar not null,
    common_problems     varchar,
    individual_problems varchar,
    advice              varchar,
    primary key (year, region_code, industry_type)
);

alter table warning_meetings add column if not exists industry_type varchar;
