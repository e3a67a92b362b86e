-- One row per year × region (each county, then the city as their sum): the statistical-bulletin
-- denominators of the rate indicators, growing year on year. Counties get GDP by their share of
-- employment; coal output only where coal mines exist.
insert into indicator_denominators (year, region_code, gdp_yi, industrial_employed, motor_vehicles, coal_output_wan_t)
with county_base as (
    select
        t.county_code as region_code,
        sum(e.employees) as employees,
        sum(e.employees) filter (where s.stat_class = 'industrial') as industrial_employees,
        count(*) filter (where e.industry = 'coal_mine' and not e.is_closed) as coal_mines,
        count(distinct t.region_code) as townships
    from demo_enterprise_draw e
    join demo_townships t using (region_code)
    join sectors s on s.code = e.industry
    group by all
),
city_base as (
    select sum(employees) as employees, sum(townships) as townships from county_base
),
years as (
    select cast(y as integer) as year, cast(y - year(cast($start_on as date)) as integer) as n
    from range(year(cast($start_on as date)), year(cast($today as date)) + 1) r(y)
),
counties as (
    select
        y.year,
        c.region_code,
        cast(2600 * $scale * pow(1.055, y.n) * c.employees / b.employees
             * (1 + 0.01 * demo_z($seed, hash(c.region_code, y.year), 'denom:gdp')) as decimal(14, 2)) as gdp_yi,
        cast(round(c.industrial_employees * 2.2 * pow(1.01, y.n)) as bigint) as industrial_employed,
        cast(round(1100000 * $scale * pow(1.06, y.n) * c.townships / b.townships) as bigint) as motor_vehicles,
        case when c.coal_mines > 0
             then cast(c.coal_mines * 45 * pow(1.02, y.n) as decimal(14, 2)) end as coal_output_wan_t
    from years y
    cross join county_base c
    cross join city_base b
)
select * from counties
union all
select
    year,
    (select region_code from regions where level = 'city'),
    sum(gdp_yi),
    sum(industrial_employed),
    sum(motor_vehicles),
    sum(coal_output_wan_t)
from counties
group by year;
