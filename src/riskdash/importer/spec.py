"""What each import KIND looks like: its table, its key, its columns (type, required, range, Chinese header
aliases) and the row rules that mirror the schema's CHECKs.

The spec is data: docs/import.md and the .xlsx templates are written from it, and a test keeps them in step.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Column:
    name: str
    type: str  # text | int | decimal | double | date | timestamp | bool | enum
    required: bool = False
    aliases: tuple[str, ...] = ()  # Chinese headers accepted for this column (the first is the template's)
    enum: str | None = None  # an enumeration domain (aliases.py) for type "enum"
    # a "bool" column whose yes/no spellings are settings (aliases.SETTING_DOMAINS, e.g. "accident_flag")
    flag: str | None = None
    min: float | None = None
    max: float | None = None
    min_exclusive: bool = False
    # references: "region:township", "region:township,county", "region:any", "enterprise", "inspection",
    # "checklist_item", "zero_report_window", "accident", "hazard_basis" (the sector and accident-type references are enum domains)
    ref: str | None = None
    example: str = ""
    past: bool = False  # the day of an event: one after today is refused (a deadline is not an event)

    @property
    def header_zh(self) -> str:
        return self.aliases[0] if self.aliases else self.name


@dataclass(frozen=True)
class RowRule:
    """A rule across columns of one row: ``bad`` is SQL over the typed columns, true when the row breaks it."""

    column: str  # the column the problem is reported on
    bad: str
    code: str  # the problem's text key in text/data.py ("data.problem.<code>")


@dataclass(frozen=True)
class Kind:
    name: str  # the KIND of `riskdash import KIND`
    table: str
    key: tuple[str, ...]
    columns: tuple[Column, ...]
    rules: tuple[RowRule, ...] = ()
    title_zh: str = ""
    title_en: str = ""
    reference: bool = False  # a reference kind (the settings screen), not one of the six main tables
    extra: dict = field(default_factory=dict)

    def column(self, name: str) -> Column:
        return next(c for c in self.columns if c.name == name)


C = Column
TEXT_MAX = 65_536  # characters in one text field; a longer one is a mistake (a whole file pasted in a cell)

REGIONS = Kind(
    "regions", "regions", ("region_code",),
    (
        C("region_code", "region", True, ("区划代码", "行政区划代码", "代码", "编码"), example="419901001000"),
        C("name", "text", True, ("名称", "区划名称", "地区名称"), example="东镇"),
        C("level", "enum", True, ("级别", "层级"), enum="region_level", example="乡镇"),
        C("parent_code", "region", False, ("上级代码", "上级区划代码", "父级代码"), example="419901000000"),
        C("kind", "enum", False, ("类型", "乡镇类型"), enum="region_kind", example="镇"),
        C("township_class", "enum", False, ("乡镇类别", "类别", "是否重点乡镇"), enum="township_class", example="重点"),
    ),
    (
        RowRule("parent_code", "(level = 'city') <> (parent_code is null)", "city_parent"),
        RowRule("kind", "kind is not null and level <> 'township'", "kind_township_only"),
    ),
    "行政区划", "Regions",
)

ENTERPRISES = Kind(
    "enterprises", "enterprises", ("enterprise_id",),
    (
        C("enterprise_id", "text", True, ("企业编号", "企业ID", "单位编号"), example="E0001"),
        C("name", "text", True, ("企业名称", "单位名称", "名称"), example="东镇建材厂"),
        C("region_code", "region", True, ("所在乡镇代码", "乡镇代码", "区划代码"), ref="region:township", example="419901001000"),
        C("industry", "enum", True, ("行业", "所属行业", "行业类别"), enum="sector", example="工贸"),
        C("employees", "int", False, ("从业人员", "从业人数", "职工人数"), min=0, example="120"),
        C("address", "text", False, ("地址", "详细地址"), example="东镇工业路1号"),
        C("longitude", "double", False, ("经度",), min=-180, max=180, example="113.62"),
        C("latitude", "double", False, ("纬度",), min=-90, max=90, example="34.75"),
        C("credit_code", "text", False, ("统一社会信用代码", "信用代码"), example="91410100MA0000000X"),
        C("status", "enum", False, ("状态", "经营状态"), enum="enterprise_status", example="在营"),
        # 产业类型 for "1+1" (检查一个企业、规范一个行业): a local class name, e.g. 竹制品, 家具制造
        C("industry_type", "text", False, ("产业类型", "产业类别"), example="竹制品"),
    ),
    title_zh="企业", title_en="Enterprises",
)

ACCIDENTS = Kind(
    "accidents", "accidents", ("accident_id",),
    (
        C("accident_id", "text", True, ("事故编号",), example="A2025-001"),
        C("occurred_at", "timestamp", True, ("发生时间", "发生日期", "事故时间"), example="2025-03-05 08:30", past=True),
        C("region_code", "region", True, ("区划代码", "发生地区划代码", "乡镇代码"), ref="region:township,county", example="419901001000"),
        C("enterprise_id", "text", False, ("企业编号",), ref="enterprise", example="E0001"),
        C("industry", "enum", True, ("行业", "所属行业"), enum="sector", example="工贸"),
        C("accident_type", "enum", True, ("事故类型", "事故类别"), enum="accident_type", example="机械伤害"),
        C("deaths", "int", True, ("死亡人数",), min=0, example="1"),
        C("missing", "int", False, ("失踪人数",), min=0, example="0"),
        C("serious_injuries", "int", True, ("重伤人数",), min=0, example="0"),
        C("minor_injuries", "int", False, ("轻伤人数",), min=0, example="2"),
        C("direct_loss_wan", "decimal", True, ("直接经济损失（万元）", "直接经济损失", "直接经济损失万元"), min=0, example="85.5"),
        C("endangered", "int", False, ("涉险人数",), min=0),
        C("trapped", "int", False, ("被困人数",), min=0),
        C("evacuated", "int", False, ("疏散人数", "紧急疏散人数"), min=0),
        C("reported_at", "timestamp", False, ("报告时间", "上报时间"), example="2025-03-05 09:10", past=True),
        C("closed_on", "date", False, ("结案日期", "结案时间"), example="2025-05-20", past=True),
        C("summary", "text", False, ("事故简况", "简要经过", "事故概要"), example="操作工清理设备时被卷入"),
        # 事故性质 (empty: pending, 待定), 瞒报 and 谎报 (empty: no): what the township assessment's veto reads
        C("nature", "enum", False, ("事故性质",), enum="accident_nature", example="责任事故"),
        # the accepted spellings of 事故性质 and of 是/否 in these two columns are settings (accident_nature_*,
        # accident_flag_yes / _no; docs/settings.md); a value in none of the lists is refused, naming them
        C("concealed", "bool", False, ("是否瞒报", "瞒报"), flag="accident_flag", example="否"),
        C("falsely_reported", "bool", False, ("是否谎报", "谎报"), flag="accident_flag", example="否"),
        # 生产经营性 (schema 23; ours, docs/import.md): empty reads as 经营性 with an enterprise, else 非经营性
        C("commercial", "bool", False, ("是否经营性", "生产经营性", "经营性"), example="是"),
    ),
    (
        RowRule("closed_on", "closed_on < cast(occurred_at as date)", "closed_before_occurred"),
        RowRule("reported_at", "reported_at < occurred_at", "reported_before_occurred"),
    ),
    "事故", "Accidents",
)

INSPECTIONS = Kind(
    "inspections", "inspections", ("inspection_id",),
    (
        C("inspection_id", "text", True, ("检查编号",), example="I2025-001"),
        C("inspected_on", "date", True, ("检查日期",), example="2025-03-01", past=True),
        C("enterprise_id", "text", True, ("企业编号",), ref="enterprise", example="E0001"),
        C("level", "enum", True, ("检查层级", "检查级别"), enum="inspection_level", example="镇街巡查"),
        C("kind", "text", False, ("检查类型", "检查方式"), example="日常检查"),
        C("campaign", "text", False, ("专项行动",), example="1+1"),
        C("inspector", "text", False, ("检查人员", "检查人"), example="张三"),
    ),
    title_zh="检查", title_en="Inspections",
)

HAZARDS = Kind(
    "hazards", "hazards", ("hazard_id",),
    (
        C("hazard_id", "text", True, ("隐患编号",), example="H2025-001"),
        C("inspection_id", "text", False, ("检查编号",), ref="inspection", example="I2025-001"),
        C("enterprise_id", "text", True, ("企业编号",), ref="enterprise", example="E0001"),
        C("found_on", "date", True, ("发现日期", "排查日期"), example="2025-03-01", past=True),
        C("grade", "enum", True, ("隐患等级", "隐患级别"), enum="hazard_grade", example="一般"),
        C("category", "text", False, ("隐患类别", "类别"), example="设备设施"),
        C("description", "text", False, ("隐患描述", "隐患内容", "描述"), example="砂轮机防护罩缺失"),
        C("deadline", "date", True, ("整改期限", "整改时限"), example="2025-03-15"),
        C("rectified_on", "date", False, ("整改完成日期", "整改日期"), example="2025-03-10", past=True),
        C("verified_on", "date", False, ("验收日期", "销号日期", "验收销号日期"), past=True),
        C("supervision_level", "enum", False, ("挂牌督办级别", "督办级别"), enum="supervision_level", example="无"),
        C("supervised_on", "date", False, ("挂牌日期", "挂牌督办日期"), past=True),
        C("delisted_on", "date", False, ("摘牌日期", "摘牌销号日期"), past=True),
        C("five_in_place", "bool", False, ("五到位", "是否五到位")),
        C("funds_wan", "decimal", False, ("治理资金（万元）", "落实治理资金（万元）", "治理资金"), min=0, example="0.5"),
        C("in_treatment_plan", "bool", False, ("列入治理计划", "是否列入治理计划")),
        C("local_grade", "text", False, ("地方等级", "地方隐患等级")),
        # 重大隐患判定依据 (schema 26): the item of hazard_bases a major hazard was judged by, e.g. 工贸-第11条
        C("basis_code", "text", False, ("判定依据", "重大隐患判定依据", "判定依据编号"), ref="hazard_basis",
          example=""),
    ),
    (
        RowRule("deadline", "deadline < found_on", "deadline_before_found"),
        RowRule("rectified_on", "rectified_on < found_on", "rectified_before_found"),
        RowRule("verified_on", "verified_on is not null and rectified_on is null", "verified_not_rectified"),
        RowRule("verified_on", "verified_on < rectified_on", "verified_before_rectified"),
        RowRule("supervision_level", "coalesce(supervision_level, 'none') <> 'none' and grade <> 'major'",
                "supervision_major_only"),
        RowRule("basis_code", "basis_code is not null and grade <> 'major'", "basis_major_only"),
        RowRule("supervised_on", "supervised_on is not null and coalesce(supervision_level, 'none') = 'none'",
                "supervised_without_level"),
        RowRule("supervised_on", "supervised_on < found_on", "supervised_before_found"),
        RowRule("delisted_on", "delisted_on is not null and (coalesce(supervision_level, 'none') = 'none' "
                "or verified_on is null or delisted_on < verified_on)", "delisted_rule"),
    ),
    "隐患", "Hazards",
)

KEY_SITES = Kind(
    "key-sites", "key_sites", ("site_id",),
    (
        C("site_id", "text", True, ("部位编号", "重点部位编号"), example="K0001"),
        C("region_code", "region", True, ("区划代码", "乡镇代码"), ref="region:township", example="419901001000"),
        C("enterprise_id", "text", False, ("企业编号",), ref="enterprise", example="E0001"),
        C("name", "text", True, ("部位名称", "重点部位名称", "名称"), example="东镇化工储罐区"),
        C("potential_accident_type", "enum", True, ("可能事故类型", "可能发生的事故类型"), enum="accident_type", example="其他爆炸"),
        C("potential_fatalities", "int", True, ("可能死亡人数", "可能造成死亡人数"), min=3, example="5"),
        C("control_measures", "text", False, ("管控措施", "监控措施"), example="可燃气体报警、视频监控"),
        C("responsible_person", "text", False, ("责任人",), example="李四"),
        C("filed_city_on", "date", False, ("市安委办备案日期", "市级备案日期"), example="2025-01-10", past=True),
        C("filed_county_on", "date", False, ("县安委办备案日期", "县级备案日期"), example="2025-01-12", past=True),
        C("measures_in_place", "bool", False, ("措施落实", "措施是否落实"), example="是"),
        # the day the measures were confirmed in place (read only when measures_in_place is 是): the assessment
        # judges an accident against the measures as they stood before it (docs/township-assessment.md)
        C("measures_in_place_on", "date", False, ("措施落实日期",), example="2025-01-12", past=True),
        # the 有关部门 the entry was filed with besides the two offices (行业主管部门, issue 18; schema 27): names
        # as the setting sector_departments writes them, separated by 、 or commas
        C("filed_departments", "text", False, ("报备有关部门", "备案有关部门", "有关部门"), example="应急管理、住房和城乡建设"),
    ),
    title_zh="重点部位", title_en="Key sites",
)

# ------------------------------------------------------------------------------------------ reference kinds

SECTORS = Kind(
    "sectors", "sectors", ("code",),
    (
        C("code", "text", True, ("行业代码",), example="industry_trade"),
        C("name_zh", "text", True, ("行业名称", "中文名称"), example="工贸"),
        C("name_en", "text", True, ("英文名称",), example="Industry and trade"),
        C("aliases", "text", False, ("别名",), example="工商贸|冶金"),
        C("stat_class", "enum", True, ("统计类别",), enum="stat_class", example="工矿商贸"),
        C("inherent_risk", "double", True, ("固有风险系数", "固有风险"), min=0, example="2.0"),
        C("is_high_risk", "bool", False, ("高危行业", "是否高危行业"), example="否"),
        C("sort_order", "int", True, ("排序", "顺序"), example="6"),
    ),
    title_zh="行业", title_en="Sectors", reference=True,
)

ACCIDENT_TYPES = Kind(
    "accident-types", "accident_types", ("code",),
    (
        C("code", "text", True, ("类型代码",), example="machinery"),
        C("name_zh", "text", True, ("类型名称", "中文名称"), example="机械伤害"),
        C("name_en", "text", True, ("英文名称",), example="Machinery injury"),
        C("sort_order", "int", True, ("排序", "顺序"), example="3"),
    ),
    title_zh="事故类型", title_en="Accident types", reference=True,
)

TARGETS = Kind(
    "targets", "annual_targets", ("year", "region_code"),
    (
        C("year", "int", True, ("年度", "年份"), min=1990, max=2100, example="2025"),
        C("region_code", "region", True, ("区划代码",), ref="region:any", example="419900000000"),
        C("max_deaths", "int", True, ("死亡人数控制指标", "控制指标"), min=0, example="10"),
    ),
    title_zh="年度控制指标", title_en="Annual targets", reference=True,
)

# 控制指标 per statistical class and for 较大事故 (issue 18; schema 23; the import contract names only the total: ours,
# docs/import.md): one row per (year, region, class); deaths (含失踪) for a class, accidents for larger_accidents
CLASS_TARGETS = Kind(
    "class-targets", "class_targets", ("year", "region_code", "target_class"),
    (
        C("year", "int", True, ("年度", "年份"), min=1990, max=2100, example="2025"),
        C("region_code", "region", True, ("区划代码",), ref="region:any", example="419900000000"),
        C("target_class", "enum", True, ("指标类别", "统计类别"), enum="target_class", example="道路交通"),
        C("max_count", "int", True, ("控制指标", "控制数"), min=0, example="5"),
    ),
    title_zh="分类控制指标", title_en="Control targets by class", reference=True,
)

# rate targets (issue 18; schema 28; ours, docs/import.md): the ceiling on a rate indicator for a year and region,
# e.g. 亿元GDP生产安全事故死亡率 ≤ 0.02 (deaths incl. missing per 亿元 GDP), judged against indicator_denominators
RATE_TARGETS = Kind(
    "rate-targets", "rate_targets", ("year", "region_code", "indicator"),
    (
        C("year", "int", True, ("年度", "年份"), min=1990, max=2100, example="2025"),
        C("region_code", "region", True, ("区划代码",), ref="region:any", example="419900000000"),
        C("indicator", "enum", True, ("相对指标", "指标"), enum="rate_indicator", example="亿元GDP死亡率"),
        C("max_rate", "double", True, ("控制指标", "控制值"), min=0, max=1000000, example="0.02"),
    ),
    title_zh="相对指标控制值", title_en="Rate targets", reference=True,
)

DENOMINATORS = Kind(
    "denominators", "indicator_denominators", ("year", "region_code"),
    (
        C("year", "int", True, ("年度", "年份"), min=1990, max=2100, example="2025"),
        C("region_code", "region", True, ("区划代码",), ref="region:any", example="419900000000"),
        C("gdp_yi", "decimal", False, ("地区生产总值（亿元）", "GDP（亿元）"), min=0, min_exclusive=True, example="850.3"),
        C("industrial_employed", "int", False, ("工矿商贸就业人员",), min=0, min_exclusive=True, example="320000"),
        C("motor_vehicles", "int", False, ("机动车保有量",), min=0, min_exclusive=True, example="410000"),
        C("coal_output_wan_t", "decimal", False, ("煤炭产量（万吨）",), min=0, min_exclusive=True),
    ),
    title_zh="指标分母", title_en="Indicator denominators", reference=True,
)

CHECKLIST_ITEMS = Kind(
    "checklist-items", "checklist_items", ("item_code",),
    (
        C("item_code", "text", True, ("项目代码",), example="six_vehicle"),
        C("item_group", "text", True, ("项目类别", "类别"), example="六有"),
        C("name_zh", "text", True, ("项目名称", "中文名称"), example="有执法车辆"),
        C("name_en", "text", True, ("英文名称",), example="Enforcement vehicle"),
        C("applies_to", "enum", False, ("适用范围",), enum="applies_to", example="全部乡镇"),
        C("sort_order", "int", True, ("排序", "顺序"), example="9"),
    ),
    title_zh="规范化建设项目", title_en="Checklist items", reference=True,
)

CHECKLIST_STATUS = Kind(
    "checklist-status", "checklist_status", ("region_code", "item_code"),
    (
        C("region_code", "region", True, ("区划代码", "乡镇代码"), ref="region:township", example="419901001000"),
        C("item_code", "text", True, ("项目代码",), ref="checklist_item", example="six_vehicle"),
        C("status", "enum", True, ("完成情况", "状态"), enum="checklist_status", example="已完成"),
        C("status_on", "date", False, ("日期", "状态日期"), example="2025-06-20", past=True),
        C("evidence", "text", False, ("佐证材料", "说明"), example="车辆登记证"),
    ),
    title_zh="规范化建设进度", title_en="Checklist status", reference=True,
)

# 安监站情况 (issue 18; schema 19): staffing and the acceptance report per township. The checklist items
# full_time_staff and station_head are computed from it (docs/township-assessment.md).
TOWNSHIP_STATIONS = Kind(
    "township-stations", "township_stations", ("region_code",),
    (
        C("region_code", "region", True, ("区划代码", "乡镇代码"), ref="region:township", example="419901001000"),
        C("full_time_staff", "int", True, ("专职安监人员（人）", "专职人数", "专职安监人员"), min=0, example="2"),
        C("staffed_on", "date", False, ("人员情况日期", "配备日期"), example="2025-06-10", past=True),
        C("head_full_time", "bool", False, ("专职站长", "是否专职站长"), example="是"),
        C("head_appointment_doc", "text", False, ("站长任命文号", "任命文号"), example="甲镇党〔2025〕8号"),
        C("head_filed_on", "date", False, ("任命报县备案日期", "报县备案日期"), example="2025-06-12", past=True),
        C("acceptance_report_on", "date", False, ("验收报告报送日期", "验收报告日期"), example="2025-07-03",
          past=True),
    ),
    title_zh="安监站情况", title_en="Township stations", reference=True,
)

# 四不放过 (issue 18; schema 25, docs/rules.md#accident-grades): the four measures of an accident case, one row per
# accident. A closed case (结案) with all four done counts as 四不放过落实 (sql/accidents/four_measures.sql).
ACCIDENT_MEASURES = Kind(
    "accident-measures", "accident_measures", ("accident_id",),
    (
        C("accident_id", "text", True, ("事故编号",), ref="accident", example="A2025-001"),
        C("cause_found", "bool", False, ("原因查清", "事故原因查清"), example="是"),
        C("cause_found_on", "date", False, ("原因查清日期",), example="2025-04-20", past=True),
        C("cause_note", "text", False, ("原因说明", "事故原因"), example="设备防护缺失，违章清理"),
        C("responsible_dealt", "bool", False, ("责任人处理", "责任人员处理"), example="是"),
        C("responsible_dealt_on", "date", False, ("责任人处理日期",), example="2025-05-10", past=True),
        C("responsible_note", "text", False, ("处理说明", "责任人处理情况"), example="车间主任撤职，企业罚款"),
        C("measures_taken", "bool", False, ("整改措施落实", "整改措施"), example="是"),
        C("measures_taken_on", "date", False, ("整改措施落实日期",), example="2025-05-15", past=True),
        C("measures_note", "text", False, ("整改说明", "整改措施情况"), example="加装联锁防护"),
        C("people_educated", "bool", False, ("有关人员受到教育", "受到教育"), example="是"),
        C("people_educated_on", "date", False, ("教育日期", "警示教育日期"), example="2025-05-18", past=True),
        C("educated_note", "text", False, ("教育说明", "教育情况"), example="全镇同类企业警示教育会"),
    ),
    title_zh="事故四不放过", title_en="Accident case measures (四不放过)", reference=True,
)

# 重大隐患判定依据 (issue 18; schema 26, docs/rules.md#hazards-and-the-closed-loop): the items a major hazard is judged by, cited
# by hazards.basis_code. Shipped with 应急管理部令第10号 (工贸) and one entry per other sector's standard.
HAZARD_BASES = Kind(
    "hazard-bases", "hazard_bases", ("code",),
    (
        C("code", "text", True, ("判定依据编号", "依据编号", "编号"), example="工贸-第11条"),
        C("sector", "enum", False, ("行业",), enum="sector", example="工贸"),
        C("standard_zh", "text", True, ("判定标准", "标准名称"),
          example="应急管理部令第10号《工贸企业重大事故隐患判定标准》（2023）"),
        C("title_zh", "text", True, ("条款标题", "标题", "中文标题"), example="存在粉尘爆炸危险的工贸企业情形"),
        C("title_en", "text", True, ("英文标题",), example="Enterprises with a dust explosion hazard"),
        C("sort_order", "int", True, ("排序", "顺序"), example="9"),
    ),
    title_zh="重大隐患判定依据", title_en="Major hazard criteria", reference=True,
)

ZERO_REPORT_WINDOWS = Kind(
    "zero-report-windows", "zero_report_windows", ("window_id",),
    (
        C("window_id", "text", True, ("时段编号",), example="2025-spring"),
        C("name", "text", True, ("时段名称", "名称"), example="2025年春节"),
        C("start_on", "date", True, ("开始日期",), example="2025-01-28"),
        C("end_on", "date", True, ("结束日期",), example="2025-02-04"),
    ),
    (RowRule("end_on", "end_on < start_on", "end_before_start"),),
    "零报告时段", "Zero-report windows", reference=True,
)

ZERO_REPORTS = Kind(
    "zero-reports", "zero_reports", ("window_id", "region_code", "report_on"),
    (
        C("window_id", "text", True, ("时段编号",), ref="zero_report_window", example="2025-spring"),
        C("region_code", "region", True, ("区划代码", "乡镇代码"), ref="region:township", example="419901001000"),
        C("report_on", "date", True, ("报告日期",), example="2025-01-28", past=True),
        C("accidents_reported", "int", False, ("报告事故起数", "事故起数"), min=0, example="0"),
        C("reported_at", "timestamp", False, ("报送时间",), example="2025-01-28 17:00", past=True),
    ),
    title_zh="零报告", title_en="Zero reports", reference=True,
)

WARNING_MEETINGS = Kind(
    "warning-meetings", "warning_meetings", ("meeting_id",),
    (
        C("meeting_id", "text", True, ("会议编号",), example="M2025-01"),
        C("region_code", "region", True, ("区划代码", "乡镇代码"), ref="region:township", example="419901001000"),
        C("industry", "enum", True, ("行业",), enum="sector", example="工贸"),
        # the 产业类型 of the "1+1" pair (schema 22); empty: the sector's class (docs/township-assessment.md)
        C("industry_type", "text", False, ("产业类型", "产业类别"), example="竹制品"),
        C("held_on", "date", True, ("召开日期", "会议日期"), example="2025-04-15", past=True),
        C("attendance", "int", False, ("参会人数",), min=0, example="35"),
        C("note", "text", False, ("备注",), example="共性问题：粉尘防爆"),
    ),
    title_zh="警示会", title_en="Warning meetings", reference=True,
)

# "1+1" pair records (issue 18; schema 22): per year × township × 产业类型, what the experts' in-depth inspection
# found (共性问题, 个性问题) and the 整改建议 for the class. ours: docs/import.md documents it.
CAMPAIGN_PAIRS = Kind(
    "campaign-pairs", "campaign_pairs", ("year", "region_code", "industry_type"),
    (
        C("year", "int", True, ("年度", "年份"), min=1990, max=2100, example="2025"),
        C("region_code", "region", True, ("区划代码", "乡镇代码"), ref="region:township", example="419901001000"),
        C("industry_type", "text", True, ("产业类型", "产业类别"), example="竹制品"),
        C("common_problems", "text", False, ("共性问题",), example="除尘系统未定期清灰；粉尘防爆电气不合规"),
        C("individual_problems", "text", False, ("个性问题",), example="某企业砂光机未设火花探测"),
        C("advice", "text", False, ("整改建议",), example="全行业4月底前完成除尘系统清理并建立清灰台账"),
    ),
    title_zh="“1+1”检查记录", title_en="\"1+1\" pair records", reference=True,
)

RISK_WEIGHTS = Kind(
    "risk-weights", "risk_weights", ("component",),
    (
        C("component", "text", True, ("评分项",), example="open_major_hazard"),
        C("weight", "double", True, ("权重", "分值"), min=0, example="12"),
        C("unit_zh", "text", False, ("单位",), example="项"),
        C("description_zh", "text", False, ("说明",), example="每项未销号重大隐患"),
        C("description_en", "text", False, ("英文说明",), example="per open major hazard"),
    ),
    title_zh="风险评分权重", title_en="Risk weights", reference=True,
)

RISK_THRESHOLDS = Kind(
    "risk-thresholds", "risk_thresholds", ("level",),
    (
        C("level", "enum", True, ("风险等级",), enum="risk_level", example="红色预警"),
        C("min_score", "double", True, ("分数下限", "最低分"), min=0, example="60"),
    ),
    title_zh="风险等级分界", title_en="Risk thresholds", reference=True,
)

SETTINGS = Kind(
    "settings", "settings", ("key",),
    (
        C("key", "text", True, ("设置项",), example="due_soon_days"),
        C("value", "text", True, ("值",), example="7"),
        C("description_zh", "text", False, ("说明",), example="N天内到期的隐患"),
        C("description_en", "text", False, ("英文说明",), example="Hazards whose deadline falls within N days"),
    ),
    title_zh="设置", title_en="Settings", reference=True,
)

KINDS: dict[str, Kind] = {k.name: k for k in (
    REGIONS, ENTERPRISES, ACCIDENTS, INSPECTIONS, HAZARDS, KEY_SITES,
    SECTORS, ACCIDENT_TYPES, TARGETS, CLASS_TARGETS, RATE_TARGETS, DENOMINATORS, CHECKLIST_ITEMS, CHECKLIST_STATUS, TOWNSHIP_STATIONS,
    ACCIDENT_MEASURES, HAZARD_BASES,
    ZERO_REPORT_WINDOWS, ZERO_REPORTS, WARNING_MEETINGS, CAMPAIGN_PAIRS, RISK_WEIGHTS, RISK_THRESHOLDS, SETTINGS,
)}
MAIN_KINDS = [k for k in KINDS.values() if not k.reference]
REFERENCE_KINDS = [k for k in KINDS.values() if k.reference]
