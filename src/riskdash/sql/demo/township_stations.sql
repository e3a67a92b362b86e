-- One row per township (安监站情况, issue 18): most key townships have their 2 or 3 full-time staff, some only 1
-- or none; ordinary ones 0–2; most heads are full-time and their appointment filed with the county; key
-- townships sent the acceptance report (验收报告) of today's year around 5 July — most on time, some late, a
-- few not at all (a day after today is not sent yet).
insert into township_stations (region_code, full_time_staff, staffed_on, head_full_time, head_appointment_doc,
                               head_filed_on, acceptance_report_on)
with drawn as (
    select
        region_code,
        name,
        township_class,
        demo_u($seed, region_code, 'station:staff') as u_staff,
        demo_u($seed, region_code, 'station:head') as u_head,
        demo_u($seed, region_code, 'station:filed') as u_filed,
        demo_u($seed, region_code, 'station:report') as u_report,
        demo_u($seed, region_code, 'station:day') as u_day,
        cast($today as date) as today
    from demo_townships
),
valued as (
    select
        *,
        case when township_class = 'key' then
                 case when u_staff < 0.08 then 0 when u_staff < 0.22 then 1 when u_staff < 0.75 then 2 else 3 end
             else case when u_staff < 0.45 then 0 when u_staff < 0.85 then 1 else 2 end end as full_time_staff,
        u_head < (case when township_class = 'key' then 0.9 else 0.6 end) as head_full_time,
        today - cast(120 + floor(u_day * 600) as integer) as staffed_on,
        case when township_class = 'key' then
                 case when u_report < 0.8 then make_date(year(today), 6, 20) + cast(floor(u_day * 16) as integer)
                      when u_report < 0.93 then make_date(year(today), 7, 6) + cast(floor(u_day * 20) as integer)
                 end
             when u_report < 0.3 then make_date(year(today), 11, 1) + cast(floor(u_day * 40) as integer)
        end as report_on
    from drawn
)
select
    region_code,
    full_time_staff,
    staffed_on,
    head_full_time,
    case when head_full_time then left(name, 1) || '党〔' || year(staffed_on) || '〕'
                                  || cast(1 + floor(u_filed * 30) as integer) || '号' end as head_appointment_doc,
    case when head_full_time and u_filed < 0.88 then staffed_on + cast(3 + floor(u_filed * 20) as integer)
    end as head_filed_on,
    case when report_on <= today then report_on end as acceptance_report_on
from valued;
