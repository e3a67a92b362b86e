-- Schema version 26 (issue 18, docs/rules.md#hazards-and-the-closed-loop): 重大事故隐患判定依据 — the item a major hazard was
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

-- 行业主管部门 ("管行业必须管安全"): the setting sector_departments for an existing database (a new one gets it
-- with the other defaults, reference.SETTINGS); an empty settings table is left alone.
insert into settings (key, value, description_zh, description_en)
select 'sector_departments', 'coal_mine=应急管理, metal_nonmetal_mine=应急管理, hazardous_chemicals=应急管理, fireworks=应急管理, construction=住房和城乡建设, industry_trade=应急管理, road_transport=交通运输, fire=消防救援, special_equipment=市场监管, gas=住房和城乡建设, waterway=交通运输, fishing=农业农村, agricultural_machinery=农业农村, other=应急管理', '行业主管部门（管行业必须管安全；行业代码=部门名称，逗号分隔；未列出的行业记为“—”）', 'Each sector''s responsible department (code=department, comma-separated; a sector not listed shows as —)'
where exists (select 1 from settings)
  and 'sector_departments' not in (select key from settings);
