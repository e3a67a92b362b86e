-- Grain: one row per township-level region in $region and below, for the hazards found from $start to $end
-- and not after $as_of at its enterprises (sector $industry, all when null), as they stood on $as_of.
-- general_rectified: rectified_on ≤ as-of; major_closed: verified_on ≤ as-of (整改销号);
-- rate = (general_rectified + major_closed) ÷ found.
with in_region as (
    select region_code
    from region_ancestors
    where ancestor_code = $region
),

townships as (
    select township.region_code, township.name as township_name, county.name as county_name
    from regions as township
    left join regions as county on county.region_code = township.parent_code
    where township.level = 'township'
      and township.region_code in (select region_code from in_region)
),

selected as (
    select
        region_code,
        grade,
        supervision_level,
        hazard_is_done(grade, rectified_on, verified_on, $as_of) as is_done,
        hazard_state(found_on, grade, deadline, rectified_on, verified_on, $as_of) = 'overdue' as is_overdue
    from hazards_enriched
    where found_on between $start and $end
      and found_on <= $as_of
      and region_code in (select region_code from in_region)
      and ($industry is null or industry = $industry)
)

select
    townships.region_code,
    townships.county_name,
    townships.township_name,
    count(selected.grade) as found,
    count(*) filter (where selected.grade = 'general') as general_found,
    count(*) filter (where selected.grade = 'general' and selected.is_done) as general_rectified,
    count(*) filter (where selected.grade = 'major') as major_found,
    count(*) filter (where selected.grade = 'major' and selected.is_done) as major_closed,
    count(*) filter (where selected.is_overdue) as overdue,
    count(*) filter (where selected.grade = 'major' and selected.supervision_level <> 'none'
                     and not selected.is_done) as supervised_open
from townships
left join selected on selected.region_code = townships.region_code
group by townships.region_code, townships.county_name, townships.township_name
order by townships.region_code;
