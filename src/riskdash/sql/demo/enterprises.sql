-- TEMP: one row per demo enterprise with its hidden draws: latent risk (lognormal × the sector's
-- inherent risk), a neglect flag (rarely visited by supervisors) and, for closed ones, the day they
-- closed. The latent risk drives hazards and accidents and never reaches a project table.
create or replace temp table demo_enterprise_draw as
with numbered as (
    select
        i,
        'E' || lpad(cast(i as varchar), 6, '0') as enterprise_id,
        demo_u($seed, i, 'ent:township') as u_township,
        demo_u($seed, i, 'ent:sector') as u_sector
    from range(1, cast(greatest(round(5000 * $scale), 50) as bigint) + 1) r(i)
),
placed as (
    select numbered.*, t.region_code, t.name as township_name, t.county_code, t.county_name, t.kind,
           t.kind_group, t.lon as centre_lon, t.lat as centre_lat
    from numbered
    asof join demo_townships t on numbered.u_township >= t.cum_lo
),
sectored as (
    select placed.*, m.code as industry
    from placed
    asof join demo_sector_mix m on m.kind_group = placed.kind_group and placed.u_sector >= m.cum_lo
)
select
    sectored.*,
    p.inherent_risk,
    p.is_high_risk,
    p.inherent_risk * exp(1.0 * demo_z($seed, i, 'ent:latent')) as latent_risk,
    demo_u($seed, i, 'ent:neglect') < 0.12 as is_neglected,
    demo_u($seed, i, 'ent:closed') < 0.03 as is_closed,
    cast($start_on as date) + cast(365 + floor(demo_u($seed, i, 'ent:closed_on')
        * greatest(cast($today as date) - cast($start_on as date) - 400, 1)) as integer) as closed_on,
    greatest(3, round(p.employees_median * exp(0.9 * demo_z($seed, i, 'ent:employees'))))::integer as employees,
    demo_pick(p.business_words, demo_u($seed, i, 'ent:business')) as business
from sectored
join demo_sector_profile p on p.code = sectored.industry;

-- 产业类型 for "1+1" (issue 18): the local class a township files its manufacturers under, read from the
-- business the name was drawn with; a trading company, and every sector other than 工贸 and 危险化学品, has
-- none (it counts in its sector's class: docs/township-assessment.md).
alter table demo_enterprise_draw add column industry_type varchar;
update demo_enterprise_draw set industry_type = case business
    when '建材有限公司' then '建材'
    when '机械制造有限公司' then '机械制造'
    when '纺织有限公司' then '纺织服装'
    when '食品有限公司' then '食品加工'
    when '粮油有限公司' then '食品加工'
    when '铸造有限公司' then '铸造'
    when '木业有限公司' then '竹制品'
    when '钢结构有限公司' then '金属制品'
    when '铝业有限公司' then '金属制品'
    when '包装有限公司' then '纸制品'
    when '家具有限公司' then '家具制造'
    when '化工有限公司' then '医药化工'
    when '化学有限公司' then '医药化工'
    when '精细化工有限公司' then '医药化工'
    when '气体有限公司' then '工业气体'
end;

-- One row per enterprise: invented names (township stem + trade name + business), addresses, points
-- scattered around the township centre inside the city's box, an 18-character credit code.
insert into enterprises (enterprise_id, name, region_code, industry, employees, address, longitude, latitude,
                         credit_code, status, industry_type)
select
    d.enterprise_id,
    left(d.township_name, 2)
        || demo_pick(['宏达', '鑫源', '恒泰', '永盛', '华兴', '金诚', '瑞丰', '天和', '东方', '兴旺', '顺通', '安达',
                      '中原', '新星', '富源', '福瑞', '隆昌', '盛世', '正大', '博远', '嘉禾', '万通', '吉祥', '凯达',
                      '腾飞', '汇通', '德润', '宏远', '佳盛', '聚丰', '昌盛', '裕华'],
                     demo_u($seed, d.i, 'ent:brand'))
        || d.business as name,
    d.region_code,
    d.industry,
    d.employees,
    d.county_name || d.township_name
        || case when d.kind_group = 'rural'
                then demo_pick(['东村', '西村', '南庄', '北岗', '前营', '后寨', '河湾村', '新村'], demo_u($seed, d.i, 'ent:road'))
                     || cast(1 + floor(demo_u($seed, d.i, 'ent:no') * 12) as integer) || '组'
                else demo_pick(['建设路', '人民路', '解放路', '工业大道', '创业路', '迎宾大道', '兴业路', '新华街', '滨河路',
                                '富民路', '长安街', '光明路'], demo_u($seed, d.i, 'ent:road'))
                     || cast(1 + floor(demo_u($seed, d.i, 'ent:no') * 300) as integer) || '号'
           end as address,
    round(least(greatest(d.centre_lon + 0.03 * demo_z($seed, d.i, 'ent:lon'), 112.0), 113.2), 6) as longitude,
    round(least(greatest(d.centre_lat + 0.02 * demo_z($seed, d.i, 'ent:lat'), 34.2), 35.0), 6) as latitude,
    '91' || left(d.county_code, 6)
        || array_to_string(list_transform(range(10), lambda k:
               substr('0123456789ABCDEFGHJKLMNPQRTUWXY', 1 + cast(hash(d.i, $seed, 'ent:credit', k) % 31 as integer), 1)), '')
        as credit_code,
    case when d.is_closed then 'closed' else 'active' end as status,
    d.industry_type
from demo_enterprise_draw d
join demo_sector_profile p on p.code = d.industry;
