-- Schema version 8: the township assessment (乡镇考核, issue 8) reads its weights, pass mark and the "1+1"
-- common-problem threshold from settings rows. A new database gets them with every other default
-- (reference.SETTINGS, loaded only into an empty settings table); an existing one gets the rows it lacks
-- here. An empty settings table is left alone, so that the defaults still load in full afterwards.
insert into settings (key, value, description_zh, description_en)
select new_rows.key, new_rows.value, new_rows.description_zh, new_rows.description_en
from (values
    ('assessment_weight_deaths', '20', '乡镇考核权重：死亡（含失踪）与控制指标', 'Township assessment weight: deaths (incl. missing) against the target'),
    ('assessment_weight_larger_accidents', '15', '乡镇考核权重：较大及以上事故', 'Township assessment weight: larger-and-above accidents'),
    ('assessment_weight_rectification', '15', '乡镇考核权重：隐患整改率', 'Township assessment weight: hazard rectification rate'),
    ('assessment_weight_major_closed', '10', '乡镇考核权重：重大隐患整改销号率', 'Township assessment weight: major hazards closed'),
    ('assessment_weight_ledger', '10', '乡镇考核权重：重点部位台账完整率', 'Township assessment weight: key-site ledger completeness'),
    ('assessment_weight_standardisation', '10', '乡镇考核权重：规范化建设完成率', 'Township assessment weight: standardisation checklist done'),
    ('assessment_weight_inspection_coverage', '10', '乡镇考核权重：监管检查覆盖率', 'Township assessment weight: supervisory inspection coverage'),
    ('assessment_weight_zero_report', '10', '乡镇考核权重：零报告按时率', 'Township assessment weight: zero-report compliance'),
    ('assessment_points_per_death', '20', '乡镇考核：每死亡1人（含失踪）扣分', 'Township assessment: points off the deaths component per death (incl. missing)'),
    ('assessment_pass_score', '60', '乡镇考核合格分数线（未被一票否决且得分不低于此值为合格）', 'Township assessment pass mark (passed = not vetoed and score at or above it)'),
    ('campaign_common_problem_min_enterprises', '3', '“1+1”共性问题：同一行业至少N家企业发现的隐患类别', '"1+1" common problem: a hazard category found at N or more enterprises of a sector')
) as new_rows (key, value, description_zh, description_en)
where exists (select 1 from settings)
  and new_rows.key not in (select key from settings);
