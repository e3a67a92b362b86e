"""Interface text of the priority-sites screen (重点部位 / 较大事故风险): zh first, en complete."""

TEXT: dict[str, dict[str, str]] = {
    # ------------------------------------------------------------------------------------------ screen
    "priority.subtitle": {
        "zh": "预防较大及以上事故：企业风险排序、重点部位台账与台账漏项核查 · {region} · {sector} · 评分截至{as_of}",
        "en": "Preventing accidents with 3+ deaths: enterprises ranked by risk, the key-site ledger and its gaps "
        "· {region} · {sector} · scored as of {as_of}",
    },
    "priority.tab_ranking": {"zh": "风险排序", "en": "Ranking"},
    "priority.tab_ledger": {"zh": "重点部位台账", "en": "Key-site ledger"},
    "priority.tab_gaps": {"zh": "台账漏项", "en": "Ledger gaps"},
    "priority.tab_map": {"zh": "风险分布图", "en": "Map"},
    "priority.tab_card": {"zh": "企业档案", "en": "Site card"},
    "priority.tab_backtest": {"zh": "评分检验", "en": "Back-test"},
    "priority.ranking": {"zh": "企业风险排序", "en": "Enterprises ranked by risk score"},
    "priority.ranking_scope": {
        "zh": "{region}（含下辖地区，按企业所在地）· {sector} · 在营企业 {n} 家 · 风险分值截至{as_of}（按截至当日的隐患、"
        "检查、事故和台账计算）",
        "en": "{region} and below (by the enterprise's region) · {sector} · {n} active enterprises · scores as of "
        "{as_of} (hazards, inspections, accidents and the ledger as they stood that day)",
    },
    "priority.formula": {
        "zh": "风险分值 = Σ 各项数量 × 权重（权重和分级阈值可在“设置”中修改）；"
        "红色预警 ≥ {red}，重点关注（橙色）≥ {orange}，黄色 ≥ {yellow}，其余为蓝色。同分按企业编号排序。",
        "en": "Risk score = Σ component count × weight (weights and level thresholds are editable in "
        "Settings); red alert ≥ {red}, close attention (orange) ≥ {orange}, yellow ≥ {yellow}, blue below. Ties by "
        "enterprise ID.",
    },
    "priority.kpi_level": {"zh": "{level}（家）", "en": "{level}"},
    "priority.kpi_level_help": {
        "zh": "风险分值达到该等级阈值的在营企业数（分值 ≥ {min}）。",
        "en": "Active enterprises whose score reaches this level's threshold (score ≥ {min}).",
    },
    "priority.levels_filter": {"zh": "显示等级", "en": "Levels shown"},
    "priority.rows_shown": {"zh": "显示前N家", "en": "Show the top N"},
    "priority.rows_note": {
        "zh": "显示 {shown:,} 家（共 {total:,} 家符合所选等级）；点击列标题可排序。",
        "en": "{shown:,} shown ({total:,} at the chosen levels); click a column heading to sort.",
    },
    "priority.col_rank": {"zh": "排名", "en": "Rank"},
    "priority.col_enterprise_id": {"zh": "企业编号", "en": "Enterprise ID"},
    "priority.col_enterprise": {"zh": "企业名称", "en": "Enterprise"},
    "priority.col_township": {"zh": "乡镇（街道）", "en": "Township"},
    "priority.col_county": {"zh": "县（区）", "en": "County"},
    "priority.col_sector": {"zh": "行业", "en": "Sector"},
    "priority.col_score": {"zh": "风险分值", "en": "Score"},
    "priority.col_level": {"zh": "风险等级", "en": "Level"},
    "priority.col_reasons": {"zh": "主要理由", "en": "Reasons"},
    "priority.col_red": {"zh": "红色预警（家）", "en": "Red alert"},
    "priority.col_orange": {"zh": "重点关注（家）", "en": "Close attention"},
    "priority.col_enterprises": {"zh": "在营企业（家）", "en": "Active enterprises"},
    "priority.by_township": {"zh": "各乡镇（街道）红色预警和重点关注企业数", "en": "Red-alert and close-attention enterprises by township"},
    "priority.by_sector": {"zh": "各行业红色预警和重点关注企业数", "en": "Red-alert and close-attention enterprises by sector"},
    "priority.by_chart": {"zh": "红色预警和重点关注企业数（前15个乡镇）", "en": "Red-alert and close-attention enterprises (top 15 townships)"},
    "priority.unit_enterprises": {"zh": "企业数（家）", "en": "Enterprises"},
    "priority.ledger": {"zh": "预防较大及以上事故重点部位台账", "en": "Ledger of key sites for preventing accidents with 3+ deaths"},
    "priority.ledger_scope": {
        "zh": "{region}各乡镇（街道）上报、市县安委办备案的重点部位 {n} 处（台账现状，不按行业和统计期筛选）· 数据截至{as_of}",
        "en": "{n} key sites reported by the townships of {region} and filed with the city and county offices (the "
        "ledger as it stands, not filtered by sector or period) · data as of {as_of}",
    },
    "priority.ledger_township": {"zh": "乡镇（街道）", "en": "Township"},
    "priority.ledger_all": {"zh": "全部乡镇（街道）", "en": "All townships"},
    "priority.ledger_download": {"zh": "导出台账（Excel，用于备案）", "en": "Export the ledger (Excel, for filing)"},
    "priority.ledger_empty": {"zh": "所选地区没有重点部位台账记录。", "en": "No key-site ledger entries in the chosen region."},
    # the ledger's views (issue 17 item 7): its thirteen columns needed about 1,320 px of headers (1,870 in English)
    # at 1024 px beside the sidebar (664): one theme at a time, county, township and site first in each; its
    # downloads keep every column
    "priority.ledger_views": {"zh": "显示列", "en": "Columns"},
    "priority.ledger_view.site": {"zh": "部位与风险", "en": "Site and risk"},
    "priority.ledger_view.measures": {"zh": "监控措施", "en": "Measures"},
    "priority.ledger_view.filing": {"zh": "备案", "en": "Filing"},
    "priority.ledger_views_note": {
        "zh": "列名为简称（悬停列名可见全称）：事故类型、可能死亡为可能发生的事故类型和可能死亡人数（人），落实日期为措施落实日期；"
              "导出的.xlsx含全部列。",
        "en": "Short headers (hover for the full name): Accident type and Deaths are the potential accident and its "
              "potential deaths; City, County office and Departments are where the site was filed; the .xlsx holds every column.",
    },
    "priority.short.site": {"zh": "重点部位", "en": "Key site"},
    "priority.short.accident_type": {"zh": "事故类型", "en": "Accident type"},
    "priority.short.fatalities": {"zh": "可能死亡", "en": "Deaths"},
    "priority.short.person": {"zh": "责任人", "en": "Responsible"},
    "priority.short.measures": {"zh": "监控措施", "en": "Measures"},
    "priority.short.in_place": {"zh": "措施落实", "en": "In place"},
    "priority.short.in_place_on": {"zh": "落实日期", "en": "Since"},
    "priority.short.filed_city": {"zh": "市安委办备案", "en": "City"},
    "priority.short.filed_county": {"zh": "县安委办备案", "en": "County office"},
    "priority.short.filed_departments": {"zh": "报备有关部门", "en": "Departments"},
    "priority.col_site": {"zh": "重点部位名称", "en": "Key site"},
    "priority.col_accident_type": {"zh": "可能发生的事故类型", "en": "Potential accident type"},
    "priority.col_fatalities": {"zh": "可能死亡人数", "en": "Potential deaths"},
    "priority.col_measures": {"zh": "监控措施", "en": "Control measures"},
    "priority.col_person": {"zh": "责任人", "en": "Responsible person"},
    "priority.col_filed_city": {"zh": "市安委办备案", "en": "Filed with the city"},
    "priority.col_filed_county": {"zh": "县安委办备案", "en": "Filed with the county"},
    "priority.col_in_place": {"zh": "措施落实", "en": "Measures in place"},
    "priority.col_in_place_on": {"zh": "措施落实日期", "en": "In place since"},
    "priority.col_filed_departments": {"zh": "报备有关部门", "en": "Also filed with"},
    "priority.yes": {"zh": "是", "en": "Yes"},
    "priority.no": {"zh": "否", "en": "No"},
    "priority.not_reported": {"zh": "未填报", "en": "Not reported"},
    "priority.not_filed": {"zh": "未备案", "en": "Not filed"},
    "priority.public_place": {"zh": "（公共场所）", "en": "(public place)"},
    "priority.gaps": {"zh": "台账漏项（应排查没有排查清楚）", "en": "Ledger gaps (sites that should have been found)"},
    "priority.gaps_scope": {
        "zh": "{region} · 台账现状；事故为{period}发生的有死亡（含失踪）或较大及以上事故（按事故发生地）· {sector} · 数据截至{as_of}",
        "en": "{region} · the ledger as it stands; accidents with deaths (incl. missing) or of grade relatively major or "
        "worse that happened in {period} (where they happened) · {sector} · data as of {as_of}",
    },
    "priority.gap_townships": {"zh": "无台账的乡镇（个）", "en": "Townships with no entry"},
    "priority.gap_townships_help": {
        "zh": "一处重点部位都没有上报的乡镇（街道）。", "en": "Townships that reported no key site at all.",
    },
    "priority.gap_enterprises": {"zh": "无台账的高危行业企业（家）", "en": "Enterprises of high-risk sectors with no entry"},
    "priority.gap_enterprises_help": {
        "zh": "矿山、危险化学品、烟花爆竹、建筑施工、人员密集场所、燃气等高危行业（设置中标记）的在营企业，台账中没有其任何部位。",
        "en": "Active enterprises of high-risk sectors (mines, chemicals, fireworks, construction, crowded places, gas "
        "…, marked in Settings) with no key site in the ledger.",
    },
    "priority.gap_not_in_place": {"zh": "措施未落实（处）", "en": "Measures not in place"},
    "priority.gap_not_in_place_help": {
        "zh": "监控措施未落实或未填报落实情况的重点部位。", "en": "Key sites whose measures are not (or not reported) in place.",
    },
    "priority.gap_not_filed": {"zh": "未完成市县双备案（处）", "en": "Not filed with both"},
    "priority.gap_not_filed_help": {
        "zh": "缺少市安委办或县安委办备案日期的重点部位。", "en": "Key sites missing the city's or the county's filing day.",
    },
    "priority.gap_accidents": {"zh": "台账外发生的事故（起）", "en": "Accidents outside the ledger"},
    "priority.gap_accidents_help": {
        "zh": "统计期内有死亡（含失踪）或较大及以上的事故，发生在没有台账记录的企业或乡镇。",
        "en": "Accidents in the period with deaths (incl. missing) or of grade relatively major or worse, at an enterprise or "
        "in a township with no ledger entry.",
    },
    "priority.gap_list_townships": {"zh": "无台账的乡镇（街道）", "en": "Townships with no ledger entry"},
    "priority.gap_list_enterprises": {"zh": "无台账的高危行业企业", "en": "Enterprises of high-risk sectors with no ledger entry"},
    "priority.gap_list_not_in_place": {"zh": "监控措施未落实的重点部位", "en": "Key sites without measures in place"},
    "priority.gap_list_not_filed": {"zh": "未完成市县双备案的重点部位", "en": "Key sites not filed with both offices"},
    "priority.gap_list_accidents": {"zh": "发生在台账外的事故", "en": "Accidents outside the ledger"},
    "priority.col_class": {"zh": "乡镇类别", "en": "Class"},
    "priority.col_high_risk": {"zh": "其中高危行业（家）", "en": "Of which high-risk"},
    "priority.col_employees": {"zh": "从业人员（人）", "en": "Employees"},
    "priority.col_accident": {"zh": "事故编号", "en": "Accident"},
    "priority.col_occurred": {"zh": "发生日期", "en": "Date"},
    "priority.col_place": {"zh": "发生地", "en": "Where"},
    "priority.col_grade": {"zh": "事故等级", "en": "Grade"},
    "priority.col_deaths": {"zh": "死亡（含失踪）（人）", "en": "Deaths incl. missing"},
    "priority.col_gap": {"zh": "台账漏项", "en": "Ledger gap"},
    "priority.short.deaths": {"zh": "死亡", "en": "Deaths"},
    "priority.gap_accidents_note": {"zh": "死亡人数含失踪，以人计。", "en": "Deaths include the missing."},
    "priority.gap_enterprise": {"zh": "企业无台账", "en": "enterprise not in the ledger"},
    "priority.gap_township": {"zh": "乡镇无台账", "en": "township with no ledger"},
    "priority.none_found": {"zh": "无。", "en": "None."},
    "priority.map": {"zh": "企业风险分布图", "en": "Map of enterprises by risk level"},
    "priority.map_scope": {
        "zh": "按企业登记的经纬度绘制，颜色为风险等级（离线绘制，不需要互联网地图）· {region} · {sector} · 截至{as_of} · "
        "有坐标的企业 {n} 家",
        "en": "Drawn from the enterprises' recorded longitude and latitude, coloured by level (offline: no internet "
        "map needed) · {region} · {sector} · as of {as_of} · {n} enterprises with coordinates",
    },
    "priority.map_title": {"zh": "企业风险等级分布", "en": "Enterprises by risk level"},
    "priority.map_outlines": {"zh": "乡镇界线（示意）", "en": "Township outlines (schematic)"},
    "priority.map_outlines_note": {
        "zh": "灰线为乡镇界线示意，并非真实行政边界：系统未载入乡镇边界数据，按各乡镇企业坐标的中心点划分（泰森多边形），"
        "仅帮助辨认企业大致所在乡镇。地图不使用在线底图，内网可用。",
        "en": "The grey lines are schematic township outlines, not real boundaries: no boundary data is loaded, so "
        "the map is split around the centre of each township's enterprises (Voronoi cells), only to help tell "
        "roughly which township a site lies in. The map uses no online base map and works on an intranet.",
    },
    "priority.map_none": {"zh": "所选企业没有登记经纬度，无法绘图。", "en": "None of the chosen enterprises has coordinates."},
    "priority.longitude": {"zh": "经度（°E）", "en": "Longitude (°E)"},
    "priority.latitude": {"zh": "纬度（°N）", "en": "Latitude (°N)"},
    "priority.card": {"zh": "企业档案", "en": "Site card"},
    "priority.card_pick": {"zh": "选择企业（按风险排序，前{n}家）", "en": "Enterprise (by rank, top {n})"},
    "priority.card_scope": {
        "zh": "{name}（{enterprise_id}）· {township} · {sector} · 截至{as_of}",
        "en": "{name} ({enterprise_id}) · {township} · {sector} · as of {as_of}",
    },
    "priority.card_score": {"zh": "风险分值 {score}，{level}，排名第{rank}位", "en": "Score {score}, {level}, rank {rank}"},
    "priority.card_components": {"zh": "分值构成", "en": "Score components"},
    "priority.card_hazards": {"zh": "隐患（{n}项）", "en": "Hazards ({n})"},
    "priority.card_inspections": {"zh": "检查记录（{n}次）", "en": "Inspections ({n})"},
    "priority.card_accidents": {"zh": "事故（{n}起）", "en": "Accidents ({n})"},
    "priority.card_sites": {"zh": "重点部位（{n}处）", "en": "Key sites ({n})"},
    "priority.card_search": {"zh": "查找企业（名称、编号或乡镇）", "en": "Find an enterprise (name, number or township)"},
    "priority.card_search_hint": {"zh": "输入名称、编号或乡镇中的几个字", "en": "Type part of a name, number or township"},
    "priority.card_pick_found": {"zh": "选择企业（找到{total}家，按风险排序，列出前{n}家）",
                                 "en": "Enterprise ({total} found, by rank, first {n} listed)"},
    "priority.card_no_match": {"zh": "所选地区和行业中没有名称、编号或乡镇含“{query}”的在营企业。",
                               "en": "No active enterprise in the chosen region and sector matches “{query}”."},
    "priority.rank_hint": {"zh": "在上表中选中一行，查看该企业的档案。", "en": "Select a row above to see the enterprise's card."},
    "priority.card_none": {"zh": "所选地区和行业没有在营企业。", "en": "No active enterprise in the chosen region and sector."},
    "priority.col_component": {"zh": "构成项", "en": "Component"},
    "priority.col_count": {"zh": "数量", "en": "Count"},
    "priority.col_weight": {"zh": "权重", "en": "Weight"},
    "priority.col_points": {"zh": "得分", "en": "Points"},
    "priority.col_hazard": {"zh": "隐患编号", "en": "Hazard"},
    "priority.col_found": {"zh": "发现日期", "en": "Found"},
    "priority.col_hazard_grade": {"zh": "等级", "en": "Grade"},
    "priority.col_description": {"zh": "描述", "en": "Description"},
    "priority.col_deadline": {"zh": "整改期限", "en": "Deadline"},
    "priority.col_state": {"zh": "截至当日状态", "en": "State on the day"},
    "priority.col_supervision": {"zh": "挂牌督办", "en": "Listed supervision"},
    "priority.short.state": {"zh": "当日状态", "en": "State"},
    "priority.short.supervision": {"zh": "挂牌督办", "en": "Listed"},
    "priority.col_inspection": {"zh": "检查编号", "en": "Inspection"},
    "priority.col_inspected": {"zh": "检查日期", "en": "Date"},
    "priority.col_inspection_level": {"zh": "检查层级", "en": "Level"},
    "priority.col_kind": {"zh": "检查类型", "en": "Kind"},
    "priority.col_hazards_found": {"zh": "发现隐患（项）", "en": "Hazards found"},
    "priority.col_summary": {"zh": "简要经过", "en": "Summary"},
    "priority.backtest": {"zh": "评分检验：排名靠前的企业是否真的出事", "en": "Back-test: do the top-ranked enterprises have the accidents?"},
    "priority.backtest_scope": {
        "zh": "{region} · 对过去每个评分日，按当日数据计算全部企业风险分值，取排名前10%的企业，统计其后一年发生的较大及以上事故和有死亡事故中，"
        "发生在这些企业的比例；随机抽取10%的企业，预期比例约为10%。只统计有所属企业的事故。",
        "en": "{region} · For each past scoring day, every enterprise is scored on that day's data; of the following "
        "year's accidents of grade relatively major or worse, and of those with deaths, the share that happened at the "
        "enterprises then ranked in the top 10 % — against about 10 % for enterprises picked at random. Only "
        "accidents with a recorded enterprise count.",
    },
    "priority.backtest_none": {
        "zh": "数据不足：没有早于最近一年、且之前有一年以上数据的评分日。",
        "en": "Not enough data: no scoring day with a full following year and a year of history before it.",
    },
    "priority.backtest_title": {"zh": "后一年事故发生在前10%企业的比例", "en": "Share of the following year's accidents at the top 10 %"},
    "priority.backtest_larger": {"zh": "较大及以上事故", "en": "Relatively major or worse accidents"},
    "priority.backtest_deaths": {"zh": "有死亡事故", "en": "With deaths"},
    "priority.backtest_chance": {"zh": "随机预期", "en": "By chance"},
    "priority.backtest_share": {"zh": "比例（%）", "en": "Share (%)"},
    "priority.col_as_of": {"zh": "评分日", "en": "Scored on"},
    "priority.col_until": {"zh": "统计至", "en": "Until"},
    "priority.col_top_n": {"zh": "前10%企业（家）", "en": "Top 10 % (enterprises)"},
    "priority.col_larger": {"zh": "较大及以上事故：前10% / 全部", "en": "Relatively major or worse: top 10 % / all"},
    "priority.col_larger_share": {"zh": "较大及以上占比", "en": "Share, relatively major or worse"},
    "priority.col_death": {"zh": "有死亡事故：前10% / 全部", "en": "With deaths: top 10 % / all"},
    "priority.col_death_share": {"zh": "有死亡占比", "en": "Share, with deaths"},
    "priority.col_chance": {"zh": "随机预期", "en": "By chance"},
    "priority.pooled": {"zh": "合计", "en": "All days"},
    # the back-test's and the calibration's views (issue 17 item 7): nine columns needed about 1,120 px of headers
    # (1,680 in English) at 1024 px beside the sidebar (664): the relatively major accidents and those with deaths
    # one at a time; the .xlsx keeps every column
    "priority.backtest_views": {"zh": "事故类别", "en": "Accidents"},
    "priority.backtest_view.larger": {"zh": "较大及以上事故", "en": "Relatively major or worse accidents"},
    "priority.backtest_view.death": {"zh": "有死亡事故", "en": "With deaths"},
    "priority.backtest_views_note": {
        "zh": "企业以家计；“前10% / 全部”为后一年该类事故中发生在前10%企业的起数 / 全部起数，占比为其比例；"
              "导出的.xlsx含全部列。",
        "en": "“Top 10 % / all”: the following year's accidents of the kind at the top-10 % enterprises / all of "
              "them, Share their ratio; the .xlsx holds every column.",
    },
    "priority.short.enterprises": {"zh": "在营企业", "en": "Active"},
    "priority.short.top_n": {"zh": "前10%企业", "en": "Top 10 %"},
    "priority.short.larger": {"zh": "前10% / 全部", "en": "Top 10 % / all"},
    "priority.short.death": {"zh": "前10% / 全部", "en": "Top 10 % / all"},
    "priority.short.larger_share": {"zh": "占比", "en": "Share"},
    "priority.short.death_share": {"zh": "占比", "en": "Share"},
    "priority.short.weights_changed": {"zh": "差别", "en": "Change"},
    "priority.backtest_formula": {
        "zh": "占比 = 后一年发生在前10%企业的事故数 ÷ 后一年全部（有所属企业的）事故数；随机预期 = 前10%企业数 ÷ 企业总数；分母为0时显示“—”。",
        "en": "Share = the following year's accidents at the top 10 % ÷ all its accidents with an enterprise; by "
        "chance = top-10 % enterprises ÷ all enterprises; “—” where the denominator is 0.",
    },
    "priority.calibration": {"zh": "权重检验：不同权重下的评分检验结果", "en": "Weight calibration: the back-test under other weights"},
    "priority.calibration_scope": {
        "zh": "{region} · {n}个评分日（{days}）合计 · 同一批数据，仅改变权重重新排名：当前权重与两组备选权重（把部分权重置为0）相比，"
        "哪一组让前10%企业覆盖更多后一年的事故。备选权重只用于检验，不改变已保存的权重。",
        "en": "{region} · {n} scoring days ({days}) pooled · the same data ranked again with other weights: the stored "
        "weights against two alternatives that set some weights to 0 — which puts more of the following year's "
        "accidents in the top 10 %. The alternatives are a what-if; the stored weights are not changed.",
    },
    "priority.calibration_formula": {
        "zh": "占比 = 各评分日后一年发生在前10%企业的事故数之和 ÷ 各评分日后一年全部（有所属企业的）事故数之和；"
        "随机预期 = 前10%企业数之和 ÷ 企业数之和；分母为0时显示“—”。各项权重在“设置”中可查看。",
        "en": "Share = the following years' accidents at the top 10 %, summed over the scoring days ÷ all their "
        "accidents with an enterprise; by chance = top-10 % enterprises ÷ all enterprises, summed; “—” where the "
        "denominator is 0. The weights are listed in Settings.",
    },
    "priority.calibration_zeroed": {"zh": "置为0：{names}", "en": "set to 0: {names}"},
    "priority.col_weight_set": {"zh": "权重方案", "en": "Weights"},
    "priority.col_weights_changed": {"zh": "与当前权重的差别", "en": "Change from the stored weights"},
    "priority.weights.stored": {"zh": "当前权重（已保存）", "en": "Stored weights"},
    "priority.weights.no_sector": {"zh": "备选一：不计行业固有风险", "en": "Alternative 1: without the sector"},
    "priority.weights.records_only": {
        "zh": "备选二：只计企业自身记录（不计行业、从业人数）", "en": "Alternative 2: the enterprise's records only (no sector, no head count)",
    },
    # ------------------------------------------------------------------------------------------ reasons
    "priority.reason.overdue_major": {"zh": "{n}项重大隐患逾期未销号", "en": "{n} major hazard(s) overdue, not closed"},
    "priority.reason.open_major": {"zh": "{n}项重大隐患整改中未销号", "en": "{n} major hazard(s) open, within the deadline"},
    "priority.reason.supervised_major": {
        "zh": "{n}项挂牌督办重大隐患未销号", "en": "{n} major hazard(s) under listed supervision (挂牌督办), open",
    },
    "priority.reason.overdue_general": {"zh": "{n}项一般隐患逾期未整改", "en": "{n} general hazard(s) overdue"},
    "priority.reason.accidents": {
        "zh": "近{years}年发生{grade}事故{n}起", "en": "{n} {grade} accident(s) in the last {years} years",
    },
    "priority.reason.deaths": {
        "zh": "近{years}年事故死亡（含失踪）{n}人", "en": "{n} death(s) (incl. missing) in the last {years} years",
    },
    "priority.reason.sector_high": {
        "zh": "高危行业：{sector}（固有风险{risk}）", "en": "High-risk sector: {sector} (inherent risk {risk})",
    },
    "priority.reason.sector": {"zh": "行业：{sector}（固有风险{risk}）", "en": "Sector: {sector} (inherent risk {risk})"},
    "priority.reason.sites": {
        "zh": "{n}处重点部位监控措施未落实", "en": "{n} key site(s) without monitoring measures in place",
    },
    "priority.reason.employees": {"zh": "从业人员{n}人", "en": "{n} employees"},
    "priority.reason.uninspected": {
        "zh": "距上次监管检查{days}天", "en": "{days} days since the last supervisory inspection",
    },
    "priority.reason.never_inspected": {
        "zh": "{days}天内未受监管检查（按{days}天计）",
        "en": "No supervisory inspection in {days} days (counted as {days} days)",
    },
}

