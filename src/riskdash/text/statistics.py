"""Texts of the accident statistics by class and of the control targets per class (issue 18; docs/rules.md
"Statistical classes"): the lines of the class table, the target bars and the 通报's sentences."""

TEXT = {
    # 行业主管部门 ("管行业必须管安全", issue 18): 事故趋势's and 重点部位's tables by department (screens/departments.py)
    "departments.tab": {"zh": "按行业主管部门", "en": "By responsible department"},
    "departments.total": {"zh": "合计", "en": "Total"},
    "departments.col_department": {"zh": "行业主管部门", "en": "Department"},
    "departments.sectors_line": {"zh": "各部门主管的行业：{parts}。", "en": "Sectors of each department: {parts}."},
    "departments.sectors_part": {"zh": "{department}：{sectors}", "en": "{department}: {sectors}"},
    "departments.col_larger": {"zh": "较大及以上", "en": "Rel. major+"},
    "departments.col_department_short": {"zh": "行业主管部门", "en": "Dept."},
    "departments.col_sites": {"zh": "重点部位（处）", "en": "Key sites"},
    "departments.col_fully_filed": {"zh": "市县均已备案", "en": "Filed (city, county)"},
    "departments.col_in_place": {"zh": "措施已落实", "en": "In place"},
    "departments.col_filed_with_department": {"zh": "已报本部门备案", "en": "Filed (dept.)"},
    "departments.accidents_note": {
        "zh": "管行业必须管安全：统计期间内的事故按所属行业的主管部门（设置“行业主管部门”）归类，每个行业只属一个部门，各部门之和等于合计；"
              "未在设置中列出的行业记为“—”。同比为与上年同期相比，上年同期为0时记“—”；较大及以上（起）为较大及以上事故起数。",
        "en": "Accidents of the period by the department responsible for their sector (setting sector_departments); each "
              "sector has one department, so the departments add up to the total; a sector not in the setting counts "
              "under —. 同比 against the same dates a year earlier, — without a base; Dept. = the responsible "
              "department; Rel. major+ = relatively major or worse accidents.",
    },
    # the department filter of 事故趋势's accident lists and 重点部位's ledger (in_department, sql/views/departments.sql)
    "departments.filter": {"zh": "行业主管部门", "en": "Responsible department"},
    "departments.filter_all": {"zh": "全部部门", "en": "All departments"},
    "departments.filter_note": {
        "zh": "仅列行业主管部门“{department}”主管行业（{sectors}）的{what}：{n}。",
        "en": "Only the {what} of the sectors of {department} ({sectors}): {n}.",
    },
    "departments.filter_what_accidents": {"zh": "事故", "en": "accidents"},
    "departments.filter_what_sites": {"zh": "重点部位（公共场所等无所属企业的部位不属任何部门）",
                                      "en": "key sites (a site of no enterprise, such as a public place, is in no "
                                            "department)"},
    "departments.filter_count_accidents": {"zh": "{n}起", "en": "{n}"},
    "departments.filter_count_sites": {"zh": "{n}处", "en": "{n}"},
    # 隐患治理's hazard lists by department (issue 18, "hazards … listed by department")
    "departments.filter_what_hazards": {"zh": "隐患", "en": "hazards"},
    "departments.filter_count_hazards": {"zh": "{n}项", "en": "{n}"},
    "departments.filter_name": {"zh": "{whole}（{department}）", "en": "{whole} ({department})"},
    "departments.sites_title": {"zh": "重点部位按行业主管部门", "en": "Key sites by responsible department"},
    "departments.sites_note": {
        "zh": "台账中的重点部位按所属企业行业的主管部门归类（公共场所等无企业的部位记为“—”）；“市县均已备案”截至数据日期；"
              "“已报本部门备案”为台账“报备有关部门”中列有该部门的部位数。",
        "en": "The ledger's key sites by the department of their enterprise's sector (a site of no enterprise, such "
              "as a public place, under —); filed with city and county by the data's as-of day; filed with the "
              "department: sites whose ledger entry names that department among the departments it was filed with.",
    },
    "classes.tab": {"zh": "按统计类别", "en": "By statistical class"},
    "classes.col_name": {"zh": "统计类别", "en": "Class"},
    "classes.note": {
        "zh": "按《生产安全事故统计调查制度》分类（行业的统计类别见设置）：工矿商贸分6个子类；道路交通、火灾分生产经营性和"
              "非生产经营性（未填写“是否经营性”的，有企业的计为经营性）；道路运输企业事故按企业所属行业另行统计，同时计入"
              "其统计类别，不计入合计。",
        "en": "Classes of the accident statistics system (each sector's class is set in Settings): 工矿商贸 in six "
              "subclasses; road traffic and fire split into commercial and non-commercial (where not recorded, an "
              "accident with an enterprise is commercial); accidents of road-transport enterprises are counted apart "
              "by the enterprise's sector, also in their own class, and not in the total.",
    },
    # the control targets per class (overview, under the total's bar)
    "classes.targets": {"zh": "分类控制指标", "en": "Control targets by class"},
    "classes.target.deaths": {
        "zh": "{what}死亡控制指标 {target} 人：1月1日至{to}死亡 {used} 人，已用{used_pct}，时间进度{elapsed}",
        "en": "{what}: target {target} deaths; {used} from 1 January to {to}, {used_pct} used, time elapsed "
              "{elapsed}",
    },
    "classes.target.larger": {
        "zh": "较大及以上事故控制指标 {target} 起：1月1日至{to}发生 {used} 起，已用{used_pct}，时间进度{elapsed}",
        "en": "Relatively major or worse accidents: target {target}; {used} from 1 January to {to}, {used_pct} used, "
              "time elapsed {elapsed}",
    },
    "classes.target.zero": {"zh": "（控制指标为0，不计使用比例）", "en": " (a target of 0: no share used)"},
    # the 通报 (official register, docs/rules.md#official-wording)
    "classes.brief.split": {"zh": "分类别看，{parts}。", "en": "By class: {parts}."},
    "classes.brief.part": {"zh": "{what}事故{accidents}起、死亡{deaths}人{sub}{change}",
                           "en": "{what} {accidents} accidents, {deaths} deaths{sub}{change}"},
    "classes.brief.part_none": {"zh": "{what}未发生事故（上年同期{previous}起）",
                                "en": "{what} no accident ({previous} a year earlier)"},
    "classes.brief.part_no_death": {"zh": "{what}事故{accidents}起、未造成人员死亡{sub}{change}",
                                    "en": "{what} {accidents} accidents, no death{sub}{change}"},
    "classes.brief.sub": {"zh": "（其中{parts}）", "en": " (of which {parts})"},
    "classes.brief.sub_part": {"zh": "{what}{accidents}起、死亡{deaths}人",
                               "en": "{what} {accidents} accidents, {deaths} deaths"},
    "classes.brief.sub_part_no_death": {"zh": "{what}{accidents}起", "en": "{what} {accidents} accidents"},
    "classes.brief.transport": {
        "zh": "道路运输企业发生事故{accidents}起、死亡{deaths}人（已计入上述类别）",
        "en": "road-transport enterprises {accidents} accidents, {deaths} deaths (already counted above)",
    },
    # the accident slide's compact line (issue 18): the classes' counts with 同比 of each
    "classes.slide.split": {"zh": "分类别：{parts}。", "en": "By class: {parts}."},
    "classes.slide.part": {"zh": "{what}{accidents}起、死亡{deaths}人{change}",
                           "en": "{what} {accidents} accidents, {deaths} deaths{change}"},
    "classes.slide.yoy": {"zh": "（同比{accidents}、{deaths}）", "en": " (y/y {accidents}, {deaths})"},
    "classes.slide.no_previous": {"zh": "（上年同期无）", "en": " (none a year earlier)"},
    "classes.slide.transport": {"zh": "道路运输企业{accidents}起、死亡{deaths}人（已计入上述类别）",
                                "en": "road-transport enterprises {accidents} accidents, {deaths} deaths "
                                      "(already counted above)"},
    "classes.brief.targets": {"zh": "分类控制指标方面，{parts}。", "en": "Control targets by class: {parts}."},
    "classes.brief.target_deaths": {
        "zh": "{what}死亡{used}人，占全年控制指标（{target}人）的{used_pct}{gap}",
        "en": "{what} {used} deaths, {used_pct} of the year's target ({target}){gap}",
    },
    "classes.brief.target_larger": {
        "zh": "较大及以上事故{used}起，占全年控制指标（{target}起）的{used_pct}{gap}",
        "en": "relatively major or worse accidents {used}, {used_pct} of the year's target ({target}){gap}",
    },
    "classes.brief.target_deaths_over": {
        "zh": "{what}死亡{used}人，已突破全年控制指标（{target}人）",
        "en": "{what} {used} deaths, above the year's target ({target})",
    },
    "classes.brief.target_larger_over": {
        "zh": "较大及以上事故{used}起，已突破全年控制指标（{target}起）",
        "en": "relatively major or worse accidents {used}, above the year's target ({target})",
    },
    "classes.brief.target_deaths_zero": {
        "zh": "{what}未发生亡人事故，控制指标为零",
        "en": "{what} no death, against a target of none",
    },
    "classes.brief.target_larger_zero": {
        "zh": "未发生较大及以上事故，控制指标为零",
        "en": "no relatively major or worse accident, against a target of none",
    },
}

