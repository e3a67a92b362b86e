-- TEMP: one row per hazard with its draws. Each inspection finds a number of hazards that grows with the
-- enterprise's latent risk (deeper checks find more: city and county levels and the "1+1" experts); a few
-- hazards come without an inspection (reported by workers or the public). About 30,000 a year × scale.
create or replace temp table demo_hazard_draw as
with enterprise_mult as (
    select
        enterprise_id,
        i,
        industry,
        is_high_risk,
        is_closed,
        closed_on,
        pow(latent_risk / avg(latent_risk) over (), 0.6) as hazard_mult
    from demo_enterprise_draw
),
from_inspections as (
    select
        d.inspection_id,
        d.enterprise_id,
        d.inspected_on as found_on,
        unnest(range(cast(floor(
            case when d.is_campaign then 4.0
                 else case d.level when 'city' then 3.0 when 'county' then 2.5 when 'township' then 1.3 else 0.5 end
            end * m.hazard_mult
            + demo_u($seed, d.draw_key, 'haz:n')) as bigint))) as k,
        d.draw_key
    from demo_inspection_draw d
    join enterprise_mult m using (enterprise_id)
),
reported as (
    select
        null::varchar as inspection_id,
        enterprise_id,
        cast($start_on as date) + cast(floor(demo_u($seed, hash(i, k), 'haz:reported:day')
            * (case when is_closed then closed_on else cast($today as date) end - cast($start_on as date) + 1)) as integer)
            as found_on,
        k,
        hash(i, $seed, 'haz:reported') as draw_key
    from (
        select *, unnest(range(cast(floor(0.25 * 6 * hazard_mult + demo_u($seed, i, 'haz:reported:n')) as bigint))) as k
        from enterprise_mult
    )
),
all_hazards as (
    select * from from_inspections
    union all
    select * from reported
)
select
    h.inspection_id,
    h.enterprise_id,
    h.found_on,
    h.k,
    hash(h.draw_key, h.k, 'haz:key') as hazard_key,
    m.industry,
    m.hazard_mult,
    demo_u($seed, hash(h.draw_key, h.k, 'haz:key'), 'haz:major')
        < least(0.05, (0.006 + 0.012 * m.is_high_risk::integer) * sqrt(m.hazard_mult)) as is_major
from all_hazards h
join enterprise_mult m using (enterprise_id)
where h.found_on <= cast($today as date);

-- One row per hazard. General hazards are mostly fixed within days; some late, some still open (more among
-- recent finds and high-risk enterprises). Major ones go through the plan (五到位), some under 挂牌督办,
-- rectified later, verified (验收) after rectification, delisted after verification; every date <= today.
insert into hazards (hazard_id, inspection_id, enterprise_id, found_on, grade, category, description, deadline,
                     rectified_on, verified_on, supervision_level, supervised_on, delisted_on, five_in_place,
                     funds_wan, in_treatment_plan, local_grade)
