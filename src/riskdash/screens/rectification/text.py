"""Interface text of the 隐患治理 (hazard rectification) screen."""

TEXT = {
    "rectification.subtitle": {
        "zh": "本期排查：统计期 {period} 内排查的隐患，按截至{as_of}的整改状态；逾期、挂牌督办为截至{as_of}的存量（不论哪年排查）"
        " · {region}（按企业所在地）· {sector}",
        "en": "This period's hazards: found in {period}, as they stood on {as_of}; overdue and listed supervision: "
        "the stock on {as_of}, whatever year found · {region} (by the enterprise's region) · {sector}",
    },
    "rectification.tab_kpis": {"zh": "整改情况", "en": "Rectification"},
    "rectification.tab_form": {"zh": "月报表", "en": "Monthly form"},
    "rectification.tab_lists": {"zh": "逾期与挂牌督办", "en": "Overdue and supervised"},
    "rectification.tab_checks": {"zh": "四级排查", "en": "Four-level checking"},
    "rectification.tab_due": {"zh": "即将到期与周清单", "en": "Due soon and weekly list"},
    "rectification.tab_breakdown": {"zh": "分乡镇与行业", "en": "By township and sector"},
    # ------------------------------------------------------------------ KPIs
    "rectification.kpi_found": {"zh": "本期排查隐患（项）", "en": "Hazards found this period"},
    "rectification.kpi_found_help": {
        "zh": "统计期内排查发现的隐患：一般 {general} 项、重大 {major} 项。",
        "en": "Hazards found in the period: {general} general, {major} major.",
    },
    "rectification.kpi_rectified": {"zh": "已整改（项）", "en": "Rectified"},
    "rectification.kpi_rectified_help": {
        "zh": "已整改的一般隐患 {general} 项 + 已整改销号的重大隐患 {major} 项。",
        "en": "{general} general hazards rectified + {major} major hazards closed after verification.",
    },
    "rectification.kpi_general_rate": {"zh": "一般隐患整改率", "en": "General-hazard rectification rate"},
    "rectification.kpi_major_rate": {"zh": "重大隐患整改率", "en": "Major-hazard rectification rate"},
    "rectification.kpi_overdue": {"zh": "逾期未销号隐患（项）", "en": "Overdue, not closed"},
    "rectification.kpi_overdue_help": {
        "zh": "截至{as_of}尚未完成（一般隐患未整改、重大隐患未验收销号）且整改期限早于该日的隐患，不论哪年排查（存量；期限当天不算逾期）："
        "其中重大 {major} 项（逾期未整改 {unrectified} 项、已整改待验收 {awaiting} 项）。本期排查的隐患中逾期 {period_overdue} 项。",
        "en": "Not done on {as_of} (general: not rectified; major: not verified) and past their deadline, whatever "
        "year they were found (the stock; the deadline day itself is not overdue): {major} major ({unrectified} "
        "not rectified, {awaiting} rectified awaiting verification). Of this period's hazards, {period_overdue} "
        "are overdue.",
    },
    "rectification.kpi_supervised_open": {"zh": "挂牌督办未摘牌（项）", "en": "Listed supervision not lifted"},
    "rectification.kpi_supervised_open_help": {
        "zh": "县、市、省级挂牌督办且截至{as_of}尚未摘牌的重大隐患，不论哪年排查（存量）；验收销号后仍须摘牌才退出督办。",
        "en": "Major hazards under county, city or provincial listed supervision not delisted on {as_of}, whatever "
        "year they were found (the stock); verification alone does not lift the supervision.",
    },
    "rectification.kpi_on_time": {"zh": "按期整改率", "en": "On-time rate"},
    "rectification.kpi_median_days": {"zh": "整改用时中位数（天）", "en": "Median days to rectify"},
    "rectification.kpi_median_days_help": {
        "zh": "截至{as_of}已整改的 {n} 项隐患（含重大隐患的整改日期）从发现到整改的天数的中位数。",
        "en": "Median of the days from discovery to rectification of the {n} hazards rectified by {as_of} "
        "(the rectification date of major hazards too).",
    },
    "rectification.formula_general": {
        "zh": "一般隐患整改率 = 已整改 ÷ 一般隐患排查数 = {done} ÷ {found} = {rate}（整改日期不晚于{as_of}）",
        "en": "General-hazard rectification rate = rectified ÷ general hazards found = {done} ÷ {found} = {rate} (rectified by {as_of})",
    },
    "rectification.formula_major": {
        "zh": "重大隐患整改率 = 已整改销号 ÷ 重大隐患排查数 = {done} ÷ {found} = {rate}（须验收销号，已整改未验收不计）",
        "en": "Major-hazard rectification rate = closed after verification ÷ major hazards found = {done} ÷ {found} = {rate} (rectified "
        "but not verified does not count)",
    },
    "rectification.formula_rate": {
        "zh": "隐患整改率 = (已整改一般 + 已销号重大) ÷ 排查隐患数 = {done} ÷ {found} = {rate}",
        "en": "Rectification rate = (general rectified + major closed) ÷ hazards found = {done} ÷ {found} = {rate}",
    },
    "rectification.formula_on_time": {
        "zh": "按期整改率 = 按期完成 ÷ (已完成 + 逾期未完成) = {on_time} ÷ {due} = {rate}。按期完成：一般隐患的整改日期、"
        "重大隐患的验收销号日期不晚于整改期限（期限当日完成算按期）；截至{as_of}尚在期限内、未完成的隐患结果未定，不计入分母。",
        "en": "On-time rate = done by the deadline ÷ (done + overdue) = {on_time} ÷ {due} = {rate}. Done by the deadline: "
        "a general hazard rectified, a major one verified and closed, on or before its deadline (the deadline day "
        "itself is on time); hazards still within their deadline and not done on {as_of} have no outcome yet and "
        "are left out of the denominator.",
    },
    "rectification.formula_median": {
        "zh": "整改用时中位数 = 截至{as_of}已整改的 {n} 项隐患“整改日期 − 发现日期”天数的中位数 = {median}"
        "（一般、重大隐患均按整改日期，重大隐患不论是否已验收销号；项数为偶数时取中间两项的平均）。",
        "en": "Median days to rectify = median of (rectification date − date found) over the {n} hazards rectified by "
        "{as_of} = {median} (general and major alike by the rectification date, a major one whether verified or "
        "not; the mean of the two middle values for an even count).",
    },
    "rectification.formula_dash": {
        "zh": "分母为 0 时显示“—”，不显示 0% 或 100%。",
        "en": "“—” where the denominator is 0, never 0 % or 100 %.",
    },
    "rectification.loop": {"zh": "闭环管理：发现 → 整改 → 验收销号", "en": "Closed loop: found → rectified → verified and closed"},
    "rectification.loop_scope": {
        "zh": "统计期 {period} 内排查的隐患，截至{as_of}所处环节 · {region} · {sector}。一般隐患整改即闭环；重大隐患须验收销号。",
        "en": "Hazards found in {period}, their stage on {as_of} · {region} · {sector}. A general hazard is closed "
        "when rectified; a major one only when verified.",
    },
    "rectification.split_title": {"zh": "排查隐患 = 已整改/销号 + 未到期 + 逾期", "en": "Found = done + open within deadline + overdue"},
    "rectification.split_done": {"zh": "已整改/销号", "en": "Done"},
    "rectification.split_open": {"zh": "未完成·未到期", "en": "Open, within deadline"},
    "rectification.split_overdue": {"zh": "逾期未完成", "en": "Overdue"},
    "rectification.split_axis": {"zh": "占本级排查隐患（%）", "en": "Share of the hazards found (%)"},
    "rectification.split_end": {"zh": "未完成{open}项<br>其中逾期{overdue}项", "en": "{open} open<br>{overdue} overdue"},
    "rectification.split_found": {"zh": "{grade}<br>排查{found}项", "en": "{grade}<br>{found} found"},
    "rectification.split_total": {"zh": "合计", "en": "All"},
    "rectification.split_empty": {"zh": "统计期内没有排查出隐患", "en": "no hazards were found in the period"},
    "rectification.axis_rate": {"zh": "整改率（%）", "en": "Rectification rate (%)"},
    "rectification.township_empty": {"zh": "没有排查出隐患的乡镇", "en": "no township has hazards found"},
    "rectification.sector_empty": {"zh": "各行业均未排查出隐患", "en": "no sector has hazards found"},
    "rectification.trend_empty": {"zh": "统计期内没有可计算整改率的月份", "en": "no month of the period has a rate"},
    "rectification.ageing_empty": {"zh": "没有未完成的隐患", "en": "no hazard is open"},
    "rectification.unit_items": {"zh": "项", "en": "hazards"},
    # ------------------------------------------------------------------ monthly form
    "rectification.form_title": {
        "zh": "工矿企业安全生产事故隐患排查治理情况月报表",
        "en": "Monthly form of hazard investigation and rectification (工矿企业安全生产事故隐患排查治理情况月报表)",
    },
    "rectification.form_month": {"zh": "报表月份", "en": "Report month"},
    "rectification.form_scope": {
        "zh": "填报单位：{region} · 统计期：{period}（1月至报表月累计）· 截至{as_of} · {sector}",
        "en": "Reporting unit: {region} · period: {period} (January to the report month) · as of {as_of} · {sector}",
    },
    "rectification.form_note": {
        "zh": "本表只填报工矿商贸行业领域，道路运输、消防、水上交通、渔业船舶、农业机械等行业领域的隐患由行业主管部门另表填报；"
        "排查治理的生产经营单位 = 统计期内有检查记录（含企业自查）或排查出隐患的企业；一般隐患整改率 = 已整改 ÷ 排查；"
        "重大隐患整改率 = 已整改销号 ÷ 排查；排查为 0 时整改率为“—”。",
        "en": "The form carries the industrial, mining and trade sectors (工矿商贸) only: road transport, fire, water "
        "transport, fishing, farm machinery and the like report on their departments' own forms. "
        "Enterprises that checked = with an inspection (self-checks included) or a hazard found in the period; "
        "general-hazard rectification rate = rectified ÷ found; major-hazard rectification rate = closed ÷ found; “—” where nothing was found.",
    },
    "rectification.form_download": {"zh": "导出月报表（Excel）", "en": "Export the monthly form (Excel)"},
    # the form on screen, in views of its columns (short headers; the full header is each column's tooltip)
    "rectification.form_view_general": {"zh": "一般隐患", "en": "General hazards"},
    "rectification.form_view_major": {"zh": "重大隐患", "en": "Major hazards"},
    "rectification.form_view_listed": {"zh": "挂牌督办与资金", "en": "Listing and funds"},
    "rectification.form_units": {
        "zh": "单位：排查治理单位为家，隐患为项，整改率为%，治理资金为万元（1月至报表月累计）；"
              "列名为简称，悬停可见报表原列名；导出的月报表为规定的全表格式。",
        "en": "Units: enterprises; hazards (items); rates in %; funds in 万元 (10,000 yuan, January to the report "
              "month). Hover a header for the form's own column name; the exported form has the prescribed layout.",
    },
    "rectification.form_col_name_zh": {"zh": "行业和领域", "en": "Sector"},
    "rectification.form_col_enterprises_checked": {"zh": "排查治理单位", "en": "Enterprises"},
    "rectification.form_col_general_found": {"zh": "排查", "en": "Found"},
    "rectification.form_col_general_rectified": {"zh": "已整改", "en": "Rectified"},
    "rectification.form_col_general_rate": {"zh": "整改率", "en": "Rate"},
    "rectification.form_col_major_found": {"zh": "排查", "en": "Found"},
    "rectification.form_col_major_closed": {"zh": "已整改销号", "en": "Closed"},
    "rectification.form_col_major_rate": {"zh": "整改率", "en": "Rate"},
    "rectification.form_col_major_in_plan": {"zh": "列入治理计划", "en": "In plan"},
    "rectification.form_col_major_five_in_place": {"zh": "其中五到位", "en": "Five in place"},
    "rectification.form_col_major_supervised": {"zh": "挂牌督办", "en": "Listed"},
    "rectification.form_col_major_supervised_province": {"zh": "其中省级", "en": "Province-listed"},
    "rectification.form_col_funds_wan": {"zh": "治理资金", "en": "Funds"},
    "rectification.form_majors_note": {
        "zh": "判定依据：应急管理部令第10号《工贸企业重大事故隐患判定标准》或所属行业的判定标准（清单可在“设置”中导入）；"
              "导出的月报表第二个工作表为本清单。",
        "en": "Judged by: Decree No. 10 of the Ministry of Emergency Management (industry and trade) or the sector's own "
              "standard (the list can be imported on Settings); the exported form's second sheet is this list.",
    },
    # ------------------------------------------------------------------ lists
    "rectification.overdue_title": {"zh": "逾期隐患清单", "en": "Overdue hazards"},
    "rectification.overdue_scope": {
        "zh": "截至{as_of}逾期未销号的隐患 {n} 项，不论哪年排查（存量，不限于统计期 {period}）· {region} · {sector}；"
        "“逾期未整改”尚未整改，“逾期未销号”为重大隐患已整改待验收；逾期天数 = 截至日 − 整改期限。点击列标题排序。",
        "en": "{n} hazards overdue and not closed on {as_of}, whatever year they were found (the stock, not only "
        "{period}) · {region} · {sector}; “not rectified” or, for a major hazard rectified and awaiting "
        "verification, “not closed”; days late = as-of − deadline; listing = the level of listed supervision. "
        "Click a column heading to sort.",
    },
    "rectification.supervised_title": {"zh": "挂牌督办重大隐患", "en": "Major hazards under listed supervision"},
    "rectification.supervised_scope": {
        "zh": "截至{as_of}挂牌督办尚未摘牌的重大隐患 {n} 项，不论哪年排查（存量，不限于统计期 {period}；已验收销号但未摘牌的仍在其中）"
        "· {region} · {sector}；剩余天数 = 整改期限 − 截至日，负数为逾期天数。",
        "en": "{n} major hazards under listed supervision not delisted on {as_of}, whatever year they were found "
        "(the stock, not only {period}; verified but not yet delisted ones included) · {region} · {sector}; "
        "days left = deadline − as-of, negative when overdue.",
    },
    "rectification.download_csv": {"zh": "导出 CSV", "en": "Export CSV"},
    "rectification.download_xlsx": {"zh": "导出 Excel", "en": "Export Excel"},
    "rectification.empty": {"zh": "没有符合条件的记录。", "en": "Nothing to list."},
    "rectification.col_hazard": {"zh": "隐患编号", "en": "Hazard"},
    "rectification.col_enterprise": {"zh": "企业", "en": "Firm"},
    "rectification.col_county": {"zh": "县区", "en": "County"},
    "rectification.col_township": {"zh": "乡镇（街道）", "en": "Township"},
    "rectification.col_sector": {"zh": "行业", "en": "Sector"},
    "rectification.col_grade": {"zh": "隐患等级", "en": "Grade"},
    "rectification.col_description": {"zh": "隐患描述", "en": "Description"},
    "rectification.col_found_on": {"zh": "发现日期", "en": "Found on"},
    "rectification.col_deadline": {"zh": "整改期限", "en": "Deadline"},
    "rectification.col_days_overdue": {"zh": "逾期天数", "en": "Days late"},
    "rectification.col_days_left": {"zh": "剩余天数", "en": "Days left"},
    "rectification.col_rectified_on": {"zh": "整改日期", "en": "Rectified"},
    "rectification.col_supervision": {"zh": "挂牌督办", "en": "Listing"},
    "rectification.col_supervised_on": {"zh": "挂牌日期", "en": "Listed on"},
    "rectification.col_five": {"zh": "五到位", "en": "5 in place"},
    "rectification.col_basis": {"zh": "判定依据", "en": "Judged by"},
    "rectification.col_plan": {"zh": "列入治理计划", "en": "In a plan"},
    "rectification.col_state": {"zh": "状态", "en": "State"},
    "rectification.col_funds": {"zh": "治理资金（万元）", "en": "Funds (10k yuan)"},
    "rectification.col_last_inspected": {"zh": "最近监管检查", "en": "Last inspected"},
    "rectification.col_days_since": {"zh": "距今天数", "en": "Days since"},
    "rectification.never": {"zh": "从未", "en": "never"},
    "rectification.yes": {"zh": "是", "en": "yes"},
    "rectification.no": {"zh": "否", "en": "no"},
    "rectification.unknown": {"zh": "未填报", "en": "not reported"},
    # ------------------------------------------------------------------ four-level checking
    "rectification.levels_title": {"zh": "四级排查：各级检查与发现隐患", "en": "Four levels of checking"},
    "rectification.levels_scope": {
        "zh": "统计期 {period} · {region} · {sector} · 截至{as_of}；隐患按所属检查的层级归类（隐患→检查记录），无检查记录的单列。",
        "en": "{period} · {region} · {sector} · as of {as_of}; hazards are counted under the level of the inspection "
        "that found them; those without an inspection link are listed apart.",
    },
    "rectification.col_level": {"zh": "检查层级", "en": "Level"},
    "rectification.col_inspections": {"zh": "检查次数", "en": "Inspections"},
    "rectification.col_enterprises_inspected": {"zh": "检查企业（家）", "en": "Enterprises inspected"},
    "rectification.col_hazards_found": {"zh": "发现隐患（项）", "en": "Hazards found"},
    "rectification.col_major_among_found": {"zh": "其中重大（项）", "en": "of which major"},
    "rectification.level_none": {"zh": "无检查记录", "en": "No inspection link"},
    "rectification.coverage_title": {"zh": "监管检查覆盖率", "en": "Supervisory inspection coverage"},
    "rectification.coverage_scope": {
        "zh": "覆盖率 = 统计期 {period} 内受市级、县级或镇街检查的在营企业 ÷ 在营企业 = {covered} ÷ {active} = {rate}；企业自查 {own} 家（{own_rate}）单列，不计入覆盖率 · {region} · {sector}",
        "en": "Coverage = active enterprises inspected by the city, county or township in {period} ÷ active "
        "enterprises = {covered} ÷ {active} = {rate}; self-checks ({own}, {own_rate}) shown beside it, not inside · "
        "{region} · {sector}",
    },
    "rectification.col_active": {"zh": "在营（家）", "en": "Active"},
    "rectification.col_supervised_enterprises": {"zh": "受检（家）", "en": "Inspected"},
    "rectification.col_coverage": {"zh": "覆盖率", "en": "Coverage"},
    "rectification.col_self_checked": {"zh": "自查（家）", "en": "Self-checked"},
    "rectification.col_self_rate": {"zh": "自查比例", "en": "Self %"},
    "rectification.by_township": {"zh": "分乡镇", "en": "By township"},
    "rectification.by_sector": {"zh": "分行业", "en": "By sector"},
    "rectification.uninspected_title": {"zh": "超过 {days} 天未受监管检查的企业", "en": "Enterprises not inspected for more than {days} days"},
    "rectification.uninspected_scope": {
        "zh": "在营企业中，截至{as_of}最近一次市级、县级或镇街检查距今超过 {days} 天（天数可在“设置”中修改）或从未检查的 {n} 家 · {region} · {sector}",
        "en": "{n} active enterprises whose last city, county or township inspection was more than {days} days "
        "before {as_of} (the number of days is a setting), or never · {region} · {sector}",
    },
    # ------------------------------------------------------------------ due soon / weekly
    "rectification.due_title": {"zh": "{days} 天内到期的隐患", "en": "Hazards due within {days} days"},
    "rectification.due_scope": {
        "zh": "截至{as_of}尚未完成、整改期限在{as_of}至{until}之间的隐患 {n} 项（不限发现日期；天数可在“设置”中修改）· {region} · {sector}",
        "en": "{n} hazards not done on {as_of} whose deadline falls from {as_of} to {until} (any discovery date; "
        "the number of days is a setting) · {region} · {sector}",
    },
    "rectification.weekly_file": {"zh": "本周隐患跟进清单_{township}", "en": "Weekly follow-up list_{township}"},
    "rectification.form_file": {"zh": "隐患排查治理月报表", "en": "Hazard monthly form"},
    "rectification.weekly_title": {"zh": "本周跟进清单（按乡镇）", "en": "This week's follow-up list (per township)"},
    "rectification.weekly_scope": {
        "zh": "各乡镇安监站本周须跟进的隐患：截至{as_of}已逾期，或整改期限在{until}前到期的未完成隐患（不限发现日期）· {sector}",
        "en": "What each township station must follow up this week: hazards not done on {as_of} that are overdue "
        "or due by {until} (any discovery date) · {sector}",
    },
    "rectification.weekly_township": {"zh": "乡镇（街道）", "en": "Township"},
    "rectification.weekly_heading": {
        "zh": "{township} 本周隐患跟进清单（截至{as_of}，共 {n} 项）",
        "en": "{township}: follow-up list for the week (as of {as_of}, {n} hazards)",
    },
    "rectification.weekly_download": {"zh": "导出本乡镇清单（Excel，可打印）", "en": "Export this township's list (Excel, printable)"},
    "rectification.weekly_none": {"zh": "所选地区内没有乡镇。", "en": "No township in the chosen region."},
    # ------------------------------------------------------------------ breakdowns
    "rectification.by_department": {"zh": "按行业主管部门", "en": "By responsible department"},
    "rectification.by_department_scope": {
        "zh": "管行业必须管安全：统计期 {period} 内的事故、排查的隐患和企业，按所属行业的主管部门（可在“设置”中修改）"
              "合计 · {region} · {sector}；事故（起）、死亡（含失踪，人）、排查隐患及其中重大（项）、企业（家）；各部门之和等于合计",
        "en": "管行业必须管安全: accidents and hazards found in {period} and the enterprises, by the department "
              "responsible for their sector (setting sector_departments) · {region} · {sector}; deaths include the "
              "missing; hazards found, of them major; the departments add up to the total",
    },
    "rectification.dept_col_department": {"zh": "行业主管部门", "en": "Department"},
    "rectification.dept_col_sectors": {"zh": "行业", "en": "Sectors"},
    "rectification.dept_col_accidents": {"zh": "事故", "en": "Accidents"},
    "rectification.dept_col_deaths": {"zh": "死亡", "en": "Deaths"},
    "rectification.dept_col_hazards": {"zh": "隐患", "en": "Hazards"},
    "rectification.dept_col_major_hazards": {"zh": "其中重大", "en": "Major"},
    "rectification.dept_col_enterprises": {"zh": "企业", "en": "Enterprises"},
    "rectification.dept_total": {"zh": "合计", "en": "Total"},
    "rectification.breakdown_scope": {
        "zh": "统计期 {period} 内排查的隐患（项），截至{as_of}的整改状态 · {region} · {sector}；已整改为一般隐患，已销号为重大隐患，"
              "未摘牌为挂牌督办未摘牌；整改率 = (已整改一般 + 已销号重大) ÷ 排查",
        "en": "Hazards found in {period}, state on {as_of} · {region} · {sector}; rectified: general, closed: major, "
        "not lifted: listed supervision not lifted; rate = (general rectified + major closed) ÷ found",
    },
    "rectification.col_found": {"zh": "排查", "en": "Found"},
    "rectification.col_general_found": {"zh": "一般", "en": "General"},
    "rectification.col_general_rectified": {"zh": "已整改", "en": "Rectified"},
    "rectification.col_major_found": {"zh": "重大", "en": "Major"},
    "rectification.col_major_closed": {"zh": "已销号", "en": "Closed"},
    "rectification.col_rate": {"zh": "整改率", "en": "Rate"},
    "rectification.col_overdue": {"zh": "逾期", "en": "Overdue"},
    "rectification.col_supervised_open": {"zh": "未摘牌", "en": "Not lifted"},
    "rectification.chart_township": {"zh": "各乡镇隐患整改率", "en": "Rectification rate by township"},
    "rectification.chart_sector": {"zh": "各行业排查隐患与逾期", "en": "Hazards found and overdue by sector"},
    "rectification.trend_title": {"zh": "整改率月度走势（各月末累计）", "en": "Monthly trend of the rate (cumulative at each month end)"},
    "rectification.trend_scope": {
        "zh": "每月末：统计期初至该月末排查的隐患中，至该月末已整改（一般）或已销号（重大）的比例 · {region} · {sector}",
        "en": "At each month end: of the hazards found from the period's start to that day, the share rectified "
        "(general) or closed (major) by that day · {region} · {sector}",
    },
    "rectification.series_rate": {"zh": "隐患整改率", "en": "Rectification rate"},
    "rectification.series_general": {"zh": "一般隐患", "en": "General"},
    "rectification.series_major": {"zh": "重大隐患", "en": "Major"},
    "rectification.series_found": {"zh": "排查", "en": "Found"},
    "rectification.series_overdue": {"zh": "逾期", "en": "Overdue"},
    "rectification.ageing_title": {"zh": "未完成隐患存续时间", "en": "Open hazards by time open"},
    "rectification.ageing_scope": {
        "zh": "统计期 {period} 内排查、截至{as_of}尚未整改（重大：未销号）的隐患，按发现至今天数分段 · {region} · {sector}",
        "en": "Hazards found in {period} and not done on {as_of}, by days since discovery · {region} · {sector}",
    },
    "rectification.col_age": {"zh": "隐患存续时间", "en": "Time open"},
    "rectification.col_open": {"zh": "未完成（项）", "en": "Open"},
    "rectification.evidence_title": {"zh": "台账完整性（分乡镇）", "en": "Record completeness by township"},
    "rectification.evidence_scope": {
        "zh": "统计期 {period} 内排查的隐患中，有检查记录、隐患描述、整改期限，且已验收的有整改日期的比例 · {region} · {sector}",
        "en": "Of the hazards found in {period}: the share with an inspection link, a description, a deadline and, "
        "once verified, a rectification date · {region} · {sector}",
    },
    "rectification.col_hazards": {"zh": "隐患（项）", "en": "Hazards"},
    "rectification.col_with_inspection": {"zh": "有检查", "en": "Linked"},
    "rectification.col_with_description": {"zh": "有描述", "en": "Described"},
    "rectification.col_with_deadline": {"zh": "有期限", "en": "Deadline"},
    "rectification.col_with_date": {"zh": "有整改日期", "en": "Date"},
    "rectification.col_completeness": {"zh": "完整率", "en": "Complete"},
    # the evidence-completeness figure (issue 18, 问题整改有结果), under the closed loop
    "rectification.evidence_fig_title": {"zh": "销号隐患整改佐证完整率（分乡镇）",
                                         "en": "Evidence of the hazards closed, by township"},
    "rectification.evidence_fig_scope": {
        "zh": "统计期 {period} 内验收销号的隐患（不论何时排查），截至{as_of}是否已上传整改后照片和验收记录 · {region} · "
              "{sector}",
        "en": "Hazards verified and closed in {period} (whenever found): whether an after-rectification photo and an "
              "acceptance record had been uploaded by {as_of} · {region} · {sector}",
    },
    "rectification.evidence_formula": {
        "zh": "佐证完整率 = 整改后照片和验收记录均已上传的销号隐患 ÷ 统计期内验收销号的隐患 × 100% = {both} ÷ {closed} = "
              "{rate}；统计期内没有销号隐患时显示“—”。",
        "en": "Evidence complete = hazards closed with both an after-rectification photo and an acceptance record ÷ "
              "hazards verified and closed in the period × 100 % = {both} ÷ {closed} = {rate}; “—” where none was "
              "closed.",
    },
    "rectification.evidence_total": {"zh": "合计", "en": "Total"},
    "rectification.col_closed": {"zh": "销号（项）", "en": "Closed"},
    "rectification.col_closed_with_after": {"zh": "有整改后照片", "en": "After photo"},
    "rectification.col_closed_with_acceptance": {"zh": "有验收记录", "en": "Acceptance"},
    "rectification.col_closed_with_evidence": {"zh": "两项齐全", "en": "Both"},
    "rectification.col_evidence_rate": {"zh": "佐证完整率", "en": "Complete"},
    # ------------------------------------------------------------------ categories (Pareto) and new hazards
    "rectification.tab_pareto": {"zh": "隐患类别与近7日新增", "en": "Categories and new hazards"},
    "rectification.pareto_title": {"zh": "隐患类别排序（帕累托图）", "en": "Hazards by category (Pareto)"},
    "rectification.pareto_scope": {
        "zh": "统计期 {period} 内排查的隐患按类别计数，从多到少排列；折线为累计占比 · {region} · {sector}",
        "en": "Hazards found in {period} counted by category, most first; the line is the running share · {region} · "
        "{sector}",
    },
    "rectification.pareto_bars": {"zh": "隐患数（项）", "en": "Hazards"},
    "rectification.pareto_line": {"zh": "累计占比", "en": "Running share"},
    "rectification.pareto_axis": {"zh": "累计占比（%）", "en": "Running share (%)"},
    "rectification.pareto_mark": {"zh": "80%线", "en": "80% line"},
    "rectification.pareto_first": {"zh": "前{n}类（共{total}类，全部见下表）", "en": "top {n} of {total} (all in the table below)"},
    "rectification.pareto_empty": {"zh": "统计期内没有排查出隐患", "en": "no hazards were found in the period"},
    "rectification.pareto_sentence": {
        "zh": "{n} 类隐患（共 {total} 类）合计 {count} 项，占统计期内排查隐患 {found} 项的 {share}：{names}。",
        "en": "{n} of {total} categories make {count} of the {found} hazards found in the period ({share}): {names}.",
    },
    "rectification.pareto_more": {"zh": "{names}等（另有{more}类）", "en": "{names} and {more} more"},
    "rectification.pareto_none": {"zh": "统计期内没有排查出隐患，无法排序。", "en": "No hazards were found in the period."},
    "rectification.uncategorised": {"zh": "（未填类别）", "en": "(no category)"},
    "rectification.col_category": {"zh": "隐患类别", "en": "Category"},
    "rectification.col_category_hazards": {"zh": "隐患数（项）", "en": "Hazards"},
    "rectification.col_major_of": {"zh": "其中重大（项）", "en": "Of them major"},
    "rectification.col_share": {"zh": "占比", "en": "Share"},
    "rectification.col_cumulative": {"zh": "累计占比", "en": "Running share"},
    "rectification.col_vital": {"zh": "前80%", "en": "In the first 80 %"},
    "rectification.enterprise_record": {"zh": "企业记录：{name}（{id}）", "en": "Enterprise record: {name} ({id})"},
    "rectification.enterprise_hint": {"zh": "在上表中选中一行，查看该企业的隐患和检查记录。",
                                      "en": "Select a row above to see the enterprise's hazards and inspections."},
    "rectification.record": {"zh": "隐患记录：{id}", "en": "Hazard record: {id}"},
    # the themed views of a long list (issue 17 item 7): one view of its columns at a time, chosen above it
    "rectification.view_label": {"zh": "显示列", "en": "Columns"},
    "rectification.view_basics": {"zh": "基本情况", "en": "Basics"},
    "rectification.view_progress": {"zh": "整改进度", "en": "Progress"},
    "rectification.view_measures": {"zh": "督办措施", "en": "Measures"},
    "rectification.view_description": {"zh": "隐患描述", "en": "Description"},
    "rectification.view_basis": {"zh": "判定与销号", "en": "Basis and closing"},
    "rectification.view_rectified": {"zh": "排查与整改", "en": "Rectification"},
    "rectification.view_overdue": {"zh": "逾期与督办", "en": "Overdue, listed"},
    "rectification.record_hint": {"zh": "在上表中选中一行，查看该项隐患的完整记录。", "en": "Select a row above to see the hazard's record."},
    "rectification.col_verified_on": {"zh": "验收销号日期", "en": "Verified on"},
    "rectification.col_delisted_on": {"zh": "摘牌日期", "en": "Delisted on"},
    "rectification.col_inspection": {"zh": "检查记录编号", "en": "Inspection"},
    "rectification.pareto_file": {"zh": "隐患类别排序", "en": "Hazards by category"},
    "rectification.new_title": {"zh": "近7日新增隐患", "en": "Hazards found in the last 7 days"},
    "rectification.new_scope": {
        "zh": "{first}至{as_of}（含）7天内发现的隐患 {n} 项，不限统计期，按发现日期从新到旧 · {region} · {sector}；状态为截至{as_of}。",
        "en": "{n} hazards found from {first} to {as_of} (7 days), whatever the period, newest first · {region} · "
        "{sector}; the state as of {as_of}.",
    },
}

ENUMS = {
    "supervision_level": {
        "none": {"zh": "未挂牌", "en": "None"},
        "county": {"zh": "县级挂牌督办", "en": "County"},
        "city": {"zh": "市级挂牌督办", "en": "City"},
        "province": {"zh": "省级挂牌督办", "en": "Province"},
    },
    "age_band": {
        "d0_30": {"zh": "30天以内", "en": "0–30 days"},
        "d31_90": {"zh": "31—90天", "en": "31–90 days"},
        "d91_180": {"zh": "91—180天", "en": "91–180 days"},
        "d181_365": {"zh": "181—365天", "en": "181–365 days"},
        "d366_plus": {"zh": "一年以上", "en": "Over a year"},
    },
}
