-- Grain: one row per active enterprise in $region and below (sector $industry, all when null), scored as of $as_of.
-- score = Σ component count × its weight from risk_weights (read now, editable data): open major hazards
-- (+ extra when overdue, + extra under 挂牌督办), overdue general hazards, deaths and 较大及以上 accidents of the
-- last risk_recency_years years decayed by age ((N − full years ago) ÷ N,
-- N = the setting risk_recency_years), the sector's inherent risk, ledger
-- sites whose measures are not in place, employees ÷ 100 (capped at 10), full 90-day spans since the last
-- supervisory inspection (capped at 730 days; none in the last 730 days counts as 730). Level: the highest
-- risk_thresholds level whose min_score ≤ score (blue below every other). Ranked by score descending, ties by enterprise_id.
with weights as (
    select
        coalesce(max(weight) filter (where component = 'open_major_hazard'), 0) as w_open_major,
        coalesce(max(weight) filter (where component = 'overdue_major_hazard'), 0) as w_overdue_major,
        coalesce(max(weight) filter (where component = 'supervised_major_hazard'), 0) as w_supervised_major,
        coalesce(max(weight) filter (where component = 'overdue_general_hazard'), 0) as w_overdue_general,
        coalesce(max(weight) filter (where component = 'accident_death'), 0) as w_death,
        coalesce(max(weight) filter (where component = 'larger_accident'), 0) as w_larger,
        coalesce(max(weight) filter (where component = 'sector_inherent'), 0) as w_sector,
        coalesce(max(weight) filter (where component = 'key_site_not_in_place'), 0) as w_site,
        coalesce(max(weight) filter (where component = 'employees_per_100'), 0) as w_employees,
        coalesce(max(weight) filter (where component = 'uninspected_per_90_days'), 0) as w_uninspected
    from risk_weights
),

recency as (
    -- a setting; 3 years when unset or not a whole number ≥ 1
    select coalesce(max(greatest(try_cast(value as integer), 1)), 3) as years
    from settings
    where key = 'risk_recency_years'
),

in_region as (
    select region_code
    from region_ancestors
    where ancestor_code = $region
),

scored_enterprises as (
    select enterprises.enterprise_id, enterprises.name, enterprises.region_code, regions.name as region_name,
           enterprises.industry, sectors.name_zh as sector_name_zh, sectors.name_en as sector_name_en,
           sectors.is_high_risk, coalesce(enterprises.employees, 0) as employees, sectors.inherent_risk,
           enterprises.longitude, enterprises.latitude
    from enterprises
    join sectors on sectors.code = enterprises.industry
    join regions on regions.region_code = enterprises.region_code
    where enterprises.status = 'active'
      and enterprises.region_code in (select region_code from in_region)
      and ($industry is null or enterprises.industry = $industry)
),

open_hazard_rows as (
    -- hazards not done on as_of: a major one is open until verified (整改销号), a general one until rectified.
    -- Only row ids here: the few open rows are fetched by id below instead of reading every row's columns.
    select rowid
    from hazards
    where found_on <= $as_of
      and not hazard_is_done(grade, rectified_on, verified_on, $as_of)
),

open_hazards as (
    select
        enterprise_id,
        count(*) filter (where grade = 'major') as open_major,
        count(*) filter (where grade = 'major' and deadline < $as_of) as overdue_major,
        count(*) filter (where grade = 'major' and supervision_level <> 'none'
                           and (supervised_on is null or supervised_on <= $as_of)) as supervised_major,
        count(*) filter (where grade = 'general' and deadline < $as_of) as overdue_general
    from hazards
    where rowid in (select rowid from open_hazard_rows)
    group by enterprise_id
),

recent_accidents as (
    select
        enterprise_id,
        grade,
        deaths_incl_missing,
        -- full calendar years between the accident and as_of (an age): 0 within the last year, 1 the year
        -- before, ...; an accident one year to the day before as_of is 1 year ago
        year(age(cast($as_of as timestamp), cast(occurred_on as timestamp))) as years_ago
    from accidents_graded
    where enterprise_id is not null
      and occurred_on <= $as_of
      and occurred_on > cast($as_of as date) - to_years((select years from recency))
),

