-- Grain: one row per sector × hazard category found at $min_enterprises or more enterprises of that sector
-- in $region and below, from 1 January of $year to $as_of: a common problem (共性问题) of the sector for its
-- "1+1" warning meeting. Counts enterprises, hazards and townships where it was found.
with in_region as (
    select region_code
    from region_ancestors
    where ancestor_code = $region
),

found as (
    select enterprise_id, region_code, industry, category
    from hazards_enriched
    where found_on between make_date($year, 1, 1) and $as_of
      and category is not null
      and region_code in (select region_code from in_region)
),

grouped as (
    select
        industry,
        category,
        count(distinct enterprise_id) as enterprises,
        count(*) as hazards,
        count(distinct region_code) as townships
    from found
    group by industry, category
)

select
    grouped.industry,
    sectors.name_zh as sector_name_zh,
    sectors.name_en as sector_name_en,
    grouped.category,
    grouped.enterprises,
    grouped.hazards,
    grouped.townships
from grouped
join sectors on sectors.code = grouped.industry
where grouped.enterprises >= $min_enterprises
order by sectors.sort_order, grouped.enterprises desc, grouped.hazards desc, grouped.category;
