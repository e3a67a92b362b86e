"""Wording of the briefing content and its exports (汇报材料): slide sections, conclusions, the headline text in
the official register, KPI labels and table headings. zh first, en complete. The screen's own text is in
``text/briefing.py``; every key here starts with ``briefing.x.``.

Numbers are filled in by ``riskdash.briefing.headline`` from the metrics; nothing here holds a figure.
"""

TEXT: dict[str, dict[str, str]] = {
    # ------------------------------------------------------------------------------------------ deck
    "briefing.x.deck_title": {"zh": "{region}安全生产形势汇报", "en": "Work-safety briefing: {region}"},
    "briefing.x.deck_subtitle": {"zh": "统计期间：{period}", "en": "Period: {period}"},
    "briefing.x.demo": {"zh": "演示数据", "en": "Demo data"},
    "briefing.x.filters_text": {
        "zh": "统计期间 {period} · 区域 {region} · 截至{as_of}",
        "en": "Period {period} · region {region} · as of {as_of}",
    },
    "briefing.x.sector_text": {"zh": " · 行业 {sector}", "en": " · sector {sector}"},
    "briefing.x.generated": {"zh": "生成时间 {at}", "en": "Generated {at}"},
    "briefing.x.page": {"zh": "第{n}页", "en": "Page {n}"},
    "briefing.x.more_rows": {"zh": "共{total}项，列出前{shown}项", "en": "{total} in all, first {shown} listed"},
    "briefing.x.formula": {"zh": "口径：{text}", "en": "Formula: {text}"},
    # ------------------------------------------------------------------------------------------ sections
    "briefing.x.section.accidents": {"zh": "事故形势", "en": "Accidents"},
    "briefing.x.section.rectification": {"zh": "隐患治理", "en": "Hazard rectification"},
    "briefing.x.section.priority": {"zh": "重点部位", "en": "Key sites"},
    "briefing.x.section.townships": {"zh": "乡镇排名", "en": "Townships"},
    "briefing.x.section.next_steps": {"zh": "下步工作", "en": "Next steps"},
    # ------------------------------------------------------------------------------------------ places
    "briefing.x.region.city": {"zh": "全市", "en": "the city"},
    "briefing.x.region.county": {"zh": "全县", "en": "the county"},
    "briefing.x.region.district": {"zh": "全区", "en": "the district"},
    # ------------------------------------------------------------------------------------------ accidents
    "briefing.x.acc.main": {
        "zh": "{period}，{region}共发生生产安全事故{accidents}起、{deaths}",
        "en": "In {period}, {region} had {accidents} work-safety accidents with {deaths}",
    },
    "briefing.x.acc.main_no_deaths": {
        "zh": "{period}，{region}共发生生产安全事故{accidents}起，未发生亡人事故",
        "en": "In {period}, {region} had {accidents} work-safety accidents and no death",
    },
    "briefing.x.acc.deaths": {"zh": "死亡{deaths}人", "en": "{deaths} deaths"},
    "briefing.x.acc.deaths_missing": {
        "zh": "死亡{deaths}人（含失踪{missing}人）",
        "en": "{deaths} deaths (including {missing} missing)",
    },
    "briefing.x.acc.none": {
        "zh": "{period}，{region}未发生生产安全事故",
        "en": "In {period}, {region} had no work-safety accident",
    },
    "briefing.x.acc.none_previous": {
        "zh": "（上年同期发生{accidents}起、死亡{deaths}人）",
        "en": " (the same period last year: {accidents} accidents, {deaths} deaths)",
    },
    # the 同比 patterns of docs/rules.md#official-wording: 双下降 / 一升一降 / 双上升, cases on a small base
    "briefing.x.acc.both_down": {"zh": "同比实现“双下降”，{both}", "en": "both down year on year, {both}"},
    "briefing.x.acc.both_up": {"zh": "同比“双上升”，{both}，形势严峻", "en": "both up year on year, {both}: a serious situation"},
    "briefing.x.acc.both_flat": {"zh": "与上年同期持平", "en": "the same as a year earlier"},
    "briefing.x.acc.mixed": {
        "zh": "事故起数同比{a}、死亡人数{d}（“一升一降”）",
        "en": "accidents {a} and deaths {d} year on year (one up, one down)",
    },
    "briefing.x.acc.each_yoy": {"zh": "事故起数同比{a}、死亡人数{d}", "en": "accidents {a} and deaths {d} year on year"},
    "briefing.x.acc.each": {"zh": "事故起数{a}、死亡人数{d}", "en": "accidents {a}, deaths {d}"},
    "briefing.x.acc.one": {"zh": "{measure}同比{amount}", "en": "{measure} {amount} year on year"},
    "briefing.x.acc.previous_no_deaths": {
        "zh": "事故起数同比{a}，上年同期未发生亡人事故",
        "en": "accidents {a} year on year; there was no death in the same period last year",
    },
    "briefing.x.acc.zero_deaths": {
        "zh": "事故起数同比{a}，上年同期死亡{d}人",
        "en": "accidents {a} year on year; last year {d} deaths",
    },
    "briefing.x.acc.no_previous_data": {
        "zh": "上年同期无统计数据，同比无法计算",
        "en": "there are no data for the same period last year, so no year-on-year change",
    },
    "briefing.x.acc.previous_zero": {
        "zh": "上年同期未发生生产安全事故",
        "en": "there was no accident in the same period last year",
    },
    "briefing.x.change.down": {"zh": "下降{x}%", "en": "down {x}%"},
    "briefing.x.change.up": {"zh": "上升{x}%", "en": "up {x}%"},
    "briefing.x.change.flat": {"zh": "持平", "en": "unchanged"},
    "briefing.x.change.down_pair": {"zh": "分别下降{a}%、{d}%", "en": "down {a}% and {d}%"},
    "briefing.x.change.up_pair": {"zh": "分别上升{a}%、{d}%", "en": "up {a}% and {d}%"},
    "briefing.x.amount.down": {"zh": "减少{n}{unit}", "en": "down {n}{unit}"},
    "briefing.x.amount.up": {"zh": "增加{n}{unit}", "en": "up {n}{unit}"},
    "briefing.x.amount.flat": {"zh": "持平", "en": "unchanged"},
    "briefing.x.amount.down_pair": {"zh": "分别减少{a}起、{d}人", "en": "down {a} accidents and {d} deaths"},
    "briefing.x.amount.up_pair": {"zh": "分别增加{a}起、{d}人", "en": "up {a} accidents and {d} deaths"},
    "briefing.x.unit.accidents": {"zh": "起", "en": " accidents"},
    "briefing.x.acc.larger_yoy": {"zh": "，同比{amount}", "en": ", {amount} year on year"},
    "briefing.x.acc.larger_previous_zero": {
        "zh": "，上年同期未发生较大及以上事故",
        "en": ", none in the same period last year",
    },
    "briefing.x.acc.grade_count": {"zh": "{grade}事故{n}起", "en": "{n} {grade} accidents"},
    "briefing.x.acc.larger_and_above": {"zh": "较大及以上", "en": "relatively major or worse"},
    "briefing.x.acc.no_larger": {
        "zh": "；未发生较大及以上生产安全事故",
        "en": "; no relatively major or worse accident (较大及以上) occurred",
    },
    "briefing.x.acc.red_line": {
        "zh": "较大及以上事故的发生，突破了“坚决杜绝较大及以上事故”的红线，暴露出安全生产责任和措施落实不到位，"
        "教训十分深刻。",
        "en": "A relatively major or worse accident broke the red line of preventing every such accident: "
        "responsibilities and measures were not carried out, a grave lesson.",
    },
    "briefing.x.acc.both_measures": {"zh": "事故起数、死亡人数", "en": "Accidents and deaths "},
    "briefing.x.measure.accidents": {"zh": "事故起数", "en": "accidents"},
    "briefing.x.measure.deaths": {"zh": "死亡人数", "en": "deaths"},
    "briefing.x.target.ahead": {"zh": "，超时间进度{x}个百分点", "en": ", {x} points ahead of the time elapsed"},
    "briefing.x.target.behind": {"zh": "，低于时间进度{x}个百分点", "en": ", {x} points behind the time elapsed"},
    "briefing.x.target.on_time": {"zh": "，与时间进度持平", "en": ", level with the time elapsed"},
    "briefing.x.mom": {
        "zh": "与上月同期（{period}）相比，事故起数{a}、死亡人数{d}。",
        "en": "Against the same days of the previous month ({period}): accidents {a}, deaths {d}.",
    },
    "briefing.x.mom.previous_zero": {
        "zh": "上月同期（{period}）未发生生产安全事故。",
        "en": "No accident in the same days of the previous month ({period}).",
    },
    "briefing.x.target": {
        "zh": "{year}年以来死亡{deaths}人，占全年控制指标（{target}人）的{used}",
        "en": "Since 1 January {year}: {deaths} deaths, {used} of the year's control target ({target})",
    },
    "briefing.x.target_over": {
        "zh": "{year}年以来死亡{deaths}人，已突破全年控制指标（{target}人）",
        "en": "Since 1 January {year}: {deaths} deaths, above the year's control target ({target})",
    },
    "briefing.x.projection_over": {
        "zh": "；按往年同期测算，全年预计死亡约{projected}人，有突破控制指标的风险。",
        "en": "; at the pace of earlier years about {projected} deaths are projected for the year, above the target.",
    },
    "briefing.x.projection_within": {
        "zh": "；按往年同期测算，全年预计死亡约{projected}人，在控制指标以内。",
        "en": "; at the pace of earlier years about {projected} deaths are projected for the year, within the target.",
    },
    # accident slide conclusions
    "briefing.x.acc_title.none": {"zh": "未发生生产安全事故", "en": "No work-safety accident"},
    "briefing.x.acc_title.missing": {"zh": "事故数据缺失，无法研判形势", "en": "No accident data for the period"},
    "briefing.x.acc_title.no_compare": {
        "zh": "发生事故{accidents}起、死亡{deaths}人",
        "en": "{accidents} accidents, {deaths} deaths",
    },
    "briefing.x.acc_title.no_deaths": {
        "zh": "发生事故{accidents}起，未发生亡人事故",
        "en": "{accidents} accidents, no death",
    },
    "briefing.x.acc_title.larger": {
        "zh": "{grade}事故{n}起{change}；",
        "en": "{n} {grade} accident(s){change}; ",
    },
    "briefing.x.acc.missing": {
        "zh": "统计期间没有事故数据（数据库中的事故记录晚于统计期间或尚未导入），本部分不作研判。",
        "en": "There are no accident data for the period (the records start later or were not imported).",
    },
    # ------------------------------------------------------------------------------------------ rectification
    "briefing.x.rect.main": {
        "zh": "{period}，{region}共排查登记隐患{found}项，已整改{rectified}项，整改率{rate}",
        "en": "In {period}, {region} recorded {found} hazards; {rectified} rectified, a rate of {rate}",
    },
    "briefing.x.rect.major": {
        "zh": "；其中重大隐患{major_found}项，已整改销号{major_closed}项，整改率{major_rate}。",
        "en": "; {major_found} major hazards, {major_closed} closed after verification ({major_rate}).",
    },
    "briefing.x.rect.no_major": {"zh": "；未排查出重大隐患。", "en": "; no major hazard was found."},
    # the stock on the as-of day (every hazard found on or before it): 逾期未销号 includes majors rectified and
    # awaiting verification, 逾期未整改 does not (docs/rules.md#official-wording)
    "briefing.x.rect.stock": {
        "zh": "截至{as_of}，尚有逾期未销号隐患{overdue}项，{major}；{supervised}。",
        "en": "As of {as_of}, {overdue} hazards are overdue and not closed, {major}; {supervised}.",
    },
    "briefing.x.rect.stock_clear": {
        "zh": "截至{as_of}，无逾期未销号隐患；{supervised}。",
        "en": "As of {as_of}, no hazard is overdue; {supervised}.",
    },
    "briefing.x.rect.stock_major": {
        "zh": "其中重大隐患{n}项（{unrectified}项逾期未整改、{awaiting}项已整改待验收）",
        "en": "{n} of them major ({unrectified} not rectified, {awaiting} rectified and awaiting verification)",
    },
    "briefing.x.rect.stock_major_all_unrectified": {
        "zh": "其中重大隐患{n}项（均逾期未整改）",
        "en": "{n} of them major (none rectified)",
    },
    "briefing.x.rect.stock_major_all_awaiting": {
        "zh": "其中重大隐患{n}项（均已整改待验收）",
        "en": "{n} of them major (all rectified and awaiting verification)",
    },
    "briefing.x.rect.stock_no_major": {"zh": "无逾期重大隐患", "en": "none of them major"},
    "briefing.x.rect.supervised": {
        "zh": "挂牌督办重大隐患未摘牌{n}项",
        "en": "{n} listed major hazards are not yet delisted",
    },
    "briefing.x.rect.missing": {
        "zh": "统计期间内没有登记隐患，整改率无法计算（—）。",
        "en": "No hazard was recorded in the period: no rectification rate (—).",
    },
    "briefing.x.rect_title.overdue": {
        "zh": "隐患整改率{rate}，尚有逾期未销号隐患{overdue}项",
        "en": "Rectification rate {rate}, {overdue} hazards overdue",
    },
    "briefing.x.rect_title.clear": {
        "zh": "隐患整改率{rate}，无逾期未销号隐患",
        "en": "Rectification rate {rate}, none overdue",
    },
    "briefing.x.rect_title.missing": {"zh": "统计期间未登记隐患", "en": "No hazards recorded in the period"},
    # ------------------------------------------------------------------------------------------ priority
    "briefing.x.prio.main": {"zh": "截至{as_of}，{region}在营企业{enterprises}家，按风险评分，其中红色预警企业{red}家、重点关注企业（橙色）{orange}家。", "en": "As of {as_of}, {region} has {enterprises} active enterprises; by risk score, {red} are on red alert and {orange} need close attention (orange)."},
    "briefing.x.prio.ledger": {"zh": "重点部位台账{key_sites}处，其中未完成市县两级备案{not_fully_filed}处、监控措施未落实{measures_not_in_place}处；{townships_without_sites}个乡镇未上报重点部位。", "en": "The key-site ledger holds {key_sites} sites: {not_fully_filed} not filed with both city and county, {measures_not_in_place} without their measures in place; {townships_without_sites} townships list no site."},
    "briefing.x.prio.missing": {
        "zh": "所选区域没有在营企业，无法进行风险排序。",
        "en": "The region has no active enterprise to rank.",
    },
    "briefing.x.prio_title.red": {"zh": "红色预警企业{red}家，需重点盯防", "en": "Red-alert enterprises: {red}, to be watched closely"},
    "briefing.x.prio_title.no_red": {"zh": "无红色预警企业，重点关注企业{orange}家", "en": "No red-alert enterprise; {orange} need close attention"},
    "briefing.x.prio_title.unfiled": {
        "zh": "；{n}处重点部位未完成备案",
        "en": "; {n} key sites not fully filed",
    },
    "briefing.x.prio_title.missing": {"zh": "无在营企业可排序", "en": "No enterprise to rank"},
    # ------------------------------------------------------------------------------------------ townships
    "briefing.x.town.main": {"zh": "{year}年乡镇安全生产考核（截至{as_of}）：{n}个乡镇中合格{passed}个、不合格{failed}个，其中一票否决{vetoed}个。", "en": "Township assessment {year} (as of {as_of}): of {n} townships {passed} passed and {failed} failed, {vetoed} of them by one-vote veto."},
    "briefing.x.town.missing": {
        "zh": "所选区域没有乡镇级区域，无法进行乡镇排名。",
        "en": "The region holds no township-level region to rank.",
    },
    "briefing.x.town_title.all_passed": {"zh": "{n}个乡镇考核全部合格", "en": "All {n} townships passed"},
    "briefing.x.town_title.missing": {"zh": "无乡镇可排名", "en": "No township to rank"},
    # ------------------------------------------------------------------------------------------ next steps
    "briefing.x.next.intro": {"zh": "下步工作重点：", "en": "Priorities: "},
    "briefing.x.next.overdue_major": {
        "zh": "督促{n}项逾期未销号重大隐患限期整改销号",
        "en": "get {n} overdue major hazards rectified and closed",
    },
    "briefing.x.next.unfiled": {
        "zh": "推动{n}处重点部位完成市县两级备案",
        "en": "have {n} key sites filed with the city and the county",
    },
    "briefing.x.next.uninspected": {
        "zh": "对{n}家超过{days}天未检查的红色预警和重点关注企业开展检查",
        "en": "inspect {n} red-alert and close-attention enterprises not inspected for over {days} days",
    },
    "briefing.x.next.none": {
        "zh": "逾期未销号重大隐患、重点部位备案和红色预警和重点关注企业检查均无遗留事项，继续保持。",
        "en": "No overdue major hazard, unfiled key site or uninspected red-alert or close-attention enterprise is left: keep it so.",
    },
    "briefing.x.next.ordinals": {"zh": "一是|二是|三是", "en": "first, |second, |third, "},
    "briefing.x.next_title": {
        "zh": "下步重点：逾期未销号重大隐患{overdue_major}项、未备案重点部位{unfiled}处、未检查红色预警和重点关注企业{uninspected}家",
        "en": "Next: {overdue_major} overdue major hazards, {unfiled} unfiled key sites, {uninspected} uninspected "
        "red-alert and close-attention enterprises",
    },
    "briefing.x.next_title.none": {"zh": "下步重点：巩固成果、持续排查", "en": "Next: keep up the checks"},
    "briefing.x.next_title.missing": {"zh": "下步工作：缺少企业与隐患数据", "en": "Next steps: no enterprise or hazard data"},
    "briefing.x.next.missing": {
        "zh": "所选区域没有在营企业、隐患和重点部位记录，无法从数据列出下步工作。",
        "en": "The region has no active enterprise, hazard or key-site record to list next steps from.",
    },
    "briefing.x.next.kind.overdue_major": {"zh": "逾期未销号重大隐患", "en": "Overdue major hazards not closed"},
    "briefing.x.next.kind.unfiled": {"zh": "重点部位未备案", "en": "Key site not filed"},
    "briefing.x.next.kind.uninspected": {"zh": "红色预警或重点关注企业未检查", "en": "Red-alert or close-attention enterprise not inspected"},
    "briefing.x.next.detail.overdue": {"zh": "逾期{days}天", "en": "{days} days overdue"},
    "briefing.x.next.detail.unfiled_city": {"zh": "未报市级备案", "en": "not filed with the city"},
    "briefing.x.next.detail.unfiled_county": {"zh": "未报县级备案", "en": "not filed with the county"},
    "briefing.x.next.detail.unfiled_both": {"zh": "市县均未备案", "en": "filed with neither"},
    "briefing.x.next.detail.never": {"zh": "从未检查", "en": "never inspected"},
    "briefing.x.next.detail.days": {"zh": "{days}天未检查", "en": "{days} days since inspected"},
    "briefing.x.missing_metric": {
        "zh": "本部分指标尚未建成（{name}），暂不列示。",
        "en": "This part's metrics are not built yet ({name}).",
    },
    # ------------------------------------------------------------------------------------------ KPIs
    "briefing.x.kpi.accidents": {"zh": "事故起数", "en": "Accidents"},
    "briefing.x.kpi.deaths": {"zh": "死亡（含失踪）", "en": "Deaths incl. missing"},
    "briefing.x.kpi.yoy_accidents": {"zh": "起数同比", "en": "Accidents y/y"},
    "briefing.x.kpi.yoy_deaths": {"zh": "死亡同比", "en": "Deaths y/y"},
    "briefing.x.kpi.larger_and_above": {"zh": "较大及以上事故", "en": "Relatively major or worse accidents"},
    # 结案 (issue 18; metrics.accidents.investigations): one sentence after the 事故形势 paragraph
    "briefing.x.acc.closing": {"zh": "期内事故已结案{closed}起，结案率{pct}", "en": "{closed} of the period's accidents closed ({pct})"},
    "briefing.x.acc.closing_clear": {"zh": "；截至{as_of}，无逾期未结案事故。", "en": "; on {as_of} no case is open past its deadline."},
    "briefing.x.acc.closing_overdue": {
        "zh": "；截至{as_of}，逾期未结案事故{n}起（事故发生之日起超过{days}天）。",
        "en": "; on {as_of}, {n} case(s) open past the deadline ({days} days from the accident).",
    },
    # 较大涉险 and 一般亡人事故 (issue 18; headline.notable_sentence): a paragraph of the 通报 after 事故形势
    "briefing.x.acc.risk": {"zh": "期内发生较大涉险事故{n}起",
                            "en": "In the period, {n} relatively major risk-involved accidents (较大涉险) occurred"},
    "briefing.x.acc.risk_none": {"zh": "期内未发生较大涉险事故",
                                 "en": "In the period, no relatively major risk-involved accident (较大涉险) occurred"},
    "briefing.x.acc.risk_previous_zero": {"zh": "，上年同期未发生较大涉险事故", "en": ", none in the same period last year"},
    "briefing.x.acc.fatal": {"zh": "；一般亡人事故{n}起、死亡{deaths}人",
                             "en": "; {n} general accidents with deaths (一般亡人事故), {deaths} deaths"},
    "briefing.x.acc.fatal_none": {"zh": "；未发生一般亡人事故", "en": "; no general accident with deaths (一般亡人事故)"},
    "briefing.x.acc.fatal_none_previous": {
        "zh": "（上年同期{accidents}起、死亡{deaths}人）",
        "en": " (the same period last year: {accidents} accidents, {deaths} deaths)",
    },
    "briefing.x.acc.fatal_previous_zero": {"zh": "上年同期未发生一般亡人事故", "en": "none in the same period last year"},
    "briefing.x.acc.notable_none": {
        "zh": "期内未发生较大涉险事故和一般亡人事故。",
        "en": "In the period, no relatively major risk-involved accident (较大涉险) and no general accident with deaths "
              "(一般亡人事故) occurred.",
    },
    # 四不放过 (issue 18; sql/accidents/four_measures.sql): the 通报's paragraph on the period's closed cases
    "briefing.x.acc.measures_all": {"zh": "期内已结案的{closed}起事故“四不放过”措施均已全部落实。",
                                    "en": "The four measures of 四不放过 are done in every case closed in the "
                                          "period ({closed})."},
    "briefing.x.acc.measures_some": {
        "zh": "期内已结案的{closed}起事故中，“四不放过”措施全部落实{done}起，未全部落实{rest}起，涉及{missing}。",
        "en": "Of the {closed} cases closed in the period, all four measures of 四不放过 are done in {done} and not in "
              "{rest}: {missing}.",
    },
    "briefing.x.acc.measures_none": {
        "zh": "期内已结案的{closed}起事故“四不放过”措施均未全部落实，涉及{missing}。",
        "en": "In none of the {closed} cases closed in the period are all four measures of 四不放过 done: {missing}.",
    },
    "briefing.x.acc.missing.cause": {"zh": "事故原因未查清{n}起", "en": "cause not found in {n}"},
    "briefing.x.acc.missing.responsible": {"zh": "责任人员未处理{n}起", "en": "those responsible not dealt with in {n}"},
    "briefing.x.acc.missing.measures": {"zh": "整改措施未落实{n}起", "en": "corrective measures not taken in {n}"},
    "briefing.x.acc.missing.educated": {"zh": "有关人员未受到教育{n}起", "en": "people concerned not educated in {n}"},
    "briefing.x.formula.rate": {
        "zh": "（一般隐患已整改 + 重大隐患已整改销号）÷ 排查隐患",
        "en": "(general rectified + major closed after verification) ÷ hazards found",
    },
    "briefing.x.formula.major_rate": {
        "zh": "重大隐患已整改销号 ÷ 重大隐患",
        "en": "major hazards closed after verification ÷ major hazards found",
    },
    # ------------------------------------------------------------------------------------------ charts and tables
    "briefing.x.chart.deaths_by_month": {"zh": "死亡人数（含失踪）逐月对比", "en": "Deaths (incl. missing) by month"},
    "briefing.x.chart.this_period": {"zh": "本期", "en": "This period"},
    "briefing.x.chart.previous_period": {"zh": "上年同期", "en": "Same period last year"},
    "briefing.x.chart.month": {"zh": "{year}年{month}月", "en": "{year}-{month:02d}"},
    "briefing.x.chart.month_of_year": {"zh": "{month}月", "en": "Month {month}"},
    "briefing.x.unit.people": {"zh": "人", "en": "people"},
    "briefing.x.unit.pct": {"zh": "整改率（%）", "en": "Rate (%)"},
    "briefing.x.unit.enterprises": {"zh": "家", "en": "enterprises"},
    "briefing.x.unit.score": {"zh": "分", "en": "points"},
    "briefing.x.chart.rate_by_township": {
        "zh": "隐患整改率最低的乡镇", "en": "Townships with the lowest rectification rate",
    },
    "briefing.x.chart.rate": {"zh": "整改率", "en": "Rectification rate"},
    "briefing.x.chart.red_orange": {"zh": "红色预警和重点关注企业最多的乡镇", "en": "Townships with the most red-alert and close-attention enterprises"},
    "briefing.x.chart.red": {"zh": "红色预警", "en": "Red alert"},
    "briefing.x.chart.orange": {"zh": "重点关注", "en": "Close attention"},
    "briefing.x.chart.township_scores": {"zh": "考核得分最低的乡镇", "en": "Townships with the lowest scores"},
    "briefing.x.chart.score": {"zh": "考核得分", "en": "Score"},
    "briefing.x.table.larger": {"zh": "较大及以上事故", "en": "Relatively major or worse accidents"},
    "briefing.x.table.overdue_major": {"zh": "逾期未销号重大隐患", "en": "Overdue major hazards not closed"},
    "briefing.x.col.state": {"zh": "整改情况", "en": "State"},
    "briefing.x.state.unrectified": {"zh": "未整改", "en": "Not rectified"},
    "briefing.x.state.awaiting": {"zh": "待验收", "en": "Awaiting verification"},
    "briefing.x.table.red_sites": {"zh": "红色预警企业", "en": "Red-alert enterprises"},
    "briefing.x.table.townships": {"zh": "需重点关注的乡镇", "en": "Townships needing attention"},
    "briefing.x.table.next_steps": {"zh": "下步工作清单", "en": "Next-step list"},
    "briefing.x.col.date": {"zh": "日期", "en": "Date"},
    "briefing.x.col.region": {"zh": "地区", "en": "Region"},
    "briefing.x.col.township": {"zh": "乡镇", "en": "Township"},
    "briefing.x.col.enterprise": {"zh": "企业", "en": "Enterprise"},
    "briefing.x.col.type": {"zh": "事故类型", "en": "Type"},
    "briefing.x.col.grade": {"zh": "等级", "en": "Grade"},
    "briefing.x.col.deaths": {"zh": "死亡（含失踪）", "en": "Deaths incl. missing"},
    "briefing.x.col.hazard": {"zh": "隐患编号", "en": "Hazard"},
    "briefing.x.col.deadline": {"zh": "整改期限", "en": "Deadline"},
    "briefing.x.col.days_overdue": {"zh": "逾期天数", "en": "Days overdue"},
    "briefing.x.col.supervision": {"zh": "挂牌督办", "en": "Listed by"},
    "briefing.x.col.score": {"zh": "风险评分", "en": "Risk score"},
    "briefing.x.col.reasons": {"zh": "主要原因", "en": "Main reasons"},
    "briefing.x.col.assessment_score": {"zh": "考核得分", "en": "Score"},
    "briefing.x.col.result": {"zh": "结果", "en": "Result"},
    "briefing.x.col.veto": {"zh": "否决原因", "en": "Veto reasons"},
    "briefing.x.col.kind": {"zh": "事项", "en": "Item"},
    "briefing.x.col.object": {"zh": "对象", "en": "Subject"},
    "briefing.x.col.detail": {"zh": "情况", "en": "Detail"},
    "briefing.x.result.passed": {"zh": "合格", "en": "Passed"},
    "briefing.x.result.failed": {"zh": "不合格", "en": "Failed"},
    "briefing.x.result.vetoed": {"zh": "一票否决", "en": "Vetoed"},
    "briefing.x.kpi.orange": {"zh": "重点关注企业", "en": "Close-attention enterprises"},
    "briefing.x.town_title.failed": {"zh": "{failed}个乡镇考核不合格，其中{vetoed}个一票否决", "en": "Townships failed: {failed}, by veto: {vetoed}"},
    "briefing.x.kpi.passed": {"zh": "考核合格", "en": "Passed"},
    "briefing.x.kpi.failed": {"zh": "考核不合格", "en": "Failed"},
    "briefing.x.unit.items": {"zh": "项", "en": "items"},
    "briefing.x.unit.sites": {"zh": "处", "en": "sites"},
    "briefing.x.unit.townships": {"zh": "个", "en": "townships"},
    "briefing.x.unit.deaths": {"zh": "人", "en": " deaths"},
    "briefing.x.acc.larger": {"zh": "；其中{grades}、死亡{deaths}人", "en": "; of these, {grades} with {deaths} deaths"},
    "briefing.x.acc.larger_many": {"zh": "；其中{grades}，共死亡{deaths}人", "en": "; of these, {grades}, with {deaths} deaths in all"},
    "briefing.x.kpi.target_used": {"zh": "控制指标使用", "en": "Death target used"},
    "briefing.x.kpi.found": {"zh": "排查隐患", "en": "Hazards found"},
    "briefing.x.kpi.rate": {"zh": "隐患整改率", "en": "Rectification rate"},
    "briefing.x.kpi.major_rate": {"zh": "重大隐患整改率", "en": "Major-hazard rectification rate"},
    "briefing.x.kpi.overdue": {"zh": "逾期未销号隐患", "en": "Overdue, not closed"},
    "briefing.x.kpi.supervised_open": {"zh": "挂牌督办未摘牌", "en": "Listed supervision not lifted"},
    "briefing.x.kpi.red": {"zh": "红色预警企业", "en": "Red-alert enterprises"},
    "briefing.x.kpi.key_sites": {"zh": "重点部位", "en": "Key sites"},
    "briefing.x.kpi.not_fully_filed": {"zh": "未完成备案", "en": "Not fully filed"},
    "briefing.x.kpi.measures_not_in_place": {"zh": "措施未落实", "en": "Measures not in place"},
    "briefing.x.kpi.townships": {"zh": "乡镇数", "en": "Townships"},
    "briefing.x.kpi.vetoed": {"zh": "一票否决", "en": "Vetoed"},
    "briefing.x.kpi.overdue_major": {"zh": "逾期未销号重大隐患", "en": "Overdue major hazards not closed"},
    "briefing.x.kpi.unfiled": {"zh": "未备案重点部位", "en": "Unfiled key sites"},
    "briefing.x.kpi.uninspected": {"zh": "未检查红色预警和重点关注企业", "en": "Uninspected red-alert and close-attention enterprises"},
    "briefing.x.formula.yoy": {"zh": "（本期 − 上年同期）÷ 上年同期 × 100%，上年同期为0时为“—”", "en": "(this period − same period last year) ÷ last year × 100 %; “—” where last year is 0"},
    "briefing.x.formula.target_used": {"zh": "今年1月1日以来死亡（含失踪）÷ 全年控制指标", "en": "deaths (incl. missing) since 1 January ÷ the year's control target"},
}
