-- Grain: one row per county in $region and below, and one total row for $region (is_total), counting the
-- "1+1" pairs: township × 产业类型 (industry class) with active enterprises. An enterprise's class is its
-- industry_type, or, where it has none, its sector's Chinese name (docs/township-assessment.md). coverage =
-- pairs where the "1+1" experts inspected an enterprise of the class from 1 January of $year to $as_of ÷ pairs;
-- meeting share = pairs that held a warning meeting (a meeting's class: its industry_type, else its sector's
-- name) ÷ pairs.
with townships as (
    -- a zone directly under the city has the city as its parent: it gets a row of its own parent (the city)
    -- the scope's townships with county and label (scope_townships, sql/views/scope.sql)
    select region_code, county_code, county_name
    from scope_townships($region, $account_region)
),

classed as (
    select enterprises.enterprise_no, enterprises.region_code, enterprises.status,
           coalesce(nullif(trim(enterprises.industry_type), ''), sectors.name_zh) as industry_type
    from scoped_enterprises($region, $account_region, null) as enterprises
    join sectors on sectors.code = enterprises.industry
    where enterprises.region_code in (select region_code from townships)
),

pairs as (
    select distinct region_code, industry_type
    from classed
    where status = 'active'
),

inspected as (
    select distinct classed.region_code, classed.industry_type
    from inspections
    -- on the integer key (schema 9): an inspection of an enterprise not on record drops out
    join classed using (enterprise_no)
    where inspections.campaign = '1+1'
      and inspections.inspected_on between make_date($year, 1, 1) and $as_of
),

met as (
    select distinct warning_meetings.region_code,
           coalesce(nullif(trim(warning_meetings.industry_type), ''), sectors.name_zh) as industry_type
    from warning_meetings
    join sectors on sectors.code = warning_meetings.industry
    where warning_meetings.held_on between make_date($year, 1, 1) and $as_of
      and warning_meetings.region_code in (select region_code from townships)
),

flagged as (
    select
        townships.county_code,
        townships.county_name,
        pairs.region_code,
        inspected.region_code is not null as is_inspected,
        met.region_code is not null as has_meeting
    from pairs
    join townships using (region_code)
    left join inspected on inspected.region_code = pairs.region_code
                       and inspected.industry_type = pairs.industry_type
    left join met on met.region_code = pairs.region_code and met.industry_type = pairs.industry_type
)

select
    grouping(county_code) = 1 as is_total,
    case when grouping(county_code) = 1 then $region else county_code end as region_code,
    case when grouping(county_code) = 1 then null else any_value(county_name) end as county_name,
    count(distinct region_code) as townships,
    count(*) as pairs,
    count(*) filter (where is_inspected) as pairs_inspected,
    count(*) filter (where has_meeting) as pairs_with_meeting
from flagged
group by grouping sets ((county_code), ())
order by is_total, region_code;
