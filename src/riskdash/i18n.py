"""Interface text in Simplified Chinese (the default) and English; no Streamlit here.

Every string a screen shows comes from ``TEXT`` (or, for sector names, from the database's
``sectors.name_zh`` / ``name_en``). ``t(key, lang, **values)`` formats one; a missing key is an error, so a
typo fails the page tests instead of showing a key to an official. Names of enumeration codes (grades,
hazard states, region levels, periods) are in ``ENUMS``.
"""

from __future__ import annotations

from contextvars import ContextVar
from datetime import date
from typing import Any

from riskdash.domain import round_pct
from riskdash.filters import date_text, period_text

LANGS = ("zh", "en")
DEFAULT_LANG = "zh"
LANG_NAMES = {"zh": "中文", "en": "English"}
DASH = "—"

TEXT: dict[str, dict[str, str]] = {
    # ------------------------------------------------------------------------------------------ app shell
    "app.title": {"zh": "安全生产风险分析", "en": "Work-safety risk dashboard"},
    "nav.analysis": {"zh": "分析", "en": "Analysis"},
    "nav.work": {"zh": "汇报与管理", "en": "Reporting and data"},
    "page.overview": {"zh": "总览", "en": "Overview"},
    "page.accidents": {"zh": "事故趋势", "en": "Accident trends"},
    "page.rectification": {"zh": "隐患治理", "en": "Hazard rectification"},
    "page.priority": {"zh": "重点部位/较大事故风险", "en": "Key sites / major-accident risk"},
    "page.campaigns": {"zh": "专项行动与乡镇规范化", "en": "Campaigns and townships"},
    "page.briefing": {"zh": "汇报", "en": "Briefing"},
    "page.data": {"zh": "数据管理", "en": "Data management"},
    "page.settings": {"zh": "设置", "en": "Settings"},
    # ------------------------------------------------------------------------------------------ stamp, demo
    "stamp.as_of": {"zh": "数据截至{day}", "en": "Data as of {day}"},
    "print.button": {"zh": "打印", "en": "Print"},
    # every table's own .xlsx (ui.widgets.table_download, issue 17 item 11)
    "table.download": {"zh": "下载表格", "en": "Download table"},
    "table.default_name": {"zh": "数据表", "en": "Table"},
    "table.part": {"zh": "{whole}（{part}）", "en": "{whole} ({part})"},
    "table.of": {"zh": "{whole} · {part}", "en": "{whole} - {part}"},
    "table.scope": {"zh": "范围：{region} · {sector} · 统计期间{period}", "en": "Scope: {region} · {sector} · period {period}"},
    "table.as_of": {"zh": "截至{as_of}", "en": "As of {as_of}"},
    "print.scope": {"zh": "{page} · {period} · {region} · {sector} · 数据截至{as_of}", "en": "{page} · {period} · {region} · {sector} · data as of {as_of}"},
    # ------------------------------------------------------------------------------------------ charts
    # a select box's or multiselect's words when nothing is chosen (Streamlit's own: "Choose an option")
    "widget.choose": {"zh": "请选择", "en": "Choose"},
    "chart.empty": {"zh": "所选范围内没有可画的数据：{what}。", "en": "Nothing to draw in the chosen scope: {what}."},
    "chart.zoomed_y": {"zh": "纵轴自{start}起", "en": "axis starts at {start}"},
    "chart.zoomed_x": {"zh": "横轴自{start}起", "en": "axis starts at {start}"},
    "chart.lowest": {"zh": "最低的{n}个（共{total}个，全部见下表）", "en": "lowest {n} of {total} (all in the table below)"},
    "chart.partial": {"zh": "{month}截至{day}，不完整", "en": "{month} to {day}, incomplete"},
    "demo.badge": {"zh": "演示数据", "en": "Demo data (演示数据)"},
    "demo.note": {
        "zh": "本库为演示数据生成器生成的虚构城市，数字不代表任何真实地区。",
        "en": "This database is a made-up city from the demo generator; its figures describe no real place.",
    },
    # ------------------------------------------------------------------------------------------ errors
    "error.db": {
        "zh": "无法打开数据库：{message}",
        "en": "Cannot open the database: {message}",
    },
    "error.db_help": {
        "zh": "请设置环境变量 RISKDASH_DB 指向 riskdash 数据库文件，或先生成演示库 "
        "`riskdash demo --db {path}`，再用 `riskdash serve --db {path}` 启动。",
        "en": "Set the environment variable RISKDASH_DB to a riskdash database file, or build the demo with "
        "`riskdash demo --db {path}`, then start with `riskdash serve --db {path}`.",
    },
    "error.no_regions": {
        "zh": "数据库中还没有行政区划（regions）。请先导入：`riskdash import regions FILE --db {path}`。",
        "en": "The database holds no regions yet. Import them first: `riskdash import regions FILE --db {path}`.",
    },
    "error.no_as_of": {
        "zh": "数据库未记录“数据截至”日期（data_as_of），无法确定默认统计期。请重新导入数据或生成演示库。",
        "en": "The database records no data-as-of day (data_as_of), so there is no default period. "
        "Import data again or build the demo.",
    },
    # ------------------------------------------------------------------------------------------ filters
    "filters.heading": {"zh": "筛选条件", "en": "Filters"},
    "filters.language": {"zh": "语言 / Language", "en": "Language / 语言"},
    "filters.period": {"zh": "统计期", "en": "Period"},
    "filters.start": {"zh": "开始日期", "en": "From"},
    "filters.end": {"zh": "结束日期", "en": "To"},
    "filters.custom_swapped": {
        "zh": "结束日期早于开始日期，已按 {start}—{end} 统计。",
        "en": "The end came before the start; counting {start} – {end}.",
    },
    "filters.period_text": {"zh": "统计期：{period}", "en": "Period: {period}"},
    "filters.city": {"zh": "市", "en": "City"},
    "filters.county": {"zh": "县（市、区）", "en": "County / district"},
    "filters.township": {"zh": "乡镇（街道）", "en": "Township / subdistrict"},
    "filters.all_counties": {"zh": "全市（全部县区）", "en": "Whole city (all counties)"},
    "filters.all_townships": {"zh": "全县（全部乡镇）", "en": "Whole county (all townships)"},
    "filters.sector": {"zh": "行业", "en": "Sector"},
    "filters.all_sectors": {"zh": "全部行业", "en": "All sectors"},
    # ------------------------------------------------------------------ KPI cards and the death target (overview, briefing)
    "kpi.accidents": {"zh": "事故起数（起）", "en": "Accidents"},
    "kpi.accidents_help": {
        "zh": "统计期内发生的生产安全事故起数，各等级合计，按事故发生地统计。",
        "en": "Work-safety accidents that occurred in the period, all grades, counted where they happened.",
    },
    "kpi.deaths": {"zh": "死亡（含失踪）（人）", "en": "Deaths incl. missing"},
    "kpi.deaths_help": {
        "zh": "死亡人数与失踪人数之和，即统计制度的“死亡（含失踪）”口径。",
        "en": "Deaths plus missing persons: the official “死亡（含失踪）” count.",
    },
    "kpi.larger": {"zh": "较大及以上事故（起）", "en": "Relatively major or worse accidents"},
    "kpi.larger_help": {
        "zh": "死亡（含失踪）≥3人，或重伤≥10人，或直接经济损失≥1000万元的事故（国务院令第493号第三条）。",
        "en": "Accidents with 3 or more deaths (incl. missing), or 10 or more serious injuries, or a direct "
        "loss of 10 million yuan or more (State Council Decree 493, Art. 3).",
    },
    "target.text": {
        "zh": "{year}年{region}死亡（含失踪）控制指标 {target} 人：统计期内 {deaths} 人，已用 {pct}",
        "en": "{year} control target for {region}: {target} deaths (incl. missing); {deaths} in the period, "
        "{pct} used",
    },
    "target.over": {"zh": "已超出全年控制指标", "en": "over the annual target"},
    "target.progress": {
        "zh": "{year}年{region}死亡（含失踪）控制指标 {target} 人：1月1日至{to}死亡 {deaths} 人，已用{used}，时间进度{elapsed}",
        "en": "{year} control target for {region}: {target} deaths (incl. missing); {deaths} from 1 January to "
        "{to}, {used} used against {elapsed} of the year elapsed",
    },
    "target.ahead": {"zh": "，超时间进度{gap}个百分点", "en": ", {gap} points ahead of time"},
    "target.behind": {"zh": "，低于时间进度{gap}个百分点", "en": ", {gap} points behind time"},
    "target.level": {"zh": "，与时间进度持平", "en": ", level with time"},
    "target.rule": {
        "zh": "时间进度 = 1月1日至{to}的天数 ÷ 全年天数。已用比例高于时间进度时显示黄色，超过全年控制指标时显示红色。",
        "en": "Time elapsed = days from 1 January to {to} ÷ days in the year. Amber when the share used runs "
        "ahead of time, red when the annual target is exceeded.",
    },
    "target.none": {
        "zh": "{year}年{region}未设定死亡控制指标（可在“设置”中录入年度控制指标）。",
        "en": "No {year} death control target is set for {region} (annual targets are entered in Settings).",
    },
    "kpi.yoy": {"zh": "同比（上年同期 {previous}）", "en": "year on year (last year {previous})"},
    "kpi.yoy_none": {"zh": "同比（上年同期为0）", "en": "year on year (last year 0)"},
    "kpi.found": {"zh": "排查隐患数（项）", "en": "Hazards found"},
    "kpi.found_period": {"zh": "本期排查隐患（项）", "en": "Hazards found this period"},
    "kpi.found_help": {
        "zh": "统计期内排查发现的隐患（一般 {general} 项、重大 {major} 项），按企业所在地统计。",
        "en": "Hazards found in the period ({general} general, {major} major), by the enterprise's region.",
    },
    "kpi.rate": {"zh": "隐患整改率", "en": "Rectification rate"},
    "kpi.rate_help": {
        "zh": "(已整改的一般隐患 + 已整改销号的重大隐患) ÷ 排查隐患数；分母为0时显示“—”。",
        "en": "(general hazards rectified + major hazards closed) ÷ hazards found; “—” where none was found.",
    },
    "kpi.general_rate": {"zh": "一般隐患整改率", "en": "General-hazard rectification rate"},
    "kpi.general_rate_help": {
        "zh": "已整改的一般隐患 {done} ÷ 一般隐患 {found}（月报表口径）。",
        "en": "General hazards rectified {done} ÷ general hazards found {found} (monthly form).",
    },
    "kpi.major_rate": {"zh": "重大隐患整改率", "en": "Major-hazard rectification rate"},
    "kpi.major_rate_help": {
        "zh": "已整改并验收销号的重大隐患 {done} ÷ 重大隐患 {found}（月报表口径）。",
        "en": "Major hazards rectified and closed after verification {done} ÷ major hazards found {found}.",
    },
    # the stock on the as-of day (every year's hazards): what a 通报 states as "截至…尚有…"
    "kpi.overdue_major_stock": {"zh": "逾期未销号重大隐患（项）", "en": "Overdue major hazards not closed"},
    "kpi.overdue_major_stock_help": {
        "zh": "截至{as_of}尚未验收销号、整改期限已过的重大隐患，不论哪年排查（存量）：其中已整改待验收 {awaiting} 项、"
        "逾期未整改 {unrectified} 项；全部逾期未销号隐患 {overdue} 项。",
        "en": "Major hazards past their deadline and not closed on {as_of}, whatever year they were found (the "
        "stock): {awaiting} rectified awaiting verification, {unrectified} not rectified; {overdue} hazards "
        "overdue in all.",
    },
    "kpi.supervised_open_stock": {"zh": "挂牌督办未摘牌（项）", "en": "Listed supervision not lifted"},
    "kpi.supervised_open_stock_help": {
        "zh": "截至{as_of}县、市、省级挂牌督办且尚未摘牌的重大隐患，不论哪年排查（存量）；验收销号后仍须摘牌才退出督办。",
        "en": "Major hazards under county, city or provincial listed supervision (挂牌督办) not yet delisted on "
        "{as_of}, whatever year they were found (the stock); verification alone does not lift it.",
    },
    "kpi.key_sites": {"zh": "重点部位（处）", "en": "Key sites"},
    "kpi.key_sites_help": {
        "zh": "可能发生较大及以上事故的重点部位台账条数（乡镇上报，市、县安委办备案）；未完成市县双备案 {not_filed} 处。",
        "en": "Ledger entries of sites where an accident with 3+ deaths could happen; {not_filed} not yet filed "
        "with both the city and the county.",
    },
    "kpi.sites_no_measures": {"zh": "监控措施未落实（处）", "en": "Key sites without measures"},
    "kpi.sites_no_measures_help": {
        "zh": "重点部位中监控措施未落实或未填报落实情况的条数。",
        "en": "Key sites whose monitoring measures are not (or not reported) in place.",
    },
}

