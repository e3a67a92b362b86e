-- Grain: one row per inspection level (市级核查, 县级排查, 镇街巡查, 企业自查) and one for hazards with no
-- inspection link, over $start to $end (not after $as_of), enterprises in $region and below, sector
-- $industry (all when null): inspections made, enterprises inspected, and the hazards found (found_on in the
-- period) through an inspection of that level (hazards.inspection_id → inspections.level).
with levels as (
    select * from (values ('city', 1), ('county', 2), ('township', 3), ('self', 4), ('none', 5))
        as l (level, level_order)
),

-- enterprises are matched on the integer enterprise_no (schema 9), not the varchar enterprise_id
region_enterprises as (
    select enterprise_no
    from scoped_enterprises($region, $account_region, $industry)
),

period_inspections as (
    -- inspected_on first: inspections lie in time order on disk, so the period skips most row groups
    select inspection_no, enterprise_no, level
    from inspections
    where inspected_on between $start and $end
      and inspected_on <= $as_of
),

inspections_by_level as (
    -- counted per level and enterprise first, then matched to the region's enterprises: one match per
    -- enterprise and level, not per inspection. Always matched: inspections.enterprise_id is no foreign key,
    -- so only the match drops an inspection of an enterprise no longer on record (its enterprise_no is null)
    select level, cast(sum(inspections) as bigint) as inspections, count(*) as enterprises_inspected
    from (
        select level, enterprise_no, count(*) as inspections
        from period_inspections
        group by level, enterprise_no
    )
    where enterprise_no in (select enterprise_no from region_enterprises)
    group by level
),

period_hazards as (
    -- at the scope's enterprises; every hazard when the scope keeps them all (views/scope.sql)
    select inspection_no, grade
    from scoped_hazards($region, $account_region, $industry)
    where found_on between $start and $end
      and found_on <= $as_of
),

hazards_by_inspection as (
    -- a period's inspection finds 1.6 hazards on average: counted per inspection first, so that each
    -- inspection is looked up once; on the integer inspection_no (schema 9), as the lookup below
    select inspection_no, count(*) as hazards_found, count(*) filter (where grade = 'major') as major_found
    from period_hazards
    group by inspection_no
),

linked as (
    -- a hazard is mostly found by an inspection of the same period: match it there first
    select h.inspection_no, h.hazards_found, h.major_found, period_inspections.level
    from hazards_by_inspection as h
    left join period_inspections using (inspection_no)
),

hazard_levels as (
    select coalesce(level, 'none') as level, hazards_found, major_found
    from linked
    where level is not null or inspection_no is null
    union all
    -- the rest through the whole table (inspection_id is a foreign key and inspection_no its copy: each
    -- finds its inspection); when there is no such hazard this join has nothing to look up and reads none
    select inspections.level, linked.hazards_found, linked.major_found
    from linked
    join inspections using (inspection_no)
    where linked.level is null
      and linked.inspection_no is not null
),

hazards_by_level as (
    select
        level,
        cast(sum(hazards_found) as bigint) as hazards_found,
        cast(sum(major_found) as bigint) as major_found
    from hazard_levels
    group by level
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
