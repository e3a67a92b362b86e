-- Grain: one row per township-level region in $region and below, for the hazards found from $start to $end
-- and not after $as_of at its enterprises (sector $industry, all when null): how many carry an inspection
-- link, a description, a deadline, and — once verified — a rectification date; complete = all four.
-- completeness = complete ÷ hazards ("—" where none).
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
        inspection_id is not null as has_inspection,
        coalesce(trim(description) <> '', false) as has_description,
        deadline is not null as has_deadline,
        -- a verified (验收) hazard must say when it was rectified; an unverified one is not asked yet
        (verified_on is null or verified_on > $as_of or rectified_on is not null) as has_rectified_date
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
    count(selected.region_code) as hazards,
    count(*) filter (where selected.has_inspection) as with_inspection,
    count(*) filter (where selected.has_description) as with_description,
    count(*) filter (where selected.has_deadline) as with_deadline,
    count(*) filter (where selected.has_rectified_date) as with_rectified_date,
    count(*) filter (where selected.has_inspection and selected.has_description and selected.has_deadline
                     and selected.has_rectified_date) as complete
from townships
left join selected on selected.region_code = townships.region_code
group by townships.region_code, townships.county_name, townships.township_name
order by townships.region_code;
