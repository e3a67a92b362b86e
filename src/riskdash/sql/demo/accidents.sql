-- TEMP: the cumulative latent risk of the active enterprises within their sector, for an ASOF draw:
-- an accident of a sector falls on an enterprise with probability proportional to its latent risk.
create or replace temp table demo_enterprise_cum as
select
    industry,
    enterprise_id,
    region_code,
    coalesce(sum(latent_risk) over (partition by industry order by enterprise_id
                                    rows between unbounded preceding and 1 preceding), 0)
        / sum(latent_risk) over (partition by industry) as cum_lo
from demo_enterprise_draw
where not is_closed;

-- TEMP: each sector's share of accidents (only sectors with an active enterprise), cumulative
create or replace temp table demo_accident_mix as
select
    code as industry,
    coalesce(sum(accident_weight) over (order by code rows between unbounded preceding and 1 preceding), 0)
        / sum(accident_weight) over () as cum_lo
from demo_sector_profile
where code in (select industry from demo_enterprise_cum);

-- TEMP: every day of the six full calendar years with its cumulative seasonal weight within the year
create or replace temp table demo_accident_calendar as
with days as (
    select cast(d as date) as day_on, year(d) as year,
           [1.15, 0.80, 0.90, 1.00, 1.05, 1.15, 1.25, 1.20, 1.00, 0.95, 1.05, 1.25][month(d)] as season_weight
    from range(cast($start_on as timestamp), cast(make_date(year(cast($today as date)), 12, 31) as timestamp)
               + interval 1 day, interval 1 day) t(d)
)
select
    year,
    day_on,
    coalesce(sum(season_weight) over (partition by year order by day_on rows between unbounded preceding and 1 preceding), 0)
        / sum(season_weight) over (partition by year) as cum_lo
from days;

-- TEMP: one row per accident with its draws. A few hundred a year × scale, declining about 7 % a year
-- with noise; the day follows the season; accidents after today are dropped (the current year is partial).
create or replace temp table demo_accident_draw as
with years as (
    select
        y as year,
        cast(round(300 * $scale * pow(0.93, y - year(cast($start_on as date)))
                   * (1 + 0.08 * demo_z($seed, y, 'acc:year'))) as integer) as n_accidents
    from range(year(cast($start_on as date)), year(cast($today as date)) + 1) r(y)
),
drawn as (
    select
        year,
        k,
        hash(year, k, $seed, 'acc:key') as draw_key,
        demo_u($seed, year * 100000 + k, 'acc:day') as u_day
    from (select year, unnest(range(n_accidents)) as k from years)
),
dated as (
    select drawn.*, c.day_on
    from drawn
    asof join demo_accident_calendar c on c.year = drawn.year and drawn.u_day >= c.cum_lo
),
sectored as (
    select dated.*, m.industry
    from (select *, demo_u($seed, draw_key, 'acc:sector') as u_sector from dated where day_on <= cast($today as date)) dated
    asof join demo_accident_mix m on dated.u_sector >= m.cum_lo
),
with_enterprise_flag as (
    select
        sectored.*,
        demo_u($seed, draw_key, 'acc:no_enterprise') >= p.no_enterprise_rate as has_enterprise,
        demo_u($seed, draw_key, 'acc:enterprise') as u_enterprise
    from sectored
    join demo_sector_profile p on p.code = sectored.industry
),
with_enterprise as (
    select w.*, e.enterprise_id, e.region_code as enterprise_region
    from with_enterprise_flag w
    -- every sector of the mix has an active enterprise whose cum_lo is 0, so the inner ASOF join keeps
    -- every accident (an ASOF LEFT join is much slower here)
    asof join demo_enterprise_cum e on e.industry = w.industry and w.u_enterprise >= e.cum_lo
),
placed as (
    select w.*, t.region_code as drawn_township, t.county_code as drawn_county
    from (select *, demo_u($seed, draw_key, 'acc:township') as u_township from with_enterprise) w
    asof join demo_townships t on w.u_township >= t.cum_lo
),
-- the red line must be visible: in every year the first (by a seeded hash) accident of a high-risk kind is
-- a 较大 one, and one of the full years before today's carries a 重大 one
ranked as (
    select
        placed.*,
        case when industry in ('road_transport', 'construction', 'hazardous_chemicals', 'metal_nonmetal_mine',
                               'coal_mine', 'fireworks', 'fire', 'gas', 'industry_trade')
             then row_number() over (partition by year, industry in ('road_transport', 'construction', 'hazardous_chemicals',
                                         'metal_nonmetal_mine', 'coal_mine', 'fireworks', 'fire', 'gas', 'industry_trade')
                                     order by hash(draw_key, $seed, 'acc:forced'))
        end as forced_rank
    from placed
)
select
    ranked.*,
    case
        when forced_rank = 2
             and year = year(cast($start_on as date)) + cast($seed % 5 as integer) then 'major'
        when demo_u($seed, draw_key, 'acc:grade') < 0.0002 then 'major'
        when forced_rank = 1 or demo_u($seed, draw_key, 'acc:grade') < 0.013 then 'larger'
        else 'general'
    end as severity