ENUMS: dict[str, dict[str, dict[str, str]]] = {
    "priority_township_class": {
        "key": {"zh": "重点乡镇", "en": "Key"},
        "ordinary": {"zh": "一般乡镇", "en": "Ordinary"},
    },
    "priority_supervision": {
        "county": {"zh": "县级挂牌", "en": "County"},
        "city": {"zh": "市级挂牌", "en": "City"},
        "province": {"zh": "省级挂牌", "en": "Province"},
    },
    "risk_component": {
        "open_major_hazard": {"zh": "未销号重大隐患（项）", "en": "Open major hazards"},
        "overdue_major_hazard": {"zh": "其中逾期（项，另加）", "en": "Of which overdue (extra)"},
        "supervised_major_hazard": {"zh": "其中挂牌督办（项，另加）", "en": "Of which under listed supervision (extra)"},
        "overdue_general_hazard": {"zh": "逾期一般隐患（项）", "en": "Overdue general hazards"},
        "accident_death": {"zh": "近年事故死亡（人，按年份衰减）", "en": "Recent accident deaths (decayed)"},
        "larger_accident": {"zh": "近年较大及以上事故（起，按年份衰减）", "en": "Recent relatively major or worse accidents (decayed)"},
        "sector_inherent": {"zh": "行业固有风险系数", "en": "Sector inherent risk"},
        "key_site_not_in_place": {"zh": "措施未落实的重点部位（处）", "en": "Key sites without measures"},
        "employees_per_100": {"zh": "从业人员（百人，封顶10）", "en": "Employees (hundreds, capped at 10)"},
        "uninspected_per_90_days": {"zh": "距上次监管检查（整90天数）", "en": "Since the last supervisory inspection (full 90 days)"},
    },
}
