"""Interface text of the 专项行动与乡镇规范化 (campaigns and townships) screen."""

TEXT = {
    # ------------------------------------------------------------------ veto reasons (also in the CLI JSON)
    "campaigns.veto.larger": {
        "zh": "发生较大及以上责任事故{n}起（含性质待定；一票否决）",
        "en": "{n} relatively major or worse liability accident(s) (incl. nature pending; one-vote veto)",
    },
    "campaigns.veto.late": {
        "zh": "迟报事故{n}起（一票否决）",
        "en": "{n} accident(s) reported late (one-vote veto)",
    },
    "campaigns.veto.concealed": {
        "zh": "瞒报事故{n}起（一票否决）",
        "en": "{n} accident(s) concealed (one-vote veto)",
    },
    "campaigns.veto.falsely": {
        "zh": "谎报事故{n}起（一票否决）",
        "en": "{n} accident(s) falsely reported (one-vote veto)",
    },
    "campaigns.veto.ledger_missed": {
        "zh": "较大及以上责任事故{n}起发生在事故前未列入重点部位台账的企业（含性质待定；一票否决）",
        "en": "{n} relatively major or worse liability accident(s) at an enterprise with no key site filed before it (incl. nature pending; one-vote veto)",
    },
    "campaigns.veto.measures": {
        "zh": "已备案重点部位监控措施未落实引发亡人责任事故{n}起（含性质待定；一票否决）",
        "en": "{n} liability accident(s) with deaths at a filed key site whose measures were not in place (incl. nature pending; one-vote veto)",
    },
    # target_exceeded: the total target and each control target per class exceeded, in one reason (issue 18)
    "campaigns.veto.target": {"zh": "{targets}（一票否决）", "en": "{targets} (one-vote veto)"},
    "campaigns.veto.target_total": {
        "zh": "死亡（含失踪）{deaths}人，超过控制指标{target}人",
        "en": "{deaths} deaths (incl. missing), above the target of {target}",
    },
    "campaigns.veto.target_class": {
        "zh": "{cls}死亡（含失踪）{deaths}人，超过分类控制指标{target}人",
        "en": "{cls}: {deaths} deaths (incl. missing), above the class target of {target}",
    },
    "campaigns.veto.target_larger": {
        "zh": "较大及以上事故{n}起，超过控制指标{target}起",
        "en": "{n} relatively major or worse accident(s), above the target of {target}",
    },
    # ------------------------------------------------------------------ page
    "campaigns.subtitle": {
        "zh": "考核年度 {year}年（{period}）· {region}及下辖乡镇（街道、开发区）· 数据截至{as_of}",
        "en": "Assessment year {year} ({period}) · townships of {region} · data as of {as_of}",
    },
    "campaigns.tab_scorecard": {"zh": "乡镇考核", "en": "Township assessment"},
    "campaigns.tab_checklist": {"zh": "规范化建设", "en": "Standardisation"},
    "campaigns.tab_campaign": {"zh": "“1+1”专项整治", "en": "\"1+1\" campaign"},
    "campaigns.tab_zero": {"zh": "零报告", "en": "Zero reports"},
    "campaigns.empty": {"zh": "没有符合条件的记录。", "en": "Nothing to list."},
    "campaigns.no_townships": {"zh": "所选地区下没有乡镇级区划。", "en": "The chosen region holds no township-level region."},
    "campaigns.yes": {"zh": "是", "en": "yes"},
    "campaigns.no": {"zh": "否", "en": "no"},
    "campaigns.total": {"zh": "{region}合计", "en": "{region}, total"},
    # ------------------------------------------------------------------ scorecard
    "campaigns.kpi_townships": {"zh": "参评乡镇（个）", "en": "Townships assessed"},
    "campaigns.kpi_passed": {"zh": "合格（个）", "en": "Passed"},
    "campaigns.kpi_failed": {"zh": "不合格（个）", "en": "Failed"},
    "campaigns.kpi_vetoed": {"zh": "一票否决（个）", "en": "Vetoed"},
    "campaigns.kpi_passed_help": {
        "zh": "未被一票否决且得分不低于合格线 {pass_score} 分。",
        "en": "Not vetoed and a score of at least the pass mark, {pass_score}.",
    },
    "campaigns.kpi_vetoed_help": {
        "zh": "发生较大及以上责任事故（性质待定的按责任事故计），事故迟报、瞒报或谎报，较大及以上责任事故发生在事故前未列入"
        "重点部位台账的企业，已备案重点部位监控措施未落实引发亡人责任事故，或死亡（含失踪）超过本乡镇控制指标："
        "无论得分，结果为不合格，排在未否决乡镇之后。每条否决规则可在“设置”中停用。",
        "en": "A relatively major or worse liability accident (one whose nature is pending counts as liability), an "
        "accident reported late, concealed or falsely reported, a relatively major or worse liability accident at an "
        "enterprise with no key site filed before it, a liability accident with deaths at a filed key site whose "
        "measures were not in place, or deaths (incl. missing) above the township's own target: failed whatever the "
        "score, ranked after the townships not vetoed. Each veto rule can be switched off in Settings.",
    },
    "campaigns.template_file": {"zh": "零报告导入模板", "en": "Zero-report import template"},
    "campaigns.ranking_file": {"zh": "{year}年度乡镇考核排名", "en": "Township ranking {year}"},
    "campaigns.ranking_title": {"zh": "乡镇考核排名", "en": "Township ranking"},
    "campaigns.ranking_scope": {
        "zh": "{period} · {region} · 未否决乡镇在前，按得分从高到低，同分按区划代码",
        "en": "{period} · {region} · townships not vetoed first, by score, ties by region code",
    },
    "campaigns.score_formula": {
        "zh": "得分 = Σ(权重 × 分项得分) ÷ Σ权重（分项均为0—100分；无分母的分项不参与计算，其余权重按比例补足）。"
        "权重与合格线 {pass_score} 分为“设置”中的数据；一票否决不改变得分，只把结果判为不合格。",
        "en": "Score = Σ(weight × component) ÷ Σ weight (each component 0–100; a component without a denominator "
        "is left out and the other weights fill its place). Weights and the pass mark ({pass_score}) are "
        "settings; a veto keeps the score and sets the result to failed.",
    },
    "campaigns.score_chart": {"zh": "乡镇考核得分", "en": "Township assessment score"},
    "campaigns.score_chart_bottom": {"zh": "排名最后的{n}个（共{total}个，全部见下表）",
                                     "en": "the last {n} of {total} in the ranking (all in the table below)"},
    "campaigns.score_unit": {"zh": "得分（分）", "en": "Score (points)"},
    "campaigns.pass_line": {"zh": "合格线 {score} 分", "en": "Pass mark {score}"},
    "campaigns.legend_passed": {"zh": "合格", "en": "Passed"},
    "campaigns.legend_failed": {"zh": "不合格（未否决）", "en": "Failed (not vetoed)"},
    "campaigns.legend_vetoed": {"zh": "一票否决", "en": "Vetoed"},
    "campaigns.download_xlsx": {"zh": "导出考核排名（.xlsx）", "en": "Export the ranking (.xlsx)"},
    "campaigns.detail_title": {"zh": "单个乡镇得分明细", "en": "One township's components"},
    "campaigns.detail_pick": {"zh": "选择乡镇", "en": "Township"},
    "campaigns.result.passed": {"zh": "合格", "en": "passed"},
    "campaigns.result.failed": {"zh": "不合格", "en": "failed"},
    "campaigns.component.deaths": {"zh": "死亡控制", "en": "Deaths vs target"},
    "campaigns.component.larger_accidents": {"zh": "较大及以上事故", "en": "Relatively major or worse accidents"},
    "campaigns.component.rectification": {"zh": "隐患整改率", "en": "Rectification rate"},
    "campaigns.component.major_closed": {"zh": "重大隐患整改率", "en": "Major-hazard rectification rate"},
    "campaigns.component.ledger": {"zh": "重点部位台账", "en": "Key-site ledger"},
    "campaigns.component.standardisation": {"zh": "规范化建设", "en": "Standardisation"},
    "campaigns.component.inspection_coverage": {"zh": "监管检查覆盖", "en": "Inspection coverage"},
    "campaigns.component.zero_report": {"zh": "零报告", "en": "Zero reports"},
    "campaigns.basis.deaths": {
        "zh": "死亡（含失踪）{deaths_incl_missing}人，控制指标{target}人；每人扣分见设置，超指标得0分；"
        "超过分类控制指标{class_targets_exceeded}项，每项扣分见设置",
        "en": "{deaths_incl_missing} deaths (incl. missing), target {target}; points off per death are a setting, "
        "0 above the target; {class_targets_exceeded} class target(s) exceeded, points off per target a setting",
    },
    "campaigns.basis.larger_accidents": {
        "zh": "较大及以上事故{count}起；无则100分，有则0分",
        "en": "{count} relatively major or worse accidents; 100 with none, 0 otherwise",
    },
    "campaigns.basis.rectification": {
        "zh": "(已整改一般隐患+已销号重大隐患) {rectified} ÷ 本年排查隐患 {found} = {pct}",
        "en": "(general rectified + major closed) {rectified} ÷ hazards found this year {found} = {pct}",
    },
    "campaigns.basis.major_closed": {
        "zh": "已整改销号重大隐患 {closed} ÷ 本年重大隐患 {found} = {pct}",
        "en": "Major hazards closed after verification {closed} ÷ major hazards found this year {found} = {pct}",
    },
    "campaigns.basis.ledger": {
        "zh": "市县双备案且措施落实的重点部位 {complete} ÷ 台账条数 {key_sites} = {pct}；无台账得0分",
        "en": "Key sites filed with city and county and measures in place {complete} ÷ entries {key_sites} = {pct}; "
        "0 with no entry",
    },
    "campaigns.basis.standardisation": {
        "zh": "已完成事项 {done} ÷ 应完成事项 {applicable} = {pct}",
        "en": "Checklist items done {done} ÷ items that bind the township {applicable} = {pct}",
    },
    "campaigns.basis.inspection_coverage": {
        "zh": "本年受市、县、乡镇级检查的在营企业 {inspected} ÷ 在营企业 {active_enterprises} = {pct}",
        "en": "Active enterprises inspected by the city, county or township this year {inspected} ÷ active "
        "enterprises {active_enterprises} = {pct}",
    },
    "campaigns.basis.zero_report": {
        "zh": "按时报送天数 {on_time_days} ÷ 应报天数 {expected_days} = {pct}（已报{reported_days}天，截止时间后报送为迟报）",
        "en": "Days reported on time {on_time_days} ÷ days due {expected_days} = {pct} ({reported_days} reported; "
              "after the cut-off is late)",
    },
    # ------------------------------------------------------------------ checklist
    "campaigns.groups_title": {"zh": "规范化建设进度（按完成期限分组）", "en": "Standardisation by deadline group"},
    "campaigns.groups_scope": {
        "zh": "截至{as_of} · {region} · 期限：市管开发区{zone_city}，开发区和工业园区{zone}，重点乡镇{key_day}（验收报告{report}），其他乡镇{all}",
        "en": "As of {as_of} · {region} · deadlines: city-managed zones {zone_city}, zones and parks {zone}, key "
        "townships {key_day} (acceptance report {report}), others {all}",
    },
    "campaigns.progress_title": {"zh": "各乡镇完成情况", "en": "Progress per township"},
    "campaigns.progress_scope": {
        "zh": "完成率 = 已完成事项 ÷ 应完成事项（重点乡镇另含专职站长、专职人员两项）· 推进中、未开始、逾期为事项数，逾期 = 期限已过仍未完成 · 截至{as_of}",
        "en": "Done % = items done ÷ items that bind the township (key townships also: full-time head and "
        "staff) · ongoing, to do and late count items; late = past the deadline and not done · as of {as_of}",
    },
    "campaigns.late_title": {"zh": "逾期未完成事项（{n}项）", "en": "Items late ({n})"},
    "campaigns.late_scope": {
        "zh": "期限早于{as_of}仍未完成的事项，按乡镇列出 · {region}",
        "en": "Items whose deadline was before {as_of} and that are not done, township by township · {region}",
    },
    "campaigns.items_title": {"zh": "乡镇逐项状态", "en": "Items of one township"},
    "campaigns.group.zone_city": {"zh": "市管开发区", "en": "City-managed zones"},
    "campaigns.group.zone": {"zh": "开发区、工业园区", "en": "Zones and industrial parks"},
    "campaigns.group.key": {"zh": "重点乡镇", "en": "Key townships"},
    "campaigns.group.all": {"zh": "其他乡镇（街道）", "en": "Other townships"},
    "campaigns.class.key": {"zh": "重点", "en": "key"},
    "campaigns.class.ordinary": {"zh": "一般", "en": "ordinary"},
    "campaigns.status.done": {"zh": "已完成", "en": "done"},
    "campaigns.status.in_progress": {"zh": "推进中", "en": "in progress"},
    "campaigns.status.not_started": {"zh": "未开始", "en": "not started"},
    "campaigns.late.yes": {"zh": "逾期", "en": "late"},
    # ------------------------------------------------------------------ "1+1"
    "campaigns.coverage_title": {"zh": "“1+1”专家检查覆盖（乡镇×产业类型）",
                                 "en": "\"1+1\" coverage (township × industry class)"},
    "campaigns.coverage_scope": {
        "zh": "{period} · {region} · 覆盖率 = 已开展专家深度检查的乡镇产业类型数 ÷ 有在营企业的乡镇产业类型数 · "
              "检查一个企业、规范一个行业：一个产业类型中任一企业接受专家检查，即覆盖本乡镇该产业类型 · "
              "未填产业类型的企业按其所属行业归为一类（如“工贸”）",
        "en": "{period} · {region} · coverage = township × industry-class pairs inspected in depth by experts ÷ "
              "pairs with active enterprises · inspect one enterprise, set the standard for its class: an expert "
              "inspection of any enterprise of a class covers that class in its township · an enterprise without "
              "an industry class counts in the class of its sector (e.g. 工贸)",
    },
    "campaigns.towns_title": {"zh": "各乡镇产业类型覆盖", "en": "Industry classes per township"},
    "campaigns.towns_scope": {
        "zh": "{period} · {region} · 覆盖率 = 已专家检查的产业类型数 ÷ 产业类型数（无在营企业的乡镇为“—”）",
        "en": "{period} · {region} · coverage = classes inspected by the experts ÷ classes (\"—\" for a "
              "township without active enterprises)",
    },
    "campaigns.sectors_title": {"zh": "各乡镇产业类型与专家检查", "en": "Industry classes of each township and the expert inspection"},
    "campaigns.sectors_only_missing": {"zh": "只看未开展专家检查的产业类型", "en": "Only classes not yet inspected"},
    "campaigns.pairs_file": {"zh": "{year}年度“1+1”专项整治检查覆盖", "en": "\"1+1\" campaign pairs {year}"},
    "campaigns.download_pairs": {"zh": "导出检查覆盖（.xlsx）", "en": "Export the pairs (.xlsx)"},
    "campaigns.pairs_xlsx_title": {"zh": "“1+1”专项整治检查覆盖（乡镇×产业类型）",
                                   "en": "\"1+1\" campaign: township × industry class"},
    "campaigns.by_sector": {"zh": "{name}（按行业）", "en": "{name} (by sector)"},
    "campaigns.problems_title": {"zh": "行业共性问题", "en": "Common problems of a sector"},
    "campaigns.problems_scope": {
        "zh": "{period}在同一行业至少{n}家企业发现的隐患类别 · {region}",
        "en": "Hazard categories found at {n} or more enterprises of a sector, {period} · {region}",
    },
    "campaigns.meetings_title": {"zh": "行业警示会（{n}场）", "en": "Warning meetings ({n})"},
    "campaigns.meetings_scope": {
        "zh": "{period}召开的“1+1”行业警示会，含日期、产业类型与参会人数（未填产业类型的会议按其行业归类） · {region}",
        "en": "\"1+1\" warning meetings held {period}, with date, industry class and attendance (a meeting without "
              "a class counts for its sector's class) · {region}",
    },
    # ------------------------------------------------------------------ zero reports
    "campaigns.windows_title": {"zh": "零报告时段", "en": "Zero-report windows"},
    "campaigns.windows_scope": {
        "zh": "{year}年内截至{as_of}的节假日和重大活动时段 · {region} · 应报、已报、按时、缺报为报告次数（应报 = 天数×乡镇数）；"
              "报送率 = 已报 ÷ 应报；按时率 = 当日{cutoff}前报送 ÷ 应报",
        "en": "Holiday and event windows of {year} up to {as_of} · {region} · due, filed, on time and missed count "
              "reports (due = days × townships); rate = filed ÷ due; timely = filed by {cutoff} of the day ÷ due",
    },
    "campaigns.compliance_title": {"zh": "各乡镇零报告情况", "en": "Zero reports per township"},
    "campaigns.compliance_scope": {
        "zh": "每个时段每天都须报告（无事故也报）；应报、已报、缺报、迟报为天数；当日{cutoff}后报送（或未记报送时间）为迟报，未报送为缺报，日期列出 · "
              "一天属于两个时段只算一天 · 截至{as_of}",
        "en": "Every day of a window must be reported, also when nothing happened; due, filed, missed and late count "
              "days; a report after {cutoff} of its "
              "day (or without a time) is late, a day without one missed; both listed · a day of two windows "
              "counts once · as of {as_of}",
    },
    "campaigns.missing_title": {"zh": "缺报明细（{n}天次）", "en": "Missed reports ({n})"},
    # ------------------------------------------------------------------ columns
    "campaigns.col.rank": {"zh": "名次", "en": "Rank"},
    "campaigns.col.city_rank": {"zh": "全市名次（共{n}个乡镇）", "en": "Rank in the city (of {n} townships)"},
    "campaigns.col.township": {"zh": "乡镇（街道）", "en": "Township"},
    "campaigns.col.region_code": {"zh": "区划代码", "en": "Region code"},
    "campaigns.col.region": {"zh": "地区", "en": "Region"},
    "campaigns.col.score": {"zh": "得分", "en": "Score"},
    "campaigns.col.result": {"zh": "结果", "en": "Result"},
    "campaigns.col.veto": {"zh": "一票否决原因", "en": "Veto reasons"},
    "campaigns.col.checklist_pct": {"zh": "规范化完成率（%）", "en": "Checklist done (%)"},
    "campaigns.col.zero_missing": {"zh": "零报告缺报（天）", "en": "Zero-report days missed"},
    "campaigns.col.component": {"zh": "考核分项", "en": "Component"},
    "campaigns.col.weight": {"zh": "权重", "en": "Weight"},
    "campaigns.col.component_score": {"zh": "分项得分", "en": "Component score"},
    "campaigns.col.basis": {"zh": "计算依据", "en": "How it is computed"},
    "campaigns.col.deadline_group": {"zh": "类别", "en": "Group"},
    "campaigns.col.deadline": {"zh": "完成期限", "en": "Deadline"},
    "campaigns.col.townships": {"zh": "乡镇数", "en": "Townships"},
    "campaigns.col.complete": {"zh": "已全部完成", "en": "Complete"},
    "campaigns.col.late_townships": {"zh": "逾期乡镇", "en": "Late"},
    "campaigns.col.items_done": {"zh": "已完成/应完成", "en": "Done/due"},
    "campaigns.col.done_rate": {"zh": "完成率", "en": "Done %"},
    "campaigns.col.class": {"zh": "类别", "en": "Class"},
    "campaigns.col.in_progress": {"zh": "推进中", "en": "Ongoing"},
    "campaigns.col.not_started": {"zh": "未开始", "en": "To do"},
    "campaigns.col.late_items": {"zh": "逾期", "en": "Late"},
    "campaigns.col.item_group": {"zh": "类别", "en": "Group"},
    "campaigns.col.item": {"zh": "事项", "en": "Item"},
    "campaigns.col.status": {"zh": "状态", "en": "Status"},
    "campaigns.col.status_on": {"zh": "状态日期", "en": "Status date"},
    "campaigns.col.evidence": {"zh": "佐证材料", "en": "Evidence"},
    "campaigns.col.late": {"zh": "是否逾期", "en": "Late"},
    "campaigns.col.pairs": {"zh": "乡镇产业类型数", "en": "Pairs"},
    "campaigns.col.industry_type": {"zh": "产业类型", "en": "Industry class"},
    "campaigns.col.classes": {"zh": "产业类型数", "en": "Classes"},
    "campaigns.col.common_problems": {"zh": "共性问题", "en": "Common problems"},
    "campaigns.col.individual_problems": {"zh": "个性问题", "en": "Individual problems"},
    "campaigns.col.advice": {"zh": "整改建议", "en": "Advice"},
    "campaigns.col.pairs_inspected": {"zh": "已专家检查", "en": "Inspected"},
    "campaigns.col.coverage": {"zh": "覆盖率", "en": "Coverage"},
    "campaigns.col.pairs_meeting": {"zh": "已开警示会", "en": "Meetings"},
    "campaigns.col.meeting_rate": {"zh": "警示会比例", "en": "Meeting %"},
    "campaigns.col.sector": {"zh": "行业", "en": "Sector"},
    "campaigns.col.enterprises": {"zh": "企业数", "en": "Enterprises"},
    "campaigns.col.inspected": {"zh": "已开展专家检查", "en": "Inspected"},
    "campaigns.col.inspected_on": {"zh": "检查日期", "en": "Inspected on"},
    "campaigns.col.inspected_enterprise": {"zh": "受检企业", "en": "Enterprise inspected"},
    "campaigns.col.problems": {"zh": "发现问题（项）", "en": "Problems found"},
    "campaigns.col.meetings": {"zh": "警示会（场）", "en": "Meetings"},
    "campaigns.col.last_meeting": {"zh": "最近警示会", "en": "Last meeting"},
    "campaigns.col.category": {"zh": "隐患类别", "en": "Hazard category"},
    "campaigns.col.hazards": {"zh": "隐患（项）", "en": "Hazards"},
    "campaigns.col.held_on": {"zh": "召开日期", "en": "Held on"},
    "campaigns.col.attendance": {"zh": "参会人数", "en": "Attendance"},
    "campaigns.col.note": {"zh": "内容", "en": "Note"},
    "campaigns.col.window": {"zh": "时段", "en": "Window"},
    "campaigns.col.window_dates": {"zh": "起止日期", "en": "Dates"},
    "campaigns.col.days_due": {"zh": "天数", "en": "Days"},
    # the township table: reports due, one a day (issue 17 item 7: short headers fit 1024 px)
    "campaigns.col.town_days_due": {"zh": "应报", "en": "Due"},
    "campaigns.col.reports_due": {"zh": "应报", "en": "Due"},
    "campaigns.col.reports_received": {"zh": "已报", "en": "Filed"},
    "campaigns.col.reports_missing": {"zh": "缺报", "en": "Missed"},
    "campaigns.col.compliance": {"zh": "报送率", "en": "Rate"},
    "campaigns.col.on_time": {"zh": "按时率", "en": "Timely"},
    "campaigns.col.reports_on_time": {"zh": "按时", "en": "On time"},
    "campaigns.col.days_late": {"zh": "迟报", "en": "Late"},
    "campaigns.col.late_days": {"zh": "迟报日期", "en": "Late on"},
    "campaigns.col.reported_at": {"zh": "报送时间", "en": "Filed at"},
    "campaigns.col.accidents_reported": {"zh": "事故（起）", "en": "Accidents"},
    "campaigns.col.days_reported": {"zh": "已报", "en": "Filed"},
    "campaigns.col.days_missing": {"zh": "缺报", "en": "Missed"},
    "campaigns.col.missing_days": {"zh": "缺报日期", "en": "Missed on"},
    "campaigns.col.report_on": {"zh": "缺报日期", "en": "Day"},
    "campaigns.col.late_day": {"zh": "迟报日期", "en": "Day"},
    # ------------------------------------------------------------------ 安监站 and 四个必须到位 (issue 18)
    "campaigns.col.staff": {"zh": "专职人员（实有/应配）", "en": "Full-time staff (has/needs)"},
    "campaigns.col.staff_met": {"zh": "专职人员是否合格", "en": "Staff met"},
    "campaigns.col.head": {"zh": "专职站长（任命报县备案）", "en": "Full-time head (appointment filed)"},
    "campaigns.col.head_doc": {"zh": "站长任命文号", "en": "Appointment document"},
    "campaigns.col.acceptance": {"zh": "验收报告", "en": "Acceptance report"},
    "campaigns.col.acceptance_on": {"zh": "验收报告报送日期", "en": "Report sent on"},
    "campaigns.col.zero_late": {"zh": "零报告迟报（天）", "en": "Zero-report days late"},
    "campaigns.report.on_time": {"zh": "按期报送", "en": "on time"},
    "campaigns.report.late": {"zh": "逾期报送", "en": "late"},
    "campaigns.report.missing": {"zh": "逾期未报", "en": "missing"},
    "campaigns.report.not_due": {"zh": "未到期", "en": "not yet due"},
    "campaigns.report.filed": {"zh": "已报送", "en": "sent"},
    "campaigns.report.not_required": {"zh": "不要求", "en": "not required"},
    "campaigns.stations_title": {"zh": "安监站人员与验收报告", "en": "Station staffing and acceptance report"},
    "campaigns.stations_scope": {
        "zh": "专职安监人员：重点乡镇不少于{key_min}人，其他乡镇{ordinary}（人数可在“设置”中修改）· 专职站长须经乡镇党委"
              "发文任命并报县安监局备案 · 重点乡镇验收报告于{report}前报市安委办 · 截至{as_of}",
        "en": "Full-time staff: at least {key_min} in a key township, {ordinary} in others (numbers set in "
              "Settings) · a full-time head appointed by a document filed with the county bureau · key "
              "townships send the acceptance report by {report} · as of {as_of}",
    },
    "campaigns.staff_ordinary_named": {"zh": "明确专人即可", "en": "a named person"},
    "campaigns.staff_ordinary_n": {"zh": "不少于{n}人", "en": "at least {n}"},
    "campaigns.four_title": {"zh": "“四个必须到位”", "en": "The four musts (四个必须到位)"},
    "campaigns.four_scope": {
        "zh": "专职人员（重点乡镇按专职人数，其他乡镇按明确专人）、经费列入预算、委托执法权限、双重管理：各读规范化建设中的一项，"
              "不重复计入完成率 · 截至{as_of}",
        "en": "Full-time staff (key townships: the count; others: a named person), budget line, delegated powers, "
              "dual management: each read from one checklist item, counted once in the done share · as of {as_of}",
    },
    "campaigns.four.staff": {"zh": "专职人员到位", "en": "Staff"},
    "campaigns.four.budget": {"zh": "经费列入预算", "en": "Budget"},
    "campaigns.four.powers": {"zh": "执法权限到位", "en": "Powers"},
    "campaigns.four.dual": {"zh": "双重管理到位", "en": "Dual management"},
    "campaigns.four.all": {"zh": "四个全部到位", "en": "All four"},
    "campaigns.late_zero_title": {"zh": "迟报明细（{n}天次）", "en": "Late reports ({n})"},
    # ------------------------------------------------------------------ zero-report form
    "campaigns.form_title": {"zh": "填报零报告", "en": "Record a zero report"},
    "campaigns.form_scope": {
        "zh": "乡镇安监站（或市应急管理局代报）逐日报送：时段内每天一报，当天无事故填0；同一乡镇同一天再报即更正前一次。"
              "报送人记入操作日志；校验与“数据管理”导入零报告相同。",
        "en": "Township stations (or the city office on their behalf) report every day of a window, 0 when there was "
              "no accident; a second report of the same township and day corrects the first. The reporter is "
              "recorded in the audit log; the checks are those of the zero-report import.",
    },
    "campaigns.form_window": {"zh": "时段", "en": "Window"},
    "campaigns.form_township": {"zh": "乡镇（街道、开发区）", "en": "Township"},
    "campaigns.form_day": {"zh": "报告日期", "en": "Day reported"},
    "campaigns.form_accidents": {"zh": "报告事故起数（无事故填0）", "en": "Accidents reported (0 if none)"},
    "campaigns.form_reporter": {"zh": "报送人", "en": "Reporter"},
    "campaigns.form_submit": {"zh": "提交报告", "en": "Submit report"},
    "campaigns.form_saved": {
        "zh": "已记录：{township} {day}（{window}）报告事故{n}起，报送人：{actor}。",
        "en": "Recorded: {township}, {day} ({window}), {n} accident(s) reported, by {actor}.",
    },
    "campaigns.form_refused": {
        "zh": "未记录：发现{total}处问题（与文件导入的校验相同），请修改后再提交。",
        "en": "Not recorded: {total} problem(s) found (the same checks as a file import); correct and submit again.",
    },
    "campaigns.form_no_windows": {
        "zh": "本年度截至数据日没有零报告时段（或没有乡镇）：请先在“设置”或“数据管理”中录入零报告时段。",
        "en": "No zero-report window this year up to the data day (or no township): add the windows first "
              "(Settings or Data).",
    },
    "campaigns.form_viewer": {
        "zh": "本账号为只读账号，不显示零报告填报表。零报告由以下账号填报：{roles}。",
        "en": "This account is read-only: the zero-report form is not shown. Zero reports are submitted by these "
              "accounts: {roles}.",
    },
    "campaigns.form_bulk": {
        "zh": "批量报送：下载零报告导入模板，填好后在“数据管理”页导入（类型“零报告”，更新模式），"
              "或用命令 riskdash import zero-reports 文件.xlsx --mode upsert --user 报送人。",
        "en": "Many reports at once: download the zero-report template, fill it in and import it on the Data screen "
              "(kind \"Zero reports\", upsert), or run riskdash import zero-reports FILE.xlsx --mode upsert --user NAME.",
    },
    "campaigns.form_template": {"zh": "下载零报告导入模板", "en": "Download the zero-report template"},
    # ------------------------------------------------------------------ "1+1" pair record
    "campaigns.pair_title": {"zh": "记录检查结果（共性问题、个性问题、整改建议）",
                             "en": "Record a pair's findings (common and individual problems, advice)"},
    "campaigns.pair_scope": {
        "zh": "{year}年度 · 每个乡镇产业类型一条记录，再次提交即更新 · 只能记录本账号辖区的乡镇",
        "en": "{year} · one record per township × industry class; submitting again updates it · only townships "
              "of the account's region",
    },
    "campaigns.pair_submit": {"zh": "保存检查结果", "en": "Save the findings"},
    "campaigns.pair_saved": {
        "zh": "已记录：{township} {industry_type}（{year}年度）的检查结果。",
        "en": "Recorded: the findings of {township}, {industry_type} ({year}).",
    },
    "campaigns.pair_viewer": {"zh": "只读账号：可查看，不能记录检查结果。",
                              "en": "Read-only account: findings can be viewed, not recorded."},
    "campaigns.pair_bulk": {
        "zh": "批量录入：下载“1+1”检查记录导入模板，填好后在“数据管理”页导入（类型““1+1”检查记录”，更新模式），"
              "或用命令 riskdash import campaign-pairs 文件.xlsx --mode upsert。",
        "en": "Many at once: download the pair-record template, fill it in and import it on the Data screen "
              "(kind \"1+1\" pair records, upsert), or run riskdash import campaign-pairs FILE.xlsx --mode upsert.",
    },
    "campaigns.pair_template_file": {"zh": "“1+1”检查记录导入模板", "en": "\"1+1\" pair-record template"},
    # ------------------------------------------------------------------ the ranking's views (issue 17 item 7)
    # at 1024 px beside the sidebar the ranking's nineteen columns needed about 1,950 px: on screen it is shown one
    # themed view at a time, the rank, township, score and result first in each; its .xlsx keeps every column
    "campaigns.views": {"zh": "显示列", "en": "Columns"},
    "campaigns.view.veto": {"zh": "总分与否决", "en": "Score and veto"},
    "campaigns.view.accidents": {"zh": "事故与隐患得分", "en": "Accidents and hazards"},
    "campaigns.view.work": {"zh": "台账与规范化得分", "en": "Ledger and checklist"},
    "campaigns.view.staff": {"zh": "清单与人员", "en": "Checklist and staff"},
    "campaigns.view.window_counts": {"zh": "报告次数", "en": "Reports"},
    "campaigns.view.window_rates": {"zh": "报送率与事故", "en": "Rates and accidents"},
    "campaigns.views_note": {
        "zh": "表中各分项为0—100分，列名为简称（悬停列名可见全称）；缺报、迟报为零报告天数，专职人员为实有/应配；"
              "导出的.xlsx含全部列。",
        "en": "Components are scored 0–100, headed by a short name (hover for the full one); Missed and Late count "
              "zero-report days, Staff is has/needs; the .xlsx holds every column.",
    },
    "campaigns.short.city_rank": {"zh": "全市名次", "en": "City rank"},
    "campaigns.short.deaths": {"zh": "死亡控制", "en": "Deaths"},
    "campaigns.short.larger_accidents": {"zh": "较大及以上", "en": "Major+"},
    "campaigns.short.rectification": {"zh": "隐患整改", "en": "Rectified"},
    "campaigns.short.major_closed": {"zh": "重大整改", "en": "Major fixed"},
    "campaigns.short.ledger": {"zh": "部位台账", "en": "Ledger"},
    "campaigns.short.standardisation": {"zh": "规范化", "en": "Checklist"},
    "campaigns.short.inspection_coverage": {"zh": "检查覆盖", "en": "Inspected"},
    "campaigns.short.zero_report": {"zh": "零报告", "en": "Zero rep."},
    "campaigns.short.checklist_pct": {"zh": "完成率", "en": "Done %"},
    "campaigns.short.zero_missing": {"zh": "缺报", "en": "Missed"},
    "campaigns.short.zero_late": {"zh": "迟报", "en": "Late"},
    "campaigns.short.staff": {"zh": "专职人员", "en": "Staff"},
    "campaigns.short.acceptance": {"zh": "验收报告", "en": "Report"},
    # ------------------------------------------------------------------ the "1+1" pairs (issue 17 item 7)
    # twelve columns (about 1,124 px of headers alone, the findings' text far more): the figures in the list, the
    # pair's record in words in a card under it when a row is selected; the .xlsx keeps every column
    "campaigns.pairs_note": {
        "zh": "“已检查”指已开展专家检查，问题以项、警示会以场计；点选一行，在表下查看受检企业、最近警示会和共性问题、"
              "个性问题、整改建议；导出的.xlsx含全部列。",
        "en": "Inspected: the expert inspection held; Problems are counted as found, Meetings as held; select a row to "
              "read the enterprise inspected, the last meeting, the problems and the advice under the list; the .xlsx "
              "holds every column.",
    },
    "campaigns.pairs_hint": {"zh": "点选表中一行，查看该产业类型的检查记录。", "en": "Select a row to read the pair's record."},
    "campaigns.pair_card": {"zh": "{township} · {industry_type}", "en": "{township} · {industry_type}"},
    "campaigns.short.industry_type": {"zh": "产业类型", "en": "Class"},
    "campaigns.short.enterprises": {"zh": "企业数", "en": "Firms"},
    "campaigns.short.inspected": {"zh": "已检查", "en": "Inspected"},
    "campaigns.short.inspected_on": {"zh": "检查日期", "en": "Date"},
    "campaigns.short.problems": {"zh": "问题", "en": "Problems"},
    "campaigns.short.meetings": {"zh": "警示会", "en": "Meetings"},
    # ------------------------------------------------------------------ station staffing (issue 17 item 7)
    "campaigns.stations_note": {
        "zh": "专职人员为实有/应配人数，配齐指人数达到要求；专职站长指经乡镇党委发文任命并报县备案；报送日期为验收报告报送日期。",
        "en": "Staff: has/needs; Met: enough full-time staff; Head: a full-time head appointed and filed with the "
              "county; Sent on: the day the acceptance report was sent.",
    },
    "campaigns.short.staff_met": {"zh": "配齐", "en": "Met"},
    "campaigns.short.head": {"zh": "专职站长", "en": "Head"},
    "campaigns.short.head_doc": {"zh": "任命文号", "en": "Document"},
    "campaigns.short.acceptance_on": {"zh": "报送日期", "en": "Sent on"},
}
