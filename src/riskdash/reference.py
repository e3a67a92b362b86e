"""Default reference lists: sectors, accident types, checklist items, risk weights, thresholds, settings.

These are the rows a new database starts with (``import`` into a new path, ``demo``). All of them are data:
another province edits them on the settings screen or imports its own. Sources are cited in docs/rules.md and
docs/settings.md.
"""

from __future__ import annotations

import duckdb

# code, name_zh, name_en, aliases, statistical class, inherent risk (relative, 1 = ordinary), high-risk
SECTORS: list[tuple[str, str, str, str, str, float, bool]] = [
    ("coal_mine", "煤矿", "Coal mines", "煤矿企业|煤炭开采", "industrial", 5.0, True),
    ("metal_nonmetal_mine", "金属非金属矿山", "Metal and non-metal mines", "非煤矿山|金属矿山|非金属矿山", "industrial", 4.0, True),
    ("hazardous_chemicals", "危险化学品", "Hazardous chemicals", "危化品|危险化学品企业|化工", "industrial", 4.5, True),
    ("fireworks", "烟花爆竹", "Fireworks", "烟花|爆竹", "industrial", 4.5, True),
    ("construction", "建筑施工", "Construction", "建筑业|房屋市政工程|建设工程", "industrial", 3.5, True),
    ("industry_trade", "工贸", "Industry and trade", "工商贸|冶金|有色|建材|机械|轻工|纺织|烟草|商贸", "industrial", 2.0, False),
    ("road_transport", "道路运输", "Road transport", "道路交通|道路运输企业|交通运输", "road_traffic", 3.0, False),
    ("fire", "消防（人员密集场所）", "Fire (crowded places)", "消防|人员密集场所|火灾", "fire", 2.5, True),
    ("special_equipment", "特种设备", "Special equipment", "特种设备使用单位", "industrial", 2.5, False),
    ("gas", "城镇燃气", "Town gas", "燃气|城镇燃气企业", "industrial", 3.5, True),
    ("waterway", "水上交通", "Waterway transport", "水上交通运输|水运", "waterway", 3.0, False),
    ("fishing", "渔业船舶", "Fishing vessels", "渔业|渔船", "fishing", 3.0, False),
    ("agricultural_machinery", "农业机械", "Agricultural machinery", "农机", "agricultural_machinery", 2.0, False),
    ("other", "其他", "Other", "其他行业", "industrial", 1.0, False),
]

# GB 6441-86 《企业职工伤亡事故分类》, the 20 classes
ACCIDENT_TYPES: list[tuple[str, str, str]] = [
    ("object_strike", "物体打击", "Struck by object"),
    ("vehicle", "车辆伤害", "Vehicle injury"),
    ("machinery", "机械伤害", "Machinery injury"),
    ("lifting", "起重伤害", "Lifting injury"),
    ("electric_shock", "触电", "Electric shock"),
    ("drowning", "淹溺", "Drowning"),
    ("scald_burn", "灼烫", "Scald or burn"),
    ("fire", "火灾", "Fire"),
    ("fall_from_height", "高处坠落", "Fall from height"),
    ("collapse", "坍塌", "Collapse"),
    ("roof_fall", "冒顶片帮", "Roof or rib fall"),
    ("water_inrush", "透水", "Water inrush"),
    ("blasting", "放炮", "Blasting"),
    ("explosive_explosion", "火药爆炸", "Explosive explosion"),
    ("gas_explosion", "瓦斯爆炸", "Gas (firedamp) explosion"),
    ("boiler_explosion", "锅炉爆炸", "Boiler explosion"),
    ("vessel_explosion", "容器爆炸", "Pressure vessel explosion"),
    ("other_explosion", "其他爆炸", "Other explosion"),
    ("poisoning_asphyxiation", "中毒和窒息", "Poisoning and asphyxiation"),
    ("other_injury", "其他伤害", "Other injury"),
]

