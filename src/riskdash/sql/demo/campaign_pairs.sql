-- One row per "1+1" pair record (issue 18; schema 22): for most pairs the experts reached, the common problems
-- of the class (two hazard categories of its sector), the individual ones of the enterprise inspected (the
-- hazards that inspection found, or one drawn category) and the advice given to the class. A pair of
-- enterprises without a 产业类型 is recorded under its sector's Chinese name (the campaign queries' rule).
insert into campaign_pairs (year, region_code, industry_type, common_problems, individual_problems, advice)
with campaign as (
    select
        year(d.inspected_on) as year,
        e.region_code,
        coalesce(e.industry_type, p.name_zh) as industry_type,
        p.hazard_categories,
        d.draw_key,
        d.inspection_id,
        demo_pick(p.hazard_categories, demo_u($seed, d.draw_key, 'pair:common1')) as common1,
        demo_pick(p.hazard_categories, demo_u($seed, d.draw_key, 'pair:common2')) as common2,
        row_number() over (partition by year(d.inspected_on), e.region_code, coalesce(e.industry_type, p.name_zh)
                           order by d.inspected_on, d.inspection_id) as nth
    from demo_inspection_draw d
    join demo_enterprise_draw e using (enterprise_id)
    join demo_sector_profile p on p.code = e.industry
    where d.is_campaign
      and d.inspected_on <= cast($today as date)
)
select
    c.year,
    c.region_code,
    c.industry_type,
    case when c.common1 = c.common2 then c.common1 else c.common1 || '；' || c.common2 end as common_problems,
    -- at most three of what the inspection found, else one drawn category
    coalesce((select array_to_string(list_sort(list_distinct(list(h.category)))[1:3], '；') from hazards h
              where h.inspection_id = c.inspection_id and h.category is not null),
             demo_pick(c.hazard_categories, demo_u($seed, c.draw_key, 'pair:own'))) as individual_problems,
    '全行业' || cast(1 + floor(demo_u($seed, c.draw_key, 'pair:weeks') * 6) as integer)
        || '周内对照共性问题自查自改，镇安监站逐家复核' as advice
from campaign c
where c.nth = 1
  and demo_u($seed, c.draw_key, 'pair:recorded') < 0.8;
