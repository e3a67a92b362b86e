-- Grain: one row per hazard still not done on $as_of (general: not rectified; major: not verified), found
-- on or before $as_of at any time (open work has no period), at enterprises in $region and below, sector
-- $industry (all when null), whose deadline falls from $as_of to $as_of + $days, or, when $include_overdue,
-- already before $as_of. days_left = deadline − as-of (negative: days overdue; 0: due today, not overdue).
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

open_hazards as (
    select hazard_id, enterprise_id, region_code, industry, grade, found_on, deadline, rectified_on,
           supervision_level, description
    from hazards_enriched
    where found_on <= $as_of
      and not hazard_is_done(grade, rectified_on, verified_on, $as_of)
      and deadline <= $as_of + $days
      and ($include_overdue or deadline >= $as_of)
      and region_code in (select region_code from in_region)
      and ($industry is null or industry = $industry)
)

select
    open_hazards.hazard_id,
    open_hazards.enterprise_id,
    enterprises.name as enterprise_name,
    open_hazards.region_code,
    townships.county_name,
    townships.township_name,
    open_hazards.industry,
    open_hazards.grade,
    open_hazards.description,
    open_hazards.found_on,
    open_hazards.deadline,
    open_hazards.deadline - $as_of as days_left,
    open_hazards.rectified_on,
    open_hazards.supervision_level
from open_hazards
join enterprises using (enterprise_id)
left join townships on townships.region_code = open_hazards.region_code
order by open_hazards.region_code, days_left, open_hazards.hazard_id;