# 乡镇安全监管规范化建设: one province's list, from the speeches (seed/). code, group, zh, en, applies to
CHECKLIST_ITEMS: list[tuple[str, str, str, str, str]] = [
    ("org_setup", "机构建设", "设立安全生产监管机构（安监站）", "Safety supervision station set up", "all"),
    ("duties", "职责规范", "明确监管职责并公布", "Supervision duties defined and published", "all"),
    ("funding", "经费保障", "安全监管工作经费列入财政预算", "Supervision budget line in the township budget", "all"),
    ("station_head", "队伍建设", "配备专职安监站长", "Full-time station head", "key"),
    # computed from township_stations (schema 19): binds a township whose class requires full-time staff
    ("full_time_staff", "队伍建设", "专职安监人员达到配备标准", "Full-time staff at the required number", "all"),
    ("named_person", "队伍建设", "明确专人负责安全监管", "A named person responsible for supervision", "all"),
    ("six_office", "六有", "有固定办公场所", "Office rooms", "all"),
    ("six_equipment", "六有", "有电脑、打印机、传真机等办公设备", "Computer, printer and fax", "all"),
    ("six_vehicle", "六有", "有执法车辆", "Enforcement vehicle", "all"),
    ("six_recording", "六有", "有执法记录仪和照相摄像设备", "Recording and camera equipment", "all"),
    ("six_testing", "六有", "有现场检测设备", "On-site testing equipment", "all"),
    ("six_ppe", "六有", "有个体防护装备", "Personal protective equipment", "all"),
    ("delegated_enforcement", "委托执法", "取得县级委托执法资格", "Delegated enforcement powers", "all"),
    ("rules", "制度建设", "建立监管工作制度", "Supervision rules in place", "all"),
    ("archives", "基础档案", "建立企业安全生产基础档案", "Enterprise safety archives", "all"),
    # "四个必须到位": staff, budget and powers are the items full_time_staff (or named_person), funding and
    # delegated_enforcement (sql/campaigns/four_in_place.sql); only dual management is an item of its own
    ("four_dual", "四个必须到位", "双重管理必须到位", "Dual management in place", "all"),
]

