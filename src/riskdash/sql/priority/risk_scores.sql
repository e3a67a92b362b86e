-- Grain: one row per active enterprise in $region and below (sector $industry, all when null), scored as of $as_of.
-- score = Σ component count × its weight from risk_weights (read now, editable data): open major hazards
-- (+ extra when overdue, + extra under 挂牌督办), overdue general hazards, deaths and 较大及以上 accidents of the
-- last risk_recency_years years decayed by age ((N − full years ago) ÷ N, N = the setting risk_recency_years),
-- the sector's inherent risk, 重点部位 on the ledger by $as_of (filed with the city or county by then) whose
-- measures are not in place,
-- employees ÷ 100 (capped at 10), full 90-day spans since the last supervisory inspection (capped at 730 days;
-- none in the last 730 days counts as 730). Level: the highest risk_thresholds level whose min_score ≤ score
-- (blue below every other). Ordered by score descending, ties by enterprise_id (the rank is the row's place).
-- Each source is aggregated once per enterprise before the join. The result carries counts, not labels or
-- points (township and sector names, the recency setting and count × weight are added by the caller), so that
-- a city's 100 k rows stay cheap to fetch: every column of them costs more to fetch than a source to score.
-- For the same reason the township and sector come as numbers, not code strings (a string per row is the
-- dearest thing to fetch): region_number is the 12-digit region code as a number, sector_number the sector's
-- place in code order, level_number the level's place in red, orange, yellow, blue; the caller turns them
-- back into codes, names and levels (region_names, score_sectors, metrics.priority.LEVELS).
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

thresholds as (
    select
        max(min_score) filter (where level = 'red') as red_min,
        max(min_score) filter (where level = 'orange') as orange_min,
        max(min_score) filter (where level = 'yellow') as yellow_min
    from risk_thresholds
),

sector_numbers as (
    -- the same numbering as score_sectors.sql
    select code, inherent_risk, row_number() over (order by code) as sector_number
    from sectors
),

scored_enterprises as (
    select enterprises.enterprise_id, enterprises.enterprise_no, enterprises.name,
           -- region codes are exactly 12 digits (schema check): the number is the code, losslessly
           cast(enterprises.region_code as bigint) as region_number, sector_numbers.sector_number,
           coalesce(enterprises.employees, 0) as employees, sector_numbers.inherent_risk,
           enterprises.longitude, enterprises.latitude
    from scoped_enterprises($region, $account_region, $industry) as enterprises
    join sector_numbers on sector_numbers.code = enterprises.industry
    where enterprises.status = 'active'
),

open_hazards as (
    -- hazards not done on as_of: a major one is open until verified (整改销号), a general one until rectified
    -- per enterprise on the integer enterprise_no (schema 9): grouping every open hazard on the varchar id
    -- cost several times more
    select
        enterprise_no,
        count(*) filter (where grade = 'major') as open_major,
        count(*) filter (where grade = 'major' and deadline < $as_of) as overdue_major,
        count(*) filter (where grade = 'major' and supervision_level <> 'none'
                           and (supervised_on is null or supervised_on <= $as_of)) as supervised_major,
        count(*) filter (where grade = 'general' and deadline < $as_of) as overdue_general
    from hazards
    where found_on <= $as_of
      and not hazard_is_done(grade, rectified_on, verified_on, $as_of)
    group by enterprise_no
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
        cast(sum(deaths_incl_missing) as integer) as deaths,
        count(*) filter (where grade = 'larger') as larger_accidents,
        count(*) filter (where grade = 'major') as major_accidents,
        count(*) filter (where grade = 'especially_major') as especially_major_accidents
    from recent_accidents, recency
    group by enterprise_id, recency.years
),

ledger_day as (
    -- the day the ledger was read: the data's as-of day (declared, else the latest event day), else the
    -- scoring day itself (a database with no events)
    select coalesce(data_as_of(), cast($as_of as date)) as read_on
),

sites_not_in_place as (
    -- the ledger as it stood on as_of: an entry is on it from its first filing (备案) with the city or the
    -- county; an entry filed with neither has no day and counts only from the day the ledger was read. The
    -- measures' state has no history: it is the state recorded now.
    select enterprise_id, count(*) as sites_not_in_place
    from key_sites, ledger_day
    where measures_in_place is not true
      and enterprise_id is not null
      and coalesce(least(filed_city_on, filed_county_on) <= $as_of, ledger_day.read_on <= $as_of)
    group by enterprise_id
),

last_inspection as (
    -- the latest supervisory inspection per enterprise (企业自查 does not count as being looked at). Days are
    -- capped at 730, so only the last 730 days are read; an enterprise with none in them counts as 730 days
    select enterprise_no, max(inspected_on) as last_inspected_on
    from inspections
    where inspected_on <= $as_of
      and inspected_on > cast($as_of as date) - 730
      and level in ('city', 'county', 'township')
    group by enterprise_no
),

components as (
    select
        e.enterprise_id,
        e.name,
        e.region_number,
        e.sector_number,
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
        least(coalesce(date_diff('day', i.last_inspected_on, cast($as_of as date)), 730), 730) as days_uninspected
    from scored_enterprises e
    left join open_hazards h on h.enterprise_no = e.enterprise_no
    left join accident_history a on a.enterprise_id = e.enterprise_id
    left join sites_not_in_place s on s.enterprise_id = e.enterprise_id
    left join last_inspection i on i.enterprise_no = e.enterprise_no
),

totalled as (
    select
        components.*,
        -- rounded to 0.01 so that the order does not hang on floating-point noise
        round(open_major * w_open_major + overdue_major * w_overdue_major
              + supervised_major * w_supervised_major + overdue_general * w_overdue_general
              + decayed_deaths * w_death + decayed_larger * w_larger + inherent_risk * w_sector
              + sites_not_in_place * w_site + least(employees / 100.0, 10) * w_employees
              + floor(days_uninspected / 90) * w_uninspected, 2) as score
    from components, weights
)

select
    enterprise_id,
    name,
    region_number,
    sector_number,
    employees,
    longitude,
    latitude,
    open_major,
    overdue_major,
    supervised_major,
    overdue_general,
    decayed_deaths,
    decayed_larger,
    deaths,
    larger_accidents,
    major_accidents,
    especially_major_accidents,
    sites_not_in_place,
    days_uninspected,
    score,
    -- the level as its place in metrics.priority.LEVELS (1 red, 2 orange, 3 yellow, 4 blue): a number is
    -- cheaper to fetch than a word per row
    case when score >= red_min then 1
         when score >= orange_min then 2
         when score >= yellow_min then 3
         else 4 end as level_number
from totalled, thresholds
order by score desc, enterprise_id;
