-- One row per zero-report window (春节, 五一, 国庆 of each year, and one major event) that began by today.
-- 春节 windows run from 除夕 for seven days; the dates of 正月初一 are listed here, years outside the list
-- simply have no 春节 window.
insert into zero_report_windows (window_id, name, start_on, end_on)
with spring_festival (day_on) as (
    values (date '2016-02-08'), (date '2017-01-28'), (date '2018-02-16'), (date '2019-02-05'), (date '2020-01-25'),
           (date '2021-02-12'), (date '2022-02-01'), (date '2023-01-22'), (date '2024-02-10'), (date '2025-01-29'),
           (date '2026-02-17'), (date '2027-02-06'), (date '2028-01-26'), (date '2029-02-13'), (date '2030-02-03'),
           (date '2031-01-23'), (date '2032-02-11'), (date '2033-01-31'), (date '2034-02-19'), (date '2035-02-08')
),
years as (
    select cast(y as integer) as year
    from range(year(cast($start_on as date)), year(cast($today as date)) + 1) r(y)
),
windows as (
    select 'ZR' || year(day_on) || '-spring' as window_id, year(day_on) || '年春节' as name,
           day_on - 1 as start_on, day_on + 5 as end_on
    from spring_festival
    where year(day_on) in (select year from years)
    union all
    select 'ZR' || year || '-may', year || '年五一', make_date(year, 5, 1), make_date(year, 5, 5) from years
    union all
    select 'ZR' || year || '-national', year || '年国庆', make_date(year, 10, 1), make_date(year, 10, 7) from years
    union all
    -- a major local event in the year before today's
    select 'ZR' || year || '-games', year || '年市运动会', make_date(year, 9, 10), make_date(year, 9, 16)
    from years where year = year(cast($today as date)) - 1
)
select * from windows
where start_on <= cast($today as date);

-- One row per township × day of each window up to today, except the days a township failed to report
-- (a few careless townships miss many). accidents_reported is what the township's accidents that day were.
-- Most reports are filed between 08:00 and 15:30 of their day, before the 16:00 cut-off (zero_report_cutoff);
-- about 5 % after it the same evening and 3 % the next morning (late: 迟报).
insert into zero_reports (window_id, region_code, report_on, accidents_reported, reported_at)
with days as (
    select w.window_id, cast(d as date) as report_on
    from zero_report_windows w,
         range(cast(w.start_on as timestamp), cast(least(w.end_on, cast($today as date)) as timestamp) + interval 1 day,
               interval 1 day) r(d)
),
accident_days as (
    select region_code, cast(occurred_at as date) as report_on, count(*) as n
    from accidents
    group by all
),
slots as (
    select
        days.window_id,
        t.region_code,
        days.report_on,
        hash(days.window_id, t.region_code, days.report_on, $seed, 'zero:key') as slot_key,
        case when demo_u($seed, t.region_code, 'zero:careless') < 0.1 then 0.15 else 0.01 end as miss_rate
    from days
    cross join demo_townships t
)
select
    s.window_id,
    s.region_code,
    s.report_on,
    coalesce(a.n, 0) as accidents_reported,
    least(case when demo_u($seed, s.slot_key, 'zero:late') < 0.03
               then s.report_on + interval 1 day + to_minutes(cast(540 + floor(demo_u($seed, s.slot_key, 'zero:minute') * 120) as bigint))
               when demo_u($seed, s.slot_key, 'zero:late') < 0.08
               then s.report_on + to_minutes(cast(961 + floor(demo_u($seed, s.slot_key, 'zero:minute') * 240) as bigint))
               else s.report_on + to_minutes(cast(480 + floor(demo_u($seed, s.slot_key, 'zero:minute') * 450) as bigint)) end,
          cast($today as timestamp) + interval 1439 minute) as reported_at
from slots s
left join accident_days a on a.region_code = s.region_code and a.report_on = s.report_on
where demo_u($seed, s.slot_key, 'zero:missed') >= s.miss_rate;
