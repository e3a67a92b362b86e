-- Grain: one row per active enterprise in $region and below (sector $industry, all when null) whose last
-- inspection by a supervising level (city, county or township) on or before $as_of is more than $days days
-- before $as_of, or that was never inspected by one. days_since = as-of − last inspection (null: never).
with active as (
    select enterprise_id, enterprise_no, name, region_code, industry
    from scoped_enterprises($region, $account_region, $industry)
    where status = 'active'
),

last_inspected as (
    -- grouped on the integer enterprise_no (schema 9): hashing the varchar id over every inspection was
    -- most of this query's time (docs/bench-rectification.md)
    select enterprise_no, max(inspected_on) as last_inspected_on
    from inspections
    where level in ('city', 'county', 'township')
      and inspected_on <= $as_of
    group by enterprise_no
)

select
    active.enterprise_id,
    active.name as enterprise_name,
    active.region_code,
    townships.county_name,
    townships.township_name,
    active.industry,
    last_inspected.last_inspected_on,
    $as_of - last_inspected.last_inspected_on as days_since
from active
left join last_inspected on last_inspected.enterprise_no = active.enterprise_no
left join township_county_names as townships on townships.region_code = active.region_code  -- sql/views/township_county_names.sql
where last_inspected.last_inspected_on is null
   or $as_of - last_inspected.last_inspected_on > $days
order by days_since desc nulls first, active.enterprise_id;
