-- Grain: one row per township-level region in $region and below, assessed over 1 January of $year to $as_of.
-- score = Σ weight × component ÷ Σ weight over the components that have a denominator (each 0–100); vetoed
-- (一票否决, docs/township-assessment.md) when in the year the township had a 较大及以上 liability accident
-- (nature liability or pending: pending counts as liability until concluded), an accident reported more than
-- $late_report_hours hours after it happened (迟报; reported_at − occurred_at, judged only where both times are
-- known), an accident flagged 瞒报 (concealed) or 谎报 (falsely_reported), a 较大及以上 liability accident at an
-- enterprise with no 重点部位 filed before the accident's day (ledger_missed_site), a liability accident with deaths
-- at an enterprise with a site filed before that day whose measures were not in place by then
-- (measures_not_in_place), or deaths (含失踪) above its target or a control target per class exceeded (class_targets:
-- deaths of a statistical class, or the number of 较大及以上 accidents; target_exceeded). Each veto is switched on or
-- off by a setting, read where the reasons are worded (metrics/campaigns.py); this query counts what each rule finds.
-- The 死亡控制 component loses $points_per_class_target points per class target exceeded (issue 18).
with townships as (
    -- the scope's townships with county and label (scope_townships, sql/views/scope.sql)
    select region_code, township_name as name, kind, township_class, county_name
    from scope_townships($region, $account_region)
),

-- the 重点部位 ledger dated by its filing days: a site is listed from the earlier of its two filing days (备案 with
-- the city or the county; never filed: never listed); its measures are in place from measures_in_place_on when
-- measures_in_place is true (day unknown: in place all along), never when it is not
dated_sites as (
    select
        enterprise_id,
        least(filed_city_on, filed_county_on) as listed_on,
        case when measures_in_place then coalesce(measures_in_place_on, date '0001-01-01') end as in_place_from
    from key_sites
    where enterprise_id is not null
      and coalesce(filed_city_on, filed_county_on) is not null
),

-- the year's accidents of the scope's townships; the ledger as it stood before the accident's day (a filing
-- day has no hour: a site filed on the day of the accident was not listed before it)
year_accidents as (
    select
        accidents.*,
        exists (select 1 from dated_sites
                where dated_sites.enterprise_id = accidents.enterprise_id
                  and dated_sites.listed_on < accidents.occurred_on) as has_site_listed_before,
        exists (select 1 from dated_sites
                where dated_sites.enterprise_id = accidents.enterprise_id
                  and dated_sites.listed_on < accidents.occurred_on
                  and (dated_sites.in_place_from is null or dated_sites.in_place_from >= accidents.occurred_on))
            as has_site_not_in_place
    from scoped_accidents_graded($region, $account_region, null) as accidents
    where occurred_on between make_date($year, 1, 1) and $as_of
      and region_code in (select region_code from townships)
),

-- accidents count on their own region
accidents_in_year as (
    select
        region_code,
        sum(deaths_incl_missing) as deaths_incl_missing,
        count(*) filter (where is_larger_and_above) as larger_accidents,
        count(*) filter (where is_larger_and_above and nature in ('liability', 'pending'))
            as larger_liability_accidents,
        -- 迟报 (493号令 Art. 9): only where the hour it happened (has_time) and the report time are known
        count(*) filter (where has_time and reported_at is not null
                           and epoch_us(reported_at) - epoch_us(occurred_at)
                               > $late_report_hours * 3600 * 1000000) as late_reports,
        count(*) filter (where concealed) as concealed_accidents,
        count(*) filter (where falsely_reported) as falsely_reported_accidents,
        -- speech 1: "应排查没有排查清楚" — a 较大及以上 liability accident at an enterprise not in the ledger before it
        count(*) filter (where is_larger_and_above and nature in ('liability', 'pending')
                           and enterprise_id is not null and not has_site_listed_before) as ledger_missed_accidents,
        -- "对排查出的重点部位监控措施落实不到位而引发事故的": a liability accident with deaths at a listed site
        count(*) filter (where deaths_incl_missing > 0 and nature in ('liability', 'pending')
                           and has_site_not_in_place) as measures_not_in_place_accidents
    from year_accidents
    group by region_code
),

targets as (
    select region_code, max_deaths
    from annual_targets
    where year = $year
),

-- the control targets per class set for the township itself (class_targets, schema 23), judged on the township's
-- own accidents of the year as sql/metrics/class_targets.sql counts them: deaths (含失踪) per statistical class
-- (sectors.stat_class) and every 较大及以上 accident, whatever its nature; exactly the target is met
class_used as (
    select year_accidents.region_code, sectors.stat_class as target_class,
           sum(year_accidents.deaths_incl_missing) as used
    from year_accidents
    join sectors on sectors.code = year_accidents.industry
    group by all
    union all
    select region_code, 'larger_accidents', count(*) filter (where is_larger_and_above)
    from year_accidents
    group by region_code
),