ENUMS = {
    # the lines of the class table (metrics.classes.CLASS_LINES)
    "stat_line": {
        "total": {"zh": "合计", "en": "Total"},
        "industrial": {"zh": "工矿商贸", "en": "Industry, mining and trade"},
        "industrial.coal_mine": {"zh": "煤矿", "en": "Coal mines"},
        "industrial.metal_nonmetal_mine": {"zh": "金属非金属矿山", "en": "Metal and non-metal mines"},
        "industrial.construction": {"zh": "建筑施工", "en": "Construction"},
        "industrial.hazardous_chemicals": {"zh": "危险化学品", "en": "Hazardous chemicals"},
        "industrial.fireworks": {"zh": "烟花爆竹", "en": "Fireworks"},
        "industrial.other": {"zh": "工矿商贸其他", "en": "Other industry and trade"},
        "road_traffic": {"zh": "道路交通", "en": "Road traffic"},
        "road_traffic.commercial": {"zh": "生产经营性道路交通", "en": "Commercial road traffic"},
        "road_traffic.non_commercial": {"zh": "非生产经营性道路交通", "en": "Non-commercial road traffic"},
        "fire": {"zh": "火灾", "en": "Fire"},
        "fire.commercial": {"zh": "生产经营性火灾", "en": "Commercial fires"},
        "fire.non_commercial": {"zh": "非生产经营性火灾", "en": "Non-commercial fires"},
        "railway": {"zh": "铁路交通", "en": "Railway"},
        "waterway": {"zh": "水上交通", "en": "Waterway"},
        "fishing": {"zh": "渔业船舶", "en": "Fishing vessels"},
        "agricultural_machinery": {"zh": "农业机械", "en": "Agricultural machinery"},
        "road_transport": {"zh": "道路运输企业（另计，不计入合计）", "en": "Road-transport enterprises (apart, not in the total)"},
    },
    # a control target beside the total (class_targets.target_class)
    "target_class": {
        "industrial": {"zh": "工矿商贸", "en": "Industry, mining and trade"},
        "road_traffic": {"zh": "道路交通", "en": "Road traffic"},
        "fire": {"zh": "火灾", "en": "Fire"},
        "railway": {"zh": "铁路交通", "en": "Railway"},
        "waterway": {"zh": "水上交通", "en": "Waterway"},
        "fishing": {"zh": "渔业船舶", "en": "Fishing vessels"},
        "agricultural_machinery": {"zh": "农业机械", "en": "Agricultural machinery"},
        "larger_accidents": {"zh": "较大及以上事故", "en": "Relatively major or worse accidents"},
    },
}
