-- Grain: one row per major hazard under 挂牌督办 (county, city or province), found from $start to $end and
-- not after $as_of, at enterprises in $region and below, in sector $industry (all when null), with its state
-- on $as_of. days_left = deadline − as-of (negative: days overdue); still open ones first.
with in_region as (
    select region_code
    from region_ancestors
    where ancestor_code = $region
),

townships as (
    select township.region_code, township.name as township_name, county.name as county_name
    from regions as township
    left join regions as county on county.region_code = township.parent_code
),

-- enterprises are matched on the integer enterprise_no (schema 9), not the varchar enterprise_id
region_enterprises as (
    select enterprise_id, enterprise_no, name as enterprise_name, region_code, industry
    from enterprises
    where region_code in (select region_code from in_region)
      and ($industry is null or industry = $industry)
),

supervised as (
    select
        hazard_id, enterprise_no, supervision_level, supervised_on, in_treatment_plan, five_in_place, found_on,
        deadline, rectified_on, verified_on, delisted_on, funds_wan,
        hazard_state(found_on, grade, deadline, rectified_on, verified_on, $as_of) as state,
        hazard_is_done(grade, rectified_on, verified_on, $as_of) as is_closed
    from hazards
    -- the period first (hazards lie in time order on disk)
    where found_on between $start and $end
      and found_on <= $as_of
      and grade = 'major'
      and supervision_level <> 'none'
)

select
    supervised.hazard_id,
    region_enterprises.enterprise_id,
    region_enterprises.enterprise_name,
    region_enterprises.region_code,
    townships.county_name,
    townships.township_name,
    region_enterprises.industry,
    supervised.supervision_level,
    supervised.supervised_on,
    supervised.in_treatment_plan,
    supervised.five_in_place,
    supervised.found_on,
    supervised.deadline,
    case when supervised.is_closed then null else supervised.deadline - $as_of end as days_left,
    supervised.state,
    supervised.is_closed,
    supervised.rectified_on,
    supervised.verified_on,
    supervised.delisted_on,
    supervised.funds_wan
from supervised
join region_enterprises on region_enterprises.enterprise_no = supervised.enterprise_no
left join townships on townships.region_code = region_enterprises.region_code
order by
    supervised.is_closed,
    case supervised.supervision_level when 'province' then 1 when 'city' then 2 else 3 end,
    supervised.deadline,
    supervised.hazard_id;
