-- One row per key site or part (重点部位) where an accident with 3 or more deaths could happen: mostly at
-- high-risk-sector enterprises (more at riskier ones), a few public places; about 8 % of townships filed
-- nothing at all (the missed ledgers the campaign screen must show), at least one.
insert into key_sites (site_id, region_code, enterprise_id, name, potential_accident_type, potential_fatalities,
                       control_measures, responsible_person, filed_city_on, filed_county_on, measures_in_place,
                       measures_in_place_on, filed_departments)
with missed as (
    select region_code
    from demo_townships
    where demo_u($seed, region_code, 'site:missed') < 0.08
       or region_code = (select arg_min(region_code, hash(region_code, $seed, 'site:missed:one')) from demo_townships)
),
enterprise_sites as (
    select
        e.region_code,
        e.enterprise_id,
        e.i,
        unnest(range(case when demo_u($seed, e.i, 'site:two') < 0.3 then 2 else 1 end)) as j,
        ent.name as enterprise_name,
        p.site_names,
        p.site_types
    from demo_enterprise_draw e
    join enterprises ent using (enterprise_id)
    join demo_sector_profile p on p.code = e.industry
    where not e.is_closed
      and e.region_code not in (select region_code from missed)
      and demo_u($seed, e.i, 'site:has') < (case when e.is_high_risk then 0.12 else 0.012 end)
                                          * least(2.0, sqrt(e.latent_risk / e.inherent_risk))
),
site_rows as (
    select
        region_code,
        enterprise_id,
        hash(i, j, $seed, 'site:key') as site_key,
        enterprise_name || site_names[1 + (cast(hash(i, $seed, 'site:which') % len(site_names) as integer) + j) % len(site_names)]
            as name,
        site_types[1 + (cast(hash(i, $seed, 'site:which') % len(site_names) as integer) + j) % len(site_names)]
            as potential_accident_type
    from enterprise_sites
    union all
    select
        t.region_code,
        null,
        hash(t.region_code, $seed, 'site:public:key'),
        t.name || demo_pick(['农贸市场', '中心学校', '敬老院', '汽车客运站', '大型商场'], demo_u($seed, t.region_code, 'site:public:name')),
        demo_pick(['fire', 'fire', 'collapse', 'vehicle'], demo_u($seed, t.region_code, 'site:public:type'))
    from demo_townships t
    where t.region_code not in (select region_code from missed)
      and demo_u($seed, t.region_code, 'site:public') < 0.3
),
-- the departments of the setting sector_departments (行业主管部门, issue 18), as the demo's ledger names them
departments as (
    select trim(split_part(item, '=', 1)) as code, trim(split_part(item, '=', 2)) as department
    from (select unnest(string_split(value, ',')) as item from settings where key = 'sector_departments')
),
filed as (
    select
        s.*,
        departments.department,
        case when demo_u($seed, site_key, 'site:city') < 0.85
             then cast($today as date) - cast(30 + floor(demo_u($seed, site_key, 'site:filed') * 700) as integer) end
            as city_on
    from site_rows s
    left join enterprises on enterprises.enterprise_id = s.enterprise_id
    left join departments on departments.code = enterprises.industry
)
select
    'K' || lpad(cast(row_number() over (order by region_code, name, site_key) as varchar), 6, '0') as site_id,
    region_code,
    enterprise_id,
    name,
    potential_accident_type,
    3 + cast(floor(pow(demo_u($seed, site_key, 'site:fatalities'), 2) * 27) as integer) as potential_fatalities,
    demo_pick(['视频监控全覆盖', '可燃气体浓度在线监测', '作业审批与专人监护', '每日巡查并记录', '定期第三方检测', '人员定位与出入登记'],
              demo_u($seed, site_key, 'site:m1'))
        || '；' || demo_pick(['应急预案每半年演练', '安全警示标志和告知卡', '双人值守', '隐患排查日报告'], demo_u($seed, site_key, 'site:m2'))
        as control_measures,
    demo_person($seed, site_key, 'site:person') as responsible_person,
    city_on as filed_city_on,
    case
        when demo_u($seed, site_key, 'site:county') >= 0.92 then null
        when city_on is not null then city_on - cast(floor(demo_u($seed, site_key, 'site:county_on') * 10) as integer)
        else cast($today as date) - cast(20 + floor(demo_u($seed, site_key, 'site:filed') * 700) as integer)
    end as filed_county_on,
    case when demo_u($seed, site_key, 'site:in_place') < 0.87 then true
         when demo_u($seed, site_key, 'site:in_place') < 0.98 then false end as measures_in_place,
    -- measures confirmed in place (措施落实日期, issue 18) within 120 days of the city filing (or of a day before
    -- the county one) and never after the demo's today: an accident in between meets measures not yet in place
    case when demo_u($seed, site_key, 'site:in_place') < 0.87
         then least(cast($today as date),
                    coalesce(city_on, cast($today as date) - cast(20 + floor(demo_u($seed, site_key, 'site:filed') * 700) as integer))
                        + cast(floor(demo_u($seed, site_key, 'site:in_place_on') * 120) as integer)) end
        as measures_in_place_on,
    -- the 有关部门 it was also filed with (schema 27): about 60 % with their sector's department, a public place's
    -- fire and crowd sites with 消防救援 half the time
    case when department is not null and demo_u($seed, site_key, 'site:dept') < 0.6 then department
         when department is null and demo_u($seed, site_key, 'site:dept') < 0.5 then '消防救援' end
        as filed_departments
from filed;
