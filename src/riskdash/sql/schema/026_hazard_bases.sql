-- Schema version 26 (issue 18, ../shared/domain.md §2): 重大事故隐患判定依据 — the item a major hazard was
-- judged by.
--   hazard_bases        the reference list of items (a code such as 工贸-第11条, the sector it belongs to, the
--                       standard with its number, a short title). Shipped with the standards whose numbers are
--                       certain: 应急管理部令第10号《工贸企业重大事故隐患判定标准》(2023; Art. 3 applies to every
--                       工贸 enterprise, Arts. 4–10 to the seven industries, Arts. 11–13 to dust explosion, ammonia
--                       refrigeration and confined spaces), and one entry per other sector's standard (its items
--                       are not listed here: a province adds them by the import kind hazard-bases, docs/import.md).
--   hazards.basis_code  the code of the item a hazard was judged by (optional; only for a major hazard; the
--                       importer refuses an unknown code). A free-text column needs no constraint: ALTER, as
--                       migration 015 did for enterprises.
-- The shipped rows are reference.HAZARD_BASES: a new database gets them with the other defaults, an upgraded one
-- right after this step (db.migrate), a restored one from its backup.
create table if not exists hazard_bases (
    code        varchar primary key,
    sector      varchar,  -- a sector code (sectors.code), for reading; not a key: the sectors are loaded after
    standard_zh varchar not null,
    title_zh    varchar not null,
    title_en    varchar not null,
    sort_order  integer not null
);

alter table hazards add column if not exists basis_code varchar;
