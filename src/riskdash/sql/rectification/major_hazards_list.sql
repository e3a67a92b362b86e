-- Grain: one row per major hazard (重大事故隐患) of the monthly form (《工矿企业安全生产事故隐患排查治理情况
-- 月报表》, rectification/monthly_form.sql): found from $start (1 January) to $end (the report month's last day) at
-- enterprises in $region and below of a 工矿商贸 sector (stat_class industrial; only $industry when given), with
-- the item it was judged by (hazards.basis_code → hazard_bases, schema 26: code, title, standard; null when not
-- recorded) and whether it was rectified and closed (整改销号, verified_on ≤ $as_of) on $as_of; oldest first.
with region_enterprises as (
    select enterprises.enterprise_no, enterprises.enterprise_id, enterprises.name as enterprise_name,
           enterprises.region_code, enterprises.industry, sectors.name_zh as industry_name_zh,
           sectors.name_en as industry_name_en, sectors.sort_order
    from scoped_enterprises($region, $account_region, $industry) as enterprises
    join sectors on sectors.code = enterprises.industry
    where sectors.stat_class = 'industrial'
)

select
    hazards.hazard_id,
    region_enterprises.enterprise_id,
    region_enterprises.enterprise_name,
    townships.county_name,
    townships.township_name,
    region_enterprises.industry,
    region_enterprises.industry_name_zh,
    region_enterprises.industry_name_en,
    hazards.found_on,
    hazards.description,
    hazards.basis_code,
    bases.title_zh as basis_title_zh,
    bases.title_en as basis_title_en,
    bases.standard_zh as basis_standard,
    hazard_is_done(hazards.grade, hazards.rectified_on, hazards.verified_on, $as_of) as is_closed,
    hazards.supervision_level
from hazards
join region_enterprises on region_enterprises.enterprise_no = hazards.enterprise_no
left join scope_townships($region, $account_region) as townships
    on townships.region_code = region_enterprises.region_code
left join hazard_bases as bases on bases.code = hazards.basis_code
where hazards.found_on between $start and $end
  and hazards.grade = 'major'
order by hazards.found_on, hazards.hazard_id;
