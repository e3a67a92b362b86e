-- Grain: one row per "1+1" pair — township-level region in $region and below × 产业类型 (industry class) with
-- active enterprises there ("检查一个企业、规范一个行业", docs/rules.md#township-assessment-考核-and-campaigns). An enterprise's class is its
-- industry_type, or, where it has none, its sector's Chinese name (docs/township-assessment.md). Whether the
-- "1+1" in-depth expert inspection (inspections.campaign = '1+1') of any enterprise of the class in the township
-- took place from 1 January of $year to $as_of, the hazards it found, the pair's warning meetings (警示会) in
-- the same dates (a meeting's class: its industry_type, else its sector's name), and the pair's record of
-- $year (campaign_pairs: 共性问题, 个性问题, 整改建议).
with townships as (
    -- the scope's townships with county and label (scope_townships, sql/views/scope.sql)
    select region_code, township_name, county_name, township_label
    from scope_townships($region, $account_region)
),

classed as (
    -- every enterprise of the scope with its class (empty industry_type: the sector's name)
    select enterprises.enterprise_no, enterprises.name, enterprises.region_code, enterprises.status,
           coalesce(nullif(trim(enterprises.industry_type), ''), sectors.name_zh) as industry_type,
           nullif(trim(enterprises.industry_type), '') is null as is_untyped
    from scoped_enterprises($region, $account_region, null) as enterprises
    join sectors on sectors.code = enterprises.industry
    where enterprises.region_code in (select region_code from townships)
),

pairs as (
    select region_code, industry_type, count(*) as enterprises,
           count(*) filter (where is_untyped) as untyped_enterprises
    from classed
    where status = 'active'
    group by region_code, industry_type
),

campaign_inspections as (
    select inspections.inspection_no, inspections.inspected_on, classed.name, classed.region_code,
           classed.industry_type
    from inspections
    -- on the integer key (schema 9): an inspection of an enterprise not on record drops out
    join classed using (enterprise_no)
    where inspections.campaign = '1+1'
      and inspections.inspected_on between make_date($year, 1, 1) and $as_of
),

-- hazards are linked to the campaign's inspections on the integer inspection_no (schema 9)
campaign_problems as (
    select inspection_no, count(*) as problems
    from hazards
    where inspection_no in (select inspection_no from campaign_inspections)
    group by inspection_no
),

inspected as (
    select
        campaign_inspections.region_code,
        campaign_inspections.industry_type,
        count(*) as campaign_inspections,
        min(campaign_inspections.inspected_on) as first_inspected_on,
        -- the first inspected enterprise; on a tie of days the first by name (arg_min would pick any)
        first(campaign_inspections.name order by campaign_inspections.inspected_on, campaign_inspections.name)
            as inspected_enterprise,
        coalesce(sum(campaign_problems.problems), 0) as problems_found
    from campaign_inspections
    left join campaign_problems using (inspection_no)
    group by campaign_inspections.region_code, campaign_inspections.industry_type
),

meetings as (
    select warning_meetings.region_code,
           coalesce(nullif(trim(warning_meetings.industry_type), ''), sectors.name_zh) as industry_type,
           count(*) as meetings, max(warning_meetings.held_on) as last_meeting_on,
           sum(warning_meetings.attendance) as attendance
    from warning_meetings
    join sectors on sectors.code = warning_meetings.industry
    where warning_meetings.held_on between make_date($year, 1, 1) and $as_of
      and warning_meetings.region_code in (select region_code from townships)
    group by all
),

records as (
    select region_code, industry_type, common_problems, individual_problems, advice
    from campaign_pairs
    where year = $year
      and region_code in (select region_code from townships)
)

select
    townships.region_code,
    townships.county_name,
    townships.township_name,
    townships.township_label,
    pairs.industry_type,
    pairs.enterprises,
    pairs.untyped_enterprises,
    coalesce(inspected.campaign_inspections, 0) > 0 as is_inspected,
    inspected.first_inspected_on,
    inspected.inspected_enterprise,
    coalesce(inspected.problems_found, 0) as problems_found,
    coalesce(meetings.meetings, 0) as meetings,
    meetings.last_meeting_on,
    meetings.attendance,
    records.common_problems,
    records.individual_problems,
    records.advice
from pairs
join townships using (region_code)
left join inspected on inspected.region_code = pairs.region_code and inspected.industry_type = pairs.industry_type
left join meetings on meetings.region_code = pairs.region_code and meetings.industry_type = pairs.industry_type
left join records on records.region_code = pairs.region_code and records.industry_type = pairs.industry_type
order by townships.region_code, pairs.industry_type;
