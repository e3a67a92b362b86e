-- Schema version 23 (issue 18, accident statistics by class, 《生产安全事故统计调查制度》):
--   accidents.commercial   生产经营性 (true) or 非生产经营性 (false), read for the road-traffic and fire classes as
--                          local bulletins split them; empty (null) means not recorded and is read as 经营性
--                          when the accident has an enterprise, 非经营性 when it has none (the rule lives in
--                          sql/accidents/accidents_by_class.sql; nothing derived is stored). the import contract has no
--                          such column: it is ours, documented in docs/import.md. A plain nullable column needs
--                          no constraint, so ALTER is enough (015 rebuilt accidents for its CHECKs).
--   class_targets          the control targets (控制指标) the level above issues per statistical class beside
--                          annual_targets' total: deaths (含失踪) per class of sectors.stat_class, and the number
--                          of 较大及以上 accidents (larger_accidents); one row per (year, region, target). A table
--                          of its own rather than columns of annual_targets, whose three columns are the contract
--                          (rows inserted by position keep working).

alter table accidents add column if not exists commercial boolean;

create table if not exists class_targets (
    year         integer not null check (year between 1990 and 2100),
    region_code  varchar not null references regions (region_code),
    target_class varchar not null check (target_class in (
                     'industrial', 'road_traffic', 'fire', 'railway', 'waterway', 'fishing',
                     'agricultural_machinery', 'larger_accidents')),
    max_count    integer not null check (max_count >= 0),  -- deaths (含失踪), or 较大及以上 accidents
    primary key (year, region_code, target_class)
);
