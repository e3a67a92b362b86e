-- Grain: one row per 工矿商贸 sector (stat_class industrial) in the settings' order (only $industry when
-- given), then one 合计 row, for
-- 《工矿企业安全生产事故隐患排查治理情况月报表》: hazards found from $start (1 January) to $end (the report
-- month's last day), at enterprises in $region and below, as they stood on $as_of ($end, or the data's
-- as-of day in the month still running).
-- enterprises_checked = enterprises with any inspection (企业自查 included) or any hazard found in the
-- period; general_rectified: rectified_on ≤ as-of; major_closed: verified_on ≤ as-of (整改销号);
-- in plan (列入治理计划), of which 五到位; 挂牌督办, of which provincial; funds = Σ funds_wan of the hazards.
with sectors_shown as (
    -- the 工矿企业 form carries the 工矿商贸 sectors only: road, fire, water, fishing and farm-machinery
    -- hazards go on their departments' own forms (docs/rules.md#statistics-forms)
    select code, name_zh, name_en, sort_order
    from sectors
    where stat_class = 'industrial'
      and ($industry is null or code = $industry)
),

-- enterprises are matched on the integer enterprise_no (schema 9), not the varchar enterprise_id
region_enterprises as (
    select enterprise_no, industry
    from scoped_enterprises($region, $account_region, $industry)
),

found as (
    -- found_on first: hazards lie in time order on disk, so the period skips most row groups. Not the
    -- scoped_hazards_found macro the other tables use: region_enterprises also serves the checking
    -- enterprises below, and the macro's own match made the form ~15 % slower at scale 20
    -- (docs/bench-rectification.md)
    select
        hazards.enterprise_no,
        region_enterprises.industry,
        hazards.grade,
        hazards.in_treatment_plan,
        hazards.five_in_place,
        hazards.supervision_level,
        hazards.funds_wan,
        hazard_is_done(hazards.grade, hazards.rectified_on, hazards.verified_on, $as_of) as is_done
    from hazards
    join region_enterprises on region_enterprises.enterprise_no = hazards.enterprise_no
    where hazards.found_on between $start and $end
      and hazards.found_on <= $as_of
),

checking as (
    -- the distinct enterprises first, then their sector: one match per enterprise, not one per inspection
    select enterprise_no
    from inspections
    where inspected_on between $start and $end
      and inspected_on <= $as_of
    union
    select enterprise_no
    from found
),

enterprises_by_sector as (
    select region_enterprises.industry, count(*) as enterprises_checked
    from checking
    join region_enterprises on region_enterprises.enterprise_no = checking.enterprise_no
    group by region_enterprises.industry
),

hazards_by_sector as (
    select
        industry,
        count(*) filter (where grade = 'general') as general_found,
        count(*) filter (where grade = 'general' and is_done) as general_rectified,
        count(*) filter (where grade = 'major') as major_found,
        count(*) filter (where grade = 'major' and is_done) as major_closed,
        count(*) filter (where grade = 'major' and in_treatment_plan) as major_in_plan,
        -- "其中" columns are subsets of the column before them
        count(*) filter (where grade = 'major' and in_treatment_plan and five_in_place) as major_five_in_place,
        count(*) filter (where grade = 'major' and supervision_level <> 'none') as major_supervised,
        count(*) filter (where grade = 'major' and supervision_level = 'province') as major_supervised_province,
        coalesce(sum(funds_wan), 0) as funds_wan
    from found
    group by industry
),

sector_rows as (
    select
        sectors_shown.sort_order,
        sectors_shown.code as industry,
        sectors_shown.name_zh,
        sectors_shown.name_en,
        false as is_total,
        coalesce(enterprises_checked, 0) as enterprises_checked,
        coalesce(general_found, 0) as general_found,
        coalesce(general_rectified, 0) as general_rectified,
        coalesce(major_found, 0) as major_found,
        coalesce(major_closed, 0) as major_closed,
        coalesce(major_in_plan, 0) as major_in_plan,
        coalesce(major_five_in_place, 0) as major_five_in_place,
        coalesce(major_supervised, 0) as major_supervised,
        coalesce(major_supervised_province, 0) as major_supervised_province,
        coalesce(funds_wan, 0) as funds_wan
    from sectors_shown
    left join enterprises_by_sector on enterprises_by_sector.industry = sectors_shown.code
    left join hazards_by_sector on hazards_by_sector.industry = sectors_shown.code
),

total_row as (
    -- 0, not null, when no 工矿商贸 sector is shown (a road or fire sector filter)
    select
        cast(null as integer) as sort_order,
        cast(null as varchar) as industry,
        '合计' as name_zh,
        'Total' as name_en,
        true as is_total,
        cast(coalesce(sum(enterprises_checked), 0) as bigint),
        cast(coalesce(sum(general_found), 0) as bigint),
        cast(coalesce(sum(general_rectified), 0) as bigint),
        cast(coalesce(sum(major_found), 0) as bigint),
        cast(coalesce(sum(major_closed), 0) as bigint),
        cast(coalesce(sum(major_in_plan), 0) as bigint),
        cast(coalesce(sum(major_five_in_place), 0) as bigint),
        cast(coalesce(sum(major_supervised), 0) as bigint),
        cast(coalesce(sum(major_supervised_province), 0) as bigint),
        cast(coalesce(sum(funds_wan), 0) as decimal(18, 2))
    from sector_rows
)

select industry, name_zh, name_en, is_total, enterprises_checked, general_found, general_rectified,
       major_found, major_closed, major_in_plan, major_five_in_place, major_supervised,
       major_supervised_province, funds_wan
from (select * from sector_rows union all select * from total_row)
order by is_total, sort_order, industry;
