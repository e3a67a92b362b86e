-- Grain: one row per township-level region in $region and below, for the hazards found from $start to $end
-- and not after $as_of at its enterprises (sector $industry, all when null): how many carry an inspection
-- link, a description, a deadline, and — once verified — a rectification date; complete = all four.
-- completeness = complete ÷ hazards ("—" where none).
with townships as (
    -- the scope's townships with county and label (scope_townships, sql/views/scope.sql)
    select region_code, township_name, county_name
    from scope_townships($region, $account_region)
),

selected as (
    -- the filters' hazards, each with its enterprise's township (scoped_hazards_found, sql/views/scope.sql)
    select
        region_code,
        inspection_id is not null as has_inspection,
        coalesce(trim(description) <> '', false) as has_description,
        deadline is not null as has_deadline,
        -- a verified (验收) hazard must say when it was rectified; an unverified one is not asked yet
        (verified_on is null or verified_on > $as_of or rectified_on is not null) as has_rectified_date
    from scoped_hazards_found($region, $account_region, $industry, $start, $end, $as_of)
)
,

counted as (
    -- counts per township before meeting the townships list: a small join instead of one per hazard
    select
        region_code,
        count(*) as hazards,
        count(*) filter (where has_inspection) as with_inspection,
        count(*) filter (where has_description) as with_description,
        count(*) filter (where has_deadline) as with_deadline,
        count(*) filter (where has_rectified_date) as with_rectified_date,
        count(*) filter (where has_inspection and has_description and has_deadline and has_rectified_date)
            as complete
    from selected
    group by region_code
)

select
    townships.region_code,
    townships.county_name,
    townships.township_name,
    coalesce(counted.hazards, 0) as hazards,
    coalesce(counted.with_inspection, 0) as with_inspection,
    coalesce(counted.with_description, 0) as with_description,
    coalesce(counted.with_deadline, 0) as with_deadline,
    coalesce(counted.with_rectified_date, 0) as with_rectified_date,
    coalesce(counted.complete, 0) as complete
from townships
left join counted on counted.region_code = townships.region_code
order by townships.region_code;
