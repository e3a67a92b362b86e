-- TEMP: one row per inspection with its hidden key. Routine inspections at four levels (市级核查 few,
-- 县级排查, 镇街巡查 most supervisory ones, 企业自查 many), more at high-risk sectors, few at neglected
-- enterprises (some go unvisited by supervisors for more than 180 days); closed enterprises stop on closing.
-- Plus the "1+1" campaign: each spring, one enterprise per township × sector inspected in depth by experts,
-- in most pairs but not all (the gaps the campaign screen shows).
create or replace temp table demo_inspection_draw as
with levels as (
    select *
    from (values ('city', 0.05, 0.20), ('county', 0.40, 1.00), ('township', 2.00, 3.00), ('self', 3.00, 6.00))
         v(level, rate_ordinary, rate_high_risk)
),
spans as (
    select
        e.i,
        e.enterprise_id,
        e.region_code,
        e.industry,
        l.level,
        cast($start_on as date) as first_on,
        case when e.is_closed then e.closed_on else cast($today as date) end as last_on,
        (case when e.is_high_risk then l.rate_high_risk else l.rate_ordinary end)
            * case when e.is_neglected and l.level <> 'self' then 0.2 else 1.0 end as rate_per_year
    from demo_enterprise_draw e
    cross join levels l
),
routine as (
    select
        i, enterprise_id, level, first_on, last_on,
        unnest(range(cast(floor(rate_per_year * (last_on - first_on + 1) / 365.25
                                + demo_u($seed, i, 'insp:n:' || level)) as bigint))) as k
    from spans
),
routine_dated as (
    select
        enterprise_id,
        level,
        k,
        hash(i, level, k, $seed, 'insp:key') as draw_key,
        first_on + cast(floor(demo_u($seed, hash(i, level, k), 'insp:day') * (last_on - first_on + 1)) as integer)
            as inspected_on,
        false as is_campaign
    from routine
),
pairs as (
    -- "1+1" pairs by 产业类型 (issue 18): an enterprise without one is of its sector's class
    select
        y.year,
        e.region_code,
        coalesce(e.industry_type, e.industry) as industry,
        -- the enterprise the experts visit: one per pair, chosen by a seeded hash
        arg_min(e.enterprise_id, hash(e.enterprise_id, y.year, $seed, 'insp:1+1:pick')) as enterprise_id
    from demo_enterprise_draw e
    cross join range(year(cast($start_on as date)), year(cast($today as date)) + 1) y(year)
    where not e.is_closed or e.closed_on > make_date(cast(y.year as integer), 7, 1)
    group by all
),
campaign as (
    select
        enterprise_id,
        'township' as level,
        -1 as k,
        hash(enterprise_id, year, $seed, 'insp:1+1:key') as draw_key,
        make_date(cast(year as integer), 3, 1)
            + cast(floor(demo_u($seed, hash(region_code, industry, year), 'insp:1+1:day') * 122) as integer) as inspected_on,
        true as is_campaign
    from pairs
    where demo_u($seed, hash(region_code, industry, year), 'insp:1+1:done') >= 0.15
)
select
    'I' || lpad(cast(row_number() over (order by inspected_on, enterprise_id, level, k) as varchar), 9, '0')
        as inspection_id,
    all_inspections.*
from (select * from routine_dated union all select * from campaign) all_inspections
where inspected_on <= cast($today as date);

-- One row per inspection, with the kind text of its level and invented inspectors.
insert into inspections (inspection_id, inspected_on, enterprise_id, level, kind, campaign, inspector)
select
    d.inspection_id,
    d.inspected_on,
    d.enterprise_id,
    d.level,
    case
        when d.is_campaign then '“1+1”专项整治专家检查'
        when d.level = 'city' then demo_pick(['市级核查', '市级督导检查', '市安委会明查暗访'], demo_u($seed, d.draw_key, 'insp:kind'))
        when d.level = 'county' then demo_pick(['县级排查', '县级执法检查', '县级专项检查'], demo_u($seed, d.draw_key, 'insp:kind'))
        when d.level = 'township' then demo_pick(['镇街巡查', '镇街巡查', '日常巡查', '节前安全检查'], demo_u($seed, d.draw_key, 'insp:kind'))
        else demo_pick(['企业自查', '企业自查', '班前安全检查', '月度安全自查'], demo_u($seed, d.draw_key, 'insp:kind'))
    end as kind,
    case when d.is_campaign then '1+1' end as campaign,
    case
        when d.is_campaign then '专家组：' || demo_person($seed, d.draw_key, 'insp:p1') || '、' || demo_person($seed, d.draw_key, 'insp:p2')
        when d.level = 'self' then demo_person($seed, d.enterprise_id, 'ent:safety_officer')
        else demo_person($seed, d.draw_key, 'insp:p1') || '、' || demo_person($seed, d.draw_key, 'insp:p2')
    end as inspector
from demo_inspection_draw d;