with timed as (
    select
        h.*,
        p.hazard_categories,
        p.major_categories,
        case when h.is_major
             then 30 + floor(demo_u($seed, hazard_key, 'haz:deadline') * 151)
             else demo_pick([0, 1, 3, 3, 5, 7, 7, 7, 10, 10, 15, 15, 20, 30], demo_u($seed, hazard_key, 'haz:deadline'))
        end::integer as deadline_days,
        -- never fixed by today: rare for old finds, more for recent ones and risky enterprises
        demo_u($seed, hazard_key, 'haz:never')
            < case when h.found_on >= cast($today as date) - 365
                   then (case when h.is_major then 0.05 else 0.01 end) + 0.02 * least(h.hazard_mult / 3, 1)
                   else 0.001 end as is_never_fixed,
        demo_u($seed, hazard_key, 'haz:late') < (case when h.is_major then 0.15 else 0.06 end)
                                                + 0.06 * least(h.hazard_mult / 3, 1) as is_late,
        demo_u($seed, hazard_key, 'haz:delay') as u_delay,
        demo_u($seed, hazard_key, 'haz:supervised') < 0.35 and h.is_major as is_supervised
    from demo_hazard_draw h
    join demo_sector_profile p on p.code = h.industry
),
rectified as (
    select
        t.*,
        case
            when is_never_fixed then null
            when is_late then found_on + deadline_days + 1
                              + cast(floor(pow(u_delay, 2) * case when is_major then 120 else 60 end) as integer)
            when is_major then found_on + cast(floor(deadline_days * (0.3 + 0.7 * u_delay)) as integer)
            else found_on + cast(floor(u_delay * (deadline_days + 1)) as integer)
        end as fix_on
    from timed t
),
verified as (
    select
        r.*,
        case when fix_on <= cast($today as date) then fix_on end as rectified_on,
        case
            when fix_on is null or fix_on > cast($today as date) then null
            when is_major or demo_u($seed, hazard_key, 'haz:verify_general') < 0.3
                then fix_on + cast(floor(demo_u($seed, hazard_key, 'haz:verify') * case when is_major then 21 else 8 end)
                                   + case when is_major then 3 else 0 end as integer)
        end as check_on
    from rectified r
),
closed as (
    select
        v.*,
        case when check_on <= cast($today as date) then check_on end as verified_on
    from verified v
)
select
    'H' || lpad(cast(row_number() over (order by found_on, enterprise_id, inspection_id, k) as varchar), 9, '0')
        as hazard_id,
    c.inspection_id,
    c.enterprise_id,
    c.found_on,
    case when is_major then 'major' else 'general' end as grade,
    demo_pick(case when is_major then major_categories else hazard_categories end, demo_u($seed, hazard_key, 'haz:category'))
        as category,
    demo_pick(['生产车间', '仓库', '配电房', '作业现场', '办公区', '厂区通道', '设备间', '员工宿舍'], demo_u($seed, hazard_key, 'haz:where'))
        || demo_pick(case when is_major then major_categories else hazard_categories end, demo_u($seed, hazard_key, 'haz:category'))
        || case when is_major then '，已列入重大事故隐患治理计划'
                else demo_pick(['，已责令限期整改', '，现场督促整改', '，已下达整改指令书'], demo_u($seed, hazard_key, 'haz:action')) end
        as description,
    found_on + deadline_days as deadline,
    rectified_on,
    verified_on,
    case when is_supervised
         then demo_pick(['county', 'county', 'county', 'county', 'county', 'county', 'county', 'county', 'county', 'county',
                         'city', 'city', 'city', 'city', 'city', 'city', 'province'], demo_u($seed, hazard_key, 'haz:sup_level'))
         else 'none' end as supervision_level,
    case when is_supervised
         then least(found_on + cast(1 + floor(demo_u($seed, hazard_key, 'haz:sup_on') * 14) as integer), cast($today as date))
    end as supervised_on,
    case when is_supervised and verified_on is not null
              and verified_on + cast(floor(demo_u($seed, hazard_key, 'haz:delist') * 15) as integer) <= cast($today as date)
         then verified_on + cast(floor(demo_u($seed, hazard_key, 'haz:delist') * 15) as integer)
    end as delisted_on,
    case when is_major then demo_u($seed, hazard_key, 'haz:plan') < 0.95 and demo_u($seed, hazard_key, 'haz:five') < 0.9
    end as five_in_place,
    case
        when is_major then cast(least(greatest(exp(ln(30) + demo_z($seed, hazard_key, 'haz:funds')), 1), 2000) as decimal(14, 2))
        when demo_u($seed, hazard_key, 'haz:funds_general') < 0.25
            then cast(0.05 + pow(demo_u($seed, hazard_key, 'haz:funds'), 2) * 3 as decimal(14, 2))
    end as funds_wan,
    case when is_major then demo_u($seed, hazard_key, 'haz:plan') < 0.95 end as in_treatment_plan,
    null as local_grade
from closed c;
