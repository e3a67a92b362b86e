"""行业主管部门 ("管行业必须管安全", issue 18) as tables, pure: 事故趋势's accidents and 重点部位's ledger by the
department responsible for their sector (``metrics.departments``; setting sector_departments), each with a 合计 row.
隐患治理's table is ``screens.rectification.view.department_table``. No Streamlit here."""

from __future__ import annotations

import pandas as pd

from riskdash import i18n
from riskdash.metrics.core import change_pct


def sector_map(sectors: pd.DataFrame) -> dict[str, tuple[str, str]]:
    """{code: (name_zh, name_en)} from ``metrics.core.sectors``."""
    return {code: (zh, en) for code, zh, en in zip(sectors["code"], sectors["name_zh"], sectors["name_en"])}


def _sectors(text, sectors: dict[str, tuple[str, str]], lang: str) -> str:
    codes = [c for c in str(text).split(",") if c] if isinstance(text, str) else []
    sep = "、" if lang == "zh" else ", "
    return sep.join(i18n.sector_name(sectors[c], lang) if c in sectors else c for c in codes)


def _col(key: str, lang: str) -> str:
    return i18n.t(f"departments.col_{key}", lang)


def accidents_table(frame: pd.DataFrame, sectors: dict[str, tuple[str, str]], lang: str) -> pd.DataFrame:
    """``metrics.departments.accidents_by_department``: the department, accidents, deaths (含失踪) and
    较大及以上 of the period, last year's and 同比 (— without a base); a 合计 row of the same sums."""
    rows = []
    columns = ("accidents", "deaths", "larger_accidents", "previous_accidents", "previous_deaths")
    totals = {c: int(frame[c].sum()) for c in columns}
    lines = [(d, {c: int(v[c]) for c in columns}) for d, (_, v) in zip(frame["department"], frame.iterrows())]
    lines.append((i18n.t("departments.total", lang), totals))
    for department, n in lines:
        rows.append([department, n["accidents"], n["previous_accidents"],
                     i18n.signed_pct(change_pct(n["accidents"], n["previous_accidents"])),
                     n["deaths"], n["previous_deaths"], i18n.signed_pct(change_pct(n["deaths"], n["previous_deaths"])),
                     n["larger_accidents"]])
    return pd.DataFrame(rows, columns=[
        _col("department_short", lang), i18n.t("accidents.col_accidents", lang),
        i18n.t("accidents.col_previous_accidents", lang), i18n.t("accidents.col_accidents_yoy", lang),
        i18n.t("accidents.col_deaths", lang), i18n.t("accidents.col_previous_deaths", lang),
        i18n.t("accidents.col_deaths_yoy", lang), _col("larger", lang)])


def sites_table(frame: pd.DataFrame, sectors: dict[str, tuple[str, str]], lang: str) -> pd.DataFrame:
    """``metrics.departments.sites_by_department``: the department (— for a public place's site or a sector
    without one), sites, filed with both offices, measures in place, filed with the department itself; a 合计 row.
    The departments' sectors are named under the table (``sectors_line``)."""
    columns = ("sites", "fully_filed", "in_place", "filed_with_department")
    rows = [[d, *(int(v[c]) for c in columns)] for d, (_, v) in zip(frame["department"], frame.iterrows())]
    rows.append([i18n.t("departments.total", lang), *(int(frame[c].sum()) for c in columns)])
    return pd.DataFrame(rows, columns=[_col(k, lang) for k in ("department", *columns)])


def sectors_line(frame: pd.DataFrame, sectors: dict[str, tuple[str, str]], lang: str) -> str:
    """Each department's sectors in one line under the table (应急管理：煤矿、…；住房和城乡建设：建筑施工、城镇燃气),
    so that the table keeps to the page's width at 1366 px."""
    parts = [i18n.t("departments.sectors_part", lang, department=d, sectors=_sectors(s, sectors, lang))
             for d, s in zip(frame["department"], frame["industries"]) if _sectors(s, sectors, lang)]
    return i18n.t("departments.sectors_line", lang, parts=("；" if lang == "zh" else "; ").join(parts))


# ---------------------------------------------------------------------------------------------- the list filter
# 事故趋势's accident lists and 重点部位's ledger narrowed to one department's sectors (in SQL: in_department,
# sql/views/departments.sql); these are the words around the select box.


def filter_choices(departments: pd.DataFrame) -> list[str]:
    """The select box's choices: "" (every department, the default), then ``metrics.departments.department_list``
    in its order."""
    return ["", *departments["department"]]


def filter_note(department: str, departments: pd.DataFrame, sectors: dict[str, tuple[str, str]], what: str,
                n: int, lang: str) -> str:
    """The caption under a narrowed list: 仅列行业主管部门“住房和城乡建设”主管行业（建筑施工、城镇燃气）的事故：2起。
    ``what`` is ``accidents`` or ``sites``."""
    found = departments.loc[departments["department"] == department, "industries"]
    named = _sectors(found.iloc[0] if len(found) else "", sectors, lang) or i18n.DASH
    return i18n.t("departments.filter_note", lang, department=department, sectors=named,
                  what=i18n.t(f"departments.filter_what_{what}", lang),
                  n=i18n.t(f"departments.filter_count_{what}", lang, n=f"{n:,}"))


def filter_name(whole: str, department: str | None, lang: str) -> str:
    """A list's download name with its department: 较大及以上事故（住房和城乡建设）; the whole name without one."""
    return i18n.t("departments.filter_name", lang, whole=whole, department=department) if department else whole