class_judged as (
    select
        class_targets.region_code,
        list({'target_class': class_targets.target_class, 'target': class_targets.max_count,
              'used': cast(coalesce(class_used.used, 0) as integer)}
             order by list_position(['industrial', 'road_traffic', 'fire', 'railway', 'waterway', 'fishing',
                                     'agricultural_machinery', 'larger_accidents'], class_targets.target_class))
            as class_targets,
        count(*) filter (where coalesce(class_used.used, 0) > class_targets.max_count) as class_targets_exceeded
    from class_targets
    left join class_used
           on class_used.region_code = class_targets.region_code
          and class_used.target_class = class_targets.target_class
    where class_targets.year = $year
      and class_targets.region_code in (select region_code from townships)
    group by class_targets.region_code
),

-- a general hazard is done when rectified, a major one only when verified and closed (整改销号); counted per
-- enterprise first (on the integer enterprise_no, schema 9) so that only the per-enterprise counts meet the
-- enterprises table
hazards_per_enterprise as (
    select
        enterprise_no,
        count(*) as hazards_found,
        count(*) filter (where hazard_is_done(grade, rectified_on, verified_on, $as_of)) as hazards_done,
        count(*) filter (where grade = 'major') as major_found,
        count(*) filter (where grade = 'major' and verified_on <= $as_of) as major_closed
    from hazards
    where found_on between make_date($year, 1, 1) and $as_of
    group by enterprise_no
),

hazards_in_year as (
    select
        enterprises.region_code,
        cast(sum(hazards_found) as bigint) as hazards_found,
        cast(sum(hazards_done) as bigint) as hazards_done,
        cast(sum(major_found) as bigint) as major_found,
        cast(sum(major_closed) as bigint) as major_closed
    from hazards_per_enterprise
    join scoped_enterprises($region, $account_region, null) as enterprises using (enterprise_no)
    where enterprises.region_code in (select region_code from townships)
    group by enterprises.region_code
),

-- a ledger entry is complete when filed with both the city and the county and its measures are in place
ledger as (
    select
        region_code,
        count(*) as key_sites,
        count(*) filter (where filed_city_on <= $as_of and filed_county_on <= $as_of
                           and coalesce(measures_in_place, false)) as key_sites_complete
    from scoped_key_sites($region, $account_region)
    where region_code in (select region_code from townships)
    group by region_code
),

-- the checklist's binding items and what is done by $as_of (its deadlines play no part in the score)
checklist as (
    select
        region_code,
        count(*) as checklist_applicable,
        count(*) filter (where is_done) as checklist_done
    from checklist_applicable($as_of, cast(null as date), cast(null as date), cast(null as date), cast(null as date),
                              $staff_min_key, $staff_min_ordinary)
    where region_code in (select region_code from townships)
    group by region_code
),

active as (
    select region_code, enterprise_no
    from scoped_enterprises($region, $account_region, null)
    where status = 'active'
      and region_code in (select region_code from townships)
),

-- every enterprise looked at this year, in the region or not: the left join below keeps the active ones, and
-- probing the year's 600 k inspections against them first cost more than it saved
supervised as (
    select distinct enterprise_no
    from inspections
    where level in ('city', 'county', 'township')
      and inspected_on between make_date($year, 1, 1) and $as_of
),

coverage as (
    select
        active.region_code,
        count(*) as active_enterprises,
        count(supervised.enterprise_no) as inspected_enterprises
    from active
    left join supervised using (enterprise_no)
    group by active.region_code
),

-- every day of every window that falls in the year up to $as_of is a day each township must report
window_days as (
    -- one row per day to report (zero_report_days, sql/views/zero_report_days.sql)
    select report_on from zero_report_days($year, $as_of)
),