# 重大事故隐患判定依据 (issue 18; schema 26, docs/import.md kind hazard-bases): code, sector, standard, title zh, en.
# 应急管理部令第10号《工贸企业重大事故隐患判定标准》(2023): Art. 3 every 工贸 enterprise, Arts. 4–10 the seven
# industries, Arts. 11–13 dust explosion, ammonia refrigeration, confined spaces; other sectors' standards one
# entry each (their items are added by the province with the import kind)
# Article numbers checked against the published text (issue 18) in third-party reprints of the decree (its
# publication of 2023-04-19 and 中国应急管理报 2023-06-01 and 06-22, 第04版; the ministry's own page was not at hand,
# so the addresses below are reprints, not the authority):
#   Arts. 1–4 (scope 冶金、有色、建材、机械、轻工、纺织、烟草、商贸; Art. 3 the general cases; Art. 4 冶金):
#     http://anzhuopai.com/szb/pc/col/202306/01/content_202904.html, http://m.by1723.com/xwzx/hydt/202304/t20230419_73880.html
#   Art. 6 建材 and Art. 7 机械: http://boglecoveoysterhouse.net/szb/pc/col/202306/22/content_204908.html
#   Art. 12 液氨制冷 and Art. 13 硫化氢、一氧化碳等中毒风险的有限空间作业: http://www.hftpay.net/news/show/229.html
#   Art. 3 also as quoted by 江门市 (http://www.jiangmen.gov.cn/gzhd/zhzw/content/post_2849362.html).
# Not seen under their numbers: Art. 5 有色, 8 轻工, 9 纺织, 10 烟草 and 11 粉尘爆炸 — they follow from the above:
# Arts. 4–10 take the seven industries in Art. 2's order (商贸 has no article of its own) and 11 precedes 12; the
# wording of 11 ("存在粉尘爆炸危险的工贸企业") and the 烟草 cases (熏蒸、膨胀烟丝) were seen without their numbers.
# No number or title needed correcting.
_DECREE_10 = "应急管理部令第10号《工贸企业重大事故隐患判定标准》（2023）"
HAZARD_BASES: list[tuple[str, str, str, str, str]] = [
    ("工贸-第3条", "industry_trade", _DECREE_10,
     "工贸企业通用情形（承包承租单位管理、特种作业人员资格、金属冶炼企业负责人和安全管理人员考核）",
     ("All industry and trade enterprises (contractors and tenants, special-work qualification, metal smelting "
      "managers examined)")),
    ("工贸-第4条", "industry_trade", _DECREE_10,
     "冶金企业情形", "Metallurgy enterprises"),
    ("工贸-第5条", "industry_trade", _DECREE_10,
     "有色企业情形", "Non-ferrous metal enterprises"),
    ("工贸-第6条", "industry_trade", _DECREE_10,
     "建材企业情形", "Building-material enterprises"),
    ("工贸-第7条", "industry_trade", _DECREE_10,
     "机械企业情形", "Machinery enterprises"),
    ("工贸-第8条", "industry_trade", _DECREE_10,
     "轻工企业情形", "Light-industry enterprises"),
    ("工贸-第9条", "industry_trade", _DECREE_10,
     "纺织企业情形", "Textile enterprises"),
    ("工贸-第10条", "industry_trade", _DECREE_10,
     "烟草企业情形", "Tobacco enterprises"),
    ("工贸-第11条", "industry_trade", _DECREE_10,
     "存在粉尘爆炸危险的工贸企业情形", "Enterprises with a dust explosion hazard"),
    ("工贸-第12条", "industry_trade", _DECREE_10,
     "使用液氨制冷的工贸企业情形", "Enterprises using ammonia refrigeration"),
    ("工贸-第13条", "industry_trade", _DECREE_10,
     "存在硫化氢、一氧化碳等中毒风险的有限空间作业情形", "Confined-space work with a risk of hydrogen sulphide, carbon monoxide or other poisoning"),
    ("化工-判定标准", "hazardous_chemicals", "安监总管三〔2017〕121号《化工和危险化学品生产经营单位重大生产安全事故隐患判定标准（试行）》",
     "该标准所列情形", "An item of the chemicals and hazardous-chemicals standard"),
    ("烟花爆竹-判定标准", "fireworks", "安监总管三〔2017〕121号《烟花爆竹生产经营单位重大生产安全事故隐患判定标准（试行）》",
     "该标准所列情形", "An item of the fireworks standard"),
    ("煤矿-判定标准", "coal_mine", "应急管理部令第4号《煤矿重大事故隐患判定标准》（2020）",
     "该标准所列情形", "An item of the coal mine standard"),
    ("非煤矿山-判定标准", "metal_nonmetal_mine", "矿安〔2022〕88号《金属非金属矿山重大事故隐患判定标准》",
     "该标准所列情形", "An item of the metal and non-metal mine standard"),
    ("建筑施工-判定标准", "construction", "建质规〔2022〕2号《房屋市政工程生产安全重大事故隐患判定标准（2022版）》",
     "该标准所列情形", "An item of the building and municipal works standard"),
    ("消防-判定标准", "fire", "GB 35181-2017《重大火灾隐患判定方法》",
     "该标准所列情形", "An item of the major fire hazard standard"),
]

