-- Grain: one row per major hazard under 挂牌督办 (county, city or province) at enterprises in $region and below,
-- in sector $industry (all when null), with its state on $as_of. When $is_stock: those supervised on or before
-- $as_of and not delisted (摘牌, delisted_on ≤ as-of) by then, found in any year — the stock "挂牌督办未摘牌";
-- else every one found from $start to $end and supervised by $as_of, delisted or not (the flow).
-- is_closed = delisted by as-of (verification alone does not end the supervision; a supervision recorded
-- without its day counts from the start). days_left = deadline − as-of (negative: days overdue), null once
-- verified; still open ones first.
-- enterprises are matched on the integer enterprise_no (schema 9), not the varchar enterprise_id
with region_enterprises as (
    select enterprise_id, enterprise_no, name as enterprise_name, region_code, industry
    from scoped_enterprises($region, $account_region, $industry)
    -- 行业主管部门 (issue 18, "hazards … listed by department"): $department's sectors (all when null; in_department,
    -- sql/views/departments.sql, the setting sector_departments as $codes, $names)
    where in_department(industry, $department, $codes, $names)
),

supervised as (
    select
        hazard_id, enterprise_no, supervision_level, supervised_on, in_treatment_plan, five_in_place, found_on,
        deadline, rectified_on, verified_on, delisted_on, funds_wan,
        hazard_state(found_on, grade, deadline, rectified_on, verified_on, $as_of) as state,
        hazard_is_done(grade, rectified_on, verified_on, $as_of) as is_verified,
        coalesce(delisted_on <= $as_of, false) as is_closed,
        coalesce(supervised_on <= $as_of, true) as is_supervised
    from hazards
    -- the day bounds first (hazards lie in time order on disk)
    where found_on <= $as_of
      and ($is_stock or found_on between $start and $end)
      and grade = 'major'
      and supervision_level <> 'none'
),

selected as (
    select *
    from supervised
    where is_supervised
      and (not $is_stock or not is_closed)
)

select
    selected.hazard_id,
    region_enterprises.enterprise_id,
    region_enterprises.enterprise_name,
    region_enterprises.region_code,
    townships.county_name,
    townships.township_name,
    region_enterprises.industry,
    selected.supervision_level,
    selected.supervised_on,
    selected.in_treatment_plan,
    selected.five_in_place,
    selected.found_on,
    selected.deadline,
    case when selected.is_verified then null else selected.deadline - $as_of end as days_left,
    selected.state,
    -- rectified and awaiting verification: 逾期未销号 when overdue, not 逾期未整改
    coalesce(selected.rectified_on <= $as_of, false) as is_rectified,
    selected.is_closed,
    selected.rectified_on,
    selected.verified_on,
    selected.delisted_on,
    selected.funds_wan
from selected
join region_enterprises on region_enterprises.enterprise_no = selected.enterprise_no
left join township_county_names as townships on townships.region_code = region_enterprises.region_code  -- sql/views/township_county_names.sql
order by
    selected.is_closed,
    case selected.supervision_level when 'province' then 1 when 'city' then 2 else 3 end,
    selected.deadline,
    selected.hazard_id;