-- 按时 (docs/rules.md#township-assessment-考核-and-campaigns): a day counts on time when a report of it was filed by $zero_cutoff_minutes minutes after
-- the day's midnight (the zero_report_cutoff setting); a report without reported_at is not on time
reported as (
    select
        region_code,
        count(distinct report_on) as zero_reported_days,
        count(distinct report_on) filter (
            where reported_at <= cast(report_on as timestamp) + $zero_cutoff_minutes * interval 1 minute)
            as zero_on_time_days
    from zero_reports
    where report_on in (select report_on from window_days)
      and region_code in (select region_code from townships)
    group by region_code
),

figures as (
    select
        townships.region_code,
        townships.name,
        townships.county_name,
        townships.kind,
        townships.township_class,
        coalesce(accidents_in_year.deaths_incl_missing, 0) as deaths_incl_missing,
        targets.max_deaths as target_deaths,
        class_judged.class_targets,
        coalesce(class_judged.class_targets_exceeded, 0) as class_targets_exceeded,
        coalesce(accidents_in_year.larger_accidents, 0) as larger_accidents,
        coalesce(accidents_in_year.larger_liability_accidents, 0) as larger_liability_accidents,
        coalesce(accidents_in_year.late_reports, 0) as late_reports,
        coalesce(accidents_in_year.concealed_accidents, 0) as concealed_accidents,
        coalesce(accidents_in_year.falsely_reported_accidents, 0) as falsely_reported_accidents,
        coalesce(accidents_in_year.ledger_missed_accidents, 0) as ledger_missed_accidents,
        coalesce(accidents_in_year.measures_not_in_place_accidents, 0) as measures_not_in_place_accidents,
        coalesce(hazards_in_year.hazards_found, 0) as hazards_found,
        coalesce(hazards_in_year.hazards_done, 0) as hazards_done,
        coalesce(hazards_in_year.major_found, 0) as major_found,
        coalesce(hazards_in_year.major_closed, 0) as major_closed,
        coalesce(ledger.key_sites, 0) as key_sites,
        coalesce(ledger.key_sites_complete, 0) as key_sites_complete,
        coalesce(checklist.checklist_applicable, 0) as checklist_applicable,
        coalesce(checklist.checklist_done, 0) as checklist_done,
        coalesce(coverage.active_enterprises, 0) as active_enterprises,
        coalesce(coverage.inspected_enterprises, 0) as inspected_enterprises,
        (select count(*) from window_days) as zero_expected_days,
        coalesce(reported.zero_reported_days, 0) as zero_reported_days,
        coalesce(reported.zero_on_time_days, 0) as zero_on_time_days
    from townships
    left join accidents_in_year using (region_code)
    left join targets using (region_code)
    left join class_judged using (region_code)
    left join hazards_in_year using (region_code)
    left join ledger using (region_code)
    left join checklist using (region_code)
    left join coverage using (region_code)
    left join reported using (region_code)
),

-- each component 0–100; null where it has no denominator (it then leaves the weighted mean)
components as (
    select
        figures.*,
        case when target_deaths is not null and deaths_incl_missing > target_deaths then 0.0
             else greatest(0.0, 100.0 - $points_per_death * deaths_incl_missing
                                 - $points_per_class_target * class_targets_exceeded) end as score_deaths,
        case when larger_accidents = 0 then 100.0 else 0.0 end as score_larger_accidents,
        100.0 * hazards_done / nullif(hazards_found, 0) as score_rectification,
        100.0 * major_closed / nullif(major_found, 0) as score_major_closed,
        -- a township that lists no key site at all has not done the ledger: 0, not "nothing to judge"
        case when key_sites = 0 then 0.0 else 100.0 * key_sites_complete / key_sites end as score_ledger,
        100.0 * checklist_done / nullif(checklist_applicable, 0) as score_standardisation,
        100.0 * inspected_enterprises / nullif(active_enterprises, 0) as score_inspection_coverage,
        100.0 * zero_on_time_days / nullif(zero_expected_days, 0) as score_zero_report
    from figures
),

weighted as (
    select
        components.*,
        coalesce($w_deaths * score_deaths, 0) + coalesce($w_larger_accidents * score_larger_accidents, 0)
            + coalesce($w_rectification * score_rectification, 0) + coalesce($w_major_closed * score_major_closed, 0)
            + coalesce($w_ledger * score_ledger, 0) + coalesce($w_standardisation * score_standardisation, 0)
            + coalesce($w_inspection_coverage * score_inspection_coverage, 0)
            + coalesce($w_zero_report * score_zero_report, 0) as weighted_points,
        $w_deaths + $w_larger_accidents
            + case when score_rectification is null then 0 else $w_rectification end
            + case when score_major_closed is null then 0 else $w_major_closed end
            + $w_ledger
            + case when score_standardisation is null then 0 else $w_standardisation end
            + case when score_inspection_coverage is null then 0 else $w_inspection_coverage end
            + case when score_zero_report is null then 0 else $w_zero_report end as weight_used
    from components
)

select
    weighted.* exclude (weighted_points, weight_used),
    weighted_points / nullif(weight_used, 0) as score,
    larger_liability_accidents > 0 as is_vetoed_larger,
    late_reports > 0 as is_vetoed_late,
    concealed_accidents > 0 as is_vetoed_concealed,
    falsely_reported_accidents > 0 as is_vetoed_falsely,
    ledger_missed_accidents > 0 as is_vetoed_ledger,
    measures_not_in_place_accidents > 0 as is_vetoed_measures,
    coalesce(deaths_incl_missing > target_deaths, false) or class_targets_exceeded > 0 as is_vetoed_target
from weighted
order by region_code;
