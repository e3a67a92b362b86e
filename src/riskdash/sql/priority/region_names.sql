-- Grain: one row per region, with its name: the township column of the ranking.
-- No formula: a lookup. region_number is the 12-digit code as a number, as risk_scores.sql returns it.
-- A township is named as everywhere else (sql/views/township_labels.sql): with its county, 城关街道（甲县）,
-- when another township shares its name, so that the ranking, its charts and the site card never show two
-- places as one.
select
    cast(region.region_code as bigint) as region_number,
    region.region_code,
    coalesce(labels.township_label, region.name) as region_name
from regions as region
left join township_labels as labels on labels.region_code = region.region_code
order by region.region_code;
