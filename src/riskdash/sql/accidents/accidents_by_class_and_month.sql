-- Grain: one row per calendar month from the month of $start to the month of $end and per class of
-- sectors.stat_class (《生产安全事故统计调查制度》: 工矿商贸, 道路交通, 火灾, 铁路交通, 水上交通, 渔业船舶, 农业机械,
-- in that fixed order), months and classes without accidents included as zeros: accidents and deaths (incl.
-- missing) that occurred between $start and $end (a month cut by the period counts only its days inside it), in
-- $region and below (and the account's region), in sector $industry (all when null). The classes add up to
-- the period's total; 道路运输企业 is not a class and is not here (accidents_by_class.sql shows it apart).
with months as (
    select cast(range as date) as month_start
    from range(
        cast(date_trunc('month', cast($start as date)) as timestamp),
        cast(date_trunc('month', cast($end as date)) as timestamp) + interval 1 month,
        interval 1 month
    )
),

classes (class_no, stat_class) as (
    values
        (1, 'industrial'),
        (2, 'road_traffic'),
        (3, 'fire'),
        (4, 'railway'),
        (5, 'waterway'),
        (6, 'fishing'),
        (7, 'agricultural_machinery')
),

counted as (
    select
        cast(date_trunc('month', accidents.occurred_at) as date) as month_start,
        sectors.stat_class,
        count(*) as accidents,
        sum(accidents.deaths + accidents.missing) as deaths_incl_missing
    from scoped_accidents($region, $account_region, $industry) as accidents
    join sectors on sectors.code = accidents.industry
    where cast(accidents.occurred_at as date) between $start and $end
    group by all
)

select
    months.month_start,
    classes.stat_class,
    coalesce(counted.accidents, 0) as accidents,
    coalesce(counted.deaths_incl_missing, 0) as deaths_incl_missing
from months
cross join classes
left join counted on counted.month_start = months.month_start and counted.stat_class = classes.stat_class
order by months.month_start, classes.class_no;
