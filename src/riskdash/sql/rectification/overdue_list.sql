-- Grain: one row per overdue hazard: found from $start to $end and not after $as_of, at enterprises in
-- $region and below, in sector $industry (all when null), not done on $as_of and its deadline before $as_of
-- (the deadline day itself is not overdue; a major hazard rectified but not yet verified is).
-- days_overdue = as-of − deadline.
with in_region as (
    select region_code
    from region_ancestors
    where ancestor_code = $region
),

townships as (
    select township.region_code, township.name as township_name, county.name as county_name
    from regions as township
    left join regions as county on county.region_code = township.parent_code
),

overdue as (
    select hazard_id, enterprise_id, region_code, industry, grade, found_on, deadline, rectified_on,
           supervision_level
    from hazards_enriched
    where found_on between $start and $end
      and found_on <= $as_of
      and region_code in (select region_code from in_region)
      and ($industry is null or industry = $industry)
      and hazard_state(found_on, grade, deadline, rectified_on, verified_on, $as_of) = 'overdue'
)

select
    overdue.hazard_id,
    overdue.enterprise_id,
    enterprises.name as enterprise_name,
    overdue.region_code,
    townships.county_name,
    townships.township_name,
    overdue.industry,
    overdue.grade,
    overdue.found_on,
    overdue.deadline,
    $as_of - overdue.deadline as days_overdue,
    overdue.rectified_on,
    overdue.supervision_level
from overdue
join enterprises using (enterprise_id)
left join townships on townships.region_code = overdue.region_code
order by days_overdue desc, overdue.hazard_id;