accident_history as (
    select
        enterprise_id,
        sum(deaths_incl_missing * (recency.years - least(years_ago, recency.years - 1)) / recency.years)
            as decayed_deaths,
        sum(case when grade <> 'general'
                 then (recency.years - least(years_ago, recency.years - 1)) / recency.years else 0 end)
            as decayed_larger,
        sum(deaths_incl_missing) as deaths,
        count(*) filter (where grade = 'larger') as larger_accidents,
        count(*) filter (where grade = 'major') as major_accidents,
        count(*) filter (where grade = 'especially_major') as especially_major_accidents
    from recent_accidents, recency
    group by enterprise_id, recency.years
),

sites_not_in_place as (
    select enterprise_id, count(*) as sites_not_in_place
    from key_sites
    where measures_in_place is not true
      and enterprise_id is not null
    group by enterprise_id
),

last_inspection as (
    -- supervisory levels only: 企业自查 does not count as being looked at. Days are capped at 730, so only
    -- the last 730 days are read; an enterprise with none in them counts as 730 days
    select enterprise_id, max(inspected_on) as last_inspected_on
    from inspections
    where inspected_on <= $as_of
      and inspected_on > cast($as_of as date) - 730
      and level in ('city', 'county', 'township')
    group by enterprise_id
),

components as (
    select
        e.enterprise_id,
        e.name,
        e.region_code,
        e.region_name,
        e.industry,
        e.sector_name_zh,
        e.sector_name_en,
        e.is_high_risk,
        e.employees,
        e.inherent_risk,
        e.longitude,
        e.latitude,
        coalesce(h.open_major, 0) as open_major,
        coalesce(h.overdue_major, 0) as overdue_major,
        coalesce(h.supervised_major, 0) as supervised_major,
        coalesce(h.overdue_general, 0) as overdue_general,
        coalesce(a.decayed_deaths, 0) as decayed_deaths,
        coalesce(a.decayed_larger, 0) as decayed_larger,
        coalesce(a.deaths, 0) as deaths,
        coalesce(a.larger_accidents, 0) as larger_accidents,
        coalesce(a.major_accidents, 0) as major_accidents,
        coalesce(a.especially_major_accidents, 0) as especially_major_accidents,
        coalesce(s.sites_not_in_place, 0) as sites_not_in_place,
        i.last_inspected_on,
        least(coalesce(date_diff('day', i.last_inspected_on, cast($as_of as date)), 730), 730) as days_uninspected
    from scored_enterprises e
    left join open_hazards h using (enterprise_id)
    left join accident_history a using (enterprise_id)
    left join sites_not_in_place s using (enterprise_id)
    left join last_inspection i using (enterprise_id)
),

points as (
    select
        components.*,
        (select years from recency) as recency_years,
        open_major * w_open_major as points_open_major,
        overdue_major * w_overdue_major as points_overdue_major,
        supervised_major * w_supervised_major as points_supervised_major,
        overdue_general * w_overdue_general as points_overdue_general,
        decayed_deaths * w_death as points_deaths,
        decayed_larger * w_larger as points_larger,
        inherent_risk * w_sector as points_sector,
        sites_not_in_place * w_site as points_sites,
        least(employees / 100.0, 10) * w_employees as points_employees,
        floor(days_uninspected / 90) * w_uninspected as points_uninspected
    from components, weights
),

totalled as (
    select
        points.*,
        -- rounded to 0.01 so that the order does not hang on floating-point noise
        round(points_open_major + points_overdue_major + points_supervised_major + points_overdue_general
              + points_deaths + points_larger + points_sector + points_sites + points_employees
              + points_uninspected, 2) as score
    from points
),

thresholds as (
    select
        max(min_score) filter (where level = 'red') as red_min,
        max(min_score) filter (where level = 'orange') as orange_min,
        max(min_score) filter (where level = 'yellow') as yellow_min
    from risk_thresholds
),

levelled as (
    select
        totalled.*,
        case when score >= red_min then 'red'
             when score >= orange_min then 'orange'
             when score >= yellow_min then 'yellow'
             else 'blue' end as level
    from totalled, thresholds
)

select
    row_number() over (order by score desc, enterprise_id) as rank,
    levelled.*
from levelled
order by rank;
