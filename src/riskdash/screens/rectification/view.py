"""The 隐患治理 screen's content, shaped from ``riskdash.metrics.rectification`` results: KPI cards, formulas,
the monthly form table and the list tables with their column names in the chosen language.

Pure: no Streamlit here. The monthly form's table (``exports.monthly_form.form_table``) is the one the screen
shows and the one the .xlsx export writes, so that the two cannot differ.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pandas as pd

from riskdash import i18n
from riskdash.exports import monthly_form
from riskdash.screens.kit import Kpi, Scope

# the monthly form's layout and typed table live with its writer, so that the screen and the file cannot differ
FORM_COLUMNS = monthly_form.FORM_COLUMNS
form_rate = monthly_form.form_rate
form_table = monthly_form.form_table


def _n(value: int) -> str:
    return f"{value:,}"


# ---------------------------------------------------------------------------------------------- KPIs


def kpi_cards(k: dict[str, Any], scope: Scope, lang: str) -> tuple[Kpi, ...]:
    t = lambda key, **v: i18n.t(f"rectification.{key}", lang, **v)  # noqa: E731
    stock = k["stock"]
    return (
        Kpi("found", t("kpi_found"), _n(k["found"]),
            t("kpi_found_help", general=k["general_found"], major=k["major_found"])),
        Kpi("rectified", t("kpi_rectified"), _n(k["rectified"]),
            t("kpi_rectified_help", general=k["general_rectified"], major=k["major_closed"])),
        Kpi("general_rate", t("kpi_general_rate"), i18n.pct(k["general_rate"]),
            t("formula_general", done=k["general_rectified"], found=k["general_found"],
              rate=i18n.pct(k["general_rate"]), as_of=scope.as_of)),
        Kpi("major_rate", t("kpi_major_rate"), i18n.pct(k["major_rate"]),
            t("formula_major", done=k["major_closed"], found=k["major_found"], rate=i18n.pct(k["major_rate"]))),
        # overdue and 挂牌督办: the stock on the as-of day (every year's hazards), what "截至…" states
        Kpi("overdue", t("kpi_overdue"), _n(stock["overdue"]), t(
            "kpi_overdue_help", as_of=scope.as_of, major=_n(stock["overdue_major"]),
            unrectified=_n(stock["overdue_major_unrectified"]),
            awaiting=_n(stock["overdue_major"] - stock["overdue_major_unrectified"]),
            period_overdue=_n(k["overdue"]))),
        Kpi("supervised_open", t("kpi_supervised_open"), _n(stock["supervised_open"]),
            t("kpi_supervised_open_help", as_of=scope.as_of)),
        Kpi("on_time_rate", t("kpi_on_time"), i18n.pct(k["on_time_rate"]),
            t("formula_on_time", on_time=k["on_time"], due=k["done_or_overdue"], rate=i18n.pct(k["on_time_rate"]),
              as_of=scope.as_of)),
        Kpi("median_days", t("kpi_median_days"), _median_text(k),
            t("kpi_median_days_help", n=k["rectified_any_grade"], as_of=scope.as_of)),
    )


def _median_text(k: dict[str, Any]) -> str:
    median = k["median_days_to_rectify"]
    return i18n.DASH if median is None else f"{median:g}"


def formulas(k: dict[str, Any], scope: Scope, lang: str) -> list[str]:
    t = lambda key, **v: i18n.t(f"rectification.{key}", lang, **v)  # noqa: E731
    return [
        t("formula_rate", done=_n(k["rectified"]), found=_n(k["found"]), rate=i18n.pct(k["rate"])),
        t("formula_general", done=_n(k["general_rectified"]), found=_n(k["general_found"]),
          rate=i18n.pct(k["general_rate"]), as_of=scope.as_of),
        t("formula_major", done=_n(k["major_closed"]), found=_n(k["major_found"]), rate=i18n.pct(k["major_rate"])),
        t("formula_on_time", on_time=_n(k["on_time"]), due=_n(k["done_or_overdue"]), rate=i18n.pct(k["on_time_rate"]),
          as_of=scope.as_of),
        t("formula_median", n=_n(k["rectified_any_grade"]), as_of=scope.as_of, median=_median_text(k)),
        t("formula_dash"),
    ]


def loop_split(k: dict[str, Any], lang: str) -> pd.DataFrame:
    """label, found, done, open (within the deadline), overdue: all grades, general, major, from the screen's
    KPIs (``metrics.rectification.rectification_kpis``: the period's hazards on the as-of day). Overdue hazards
    are never done, so found = done + open + overdue in every row."""
    t = lambda key: i18n.t(f"rectification.{key}", lang)  # noqa: E731
    general_overdue = k["overdue"] - k["overdue_major"]
    rows = [
        (t("split_total"), k["found"], k["rectified"], k["overdue"]),
        (i18n.enum_name("hazard_grade", "general", lang), k["general_found"], k["general_rectified"], general_overdue),
        (i18n.enum_name("hazard_grade", "major", lang), k["major_found"], k["major_closed"], k["overdue_major"]),
    ]
    return pd.DataFrame([{"label": label, "found": int(found), "done": int(done),
                          "open": int(found - done - overdue), "overdue": int(overdue)}
                         for label, found, done, overdue in rows])


# ---------------------------------------------------------------------------------------------- monthly form


def form_display(table: pd.DataFrame) -> pd.DataFrame:
    """The same table for st.dataframe: one header line per column, every cell as text."""
    return pd.DataFrame({
        form_heading(group, column): [form_cell_text(column, v) for v in table[(group, column)]]
        for group, column in table.columns
    })


def form_heading(group: str, column: str) -> str:
    """A form column's header on screen (``form_display``): "一般事故隐患·排查（项）", or the column alone."""
    return f"{group}·{column}" if group else column


# The form on screen in three views of its thirteen prescribed columns (issue 17 item 7: whole, about 2,700 px
# against the 674 px of the page at 1024 px): each view's name key and its columns by source (FORM_COLUMNS), the
# sector first in every one. The download and the print keep the official layout.
FORM_VIEWS: dict[str, tuple[str, ...]] = {
    "form_view_general": ("name_zh", "enterprises_checked", "general_found", "general_rectified", "general_rate"),
    "form_view_major": ("name_zh", "major_found", "major_closed", "major_rate", "major_in_plan", "major_five_in_place"),
    "form_view_listed": ("name_zh", "major_supervised", "major_supervised_province", "funds_wan"),
}


def form_views(lang: str) -> dict[str, list[str]]:
    """The form's views (FORM_VIEWS): each view's name in ``lang`` and its columns as ``form_display`` heads them."""
    heads = {source: form_heading(group, column) for group, column, source in FORM_COLUMNS}
    return {i18n.t(f"rectification.{name}", lang): [heads[s] for s in sources] for name, sources in FORM_VIEWS.items()}


def form_labels(lang: str) -> dict[str, str]:
    """The form's short headers on screen (its units are said once, in ``rectification.form_units``); the full
    header is the column's tooltip."""
    return {form_heading(group, column): i18n.t(f"rectification.form_col_{source}", lang)
            for group, column, source in FORM_COLUMNS}


def form_cell_text(column: str, value: Any) -> str:
    """A form cell as the screen writes it: funds to 2 decimals, rates to 1 (or "—"), counts grouped."""
    if isinstance(value, str):
        return value
    if "万元" in column:
        return f"{float(value):,.2f}"
    if "%" in column:
        return f"{float(value):.1f}"
    return f"{int(value):,}"


def report_months(as_of: date, end: date) -> list[date]:
    """The months that can be reported: January to the data's as-of month, of the period's end year."""
    last = min(end, as_of)
    return [date(last.year, m, 1) for m in range(1, last.month + 1)]


# ---------------------------------------------------------------------------------------------- tables


def _names(kind: str, codes, lang: str) -> list[str]:
    return [i18n.enum_name(kind, c, lang) if isinstance(c, str) else i18n.DASH for c in codes]


def _sector_names(codes, sectors: dict[str, tuple[str, str]], lang: str) -> list[str]:
    return [i18n.sector_name(sectors[c], lang) if c in sectors else str(c) for c in codes]


def _day(values) -> list[str]:
    days = pd.Series(values)
    if pd.api.types.is_datetime64_any_dtype(days):  # a date column as read: formatted whole (issue 17, speed)
        return days.dt.strftime("%Y-%m-%d").fillna("").tolist()
    return ["" if v is None or pd.isna(v) else pd.Timestamp(v).date().isoformat() for v in values]


def _yes_no(values, lang: str) -> list[str]:
    key = {True: "yes", False: "no"}
    return [i18n.t(f"rectification.{key[bool(v)]}" if v is not None and not pd.isna(v) else "rectification.unknown",
                   lang) for v in values]


def _col(key: str, lang: str) -> str:
    return i18n.t(f"rectification.col_{key}", lang)


def _place_columns(frame: pd.DataFrame, sectors, lang: str) -> dict[str, list]:
    return {
        _col("enterprise", lang): list(frame["enterprise_name"]),
        _col("county", lang): list(frame["county_name"]),
        _col("township", lang): list(frame["township_name"]),
        _col("sector", lang): _sector_names(frame["industry"], sectors, lang),
    }


def _overdue_states(frame: pd.DataFrame) -> list[str]:
    """The hazard state, an overdue hazard already rectified (a major one awaiting verification) named
    逾期未销号 instead of 逾期未整改."""
    states = frame["state"] if "state" in frame else ["overdue"] * len(frame)
    return ["overdue_rectified" if state == "overdue" and rectified else state
            for state, rectified in zip(states, frame["is_rectified"])]


def overdue_table(frame: pd.DataFrame, sectors, lang: str) -> pd.DataFrame:
    return pd.DataFrame({
        _col("hazard", lang): list(frame["hazard_id"]),
        **_place_columns(frame, sectors, lang),
        _col("grade", lang): _names("hazard_grade", frame["grade"], lang),
        _col("found_on", lang): _day(frame["found_on"]),
        _col("deadline", lang): _day(frame["deadline"]),
        _col("days_overdue", lang): [int(v) for v in frame["days_overdue"]],
        _col("state", lang): _names("hazard_state", _overdue_states(frame), lang),
        _col("rectified_on", lang): _day(frame["rectified_on"]),
        _col("supervision", lang): _names("supervision_level", frame["supervision_level"], lang),
    })


def supervised_table(frame: pd.DataFrame, sectors, lang: str) -> pd.DataFrame:
    return pd.DataFrame({
        _col("hazard", lang): list(frame["hazard_id"]),
        **_place_columns(frame, sectors, lang),
        _col("supervision", lang): _names("supervision_level", frame["supervision_level"], lang),
        _col("supervised_on", lang): _day(frame["supervised_on"]),
        _col("plan", lang): _yes_no(frame["in_treatment_plan"], lang),
        _col("five", lang): _yes_no(frame["five_in_place"], lang),
        _col("deadline", lang): _day(frame["deadline"]),
        _col("days_left", lang): [None if pd.isna(v) else int(v) for v in frame["days_left"]],
        _col("state", lang): _names("hazard_state", _overdue_states(frame), lang),
        _col("funds", lang): [None if pd.isna(v) else round(float(v), 2) for v in frame["funds_wan"]],
    })


def follow_up_table(frame: pd.DataFrame, sectors, lang: str) -> pd.DataFrame:
    return pd.DataFrame({
        _col("hazard", lang): list(frame["hazard_id"]),
        **_place_columns(frame, sectors, lang),
        _col("grade", lang): _names("hazard_grade", frame["grade"], lang),
        _col("description", lang): [v if isinstance(v, str) else "" for v in frame["description"]],
        _col("found_on", lang): _day(frame["found_on"]),
        _col("deadline", lang): _day(frame["deadline"]),
        _col("days_left", lang): [int(v) for v in frame["days_left"]],
        _col("supervision", lang): _names("supervision_level", frame["supervision_level"], lang),
    })


def new_hazards_table(frame: pd.DataFrame, sectors, lang: str) -> pd.DataFrame:
    """近7日新增隐患 (``metrics.rectification.new_hazards_list``) with its columns named in ``lang``."""
    return pd.DataFrame({
        _col("hazard", lang): list(frame["hazard_id"]),
        **_place_columns(frame, sectors, lang),
        _col("grade", lang): _names("hazard_grade", frame["grade"], lang),
        _col("category", lang): category_names(frame["category"], lang),
        _col("description", lang): [v if isinstance(v, str) else "" for v in frame["description"]],
        _col("found_on", lang): _day(frame["found_on"]),
        _col("deadline", lang): _day(frame["deadline"]),
        _col("state", lang): _names("hazard_state", frame["state"], lang),
        _col("supervision", lang): _names("supervision_level", frame["supervision_level"], lang),
    })


def category_names(categories, lang: str) -> list[str]:
    """A hazard category as shown: its own text, or "（未填类别）" where none was recorded."""
    return [v if isinstance(v, str) and v else i18n.t("rectification.uncategorised", lang) for v in categories]


PARETO_NAMED = 10  # the sentence names at most this many of the categories making 80 %


def pareto_sentence(frame: pd.DataFrame, lang: str, named: int = PARETO_NAMED) -> str:
    """The few categories that make 80 % of the hazards (``is_vital``), named in one sentence with their count
    and share: "3 类隐患（共 5 类）合计 8 项，占统计期内排查隐患 10 项的 80.0%：甲、乙、丙。"."""
    found = int(frame["hazards"].sum()) if not frame.empty else 0
    if found == 0:
        return i18n.t("rectification.pareto_none", lang)
    vital = frame[frame["is_vital"]]
    names = category_names(vital["category"], lang)
    listed = ("、" if lang == "zh" else ", ").join(names[:named])
    if len(names) > named:
        listed = i18n.t("rectification.pareto_more", lang, names=listed, more=len(names) - named)
    count = int(vital["hazards"].sum())
    return i18n.t("rectification.pareto_sentence", lang, n=len(vital), total=len(frame), count=_n(count),
                  found=_n(found), share=i18n.pct(float(vital["cumulative_share"].iloc[-1])), names=listed)


def pareto_table(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Every category of the Pareto view, most first: count, of them major, share, running share, and whether
    it is among the categories that make 80 %."""
    return pd.DataFrame({
        _col("category", lang): category_names(frame["category"], lang),
        _col("category_hazards", lang): [int(v) for v in frame["hazards"]],
        _col("major_of", lang): [int(v) for v in frame["major_found"]],
        _col("share", lang): [i18n.pct(v) for v in frame["share"]],
        _col("cumulative", lang): [i18n.pct(v) for v in frame["cumulative_share"]],
        _col("vital", lang): _yes_no(frame["is_vital"], lang),
    })


def hazard_record_fields(record: dict[str, Any], sectors_lang_name: str | None, lang: str) -> list[tuple[str, str]]:
    """A hazard's record (``metrics.rectification.hazard_record``) as (label, value) pairs for its card; a value
    not recorded is "—". ``sectors_lang_name``: the sector's name in ``lang`` (None: not on record)."""
    def text(value: Any) -> str:
        return i18n.DASH if value is None or value == "" else str(value)

    def day(value: Any) -> str:
        return i18n.DASH if value is None else pd.Timestamp(value).date().isoformat()

    def flag(value: Any) -> str:
        return i18n.t("rectification.unknown" if value is None else f"rectification.{'yes' if value else 'no'}", lang)

    state = record.get("state")
    if state == "overdue" and record.get("rectified_on") is not None:
        state = "overdue_rectified"
    funds = record.get("funds_wan")
    return [
        (_col("hazard", lang), text(record["hazard_id"])),
        (_col("enterprise", lang), f"{text(record.get('enterprise_name'))}（{record['enterprise_id']}）"),
        (_col("county", lang), text(record.get("parent_region_name"))),
        (_col("township", lang), text(record.get("region_name"))),
        (_col("sector", lang), text(sectors_lang_name)),
        (_col("grade", lang), i18n.enum_name("hazard_grade", record["grade"], lang)),
        # 重大隐患判定依据 (schema 26): the item it was judged by, its title and standard
        (_col("basis", lang), monthly_form.basis_words(
            record.get("basis_code"), record.get("basis_title_zh" if lang == "zh" else "basis_title_en"),
            record.get("basis_standard"), lang)),
        (_col("category", lang), category_names([record.get("category")], lang)[0]),
        (_col("description", lang), text(record.get("description"))),
        (_col("inspection", lang), text(record.get("inspection_id"))),
        (_col("found_on", lang), day(record.get("found_on"))),
        (_col("deadline", lang), day(record.get("deadline"))),
        (_col("rectified_on", lang), day(record.get("rectified_on"))),
        (_col("verified_on", lang), day(record.get("verified_on"))),
        (_col("state", lang), i18n.DASH if state is None else i18n.enum_name("hazard_state", state, lang)),
        (_col("supervision", lang), i18n.enum_name("supervision_level", record["supervision_level"], lang)),
        (_col("supervised_on", lang), day(record.get("supervised_on"))),
        (_col("delisted_on", lang), day(record.get("delisted_on"))),
        (_col("plan", lang), flag(record.get("in_treatment_plan"))),
        (_col("five", lang), flag(record.get("five_in_place"))),
        (_col("funds", lang), i18n.DASH if funds is None else f"{float(funds):,.2f}"),
    ]


def department_table(frame: pd.DataFrame, sectors, lang: str) -> pd.DataFrame:
    """按行业主管部门 (``metrics.departments.by_department``) with a 合计 row: the department, its sectors' names and
    the counts."""
    counts = ["accidents", "deaths", "hazards", "major_hazards", "enterprises"]
    sep = "、" if lang == "zh" else ", "
    rows = [[d, sep.join(_sector_names(s.split(","), sectors, lang)), *(int(v) for v in vals)]
            for d, s, *vals in zip(frame["department"], frame["industries"], *(frame[c] for c in counts))]
    rows.append([i18n.t("rectification.dept_total", lang), "", *(int(frame[c].sum()) for c in counts)])
    return pd.DataFrame(rows, columns=[i18n.t(f"rectification.dept_col_{k}", lang)
                                       for k in ("department", "sectors", *counts)])


def weekly_counts(frame: pd.DataFrame) -> dict[str, int]:
    """The weekly list's rows per township (region_code → how many; a township without any is not there)."""
    return {code: int(n) for code, n in frame["region_code"].value_counts().items()}


def weekly_of(frame: pd.DataFrame, code: str) -> pd.DataFrame | None:
    """The weekly list's rows of one township, or None where it has none (only the township picked is cut out:
    splitting a big city's list into its 1,200 townships on every run cost about 0.3 s; issue 17, speed)."""
    rows = frame[frame["region_code"] == code]
    return rows.reset_index(drop=True) if len(rows) else None


def week_end(as_of: date, days: int) -> date:
    return as_of + timedelta(days=days)


def uninspected_table(frame: pd.DataFrame, sectors, lang: str) -> pd.DataFrame:
    return pd.DataFrame({
        **_place_columns(frame, sectors, lang),
        _col("last_inspected", lang): [i18n.t("rectification.never", lang) if v == "" else v
                                       for v in _day(frame["last_inspected_on"])],
        _col("days_since", lang): [None if pd.isna(v) else int(v) for v in frame["days_since"]],
    })


def levels_table(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    names = [i18n.t("rectification.level_none", lang) if c == "none" else i18n.enum_name("inspection_level", c, lang)
             for c in frame["level"]]
    return pd.DataFrame({
        _col("level", lang): names,
        _col("inspections", lang): list(frame["inspections"]),
        _col("enterprises_inspected", lang): list(frame["enterprises_inspected"]),
        _col("hazards_found", lang): list(frame["hazards_found"]),
        _col("major_among_found", lang): list(frame["major_found"]),
    })


def coverage_totals(frame: pd.DataFrame) -> dict[str, Any]:
    from riskdash.metrics import rate

    active, covered, own = (int(frame[c].sum()) for c in
                            ("active_enterprises", "supervised_enterprises", "self_checked_enterprises"))
    return {"active": active, "covered": covered, "own": own, "rate": rate(covered, active),
            "own_rate": rate(own, active)}


def coverage_table(frame: pd.DataFrame, lang: str, by: str, sectors=None) -> pd.DataFrame:
    first = ({_col("county", lang): list(frame["county_name"]), _col("township", lang): list(frame["township_name"])}
             if by == "township" else {_col("sector", lang): _sector_names(frame["industry"], sectors, lang)})
    return pd.DataFrame({
        **first,
        _col("active", lang): list(frame["active_enterprises"]),
        _col("supervised_enterprises", lang): list(frame["supervised_enterprises"]),
        _col("coverage", lang): [i18n.pct(v) for v in frame["coverage_rate"]],
        _col("self_checked", lang): list(frame["self_checked_enterprises"]),
        _col("self_rate", lang): [i18n.pct(v) for v in frame["self_check_rate"]],
    })


def breakdown_table(frame: pd.DataFrame, lang: str, by: str, sectors=None) -> pd.DataFrame:
    first = ({_col("county", lang): list(frame["county_name"]), _col("township", lang): list(frame["township_name"])}
             if by == "township" else {_col("sector", lang): _sector_names(frame["industry"], sectors, lang)})
    return pd.DataFrame({
        **first,
        _col("found", lang): list(frame["found"]),
        _col("general_found", lang): list(frame["general_found"]),
        _col("general_rectified", lang): list(frame["general_rectified"]),
        _col("major_found", lang): list(frame["major_found"]),
        _col("major_closed", lang): list(frame["major_closed"]),
        _col("rate", lang): [i18n.pct(v) for v in frame["rate"]],
        _col("overdue", lang): list(frame["overdue"]),
        _col("supervised_open", lang): list(frame["supervised_open"]),
    })


def ageing_table(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    wide = frame.pivot(index="band", columns="grade", values="open_hazards")
    overdue = frame.groupby("band", sort=False)["overdue"].sum()
    bands = list(dict.fromkeys(frame["band"]))
    return pd.DataFrame({
        _col("age", lang): [i18n.enum_name("age_band", b, lang) for b in bands],
        _col("general_found", lang): [int(wide.loc[b, "general"]) for b in bands],
        _col("major_found", lang): [int(wide.loc[b, "major"]) for b in bands],
        _col("overdue", lang): [int(overdue[b]) for b in bands],
    })


def evidence_table(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    from riskdash.metrics import rate

    def share(column: str) -> list[str]:
        return [i18n.pct(rate(n, d)) for n, d in zip(frame[column], frame["hazards"])]

    return pd.DataFrame({
        _col("county", lang): list(frame["county_name"]),
        _col("township", lang): list(frame["township_name"]),
        _col("hazards", lang): list(frame["hazards"]),
        _col("with_inspection", lang): share("with_inspection"),
        _col("with_description", lang): share("with_description"),
        _col("with_deadline", lang): share("with_deadline"),
        _col("with_date", lang): share("with_rectified_date"),
        _col("completeness", lang): [i18n.pct(v) for v in frame["completeness"]],
    })


def evidence_figure(frame: pd.DataFrame, lang: str) -> tuple[pd.DataFrame, str]:
    """The evidence-completeness figure (issue 18, 问题整改有结果) from ``metrics.rectification.evidence_by_township``:
    per township and a 合计 row, the hazards closed (验收销号) in the period, of them with an 整改后 photo, a 验收
    record and both, and the share with both ("—" where none closed); with the formula line on the 合计 row."""
    from riskdash.metrics import rate

    counts = ["closed", "closed_with_after", "closed_with_acceptance", "closed_with_evidence"]
    rows = [[county, town, *(int(v) for v in vals)]
            for county, town, *vals in zip(frame["county_name"], frame["township_name"], *(frame[c] for c in counts))]
    totals = [int(frame[c].sum()) for c in counts]
    rows.append([i18n.t("rectification.evidence_total", lang), "", *totals])
    table = pd.DataFrame(rows, columns=[_col("county", lang), _col("township", lang),
                                        *(_col(c, lang) for c in counts)])
    table[_col("evidence_rate", lang)] = [i18n.pct(rate(row[-1], row[2])) for row in rows]
    line = i18n.t("rectification.evidence_formula", lang, both=_n(totals[3]), closed=_n(totals[0]),
                  rate=i18n.pct(rate(totals[3], totals[0])))
    return table, line


def township_choices(towns: pd.DataFrame) -> dict[str, str]:
    """region_code → "county township" for the weekly list's township choice."""
    return {code: f"{county} {town}" for code, county, town in
            zip(towns["region_code"], towns["county_name"], towns["township_name"])}


def sector_labels(frame: pd.DataFrame, sectors, lang: str) -> list[str]:
    return _sector_names(frame["industry"], sectors, lang)


def month_text(month: date, lang: str) -> str:
    """A report month as bulletins write it: 2026年11月 / Nov 2026."""
    from riskdash.filters import month_end

    return i18n.period(month, month_end(month.year, month.month), lang)


# Themed views of the hazard lists (issue 17 item 7): twelve or thirteen columns (dates, a description) take
# 930–1,090 px, past the page's 664 px at 1024×768 beside the sidebar. Each list is shown one view of its columns
# at a time (a segmented control over it, ui.widgets.view_table), the hazard and its enterprise first in every
# view; the row's record card under the list shows every field, and the CSV/Excel downloads carry every column.
LIST_KEYS = ("hazard", "enterprise")
LIST_VIEWS: dict[str, dict[str, tuple[str, ...]]] = {
    # where and what it is, then how its rectification stands
    "overdue": {"basics": ("county", "township", "sector", "grade", "found_on"),
                "progress": ("deadline", "days_overdue", "state", "rectified_on", "supervision")},
    "supervised": {"basics": ("county", "township", "sector", "supervision", "supervised_on"),
                   "progress": ("deadline", "days_left", "state"),
                   "measures": ("plan", "five", "funds")},
    "follow_up": {"basics": ("county", "township", "sector", "grade"),
                  "progress": ("found_on", "deadline", "days_left", "supervision"),
                  "description": ("description",)},
    "new": {"basics": ("county", "township", "sector", "grade"),
            "progress": ("found_on", "deadline", "state", "supervision"),
            "description": ("category", "description")},
}


def list_views(kind: str, lang: str) -> dict[str, list[str]]:
    """The themed views of list ``kind`` (LIST_VIEWS): each view's name in ``lang`` and its column headers, the
    hazard and the enterprise first."""
    return {i18n.t(f"rectification.view_{name}", lang): [_col(k, lang) for k in (*LIST_KEYS, *columns)]
            for name, columns in LIST_VIEWS[kind].items()}


def majors_views(table: pd.DataFrame, lang: str) -> dict[str, list[str]]:
    """The monthly form's major-hazard list (``monthly_form.majors_table``) in two views: where the hazard is, and
    when it was found, what it was judged by and whether it is closed; the hazard and its enterprise first."""
    hazard, enterprise, county, township, sector, found, basis, closed = list(table.columns)
    return {i18n.t("rectification.view_basics", lang): [hazard, enterprise, county, township, sector],
            i18n.t("rectification.view_basis", lang): [hazard, enterprise, found, basis, closed]}


def breakdown_views(table: pd.DataFrame, lang: str, by: str) -> dict[str, list[str]]:
    """The breakdown table (``breakdown_table``) in two views where it cannot fit whole (in English its ten
    columns take about 860 px): found and rectified, then overdue and listed; the township (with its county) or
    the sector first in both."""
    keys = list(table.columns[:2 if by == "township" else 1])
    rest = list(table.columns[len(keys):])
    found, general, rectified, major, closed, rate, overdue, listed = rest
    return {i18n.t("rectification.view_rectified", lang): [*keys, found, general, rectified, major, closed, rate],
            i18n.t("rectification.view_overdue", lang): [*keys, found, overdue, listed]}
