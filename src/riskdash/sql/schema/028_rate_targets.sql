-- Schema version 28 (issue 18, "Control targets per class as the province issues them: deaths per class, the
-- number of 较大 accidents, rate targets; each with 时间进度"; docs/rules.md, Statistical classes,
-- "Rate targets"): rate_targets, the ceilings the level above issues on the rate indicators (相对指标) beside the counts of
-- class_targets — 亿元GDP生产安全事故死亡率 (per_gdp), 工矿商贸就业人员十万人生产安全事故死亡率
-- (per_industrial_employed), 道路交通万车死亡率 (per_vehicles), 煤矿百万吨死亡率 (per_coal_output), the four
-- rates metrics.accidents.RATE_INDICATORS computes. One row per (year, region, indicator); a rate, so a double (a
-- ceiling of 0.025 deaths per 亿元 needs more than two decimals). Judged in metrics.classes.rate_targets against
-- the year's denominators (indicator_denominators) with 时间进度. The import contract has no such table: it is
-- ours, import kind rate-targets (docs/import.md).
create table if not exists rate_targets (
    year        integer not null check (year between 1990 and 2100),
    region_code varchar not null references regions (region_code),
    indicator   varchar not null check (indicator in (
                    'per_gdp', 'per_industrial_employed', 'per_vehicles', 'per_coal_output')),
    max_rate    double not null check (max_rate >= 0 and max_rate <= 1000000),
    primary key (year, region_code, indicator)
);