# Names of enumeration codes, by kind. Sector names come from the database (sectors.name_zh / name_en).
ENUMS: dict[str, dict[str, dict[str, str]]] = {
    "grade": {
        "general": {"zh": "一般", "en": "General"},
        "larger": {"zh": "较大", "en": "Relatively major"},
        "major": {"zh": "重大", "en": "Major"},
        "especially_major": {"zh": "特别重大", "en": "Especially serious"},
    },
    "hazard_grade": {
        "general": {"zh": "一般隐患", "en": "General"},
        "major": {"zh": "重大隐患", "en": "Major"},
    },
    "hazard_state": {
        "open": {"zh": "整改中", "en": "Open"},
        "overdue": {"zh": "逾期未整改", "en": "Overdue"},
        # a major hazard past its deadline, rectified and awaiting verification: 逾期未销号, not 未整改
        "overdue_rectified": {"zh": "逾期未销号（已整改待验收）", "en": "Overdue, rectified awaiting verification"},
        "rectified": {"zh": "已整改", "en": "Rectified"},
        "closed": {"zh": "已销号", "en": "Closed"},
    },
    "region_level": {
        "city": {"zh": "市", "en": "City"},
        "county": {"zh": "县", "en": "County"},
        "township": {"zh": "乡镇", "en": "Township"},
    },
    "risk_level": {
        "red": {"zh": "红色预警", "en": "Red alert"},
        "orange": {"zh": "重点关注", "en": "Close attention"},
        "yellow": {"zh": "黄色", "en": "Yellow"},
        "blue": {"zh": "蓝色", "en": "Blue"},
    },
    "inspection_level": {
        "city": {"zh": "市级核查", "en": "City check"},
        "county": {"zh": "县级排查", "en": "County inspection"},
        "township": {"zh": "镇街巡查", "en": "Township patrol"},
        "self": {"zh": "企业自查", "en": "Self-inspection"},
    },
    # each preset says what it covers ({span}: filters.span_text of its period on the as-of day)
    "preset": {
        "completed_months": {"zh": "{span}", "en": "{span}"},
        "this_month": {"zh": "本月至今（{span}）", "en": "Month to date ({span})"},
        "last_month": {"zh": "上月（{span}）", "en": "Last month ({span})"},
        "this_quarter": {"zh": "本季（{span}）", "en": "This quarter ({span})"},
        "last_quarter": {"zh": "上季（{span}）", "en": "Last quarter ({span})"},
        "year_to_date": {"zh": "本年至今（{span}）", "en": "Year to date ({span})"},
        "last_year": {"zh": "上年（{year}年）", "en": "Last year ({year})"},
        "custom": {"zh": "自定义", "en": "Custom"},
    },
}