# Risk score components (issue 5 documents and uses them): points per unit
RISK_WEIGHTS: list[tuple[str, float, str, str, str]] = [
    ("open_major_hazard", 12.0, "项", "每项未销号重大隐患", "per open major hazard"),
    ("overdue_major_hazard", 10.0, "项", "每项逾期未销号重大隐患（另加）", "per overdue major hazard (extra)"),
    ("supervised_major_hazard", 6.0, "项", "每项挂牌督办未销号重大隐患（另加）", "per open major hazard under listed supervision (extra)"),
    ("overdue_general_hazard", 2.0, "项", "每项逾期未整改一般隐患", "per overdue general hazard"),
    ("accident_death", 6.0, "人", "近3年每死亡1人（按年份衰减）", "per death in the last 3 years (decayed by age)"),
    ("larger_accident", 25.0, "起", "近3年每起较大及以上事故（按年份衰减）", "per relatively major or worse accident in the last 3 years (decayed)"),
    ("sector_inherent", 4.0, "倍", "行业固有风险系数", "times the sector's inherent risk"),
    ("key_site_not_in_place", 8.0, "处", "每处监控措施未落实的重点部位", "per key site whose measures are not in place"),
    ("employees_per_100", 1.0, "百人", "每百名从业人员（封顶10）", "per 100 employees (capped at 10)"),
    ("uninspected_per_90_days", 2.0, "90天", "距上次监管检查每90天", "per 90 days since the last supervisory inspection"),
]

# 安委办〔2016〕11号: red / orange / yellow / blue; a score at or above min_score takes the level
RISK_THRESHOLDS: list[tuple[str, float]] = [("red", 60.0), ("orange", 35.0), ("yellow", 18.0), ("blue", 0.0)]

