"""Enumeration aliases: the English code, the Chinese name and the spellings officials write, per domain.

Sectors and accident types come from the database's reference tables (code, name_zh, name_en and, for
sectors, the '|'-separated ``aliases`` column), so an edited sector list is accepted at once. The fixed
domains below are documented in docs/import.md (a test keeps the two in step).
"""

from __future__ import annotations

import unicodedata

import duckdb

# domain -> code -> accepted spellings (besides the code itself); the first is the name templates show
FIXED: dict[str, dict[str, tuple[str, ...]]] = {
    "region_level": {
        "city": ("市", "市级", "地级市", "设区市"),
        "county": ("县", "县级", "县区", "县（市、区）", "区", "县级市"),
        "township": ("乡镇", "乡镇级", "乡镇（街道）", "街道", "乡", "镇"),
    },
    "region_kind": {
        "town": ("镇",),
        "township": ("乡",),
        "subdistrict": ("街道", "街道办事处"),
        "zone": ("开发区园区", "开发区", "工业园区", "园区", "经济开发区", "高新区"),
    },
    "township_class": {
        "key": ("重点", "重点乡镇", "是"),
        "ordinary": ("一般", "一般乡镇", "普通", "否"),
    },
    "enterprise_status": {
        "active": ("在营", "正常", "在业", "存续", "开业"),
        "closed": ("关闭", "注销", "已关闭", "停业", "吊销"),
    },
    "accident_nature": {
        "liability": ("责任事故", "责任"),
        "non_liability": ("非责任事故", "非责任"),
        "pending": ("待定", "待认定", "未定"),
    },
    "inspection_level": {
        "city": ("市级核查", "市级", "市级检查", "市"),
        "county": ("县级排查", "县级", "县级检查", "县区", "县"),
        "township": ("镇街巡查", "乡镇", "镇街", "乡镇巡查", "乡镇检查"),
        "self": ("企业自查", "自查"),
    },
    "hazard_grade": {
        "general": ("一般", "一般隐患", "一般事故隐患"),
        "major": ("重大", "重大隐患", "重大事故隐患"),
    },
    "supervision_level": {
        "none": ("无", "否", "未挂牌", "不挂牌"),
        "county": ("县级", "县级挂牌督办", "县"),
        "city": ("市级", "市级挂牌督办", "市"),
        "province": ("省级", "省级挂牌督办", "省"),
    },
    "checklist_status": {
        "not_started": ("未开始", "未启动"),
        "in_progress": ("进行中", "推进中", "部分完成"),
        "done": ("已完成", "完成", "达标"),
    },
    "applies_to": {
        "all": ("全部乡镇", "全部", "所有乡镇"),
        "key": ("重点乡镇", "重点"),
    },
    "stat_class": {
        "industrial": ("工矿商贸",),
        "road_traffic": ("道路交通",),
        "fire": ("火灾",),
        "railway": ("铁路交通",),
        "waterway": ("水上交通",),
        "fishing": ("渔业船舶",),
        "agricultural_machinery": ("农业机械",),
    },
    # a control target's class (class_targets, schema 23): a statistical class's deaths, or 较大事故 起数
    "target_class": {
        "industrial": ("工矿商贸", "工矿商贸死亡"),
        "road_traffic": ("道路交通", "道路交通死亡"),
        "fire": ("火灾", "火灾死亡"),
        "railway": ("铁路交通", "铁路交通死亡"),
        "waterway": ("水上交通", "水上交通死亡"),
        "fishing": ("渔业船舶", "渔业船舶死亡"),
        "agricultural_machinery": ("农业机械", "农业机械死亡"),
        "larger_accidents": ("较大事故", "较大及以上事故", "较大事故起数"),
    },
    # a rate target's indicator (rate_targets, schema 28): metrics.accidents.RATE_INDICATORS
    "rate_indicator": {
        "per_gdp": ("亿元GDP死亡率", "亿元GDP生产安全事故死亡率", "亿元国内生产总值生产安全事故死亡率"),
        "per_industrial_employed": ("工矿商贸十万人死亡率", "工矿商贸就业人员十万人生产安全事故死亡率"),
        "per_vehicles": ("道路交通万车死亡率", "万车死亡率"),
        "per_coal_output": ("煤矿百万吨死亡率", "百万吨死亡率"),
    },
    "risk_level": {
        "red": ("红色预警", "红", "红色", "重大风险"),
        "orange": ("重点关注", "橙", "橙色", "较大风险"),
        "yellow": ("黄色", "黄", "一般风险"),
        "blue": ("蓝色", "蓝", "低风险"),
    },
}

BOOL_TRUE = ("true", "1", "yes", "y", "t", "是", "有", "已落实", "√", "✓")
BOOL_FALSE = ("false", "0", "no", "n", "f", "否", "无", "未落实", "×", "✗")