def _text_modules() -> tuple:
    """Every dictionary of words beside the ones above, by name: each screen's (``screens/<screen>/text.py``)
    and those of the documents, the forms and the database messages (``riskdash/text/``). Data only: none of
    them imports anything."""
    from riskdash.screens.accidents import text as accidents
    from riskdash.screens.briefing import text as briefing
    from riskdash.screens.campaigns import text as campaigns
    from riskdash.screens.data import text as data
    from riskdash.screens.overview import text as overview
    from riskdash.screens.priority import text as priority
    from riskdash.screens.rectification import text as rectification
    from riskdash.screens.settings import text as settings
    from riskdash.text import (
        address,
        briefing_document,
        briefing_export,
        database,
        monthly_form,
        rate_targets,
        roles,
        statistics,
    )

    return (address, overview, accidents, rectification, priority, campaigns, briefing, data, settings,
            briefing_document, briefing_export, monthly_form, database, roles, statistics, rate_targets)


# The reader's role where a text sends the reader to 设置 for an admin's task (issue 16; text/roles.py): set per
# page run by ui/frame.start_page. The command line and the documents are the file's owner, admin (default).
_READER_ADMIN: ContextVar[bool] = ContextVar("riskdash_reader_admin", default=True)
ASK_PHRASES: dict[str, tuple[tuple[str, str], ...]] = {}