# key, value, zh, en — documented in docs/settings.md (a catalogue test keeps that true)
SETTINGS: list[tuple[str, str, str, str]] = [
    ("uninspected_days", "180", "超过N天未受监管检查的企业", "Enterprises not inspected by a supervising level for more than N days"),
    ("due_soon_days", "7", "N天内到期的隐患", "Hazards whose deadline falls within N days"),
    ("staff_min_key", "2", "重点乡镇专职安监人员最少人数", "Minimum full-time staff in a key township"),
    ("staff_min_ordinary", "0", "一般乡镇专职安监人员最少人数（0 = 明确专人即可）", "Minimum full-time staff in an ordinary township (0 = a named person)"),
    ("checklist_deadline_key", "06-30", "重点乡镇规范化建设完成期限（月-日）", "Standardisation deadline for key townships (MM-DD)"),
    ("accident_investigation_days", "60", "事故调查期限（天；事故发生之日起，超过未结案为逾期；493号令第二十九条）", "Days an accident investigation has before it is overdue (from the accident; Decree 493, Art. 29)"),
    ("zero_report_cutoff", "16:00", "零报告每日报送截止时间（时:分；当日该时刻之后报送为迟报）", "Daily cut-off of the zero report (HH:MM; a report after it on its day is late)"),
    ("checklist_report_key", "07-05", "重点乡镇验收报告报送期限（月-日）", "Acceptance report deadline for key townships (MM-DD)"),
    ("checklist_deadline_all", "12-31", "全部乡镇规范化建设完成期限（月-日）", "Standardisation deadline for all townships (MM-DD)"),
    ("checklist_deadline_zone_city", "04-30", "市管开发区规范化建设完成期限（月-日；上级为市本级的开发区）", "Standardisation deadline for city-managed zones, i.e. zones whose parent is the city (MM-DD)"),
    ("checklist_deadline_zone", "06-30", "开发区、工业园区规范化建设完成期限（月-日）", "Standardisation deadline for development zones and parks (MM-DD)"),
    ("risk_recency_years", "3", "事故历史计入风险评分的年数", "Years of accident history counted in the risk score"),
    ("upload_max_mb", "200", "上传文件大小上限（MB；导入文件与恢复备份，重启看板后对服务生效）", "Largest file that may be uploaded, in MB (imports and restores; the server takes it at its next start)"),
    # evidence files of hazards and inspections (issue 18; docs/records.md "Evidence"): JPEG, PNG or PDF up to this size
    ("evidence_max_mb", "10", "整改佐证文件（照片、PDF）大小上限（MB）", "Largest evidence file (photo or PDF) that may be attached, in MB"),
    # 乡镇考核 (issue 8, docs/township-assessment.md): weights of the components, each scored 0–100
    ("assessment_weight_deaths", "20", "乡镇考核权重：死亡（含失踪）与控制指标", "Township assessment weight: deaths (incl. missing) against the target"),
    ("assessment_weight_larger_accidents", "15", "乡镇考核权重：较大及以上事故", "Township assessment weight: relatively major or worse accidents"),
    ("assessment_weight_rectification", "15", "乡镇考核权重：隐患整改率", "Township assessment weight: hazard rectification rate"),
    ("assessment_weight_major_closed", "10", "乡镇考核权重：重大隐患整改率", "Township assessment weight: major-hazard rectification rate"),
    ("assessment_weight_ledger", "10", "乡镇考核权重：重点部位台账完整率", "Township assessment weight: key-site ledger completeness"),
    ("assessment_weight_standardisation", "10", "乡镇考核权重：规范化建设完成率", "Township assessment weight: standardisation checklist done"),
    ("assessment_weight_inspection_coverage", "10", "乡镇考核权重：监管检查覆盖率", "Township assessment weight: supervisory inspection coverage"),
    ("assessment_weight_zero_report", "10", "乡镇考核权重：零报告按时率", "Township assessment weight: zero-report compliance"),
    ("assessment_points_per_death", "20", "乡镇考核：每死亡1人（含失踪）扣分", "Township assessment: points off the deaths component per death (incl. missing)"),
    # control targets per class (class_targets, issue 18): points off the deaths component per class target exceeded
    ("assessment_points_per_class_target", "20", "乡镇考核：每超过1项分类控制指标（某类死亡人数或较大及以上事故起数）扣分", "Township assessment: points off the deaths component per control target per class exceeded (deaths of a class, or the number of relatively major or worse accidents)"),
    ("assessment_pass_score", "60", "乡镇考核合格分数线（未被一票否决且得分不低于此值为合格）", "Township assessment pass mark (passed = not vetoed and score at or above it)"),
    # 一票否决 rules (issue 18, docs/township-assessment.md): 迟报 per 493号令 Art. 9
    ("assessment_late_report_hours", "1", "乡镇考核一票否决：事故发生后超过N小时报告为迟报（493号令第九条）", "Township assessment veto: an accident reported more than N hours after it happened is reported late (Decree 493, Art. 9)"),
    # each veto rule a switch (1 on, 0 off; docs/township-assessment.md), in the order of metrics.campaigns.VETO_CODES
    ("assessment_veto_larger_liability_accident", "1", "乡镇考核一票否决：发生较大及以上责任事故（含性质待定）（1 启用，0 停用）", "Township assessment veto: a relatively major or worse liability accident, incl. nature pending (1 on, 0 off)"),
    ("assessment_veto_late_report", "1", "乡镇考核一票否决：迟报事故（1 启用，0 停用）", "Township assessment veto: an accident reported late (1 on, 0 off)"),
    ("assessment_veto_concealed", "1", "乡镇考核一票否决：瞒报事故（1 启用，0 停用）", "Township assessment veto: an accident concealed (1 on, 0 off)"),
    ("assessment_veto_falsely_reported", "1", "乡镇考核一票否决：谎报事故（1 启用，0 停用）", "Township assessment veto: an accident falsely reported (1 on, 0 off)"),
    ("assessment_veto_ledger_missed_site", "1", "乡镇考核一票否决：较大及以上责任事故发生在事故前未列入重点部位台账的企业（1 启用，0 停用）", "Township assessment veto: a relatively major or worse liability accident at an enterprise with no key site filed before it (1 on, 0 off)"),
    ("assessment_veto_measures_not_in_place", "1", "乡镇考核一票否决：已备案重点部位监控措施未落实引发亡人责任事故（1 启用，0 停用）", "Township assessment veto: a liability accident with deaths at a filed key site whose measures were not in place (1 on, 0 off)"),
    ("assessment_veto_target_exceeded", "1", "乡镇考核一票否决：死亡（含失踪）超过控制指标，或超过分类控制指标（1 启用，0 停用）", "Township assessment veto: deaths (incl. missing) above the control target, or a control target per class exceeded (1 on, 0 off)"),
    # the monthly job's first working day (issue 19; docs/deploy.md): the State Council's 部分节假日安排 notice of
    # the year (国务院办公厅, 2025-11-04 for 2026); the next year's lists are added when its notice comes out
    ("holidays", "2026-01-01..2026-01-03, 2026-02-15..2026-02-23, 2026-04-04..2026-04-06, 2026-05-01..2026-05-05, 2026-06-19..2026-06-21, 2026-09-25..2026-09-27, 2026-10-01..2026-10-07", "法定节假日放假日期（国务院办公厅节假日安排通知；日期或“起..止”，逗号分隔；每月首个工作日生成月报）", "Public holidays off work (the State Council's notice; days or first..last, comma-separated; the monthly documents come on a month's first working day)"),
    ("adjusted_workdays", "2026-01-04, 2026-02-14, 2026-02-28, 2026-05-09, 2026-09-20, 2026-10-10", "调休上班日（周末上班的日期，逗号分隔）", "Adjusted working days (weekend days worked, comma-separated)"),
    # 行业主管部门 ("管行业必须管安全", issue 18): sector code = department; accidents, hazards and enterprises by
    # department (sql/metrics/by_department.sql)
    ("sector_departments", "coal_mine=应急管理, metal_nonmetal_mine=应急管理, hazardous_chemicals=应急管理, fireworks=应急管理, construction=住房和城乡建设, industry_trade=应急管理, road_transport=交通运输, fire=消防救援, special_equipment=市场监管, gas=住房和城乡建设, waterway=交通运输, fishing=农业农村, agricultural_machinery=农业农村, other=应急管理",
     "行业主管部门（管行业必须管安全；行业代码=部门名称，逗号分隔；未列出的行业记为“—”）", "Each sector's responsible department (code=department, comma-separated; a sector not listed shows as —)"),
    # accepted spellings on import and in the record forms (issue 18; "|"-separated; the code and the spelling the
    # exports write, importer/aliases.py CANONICAL, are always accepted): 事故性质 (importer/aliases.py SETTING_DOMAINS) and 是/否 of 是否瞒报 / 是否谎报
    ("accident_nature_liability", "责任事故|责任", "事故性质“责任事故”可填写的写法（以“|”分隔；代码liability和“责任事故”始终可用）", "Accepted spellings of the accident nature liability (separated by |; the code liability and 责任事故 are always accepted)"),
    ("accident_nature_non_liability", "非责任事故|非责任", "事故性质“非责任事故”可填写的写法（以“|”分隔；代码non_liability和“非责任事故”始终可用）", "Accepted spellings of the accident nature non-liability (separated by |; the code non_liability and 非责任事故 are always accepted)"),
    ("accident_nature_pending", "待定|待认定|未定", "事故性质“待定”可填写的写法（以“|”分隔；代码pending和“待定”始终可用）", "Accepted spellings of the accident nature pending (separated by |; the code pending and 待定 are always accepted)"),
    ("accident_flag_yes", "是|有|已落实|√|✓|yes|y|t|1", "是否瞒报、是否谎报列中表示“是”的写法（以“|”分隔；true和“是”始终可用）", "Accepted spellings of yes in the concealed and falsely-reported columns (separated by |; true and 是 are always accepted)"),
    ("accident_flag_no", "否|无|未落实|×|✗|no|n|f|0", "是否瞒报、是否谎报列中表示“否”的写法（以“|”分隔；false和“否”始终可用）", "Accepted spellings of no in the concealed and falsely-reported columns (separated by |; false and 否 are always accepted)"),
    ("campaign_common_problem_min_enterprises", "3", "“1+1”共性问题：同一行业至少N家企业发现的隐患类别", "\"1+1\" common problem: a hazard category found at N or more enterprises of a sector"),    # the Word/PDF 通报 (issue 13): templates filled in per region and year (docs/settings.md)
    ("tongbao_issuer", "{region}安全生产委员会办公室", "通报发文机关（版头、落款、印发机关；{region}为所选区域名称）", "Issuing body of the 通报 (masthead, signature, printed by; {region} is the region's name)"),
    ("tongbao_number", "{abbr}安办〔{year}〕　　号", "通报发文字号（{abbr}为区域名称首字，{year}为年份；序号空出由办公室填写）", "Document number of the 通报 ({abbr}: first character of the region's name, {year}: the year; the serial number is left blank for the office)"),
    ("tongbao_copy_to", "{party}办公室，{government}办公室", "通报抄送机关（{party}、{government}为同级党委、政府，如“市委”“市政府”）", "Copied to ({party}, {government}: the party committee and government of the same level, e.g. 市委, 市政府)"),
    # the statistics form (统计报表, docs/rules.md "Official wording"): the top-right block of the monthly form
    ("form_table_no", "隐患月报1表", "统计报表表号（月报表右上角“表号”）", "Form number of the statistics form (表号, top right of the monthly form)"),
    ("form_issuer", "应急管理局", "统计报表制定机关（月报表右上角“制定机关”）", "Body that set the statistics form (制定机关, top right of the monthly form)"),
    ("form_approval_no", "—", "统计报表批准文号（统计调查项目批准或备案文号；未取得时为“—”）", "Approval number of the statistics form (批准文号 of the survey’s approval or filing; — when there is none)"),
    ("form_valid_until", "—", "统计报表有效期至（如“2028年12月”；未规定时为“—”）", "Statistics form valid until (有效期至, e.g. 2028年12月; — when not set)"),
    # accounts (issue 16, accounts.py): the lockout after failed logins and a dashboard session's idle timeout
    ("login_max_failures", "5", "连续登录失败N次锁定账号", "Consecutive failed logins that lock an account"),
    ("login_lock_minutes", "15", "账号锁定时长（分钟）", "Minutes an account stays locked after too many failed logins"),
    ("session_idle_minutes", "30", "无操作N分钟后自动退出登录", "Minutes without activity after which a dashboard session logs out"),
]