# Spellings that are settings (issue 18: "an accident `nature` … and 谎报/瞒报 flags (import, forms, settings'
# aliases)"): domain -> code -> the setting that lists its accepted spellings, "|"-separated (docs/settings.md).
# The code itself ("liability", "true", "false") is always accepted, so the record forms, which send codes, work
# whatever the lists hold. The defaults (reference.SETTINGS) are the spellings accepted before they were settings:
# FIXED["accident_nature"] and BOOL_TRUE / BOOL_FALSE.
SETTING_DOMAINS: dict[str, dict[str, str]] = {
    "accident_nature": {"liability": "accident_nature_liability", "non_liability": "accident_nature_non_liability",
                        "pending": "accident_nature_pending"},
    # the 瞒报 / 谎报 columns (spec: Column.flag): yes / no
    "accident_flag": {"true": "accident_flag_yes", "false": "accident_flag_no"},
}
SETTING_ALIAS_KEYS = tuple(key for codes in SETTING_DOMAINS.values() for key in codes.values())
# The spellings the product's own exports write (数据管理's Chinese export, screens/data/view.export_frame: an
# enumeration by its first FIXED spelling, a yes/no as 是/否): always accepted beside the code, whatever the lists
# hold, so that an export re-imports after an administrator edits them. The settings ADD spellings to these.
CANONICAL: dict[str, dict[str, str]] = {
    "accident_nature": {code: spellings[0] for code, spellings in FIXED["accident_nature"].items()},
    "accident_flag": {"true": "是", "false": "否"},
}


def split_aliases(text: str | None) -> list[str]:
    """The spellings of an alias-list setting: "|"-separated, each stripped, empty ones dropped."""
    return [part.strip() for part in (text or "").split("|") if part.strip()]


def setting_spellings(con: duckdb.DuckDBPyConnection, domain: str) -> dict[str, tuple[str, ...]]:
    """code -> accepted spellings (besides the code) of a settings-listed domain: the settings table's rows, or
    the default of reference.SETTINGS for a row the table lacks (a database made before these settings)."""
    from riskdash.reference import SETTINGS

    keys = SETTING_DOMAINS[domain]
    defaults = {key: value for key, value, *_ in SETTINGS}
    held = dict(con.execute("select key, value from settings where key in (select unnest($keys))",
                            {"keys": list(keys.values())}).fetchall())
    return {code: tuple(split_aliases(held.get(key, defaults[key]))) for code, key in keys.items()}


def accepted_spellings(con: duckdb.DuckDBPyConnection, domain: str) -> dict[str, tuple[str, ...]]:
    """code -> every spelling a settings-listed domain accepts besides the code: its canonical spelling (the one
    the exports write, CANONICAL) first, then the settings' list, each once."""
    canonical = CANONICAL[domain]
    return {code: tuple(dict.fromkeys((canonical[code], *spellings)))
            for code, spellings in setting_spellings(con, domain).items()}


def setting_alias_overlaps(lists: dict[str, str]) -> list[tuple[str, str, str]]:
    """(spelling, key, other key) for each spelling that two lists of one domain share (compared as the import
    compares: normalised), or that names another value's code or canonical spelling: the import could not tell which
    value is meant."""
    found = []
    for domain, codes in SETTING_DOMAINS.items():
        owner: dict[str, str] = {normalise(code): key for code, key in codes.items()}
        # a canonical spelling (always accepted, CANONICAL) belongs to its own value as its code does
        owner.update({normalise(CANONICAL[domain][code]): key for code, key in codes.items()})
        for code, key in codes.items():
            for spelling in split_aliases(lists.get(key)):
                first = owner.setdefault(normalise(spelling), key)
                if first != key:
                    found.append((spelling, key, first))
    return found


def normalise(text: str) -> str:
    """Full-width to half-width (NFKC), no spaces, lower case: how headers and enumerations are compared."""
    return "".join(unicodedata.normalize("NFKC", str(text)).split()).lower()


def alias_rows(con: duckdb.DuckDBPyConnection) -> list[tuple[str, str, str]]:
    """(domain, normalised alias, code) for every accepted spelling of every enumeration."""
    rows: list[tuple[str, str, str]] = []
    for domain, codes in FIXED.items():
        if domain in SETTING_DOMAINS:
            codes = accepted_spellings(con, domain)  # the exports' spelling and the settings' lists
        for code, spellings in codes.items():
            rows += [(domain, normalise(s), code) for s in (code, *spellings)]
    for code, spellings in accepted_spellings(con, "accident_flag").items():
        rows += [("accident_flag", normalise(s), code) for s in (code, *spellings)]
    for code, zh, en, aliases in con.execute("select code, name_zh, name_en, aliases from sectors").fetchall():
        spellings = [code, zh, en, *(aliases or "").split("|")]
        rows += [("sector", normalise(s), code) for s in spellings if s]
    for code, zh, en in con.execute("select code, name_zh, name_en from accident_types").fetchall():
        rows += [("accident_type", normalise(s), code) for s in (code, zh, en)]
    # the first spelling of an alias wins (a sector alias never overrides another sector's own name)
    seen: set[tuple[str, str]] = set()
    unique = []
    for domain, alias, code in rows:
        if (domain, alias) not in seen:
            seen.add((domain, alias))
            unique.append((domain, alias, code))
    return unique


def allowed_text(con: duckdb.DuckDBPyConnection, domain: str) -> str:
    """'一般 (general), 重大 (major)': what a problem message offers."""
    if domain == "sector":
        pairs = con.execute("select name_zh, code from sectors order by sort_order").fetchall()
    elif domain == "accident_type":
        pairs = con.execute("select name_zh, code from accident_types order by sort_order").fetchall()
    elif domain in SETTING_DOMAINS:
        # every accepted spelling, as the settings list them: "责任事故、责任 (liability), …"
        return ", ".join(f"{'、'.join(spellings)} ({code})" if spellings else code
                         for code, spellings in accepted_spellings(con, domain).items())
    else:
        pairs = [(spellings[0], code) for code, spellings in FIXED[domain].items()]
    return ", ".join(f"{zh} ({code})" for zh, code in pairs)
