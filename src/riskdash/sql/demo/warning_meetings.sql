-- One row per "1+1" warning meeting: after the experts' inspection of a township × 产业类型 (an enterprise
-- without one: its sector's class), most pairs hold an industry warning meeting within a month, reporting the
-- common and individual problems found.
insert into warning_meetings (meeting_id, region_code, industry, industry_type, held_on, attendance, note)
with campaign as (
    select
        e.region_code,
        e.industry,
        e.industry_type,
        d.inspected_on,
        d.draw_key,
        (select count(*) from demo_enterprise_draw o
          where o.region_code = e.region_code and not o.is_closed
            and coalesce(o.industry_type, o.industry) = coalesce(e.industry_type, e.industry)) as enterprises_in_pair,
        (select count(*) from demo_hazard_draw h where h.inspection_id = d.inspection_id) as problems
    from demo_inspection_draw d
    join demo_enterprise_draw e using (enterprise_id)
    where d.is_campaign
),
held as (
    select
        c.*,
        inspected_on + cast(7 + floor(demo_u($seed, draw_key, 'meet:day') * 24) as integer) as held_on
    from campaign c
    where demo_u($seed, draw_key, 'meet:held') < 0.7
)
select
    'M' || lpad(cast(row_number() over (order by held_on, region_code, industry, industry_type) as varchar), 6, '0')
        as meeting_id,
    h.region_code,
    h.industry,
    h.industry_type,
    h.held_on,
    h.enterprises_in_pair + 2 + cast(floor(demo_u($seed, draw_key, 'meet:officials') * 4) as integer) as attendance,
    '“1+1”专项整治' || coalesce(h.industry_type, s.name_zh) || '行业警示会：通报共性问题'
        || (1 + cast(floor(demo_u($seed, draw_key, 'meet:common') * 4) as integer)) || '项、个性问题'
        || greatest(h.problems, 1) || '项' as note
from held h
join sectors s on s.code = h.industry
where h.held_on <= cast($today as date);