def set_reader(admin: bool) -> None:
    """Word the texts of this page run for an admin (True) or any other account (False)."""
    _READER_ADMIN.set(admin)


def ask_wording(text: str, lang: str) -> str:
    """``text`` as a reader who is not an admin reads it: an admin's task in 设置 is the city administrator's."""
    for old, new in ASK_PHRASES.get(lang, ()):
        text = text.replace(old, new)
    return text


def _merge_screen_texts() -> None:
    """Merge every text module's TEXT and ENUMS into the tables above; a key defined twice is an error. The
    role wordings of text/roles.py: its phrases, and the ``<key>_ask`` texts made from its ASK_KEYS."""
    from riskdash.text import roles

    ASK_PHRASES.update(roles.ASK_PHRASES)
    for module in _text_modules():
        for key, value in getattr(module, "TEXT", {}).items():
            if key in TEXT:
                raise KeyError(f"text key {key!r} of {module.__name__} is defined twice")
            TEXT[key] = value
        for kind, names in getattr(module, "ENUMS", {}).items():
            known = ENUMS.setdefault(kind, {})
            for code, value in names.items():
                if code in known:
                    raise KeyError(f"enum name {kind}.{code} of {module.__name__} is defined twice")
                known[code] = value
    for key in roles.ASK_KEYS:  # the non-admin wording a view asks for by name: never drifting from the key's
        TEXT[f"{key}_ask"] = {lang: ask_wording(text, lang) for lang, text in TEXT[key].items()}