from ranked;

-- One row per accident: casualties follow the severity drawn above (most general accidents have one
-- death or none), types follow the sector (GB 6441), 70 % carry a time of day with a working-hours shape.
insert into accidents (accident_id, occurred_at, has_time, region_code, enterprise_id, industry, accident_type,
                       deaths, missing, serious_injuries, minor_injuries, direct_loss_wan, endangered, trapped,
                       evacuated, reported_at, closed_on, nature, summary)
with casualties as (
    select
        d.*,
        demo_u($seed, draw_key, 'acc:time') < 0.7 as has_time,
        case when has_enterprise then enterprise_id end as accident_enterprise_id,
        case
            when has_enterprise then enterprise_region
            when demo_u($seed, draw_key, 'acc:county_only') < 0.25 then drawn_county
            else drawn_township
        end as accident_region,
        case severity
            when 'major' then 10 + floor(demo_u($seed, draw_key, 'acc:deaths') * 4)
            when 'larger' then 3 + floor(pow(demo_u($seed, draw_key, 'acc:deaths'), 2) * 5)
            else case when demo_u($seed, draw_key, 'acc:deaths') < 0.33 then 0
                      when demo_u($seed, draw_key, 'acc:deaths') < 0.88 then 1 else 2 end
        end::integer as deaths,
        demo_u($seed, draw_key, 'acc:serious') as u_serious,
        demo_u($seed, draw_key, 'acc:minor') as u_minor,
        demo_z($seed, draw_key, 'acc:loss') as z_loss,
        demo_pick(case when severity = 'general' then p.accident_types else p.larger_types end,
                  demo_u($seed, draw_key, 'acc:type')) as accident_type
    from demo_accident_draw d
    join demo_sector_profile p on p.code = d.industry
),
counted as (
    select
        c.*,
        case when severity = 'general' and deaths <= 1 and demo_u($seed, draw_key, 'acc:missing') < 0.02 then 1
             else 0 end as missing,
        case severity
            when 'major' then floor(u_serious * 20)
            when 'larger' then floor(u_serious * 8)
            else case when deaths = 0 then 1 + floor(pow(u_serious, 2) * 4)
                      else floor(pow(u_serious, 3) * 4) end
        end::integer as serious_injuries,
        case severity
            when 'major' then 5 + floor(u_minor * 36)
            when 'larger' then 2 + floor(u_minor * 14)
            else floor(pow(u_minor, 2) * 8)
        end::integer as minor_injuries,
        round(case severity
            when 'major' then 1500 + 3400 * demo_u($seed, draw_key, 'acc:loss_hi')
            when 'larger' then least(300 + 120 * deaths + 600 * demo_u($seed, draw_key, 'acc:loss_hi'), 4500)
            else least(exp(ln(25) + 0.9 * z_loss) + 60 * deaths, 950)
        end, 2) as direct_loss_wan,
        -- a few general accidents endangered many people: the 较大涉险 flag
        severity = 'general'
            and industry in ('fire', 'hazardous_chemicals', 'gas', 'metal_nonmetal_mine', 'coal_mine', 'construction')
            and demo_u($seed, draw_key, 'acc:involved') < 0.10 as has_danger,
        case when has_time
             then day_on + to_minutes(cast(60 * demo_pick([0, 1, 2, 3, 4, 5, 6, 7, 7, 8, 8, 8, 9, 9, 9, 9, 10, 10, 10, 10,
                                                          11, 11, 11, 12, 13, 14, 14, 14, 15, 15, 15, 15, 16, 16, 16,
                                                          17, 17, 17, 18, 18, 19, 19, 20, 21, 22, 23],
                                                         demo_u($seed, draw_key, 'acc:hour'))
                                        + floor(demo_u($seed, draw_key, 'acc:minute') * 60) as bigint))
             else cast(day_on as timestamp)
        end as occurred_at,
        day_on + cast(case severity when 'major' then 180 + floor(demo_u($seed, draw_key, 'acc:close') * 185)
                                    when 'larger' then 90 + floor(demo_u($seed, draw_key, 'acc:close') * 150)
                                    else 20 + floor(demo_u($seed, draw_key, 'acc:close') * 100) end as integer) as close_on
    from casualties c
),
numbered as (
    select
        counted.*,
        'A' || year || '-' || lpad(cast(row_number() over (partition by year order by occurred_at, draw_key) as varchar), 5, '0')
            as accident_id
    from counted
)
select
    n.accident_id,
    n.occurred_at,
    n.has_time,
    n.accident_region,
    n.accident_enterprise_id,
    n.industry,
    n.accident_type,
    n.deaths,
    n.missing,
    n.serious_injuries,
    n.minor_injuries,
    n.direct_loss_wan,
    case when has_danger then 5 + floor(demo_u($seed, draw_key, 'acc:endangered') * 36)::integer end,
    case when has_danger then floor(pow(demo_u($seed, draw_key, 'acc:trapped'), 2) * 5)::integer end,
    case when has_danger then floor(pow(demo_u($seed, draw_key, 'acc:evacuated'), 2) * 900)::integer end,
    -- 493号令 Art. 9: the unit reports within 1 hour; about 3 % of the timed accidents are reported late (迟报)
    least(case when n.has_time then n.occurred_at + to_minutes(cast(
                   case when demo_u($seed, draw_key, 'acc:late') < 0.97
                        then 10 + floor(demo_u($seed, draw_key, 'acc:report') * 45)
                        else 70 + floor(demo_u($seed, draw_key, 'acc:report') * 120) end as bigint))
               else n.occurred_at + to_minutes(cast(480 + floor(demo_u($seed, draw_key, 'acc:report') * 600) as bigint)) end,
          cast($today as timestamp) + interval 1439 minute) as reported_at,
    case when n.close_on <= cast($today as date) then n.close_on end as closed_on,
    -- a concluded investigation has a nature (every 较大 one and most others are 责任事故); one still open stays 待定
    case when n.close_on > cast($today as date) then 'pending'
         when n.severity <> 'general' or demo_u($seed, draw_key, 'acc:nature') < 0.85 then 'liability'
         else 'non_liability' end as nature,
    coalesce(e.name, r.name || case when n.industry in ('road_transport', 'agricultural_machinery')
                                    then demo_pick(['国道', '省道', '县道', '乡道'], demo_u($seed, draw_key, 'acc:road'))
                                         || cast(100 + floor(demo_u($seed, draw_key, 'acc:road_no') * 300) as integer) || '线'
                                    else '境内' end)
        || '发生一起' || t.name_zh || '事故'
        || case when n.enterprise_id is null and n.accident_enterprise_id is null
                     and n.industry in ('road_transport', 'agricultural_machinery') then '（个体车辆）' else '' end
        || '，造成' || n.deaths || '人死亡'
        || case when n.missing > 0 then '、' || n.missing || '人失踪' else '' end
        || case when n.serious_injuries > 0 then '、' || n.serious_injuries || '人重伤' else '' end
        || '，直接经济损失约' || cast(round(n.direct_loss_wan) as integer) || '万元。' as summary
from numbered n
join accident_types t on t.code = n.accident_type
join regions r on r.region_code = n.accident_region
left join enterprises e on e.enterprise_id = n.accident_enterprise_id;
