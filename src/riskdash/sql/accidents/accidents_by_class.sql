-- Grain: one row per line of the statistical-class table (《生产安全事故统计调查制度》), in its fixed order,
-- whether or not it has an accident: 合计; each class of sectors.stat_class — 工矿商贸 with its six subclasses
-- (煤矿、金属非金属矿山、建筑施工、危险化学品、烟花爆竹 by the accident's sector code, every other 工矿商贸 sector
-- in 其他), 道路交通 and 火灾 each split 经营性/非经营性, 铁路交通, 水上交通, 渔业船舶, 农业机械 — and
-- 道路运输企业 apart: the accidents of enterprises whose sector is road_transport, whatever their class (a
-- transport company's road crash counts in 道路交通 and here, as two figures; this line is not in 合计).
-- 经营性 is the accident's commercial column; where it is empty, an accident with an enterprise is 经营性 and one
-- without is 非经营性. Accidents in $region and below (and the account's region), in sector $industry (all when
-- null); accidents and deaths (incl. missing) for $start–$end and for $previous_start–$previous_end (同比).
with in_scope as (
    select
        cast(accidents.occurred_at as date) as occurred_on,
        accidents.deaths + accidents.missing as deaths_incl_missing,
        accidents.industry,
        sectors.stat_class,
        coalesce(accidents.commercial, accidents.enterprise_id is not null) as is_commercial,
        coalesce(enterprises.industry = 'road_transport', false) as is_transport_enterprise
    from scoped_accidents($region, $account_region, $industry) as accidents
    join sectors on sectors.code = accidents.industry
    left join enterprises on enterprises.enterprise_id = accidents.enterprise_id
    where cast(accidents.occurred_at as date) between $start and $end
       or cast(accidents.occurred_at as date) between $previous_start and $previous_end
),

tagged as (
    select occurred_on, deaths_incl_missing, 'total' as line from in_scope
    union all
    select occurred_on, deaths_incl_missing, stat_class from in_scope
    union all
    select occurred_on, deaths_incl_missing,
           'industrial.' || case when industry in ('coal_mine', 'metal_nonmetal_mine', 'construction',
                                                   'hazardous_chemicals', 'fireworks')
                                 then industry else 'other' end
    from in_scope
    where stat_class = 'industrial'
    union all
    select occurred_on, deaths_incl_missing,
           stat_class || case when is_commercial then '.commercial' else '.non_commercial' end
    from in_scope
    where stat_class in ('road_traffic', 'fire')
    union all
    select occurred_on, deaths_incl_missing, 'road_transport' from in_scope where is_transport_enterprise
),

lines (line_no, line, depth) as (
    values
        (1, 'total', 0),
        (2, 'industrial', 1),
        (3, 'industrial.coal_mine', 2),
        (4, 'industrial.metal_nonmetal_mine', 2),
        (5, 'industrial.construction', 2),
        (6, 'industrial.hazardous_chemicals', 2),
        (7, 'industrial.fireworks', 2),
        (8, 'industrial.other', 2),
        (9, 'road_traffic', 1),
        (10, 'road_traffic.commercial', 2),
        (11, 'road_traffic.non_commercial', 2),
        (12, 'fire', 1),
        (13, 'fire.commercial', 2),
        (14, 'fire.non_commercial', 2),
        (15, 'railway', 1),
        (16, 'waterway', 1),
        (17, 'fishing', 1),
        (18, 'agricultural_machinery', 1),
        (19, 'road_transport', 1)
)

select
    lines.line,
    lines.depth,
    count(tagged.line) filter (where tagged.occurred_on between $start and $end) as accidents,
    coalesce(sum(tagged.deaths_incl_missing) filter (where tagged.occurred_on between $start and $end), 0)
        as deaths_incl_missing,
    count(tagged.line) filter (where tagged.occurred_on between $previous_start and $previous_end)
        as previous_accidents,
    coalesce(sum(tagged.deaths_incl_missing)
             filter (where tagged.occurred_on between $previous_start and $previous_end), 0)
        as previous_deaths_incl_missing
from lines
left join tagged on tagged.line = lines.line
group by lines.line_no, lines.line, lines.depth
order by lines.line_no;