def load_defaults(con: duckdb.DuckDBPyConnection) -> None:
    """Insert the default reference rows into empty reference tables (never overwrites edits)."""
    _fill(con, "sectors",
          [(c, zh, en, al, sc, risk, high, i + 1) for i, (c, zh, en, al, sc, risk, high) in enumerate(SECTORS)])
    _fill(con, "accident_types", [(c, zh, en, i + 1) for i, (c, zh, en) in enumerate(ACCIDENT_TYPES)])
    _fill(con, "checklist_items",
          [(c, g, zh, en, to, i + 1) for i, (c, g, zh, en, to) in enumerate(CHECKLIST_ITEMS)])
    _fill(con, "risk_weights", RISK_WEIGHTS)
    _fill(con, "risk_thresholds", RISK_THRESHOLDS)
    _fill(con, "settings", SETTINGS)
    fill_hazard_bases(con)


def fill_hazard_bases(con: duckdb.DuckDBPyConnection) -> None:
    """The shipped 判定依据 list into an empty hazard_bases (a new database; an upgraded one at schema 26)."""
    _fill(con, "hazard_bases", [(*row, i + 1) for i, row in enumerate(HAZARD_BASES)])


def _fill(con: duckdb.DuckDBPyConnection, table: str, rows: list[tuple]) -> None:
    if con.execute(f"select count(*) from {table}").fetchone()[0]:
        return
    marks = ", ".join("?" * len(rows[0]))
    con.executemany(f"insert into {table} values ({marks})", rows)