_merge_screen_texts()

# The files in pages/, in navigation order; each page's title key is "page.<name>".
PAGES = ("overview", "accidents", "rectification", "priority", "campaigns", "briefing", "data", "settings")


def check_lang(lang: str) -> str:
    if lang not in LANGS:
        raise ValueError(f"unknown language {lang!r} (expected one of {', '.join(LANGS)})")
    return lang


def t(key: str, lang: str = DEFAULT_LANG, **values: Any) -> str:
    """The text of ``key`` in ``lang``, formatted with ``values``; a missing key raises KeyError. A reader who
    is not an admin (set_reader) reads an admin's task in 设置 as the city administrator's (ask_wording)."""
    text = TEXT[key][check_lang(lang)]
    if not _READER_ADMIN.get():
        text = ask_wording(text, lang)
    return text.format(**values) if values else text


def lines(key: str, lang: str = DEFAULT_LANG) -> list[str]:
    """A list kept in one string separated by "|" (e.g. the weekday names)."""
    return t(key, lang).split("|")


def enum_name(kind: str, code: str, lang: str = DEFAULT_LANG, **values: Any) -> str:
    text = ENUMS[kind][code][check_lang(lang)]
    return text.format(**values) if values else text


def preset_name(preset: str, as_of: date, lang: str = DEFAULT_LANG) -> str:
    """A period preset named by what it covers on the as-of day: 1—11月, 本月至今（12月1日—15日）, 上年（2025年）."""
    from riskdash.filters import preset_period, span_text

    if preset == "custom":
        return enum_name("preset", preset, lang)
    start, end = preset_period(preset, as_of)
    return enum_name("preset", preset, lang, span=span_text(start, end, as_of.year, check_lang(lang)), year=start.year)


def sector_name(names_zh_en: tuple[str, str | None], lang: str = DEFAULT_LANG) -> str:
    """A sector's name from the database's (name_zh, name_en); the Chinese name when no English one."""
    zh, en = names_zh_en
    return en if lang == "en" and en else zh


def day(value: date, lang: str = DEFAULT_LANG) -> str:
    return date_text(value, check_lang(lang))


def period(start: date, end: date, lang: str = DEFAULT_LANG) -> str:
    return period_text(start, end, check_lang(lang))


def pct(fraction: float | None) -> str:
    """A 0–1 rate as a percentage with one decimal (half away from zero); "—" where there is no rate."""
    if fraction is None:
        return DASH
    return f"{round_pct(fraction * 100):.1f}%"


def signed_pct(value: float | None) -> str:
    """A change in per cent with its sign ("-33.3%", "+12.0%", "0.0%"); "—" where there is no base."""
    if value is None:
        return DASH
    if value > 0:
        return f"+{value:.1f}%"
    return f"{value:.1f}%"
