-- Grain: one row per inspection level (市级核查, 县级排查, 镇街巡查, 企业自查) and one for hazards with no
-- inspection link, over $start to $end (not after $as_of), enterprises in $region and below, sector
-- $industry (all when null): inspections made, enterprises inspected, and the hazards found (found_on in the
-- period) through an inspection of that level (hazards.inspection_id → inspections.level).
with in_region as (
    select region_code
    from region_ancestors
    where ancestor_code = $region
),

levels as (
    select * from (values ('city', 1), ('county', 2), ('township', 3), ('self', 4), ('none', 5))
        as l (level, level_order)
),

inspections_in_period as (
    select level, enterprise_id
    from inspections_enriched
    where inspected_on between $start and $end
      and inspected_on <= $as_of
      and region_code in (select region_code from in_region)
      and ($industry is null or industry = $industry)
),

inspections_by_level as (
    select level, count(*) as inspections, count(distinct enterprise_id) as enterprises_inspected
    from inspections_in_period
    group by level
),

hazards_by_level as (
    select
        coalesce(inspections.level, 'none') as level,
        count(*) as hazards_found,
        count(*) filter (where hazards_enriched.grade = 'major') as major_found
    from hazards_enriched
    left join inspections on inspections.inspection_id = hazards_enriched.inspection_id
    where hazards_enriched.found_on between $start and $end
      and hazards_enriched.found_on <= $as_of
      and hazards_enriched.region_code in (select region_code from in_region)
      and ($industry is null or hazards_enriched.industry = $industry)
    group by 1
)

select
    levels.level,
    coalesce(inspections_by_level.inspections, 0) as inspections,
    coalesce(inspections_by_level.enterprises_inspected, 0) as enterprises_inspected,
    coalesce(hazards_by_level.hazards_found, 0) as hazards_found,
    coalesce(hazards_by_level.major_found, 0) as major_found
from levels
left join inspections_by_level using (level)
left join hazards_by_level using (level)
order by levels.level_order;
