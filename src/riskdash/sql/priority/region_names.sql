-- Grain: one row per region, with its name: the township column of the ranking.
-- No formula: a lookup. region_number is the 12-digit code as a number, as risk_scores.sql returns it.
-- A township whose name another township of the city shares (城关街道 in two counties) is named with its
-- county in front, so that the ranking, its charts and the site card never show two places as one.
select
    cast(region.region_code as bigint) as region_number,
    region.region_code,
    case when region.level = 'township' and count(*) over (partition by region.level, region.name) > 1
         then coalesce(parent.name, '') || region.name
         else region.name end as region_name
from regions as region
left join regions as parent on parent.region_code = region.parent_code
order by region.region_code;
