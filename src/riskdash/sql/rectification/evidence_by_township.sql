-- Grain: one row per township-level region in $region and below, for the hazards found from $start to $end
-- and not after $as_of at its enterprises (sector $industry, all when null): how many carry an inspection
-- link, a description, a deadline, and — once verified — a rectification date; complete = all four.
-- completeness = complete ÷ hazards ("—" where none).
-- And the evidence-completeness figure (issue 18, 问题整改有结果): the hazards closed (验收销号: verified_on from
-- $start to $end and not after $as_of, whenever found) at the township's enterprises, and of them those with an
-- 整改后 photo (evidence role 'after'), a 验收 record (role 'acceptance') and both, each uploaded on or before
-- $as_of (riskdash/evidence.py). evidence rate = closed_with_evidence ÷ closed ("—" where none closed).
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

closed as (
    -- the hazards closed in the period (销号 = verified), found at any time, each with its enterprise's township
    -- (scoped_hazards and scoped_enterprises, sql/views/scope.sql)
    select hazards.hazard_id, scope_enterprises.region_code
    from scoped_hazards($region, $account_region, $industry) as hazards
    join (
        select enterprise_no, region_code
        from scoped_enterprises($region, $account_region, $industry)
    ) as scope_enterprises on scope_enterprises.enterprise_no = hazards.enterprise_no
    where hazards.verified_on between $start and $end
      and hazards.verified_on <= $as_of
      and hazards.found_on <= $as_of
),

hazard_evidence as (
    -- per hazard: whether an 整改后 photo and a 验收 record had been uploaded by the as-of day
    select
        record_id as hazard_id,
        bool_or(role = 'after') as has_after,
        bool_or(role = 'acceptance') as has_acceptance
    from evidence
    where record_kind = 'hazard'
      and role in ('after', 'acceptance')
      and cast(uploaded_at as date) <= $as_of
    group by record_id
),

closed_counted as (
    select
        closed.region_code,
        count(*) as closed,
        count(*) filter (where hazard_evidence.has_after) as closed_with_after,
        count(*) filter (where hazard_evidence.has_acceptance) as closed_with_acceptance,
        count(*) filter (where hazard_evidence.has_after and hazard_evidence.has_acceptance)
            as closed_with_evidence
    from closed
    left join hazard_evidence on hazard_evidence.hazard_id = closed.hazard_id
    group by closed.region_code
),

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
    coalesce(counted.complete, 0) as complete,
    coalesce(closed_counted.closed, 0) as closed,
    coalesce(closed_counted.closed_with_after, 0) as closed_with_after,
    coalesce(closed_counted.closed_with_acceptance, 0) as closed_with_acceptance,
    coalesce(closed_counted.closed_with_evidence, 0) as closed_with_evidence
from townships
left join counted on counted.region_code = townships.region_code
left join closed_counted on closed_counted.region_code = townships.region_code
order by townships.region_code;
