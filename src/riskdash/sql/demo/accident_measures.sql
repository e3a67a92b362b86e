-- 四不放过 of the demo city's closed accidents (schema 25): most closed cases have all four done by the day they
-- were closed; about 15 % lack the education of the people concerned and 5 % have no row at all (the figure
-- 结案事故四不放过落实 is not 100 %).
insert into accident_measures (accident_id, cause_found, cause_found_on, cause_note, responsible_dealt,
                               responsible_dealt_on, responsible_note, measures_taken, measures_taken_on,
                               measures_note, people_educated, people_educated_on, educated_note)
select
    accident_id,
    true, greatest(cast(occurred_at as date), closed_on - 20), '事故调查报告已查明直接原因和间接原因',
    true, greatest(cast(occurred_at as date), closed_on - 5), '对有关责任人员依法依规作出处理',
    true, closed_on, '企业已落实调查报告提出的整改措施',
    demo_u($seed, accident_id, 'measures:educated') >= 0.15,
    case when demo_u($seed, accident_id, 'measures:educated') >= 0.15 then closed_on end,
    case when demo_u($seed, accident_id, 'measures:educated') >= 0.15 then '召开事故警示教育会' end
from accidents
where closed_on is not null
  and demo_u($seed, accident_id, 'measures:none') >= 0.05;
