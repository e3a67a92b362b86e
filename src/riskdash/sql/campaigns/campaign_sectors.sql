-- Grain: one row per township-level region in $region and below × sector with active enterprises there.
-- Whether the "1+1" in-depth expert inspection (inspections.campaign = '1+1') reached the pair from 1 January
-- of $year to $as_of, the hazards it found, and the pair's warning meetings (警示会) in the same dates.
with townships as (
    -- the scope's townships with county and label (scope_townships, sql/views/scope.sql)
    select region_code, township_name, county_name, township_label
    from scope_townships($region, $account_region)
),

pairs as (
    select region_code, industry, count(*) as enterprises
    from scoped_enterprises($region, $account_region, null)
    where status = 'active'
      and region_code in (select region_code from townships)
    group by region_code, industry
),

campaign_inspections as (
    select inspections.inspection_no, inspections.inspected_on, inspections.enterprise_no,
           enterprises.region_code, enterprises.industry
    from inspections
    -- on the integer key (schema 9): an inspection of an enterprise not on record drops out
    join scoped_enterprises($region, $account_region, null) as enterprises using (enterprise_no)
    where inspections.campaign = '1+1'
      and inspections.inspected_on between make_date($year, 1, 1) and $as_of
      and enterprises.region_code in (select region_code from townships)
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
        campaign_inspections.industry,
        count(*) as campaign_inspections,
        min(campaign_inspections.inspected_on) as first_inspected_on,
        -- the first inspected enterprise; on a tie of days the first by name (arg_min would pick any)
        first(enterprises.name order by campaign_inspections.inspected_on, enterprises.name)
            as inspected_enterprise,
        coalesce(sum(campaign_problems.problems), 0) as problems_found
    from campaign_inspections
    join enterprises using (enterprise_no)
    left join campaign_problems using (inspection_no)
    group by campaign_inspections.region_code, campaign_inspections.industry
),

meetings as (
    select region_code, industry, count(*) as meetings, max(held_on) as last_meeting_on,
           sum(attendance) as attendance
    from warning_meetings
    where held_on between make_date($year, 1, 1) and $as_of
      and region_code in (select region_code from townships)
    group by region_code, industry
)

select
    townships.region_code,
    townships.county_name,
    townships.township_name,
    townships.township_label,
    pairs.industry,
    sectors.name_zh as sector_name_zh,
    sectors.name_en as sector_name_en,
    pairs.enterprises,
    coalesce(inspected.campaign_inspections, 0) > 0 as is_inspected,
    inspected.first_inspected_on,
    inspected.inspected_enterprise,
    coalesce(inspected.problems_found, 0) as problems_found,
    coalesce(meetings.meetings, 0) as meetings,
    meetings.last_meeting_on,
    meetings.attendance
from pairs
join townships using (region_code)
join sectors on sectors.code = pairs.industry
left join inspected on inspected.region_code = pairs.region_code and inspected.industry = pairs.industry
left join meetings on meetings.region_code = pairs.region_code and meetings.industry = pairs.industry
order by townships.region_code, sectors.sort_order;
