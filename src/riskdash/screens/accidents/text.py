"""Interface text of the accident trends screen (事故趋势), Simplified Chinese first."""

TEXT = {
    "accidents.subtitle": {
        "zh": "{period}与上年同期（{previous}）对比 · {region}（含下辖地区，按事故发生地）· {sector} · 数据截至{as_of}",
        "en": "{period} against the same dates last year ({previous}) · {region} and below (where the accident "
        "happened) · {sector} · data as of {as_of}",
    },
    "accidents.kpis": {"zh": "事故形势", "en": "Accident situation"},
    "accidents.kpi_serious": {"zh": "重伤（人）", "en": "Serious injuries"},
    "accidents.kpi_serious_help": {
        "zh": "统计期内事故造成的重伤人数（含急性工业中毒；损失工作日≥105日，GB 6441-86）。",
        "en": "Serious injuries in the period's accidents (incl. acute industrial poisoning; 105+ lost workdays, "
        "GB 6441-86).",
    },
    "accidents.kpi_loss": {"zh": "直接经济损失（万元）", "en": "Direct loss (10,000 yuan)"},
    "accidents.kpi_loss_help": {
        "zh": "统计期内事故直接经济损失之和，单位万元。",
        "en": "Sum of the period's accidents' direct economic loss, in 万元 (10,000 yuan).",
    },
    "accidents.yoy_mom": {
        "zh": "同比（上年同期 {previous}）；环比 {mom}（上月同期 {previous_month}）",
        "en": "year on year (last year {previous}); month on month {mom} (same days last month {previous_month})",
    },
    "accidents.yoy_mom_none": {
        "zh": "同比（上年同期为0）；环比 {mom}（上月同期 {previous_month}）",
        "en": "year on year (last year 0); month on month {mom} (same days last month {previous_month})",
    },
    # ------------------------------------------------------------------------------------------ honest change
    "accidents.change": {"zh": "同比变化是否超出偶然起伏", "en": "Is the change more than chance?"},
    # one plain sentence on the screen; how it is judged sits behind the popover (accidents.change_method)
    "accidents.change_sentence": {"zh": "与上年同期相比，{clauses}。", "en": "Against the same period last year: {clauses}."},
    "accidents.change_accidents": {
        "zh": "事故{current}起（上年同期{previous}起），{verdict}",
        "en": "{current} accidents ({previous} a year earlier), {verdict}",
    },
    "accidents.change_deaths": {
        "zh": "死亡（含失踪）{current}人（上年同期{previous}人），{verdict}",
        "en": "{current} deaths incl. missing ({previous} a year earlier), {verdict}",
    },
    "accidents.verdict_flat": {
        "zh": "增减在偶然起伏之内，不足以说明上升或下降",
        "en": "a change within chance, not enough to call a rise or a fall",
    },
    "accidents.verdict_down": {"zh": "下降幅度超出偶然起伏，属明显下降", "en": "a fall beyond chance"},
    "accidents.verdict_up": {"zh": "上升幅度超出偶然起伏，属明显上升", "en": "a rise beyond chance"},
    "accidents.verdict_none": {"zh": "两期均未发生", "en": "none in either period"},
    # a 较大及以上 accident is never chance (docs/rules.md#official-wording): said whenever there is one, whatever the counts did
    "accidents.change_red_line": {
        "zh": "本期发生较大及以上事故{n}起，突破“坚决杜绝较大及以上事故”红线，须逐起查明原因，不属偶然起伏",
        "en": "{n} relatively major or worse accident(s) in the period broke the red line of preventing every such "
        "accident: each is to be looked into, never taken as chance",
    },
    "accidents.change_method_label": {"zh": "怎样判断", "en": "How this is judged"},
    "accidents.change_method": {
        "zh": "事故起数：两期合计起数给定时，若只是偶然，本期起数应按本期天数占两期天数的比例分配；计算偶然出现这样或更大差别的"
        "概率（精确条件检验）。死亡人数在事故内聚集（一起事故可致多人死亡）：若只是偶然，每起有死亡的事故落在两期中任一期的"
        "可能相同；逐一计算所有划分方式，看出现这样或更大差别的比例（精确计算）。该概率（p值）小于0.05才称“明显”上升或下降。"
        "本期：{p_values}。",
        "en": "Accidents: given the two periods' total, chance alone would share it out in proportion to the days of "
        "each period; the probability of a difference this large or larger by chance is computed exactly (a "
        "conditional test). Deaths cluster within accidents (one accident can kill several): by chance alone each "
        "accident with deaths is as likely to fall in either period; every way of sharing them out is counted, and "
        "the share with a difference this large or larger is computed exactly. Only a probability (p) under 0.05 is "
        "called a clear rise or fall. This period: {p_values}.",
    },
    "accidents.change_p": {"zh": "{measure}偶然出现的概率 p {p}", "en": "{measure} p {p}"},
    "accidents.change_p_none": {"zh": "{measure}两期均为0", "en": "{measure}: none in either period"},
    # ------------------------------------------------------------------------------------------ target
    "accidents.target": {"zh": "死亡控制指标与全年预计", "en": "Death control target and year-end projection"},
    "accidents.target_scope": {
        "zh": "{span} · {region} · 全部行业（控制指标针对全部行业，不受行业筛选影响）· 数据截至{as_of}",
        "en": "{span} · {region} · all sectors (the target covers every sector; the sector "
        "filter does not apply) · data as of {as_of}",
    },
    "accidents.target_text": {
        "zh": "{year}年控制指标 {target} 人；1月1日至{cutoff}死亡（含失踪）{deaths} 人，已用 {pct}，时间进度 {elapsed}{gap}",
        "en": "{year} target {target} deaths; {deaths} deaths (incl. missing) from 1 Jan to {cutoff}, "
        "{pct} used against {elapsed} of the year elapsed{gap}",
    },
    "accidents.target_ahead": {"zh": "，超时间进度{gap}个百分点", "en": " ({gap} points ahead of time)"},
    "accidents.target_behind": {"zh": "，低于时间进度{gap}个百分点", "en": " ({gap} points behind time)"},
    "accidents.target_level": {"zh": "，与时间进度持平", "en": " (level with time)"},
    "accidents.target_none": {
        "zh": "{year}年{region}未设定死亡控制指标；1月1日至{cutoff}死亡（含失踪）{deaths} 人。",
        "en": "No {year} death target is set for {region}; {deaths} deaths (incl. missing) from 1 Jan to {cutoff}.",
    },
    "accidents.projection": {
        "zh": "预计全年死亡（含失踪）约 {projected} 人 = 本年至今 {deaths} 人 + {years}年同期之后（{after}至12月31日）"
        "死亡人数的平均数 {mean} 人。",
        "en": "Projected year total about {projected} deaths = {deaths} so far this year + the average of "
        "{years} after the same day ({after} to 31 Dec): {mean}.",
    },
    "accidents.projection_none": {
        "zh": "没有往年数据，无法预计全年死亡人数。",
        "en": "No earlier years in the data: no year-end projection.",
    },
    "accidents.projection_over": {
        "zh": "按此预计，全年死亡人数将超出控制指标（{projected} > {target}），需加强防控。",
        "en": "On this projection the year will exceed the control target ({projected} > {target}).",
    },
    "accidents.target_over": {
        "zh": "本年死亡人数已超出全年控制指标（{deaths} > {target}）。",
        "en": "Deaths this year are already over the annual target ({deaths} > {target}).",
    },
    # ------------------------------------------------------------------------------------------ trends
    "accidents.trends": {"zh": "事故趋势", "en": "Trends"},
    "accidents.trend_scope": {
        "zh": "按事故发生月份统计，至{end}（趋势不受统计期开始日期影响）· {region} · {sector} · 数据截至{as_of}",
        "en": "By month of occurrence, up to {end} (trends ignore the period's start) · {region} · {sector} · "
        "data as of {as_of}",
    },
    "accidents.grain": {"zh": "时间粒度", "en": "Grain"},
    "accidents.grain_month": {"zh": "按月", "en": "Month"},
    "accidents.grain_quarter": {"zh": "按季度", "en": "Quarter"},
    "accidents.grain_year": {"zh": "按年", "en": "Year"},
    "accidents.measure": {"zh": "指标", "en": "Measure"},
    "accidents.measure_accidents": {"zh": "事故起数", "en": "Accidents"},
    "accidents.measure_deaths": {"zh": "死亡（含失踪）人数", "en": "Deaths incl. missing"},
    "accidents.unit_accidents": {"zh": "起", "en": "accidents"},
    "accidents.unit_deaths": {"zh": "人", "en": "people"},
    "accidents.rolling": {"zh": "近12个月滚动合计", "en": "Rolling 12-month total"},
    "accidents.rolling_complete": {"zh": "近12个月滚动合计（止于最近完整月，不完整的当月不计）",
                                   "en": "Rolling 12-month total (to the last complete month)"},
    "accidents.partial_point": {"zh": "{month}月截至{day}日（不完整）", "en": "Month {month} to day {day} (incomplete)"},
    "accidents.chart_empty": {"zh": "所选地区、行业和时段内没有事故记录", "en": "no accident in the chosen region, sector and period"},
    "accidents.partial": {"zh": "（至{day}）", "en": " (to {day})"},
    "accidents.partial_day": {"zh": "（至{day}日）", "en": " (to day {day})"},
    "accidents.trend_title": {"zh": "{measure}{grain}统计", "en": "{measure} by {grain}"},
    # the monthly trend per statistical class (issue 18, 《生产安全事故统计调查制度》), in the class tab
    "accidents.class_trend_title": {"zh": "{measure}逐月分统计类别", "en": "{measure} by month and statistical class"},
    "accidents.from_day": {"zh": "（{day}日起）", "en": " (from day {day})"},
    "accidents.class_trend_note": {
        "zh": "上图：统计期内各统计类别逐月的{measure}（按事故发生月份），各类别相加为合计；道路运输企业的事故已计入"
              "其所属类别，不另画。",
        "en": "Above: {measure} per statistical class and month of occurrence within the period; the classes add "
              "up to the total; accidents of road-transport enterprises are in their own class, not drawn apart.",
    },
    "accidents.class_trend_zero": {"zh": "本期为0、未画出的类别：{names}。",
                                   "en": "Classes at 0 in the period, not drawn: {names}."},
    "accidents.cumulative_title": {"zh": "{measure}逐月累计：本年与上年", "en": "{measure}, cumulative by month"},
    "accidents.this_year": {"zh": "{year}年累计", "en": "{year} cumulative"},
    "accidents.target_line": {"zh": "全年控制指标", "en": "Annual target"},
    "accidents.month_axis": {"zh": "月份", "en": "Month"},
    "accidents.control_title": {
        "zh": "月度{measure}与季节控制限",
        "en": "Monthly {measure} against seasonal control limits",
    },
    "accidents.expected": {"zh": "季节预期（前3年同月平均）", "en": "Seasonal expectation (same month, 3 years before)"},
    "accidents.limits": {"zh": "99%控制限", "en": "99% control limits"},
    "accidents.outside": {"zh": "超出控制限的月份", "en": "Months outside the limits"},
    "accidents.control_note": {
        "zh": "控制限：以前3年同月平均起数为预期（当月未满按已过天数折算）。事故的发生有偶然起伏，多一两起、少一两起很常见；"
        "控制限是按这种偶然起伏推算的范围，正常月份99%落在其中。平均数只用了3年数据，本身也有误差，范围因此放宽一些，"
        "所以往年同月为0时发生一两起不算异常。超出者标红。",
        "en": "Control limits: the expectation is the same month's average over the 3 years before (scaled for a "
        "month not yet over). Accidents come and go by chance, one or two more or fewer is common; the limits are "
        "the range such chance leaves, holding 99% of ordinary months. The average rests on only 3 years and is "
        "itself uncertain, so the range is a little wider, and one or two accidents after quiet years are not "
        "flagged. Months outside are marked red.",
    },
    "accidents.control_note_deaths": {
        "zh": "控制限：以前3年同月平均死亡（含失踪）人数为预期（当月未满按已过天数折算）。一起事故可能造成多人死亡，"
        "所以死亡人数的起伏比事故起数大：按图中5年的事故，平均每名死者所在的那起事故死亡{phi}人，控制限按这个倍数放宽；"
        "平均数只用了3年数据，本身也有误差，范围再放宽一些；正常月份99%落在控制限内，超出者标红。",
        "en": "Control limits: the expectation is the same month's average deaths (incl. missing) over the 3 years "
        "before (scaled for a month not yet over). One accident can kill several people, so deaths swing more than "
        "accidents: over the 5 years of accidents behind the chart, the accident of an average death killed {phi} "
        "people, and the limits are widened by that factor; the average rests on only 3 years and is itself "
        "uncertain, so they are a little wider still. 99% of ordinary months fall inside; months outside are "
        "marked red.",
    },
    "accidents.control_plain": {
        "zh": "红点为超出控制限的月份：该月{measure}超出往年同月的起伏，不是偶然所能解释。{outside}",
        "en": "Red points mark months outside the control limits: {measure} beyond the same month's ups and downs in "
        "past years, more than chance explains. {outside}",
    },
    "accidents.control_method_label": {"zh": "控制限怎样计算", "en": "How the limits are set"},
    "accidents.outside_list": {"zh": "超出控制限：{months}。", "en": "Outside the limits: {months}."},
    "accidents.outside_none": {"zh": "近24个月没有超出控制限的月份。", "en": "No month of the last 24 is outside."},
    # ------------------------------------------------------------------------------------------ breakdowns
    "accidents.breakdowns": {"zh": "事故分布", "en": "Breakdowns"},
    "accidents.breakdown_scope": {
        "zh": "{period}（对比上年同期 {previous}）· {region} · {sector} · 数据截至{as_of}；表中起数（起）、死亡（含失踪，人），"
              "上年为上年同期",
        "en": "{period} (against {previous}) · {region} · {sector} · data as of {as_of}; in the tables Acc. = "
              "accidents, deaths include the missing; A. LY, D. LY = accidents, deaths in the same period last year; "
              "A. y/y, D. y/y = their change",
    },
    "accidents.by_sector": {"zh": "按行业", "en": "By sector"},
    "accidents.by_type": {"zh": "按事故类型（GB 6441）", "en": "By accident type (GB 6441)"},
    "accidents.by_grade": {"zh": "按事故等级", "en": "By grade"},
    "accidents.by_region": {"zh": "按地区", "en": "By region"},
    "accidents.by_weekday": {"zh": "按星期", "en": "By weekday"},
    "accidents.by_hour": {"zh": "按发生时段（仅含记录了具体时间的事故）", "en": "By hour (only accidents with a recorded time)"},
    "accidents.hour_note": {
        "zh": "{known} 起记录了发生时间，{unknown} 起只有日期，未计入按时段统计。",
        "en": "{known} accidents have a recorded time; {unknown} have a date only and are left out by hour.",
    },
    "accidents.drill": {"zh": "下钻到", "en": "Drill down to"},
    "accidents.drill_pick": {"zh": "选择下级地区…", "en": "Choose a region below…"},
    "accidents.drill_hint": {
        "zh": "点击图中某一地区的柱条，或在上面选择，整页（指标、趋势、分布和事故清单）即切换到该地区；左侧筛选随之变化。",
        "en": "Click a region's bar, or choose it above: the whole screen (figures, trends, breakdowns, lists) "
        "switches to that region, and so does the sidebar filter.",
    },
    "accidents.drill_up": {"zh": "返回上一级：{region}", "en": "Back up to {region}"},
    "accidents.drill_bottom": {
        "zh": "{region}已是最下一级，没有下级地区。",
        "en": "{region} is the lowest level: there is no region below it.",
    },
    "accidents.direct": {"zh": "{name}（未落到下级地区）", "en": "{name} (no lower region recorded)"},
    "accidents.this_period": {"zh": "本期", "en": "This period"},
    "accidents.last_year": {"zh": "上年同期", "en": "Same dates last year"},
    "accidents.col_name": {"zh": "名称", "en": "Name"},
    "accidents.col_accidents": {"zh": "起数", "en": "Acc."},
    "accidents.col_previous_accidents": {"zh": "上年起数", "en": "A. LY"},
    "accidents.col_accidents_yoy": {"zh": "起数同比", "en": "A. y/y"},
    "accidents.col_deaths": {"zh": "死亡", "en": "Deaths"},
    "accidents.col_previous_deaths": {"zh": "上年死亡", "en": "D. LY"},
    "accidents.col_deaths_yoy": {"zh": "死亡同比", "en": "D. y/y"},
    "accidents.weekday_axis": {"zh": "星期", "en": "Weekday"},
    "accidents.hour_axis": {"zh": "时（0—23）", "en": "Hour (0–23)"},
    "accidents.weekdays": {"zh": "周一|周二|周三|周四|周五|周六|周日", "en": "Mon|Tue|Wed|Thu|Fri|Sat|Sun"},
    # ------------------------------------------------------------------------------------------ larger list
    "accidents.larger": {"zh": "较大及以上事故", "en": "Relatively major or worse accidents"},
    "accidents.larger_scope": {
        "zh": "{period} · {region} · {sector}：死亡（含失踪）≥3人，或重伤≥10人，或直接经济损失≥1000万元（国务院令第493号第三条）；"
        "“定级依据”为达到该等级的条件（多项达到时依次取死亡、重伤、损失）。选中一行查看事故记录。",
        "en": "{period} · {region} · {sector}: 3+ deaths (incl. missing), or 10+ serious injuries, or a loss of "
        "10 million yuan or more (State Council Decree 493, Art. 3); “Graded by” is the criterion that set the "
        "grade (deaths, then serious injuries, then loss). Select a row to open the record.",
    },
    "accidents.larger_none": {
        "zh": "统计期内没有较大及以上事故。",
        "en": "No relatively major or worse accident in the period.",
    },
    "accidents.risk_involved": {"zh": "较大涉险事故", "en": "较大涉险 accidents (relatively major, risk involved)"},
    # 结案 (issue 18): closed_on against the investigation deadline (setting accident_investigation_days)
    "accidents.closing": {"zh": "事故结案", "en": "Accident cases closed (结案)"},
    "accidents.closing_scope": {
        "zh": "{period} · {region} · {sector}：结案率 = 截至{as_of}已结案 ÷ 期内事故起数；事故发生之日起{days}天未结案为逾期"
              "（国务院令第493号第二十九条：事故调查组60日内提交调查报告）。逾期未结案明细含往年事故。",
        "en": "{period} · {region} · {sector}: closed rate = closed by {as_of} ÷ accidents of the period; a case open "
              "more than {days} days after the accident is overdue (Decree 493, Art. 29: the investigation report "
              "within 60 days). The overdue list includes earlier years' accidents.",
    },
    "accidents.closed_rate": {"zh": "结案率", "en": "Closed rate"},
    "accidents.closed_rate_help": {"zh": "已结案{closed}起 ÷ 期内事故{accidents}起", "en": "{closed} closed ÷ {accidents} accidents"},
    "accidents.open_cases": {"zh": "未结案（起）", "en": "Open cases"},
    "accidents.open_cases_help": {"zh": "期内事故中截至统计日尚未结案的", "en": "accidents of the period not closed by the as-of day"},
    "accidents.open_overdue": {"zh": "期内逾期未结案（起）", "en": "Open past the deadline (period)"},
    "accidents.open_overdue_help": {"zh": "期内事故中发生已超过{days}天仍未结案的", "en": "accidents of the period open more than {days} days"},
    "accidents.open_overdue_stock": {"zh": "逾期未结案合计（起）", "en": "Open past the deadline (all years)"},
    "accidents.open_overdue_stock_help": {"zh": "截至统计日所有发生已超过{days}天仍未结案的事故（含往年）",
                                          "en": "every accident open more than {days} days on the as-of day, earlier years included"},
    # 四不放过 (issue 18, schema 25): closed cases whose four measures are all done
    "accidents.four_measures": {"zh": "结案事故四不放过落实", "en": "Closed cases with all four measures (四不放过)"},
    "accidents.four_measures_help": {
        "zh": "四项均已落实{done}起 ÷ 已结案{closed}起（原因查清、责任人处理、整改措施落实、有关人员受到教育）",
        "en": "{done} with all four done ÷ {closed} closed (cause found, those responsible dealt with, measures "
              "taken, people educated)",
    },
    "accidents.measure.cause_found": {"zh": "四不放过：原因查清", "en": "四不放过: cause found"},
    "accidents.measure.responsible_dealt": {"zh": "四不放过：责任人处理", "en": "四不放过: those responsible dealt with"},
    "accidents.measure.measures_taken": {"zh": "四不放过：整改措施落实", "en": "四不放过: corrective measures taken"},
    "accidents.measure.people_educated": {"zh": "四不放过：有关人员受到教育", "en": "四不放过: people concerned educated"},
    "accidents.measure_none": {"zh": "未填报", "en": "not recorded"},
    "accidents.measure_done": {"zh": "是", "en": "yes"},
    "accidents.measure_done_on": {"zh": "是（{day}）", "en": "yes ({day})"},
    "accidents.measure_not_done": {"zh": "否", "en": "no"},
    "accidents.overdue_title": {"zh": "逾期未结案事故（{n}起）", "en": "Overdue open cases ({n})"},
    "accidents.overdue_empty": {"zh": "没有逾期未结案的事故", "en": "No overdue open case"},
    "accidents.col.occurred_on": {"zh": "发生日期", "en": "When"},
    "accidents.col.deadline": {"zh": "结案期限", "en": "Due"},
    "accidents.col.days_open": {"zh": "已历时（天）", "en": "Days"},
    "accidents.col.place": {"zh": "地点", "en": "Place"},
    "accidents.risk_involved_scope": {
        "zh": "{period} · {region} · {sector}：未达到较大事故（死亡（含失踪）<3人、重伤<10人、直接经济损失<1000万元），"
        "但危及10人以上生命安全，或被困、失踪3人以上，或紧急疏散500人以上（安监总局令第21号第二十六条；"
        "造成严重环境污染、危及重要场所和设施的情形无记录字段，未判断）。“涉险依据”为达到的条件。选中一行查看事故记录。",
        "en": "{period} · {region} · {sector}: below 较大 (under 3 deaths incl. missing, 10 serious injuries and "
        "10 million yuan), but 10+ people endangered, or 3+ trapped or missing, or 500+ evacuated (SAWS Decree 21, "
        "Art. 26; serious pollution and danger to key facilities have no recorded column and are not judged). "
        "“Criteria met” names the thresholds reached. Select a row to open the record.",
    },
    "accidents.risk_involved_none": {
        "zh": "统计期内没有较大涉险事故。",
        "en": "No 较大涉险 accident in the period.",
    },
    "accidents.col_casualties": {"zh": "伤亡和损失", "en": "Casualties"},
    "accidents.casualties": {
        "zh": "死亡（含失踪）{deaths}人{of_missing}；重伤{serious}人；直接经济损失{loss}万元",
        "en": "{deaths} deaths{of_missing}; {serious} seriously injured; direct loss {loss} 万元",
    },
    "accidents.of_missing": {"zh": "，其中失踪{missing}人", "en": " incl. {missing} missing"},
    "accidents.of_missing_cell": {"zh": "（其中失踪{missing}人）", "en": " (of which {missing} missing)"},
    "accidents.col_involved": {"zh": "涉险人数", "en": "People involved"},
    "accidents.involved": {"zh": "危及生命{endangered}，被困{trapped}，紧急疏散{evacuated}",
                           "en": "endangered {endangered}, trapped {trapped}, evacuated {evacuated}"},
    "accidents.col_deaths_short": {"zh": "死亡（含失踪）", "en": "Deaths incl. missing"},
    "accidents.col_involved_deaths": {"zh": "涉险与死亡", "en": "Involved"},
    "accidents.involved_deaths": {"zh": "{involved}；死亡（含失踪）{deaths}", "en": "{involved}; dead {deaths}"},
    "accidents.deaths_cell": {"zh": "{deaths}人{of_missing}", "en": "{deaths}{of_missing}"},
    "accidents.col_endangered": {"zh": "危及生命（人）", "en": "Endangered"},
    "accidents.col_trapped": {"zh": "被困（人）", "en": "Trapped"},
    "accidents.col_evacuated": {"zh": "紧急疏散（人）", "en": "Evacuated"},
    "accidents.col_risk_criteria": {"zh": "涉险依据", "en": "Basis"},
    "accidents.risk_endangered": {"zh": "危及≥10人", "en": "10+ endangered"},
    "accidents.risk_trapped": {"zh": "被困及失踪≥3人", "en": "3+ trapped or missing"},
    "accidents.risk_evacuated": {"zh": "疏散≥500人", "en": "500+ evacuated"},
    "accidents.col_id": {"zh": "事故编号", "en": "Accident"},
    "accidents.col_when": {"zh": "发生时间", "en": "When"},
    "accidents.col_region": {"zh": "地点", "en": "Where"},
    "accidents.col_enterprise": {"zh": "企业", "en": "Firm"},
    "accidents.col_sector": {"zh": "行业", "en": "Sector"},
    "accidents.col_type": {"zh": "事故类型", "en": "Type"},
    "accidents.col_missing": {"zh": "其中失踪（人）", "en": "of which missing"},
    "accidents.col_serious": {"zh": "重伤（人）", "en": "Serious injuries"},
    "accidents.col_loss": {"zh": "直接经济损失（万元）", "en": "Direct loss (万元)"},
    "accidents.col_grade": {"zh": "等级", "en": "Grade"},
    "accidents.col_criterion": {"zh": "定级依据", "en": "Graded by"},
    "accidents.col_grade_basis": {"zh": "等级和依据", "en": "Grade"},
    "accidents.col_sector_type": {"zh": "行业和类型", "en": "Sector/type"},
    "accidents.no_enterprise": {"zh": "（无企业）", "en": "(no enterprise)"},
    "accidents.record": {"zh": "事故记录：{id}", "en": "Accident record: {id}"},
    "accidents.record_hint": {"zh": "在上表中选中一行，查看该起事故的完整记录。", "en": "Select a row above to see the record."},
    "accidents.field_summary": {"zh": "事故简况", "en": "Summary"},
    "accidents.field_reported": {"zh": "报告时间", "en": "Reported"},
    "accidents.field_closed": {"zh": "结案日期", "en": "Closed"},
    "accidents.field_minor": {"zh": "轻伤（人）", "en": "Minor injuries"},
    "accidents.field_risk_involved": {"zh": "较大涉险事故", "en": "较大涉险 (relatively major, risk involved)"},
    "accidents.time_unknown": {"zh": "（时间不详）", "en": "(time unknown)"},
    "accidents.yes": {"zh": "是", "en": "yes"},
    "accidents.no": {"zh": "否", "en": "no"},
    # the record card's report and nature (issue 18): 迟报 per 493号令 Art. 9, judged as the township assessment does
    "accidents.field_late": {"zh": "迟报", "en": "Reported late"},
    "accidents.late_yes": {"zh": "是：事故发生后{delay}报告，超过{limit}（493号令第九条）",
                           "en": "yes: reported {delay} after it happened, over {limit} (Decree 493, Art. 9)"},
    "accidents.late_no": {"zh": "否：事故发生后{delay}报告（限{limit}内）",
                          "en": "no: reported {delay} after it happened (within {limit})"},
    "accidents.late_no_report": {"zh": "无法判断：未记录报告时间", "en": "cannot tell: no report time recorded"},
    "accidents.late_no_time": {"zh": "无法判断：未记录事故发生时刻", "en": "cannot tell: the hour it happened is not recorded"},
    "accidents.hours": {"zh": "{n}小时", "en": "{n} h"},
    "accidents.delay": {"zh": "{h}小时{m}分", "en": "{h} h {m} min"},
    "accidents.delay_s": {"zh": "{h}小时{m}分{s}秒", "en": "{h} h {m} min {s} s"},
    "accidents.field_nature": {"zh": "事故性质", "en": "Nature"},
    "accidents.nature.liability": {"zh": "责任事故", "en": "liability accident"},
    "accidents.nature.non_liability": {"zh": "非责任事故", "en": "non-liability accident"},
    "accidents.nature.pending": {"zh": "待定（考核中按责任事故计）", "en": "pending (counted as liability in the assessment)"},
    "accidents.field_concealed": {"zh": "瞒报", "en": "Concealed"},
    "accidents.field_falsely": {"zh": "谎报", "en": "Falsely reported"},
    # ------------------------------------------------------------------------------------------ rates
    "accidents.rates": {"zh": "事故率指标", "en": "Rate indicators"},
    "accidents.rates_scope": {
        "zh": "{period}死亡（含失踪）人数 ÷ {region}{year}年统计公报分母（全部行业）· 分母未录入时显示“—”",
        "en": "Deaths (incl. missing) in {period} ÷ {region}'s {year} bulletin denominators (all sectors) · “—” "
        "where no denominator is entered",
    },
    "accidents.rates_part_year": {
        "zh": "分母按全年录入（全年GDP、产量，年末就业人员、机动车），率指标只按整年（1月1日—12月31日）计算；"
        "本期{period}不是整年，只列死亡人数和分母，不计算率。选择整年（如上年）查看。",
        "en": "The denominators are entered per year (the year's GDP and output, year-end employed and vehicles), "
        "so the rates are computed for a whole calendar year only; {period} is not one, so only the deaths "
        "and the denominators are shown. Pick a whole year (e.g. last year) to see the rates.",
    },
    "accidents.rate_per_gdp": {"zh": "亿元GDP死亡率（人/亿元）", "en": "Deaths per 100 million yuan GDP"},
    "accidents.rate_per_gdp_help": {
        "zh": "死亡（含失踪）{deaths} 人 ÷ GDP {den} 亿元。",
        "en": "{deaths} deaths ÷ GDP of {den} 亿元 (100 million yuan).",
    },
    "accidents.rate_per_industrial_employed": {"zh": "工矿商贸十万人死亡率（人/10万人）", "en": "工矿商贸 deaths per 100,000 employed"},
    "accidents.rate_per_industrial_employed_help": {
        "zh": "工矿商贸（统计分类为工矿商贸的行业）死亡 {deaths} 人 ÷ 工矿商贸就业人员 {den} 人 × 100000。",
        "en": "{deaths} deaths in sectors of the 工矿商贸 class ÷ {den} employed × 100,000.",
    },
    "accidents.rate_per_vehicles": {"zh": "道路运输万车死亡率（人/万车）", "en": "Road deaths per 10,000 vehicles"},
    "accidents.rate_per_vehicles_help": {
        "zh": "本库道路交通类行业（道路运输）事故死亡 {deaths} 人 ÷ 机动车 {den} 辆 × 10000。"
        "注意：只计本库记录的道路运输生产安全事故，官方万车死亡率按全部道路交通事故计算。",
        "en": "{deaths} deaths in the road-traffic class sectors recorded here (road transport) ÷ {den} motor "
        "vehicles × 10,000. Only the work-safety road accidents in this database count; the official rate "
        "counts all road-traffic deaths.",
    },
    "accidents.rate_per_coal_output": {"zh": "煤矿百万吨死亡率（人/百万吨）", "en": "Coal-mine deaths per million tonnes"},
    "accidents.rate_per_coal_output_help": {
        "zh": "煤矿事故死亡 {deaths} 人 ÷ 煤炭产量 {den} 万吨 × 100（百万吨 = 100万吨）。",
        "en": "{deaths} coal-mine deaths ÷ output of {den} 万吨 × 100 (a million tonnes = 100 万吨).",
    },
    # ------------------------------------------------------------------------------------------ downloads
    "accidents.download_png": {"zh": "下载图片（PNG）", "en": "Download PNG"},
}

ENUMS = {
    "grade_criterion": {
        "deaths": {"zh": "死亡（含失踪）", "en": "Deaths incl. missing"},
        "serious_injuries": {"zh": "重伤", "en": "Serious injuries"},
        "direct_loss": {"zh": "直接经济损失", "en": "Direct loss"},
    },
}
