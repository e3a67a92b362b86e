"""The content of a meeting briefing (汇报): what each slide / section says, built from the metrics functions.

Every export (PPTX here, the Word 通报 and the PDF in ``docx_export`` / ``pdf_export``) and the screen's
presentation mode draw the same ``Brief``; none of them queries the database or computes a figure.

API (stable; the exports and the screen build on it)
----------------------------------------------------
``build_brief(con, filters, lang="zh", generated_at=None) -> Brief``
    Runs the metrics for ``filters`` and returns frozen dataclasses. ``lang`` is "zh" or "en" (all wording);
    ``generated_at`` defaults to now (pass one for reproducible output).

``Brief(meta: BriefMeta, slides: tuple[Slide, ...])``; ``brief.slide(key) -> Slide``.

``BriefMeta``: ``region_code``, ``region_name``, ``region_level`` ("city"/"county"/"township"), ``start``,
``end``, ``as_of`` (dates), ``is_demo`` (bool: show 演示数据), ``generated_at`` (datetime), ``lang``,
``title`` ("云川市安全生产形势汇报"), ``period_text`` ("2026年1月1日—11月28日"), ``filters_text`` (one line
for footers: "统计期间 2026年1月1日—11月28日 · 区域 云川市 · 截至2026年11月28日"), ``generated_text``
("生成时间 2026-11-28 16:30"), ``demo_text`` ("演示数据" or None).

``Slide``: ``key`` (``SLIDE_KEYS``, in meeting order: accidents 事故形势, rectification 隐患治理, priority 重点部位,
townships 乡镇排名, next_steps 下步工作), ``section`` (the section name), ``title`` (the conclusion in words,
"事故起数同比上升5.6%、死亡人数下降1.2%（“一升一降”）"), ``headline`` (tuple of sentences in the official register),
``kpis`` (tuple of ``Kpi``), ``chart`` (``ChartSpec`` or None), ``table`` (``TableSpec`` or None),
``placeholder`` (str or None: what is missing, shown instead of figures that do not exist).

``Kpi``: ``key`` (where the number comes from, e.g. "accidents.yoy_pct.deaths" = the ``yoy_pct.deaths`` of
``riskdash metrics accidents``), ``label``, ``value`` (the raw int/float/None of the metric), ``display``
(text; "—" for None), ``formula`` (text or None).

``ChartSpec``: ``kind`` ("bar" horizontal / "column" vertical / "line"), ``title`` (measure · period · region
· as-of), ``categories`` (tuple of str), ``series`` (tuple of ``(name, tuple of values)``; a value may be
None), ``unit`` (axis title), ``colours`` (tuple of hex colours, one per series, or None), ``stacked``
(bool: series stacked in one bar), ``value_max`` (fixed top of the value axis or None);
``chart.figure()`` → a styled plotly figure; ``chart.png(width, height)`` → its PNG bytes.

``TableSpec``: ``title``, ``columns`` (tuple of str), ``rows`` (tuple of tuples of display strings, at most
``TABLE_ROWS``), ``total`` (how many rows the list has in all; ``more_text`` says "共N项，列出前M项" when cut).

Where the numbers come from (nothing is recomputed here):
accidents — ``metrics.accidents.kpi_totals`` (= ``riskdash metrics accidents``), ``change_tests``,
``death_projection``, ``accidents_by_month``, ``larger_and_above_list``; rectification —
``metrics.rectification.rectification_kpis`` (its contract keys = ``riskdash metrics rectification``),
``by_township``, ``overdue_list``; priority — ``metrics.priority.risk_scores``, ``level_counts``,
``red_orange_counts``, ``ledger_gaps``; townships — ``metrics.campaigns.townships``; next steps —
``overdue_list`` (major), ``LedgerGaps.not_fully_filed``, ``rectification.uninspected_enterprises`` of the
red and orange enterprises of ``risk_scores``.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import Any, Callable

import duckdb
import pandas as pd

from riskdash import db, i18n, metrics
from riskdash.briefing import classes as class_text
from riskdash.briefing import headline as hl
from riskdash.metrics import accidents as acc
from riskdash.metrics import classes as stat_classes
from riskdash.metrics import campaigns as camp
from riskdash.metrics import priority as prio
from riskdash.metrics import rectification as rect
from riskdash.filters import Filters

SLIDE_KEYS = ("accidents", "rectification", "priority", "townships", "next_steps")
TABLE_ROWS = 200  # rows kept per list: a 通报 附件 lists them all up to this; the slides and the screen show fewer
CHART_BARS = 8  # bars in a "lowest / most" chart: what a projector can show legibly


# ---------------------------------------------------------------------------------------------- the model


@dataclass(frozen=True)
class Kpi:
    key: str
    label: str
    value: int | float | None
    display: str
    formula: str | None = None


@dataclass(frozen=True)
class ChartSpec:
    kind: str  # "bar" (horizontal), "column" (vertical) or "line"
    title: str
    categories: tuple[str, ...]
    series: tuple[tuple[str, tuple[int | float | None, ...]], ...]
    unit: str
    colours: tuple[str, ...] | None = None
    stacked: bool = False
    value_max: float | None = None  # a fixed top of the value axis (100 for a percentage), else automatic
    caption: str | None = None  # the measure alone, for a document's figure caption (the title adds the scope)
    lang: str = "zh"  # of the axis note a zoomed rate axis carries

    def value_axis(self) -> tuple[float | None, float | None, str]:
        """The value axis: its start (None: automatic), its end and its title. A rate axis (``value_max``, e.g.
        100 for a percentage) starts where its bars' differences show — a wall of 93–99 % bars on 0–100 says
        nothing (issue 17 item 5) — and its title then says where it starts ("整改率（%，横轴自90%起）")."""
        if self.value_max is None:
            return (None if self.kind == "line" else 0.0), None, self.unit
        from riskdash import charts

        values = [v for _, series in self.series for v in series if v is not None]
        floor = 0.0 if self.stacked else charts.zoom_floor(values)
        axis = "x" if self.kind == "bar" else "y"
        return floor, self.value_max, charts.zoomed_title(self.unit, floor, self._suffix, self.lang, axis=axis)

    @property
    def _suffix(self) -> str:
        """"%" after a percentage's numbers (a 0–100 axis), nothing otherwise."""
        return "%" if self.value_max == 100 else ""

    def labels(self, values) -> list[str]:
        """Each bar's value as its label (the slide's and the document's reader cannot hover): counts with
        thousands separators, a rate with its %, an empty segment of a stack unlabelled."""
        suffix = self._suffix
        out = []
        for v in values:
            if v is None or (self.stacked and not v):
                out.append("")
            elif isinstance(v, int):
                out.append(f"{v:,}{suffix}")
            elif suffix:
                out.append(f"{v:,.1f}{suffix}")
            else:  # a score: its decimals as given, never an exponent (":g" wrote 1234567.0 as 1.23457e+06)
                out.append(f"{v:,.2f}".rstrip("0").rstrip("."))
        return out

    def figure(self):
        """A plotly figure in the house style (CJK font, scope in the title, unit on the axis)."""
        import plotly.graph_objects as go

        from riskdash import charts

        fig = go.Figure()
        colours = self.colours or (charts.CURRENT, charts.PREVIOUS, charts.ALERT, charts.RISK_COLOURS["blue"])
        for i, (name, values) in enumerate(self.series):
            colour = colours[i % len(colours)]
            if self.kind == "line":
                fig.add_trace(go.Scatter(x=list(self.categories), y=list(values), name=name, mode="lines+markers",
                                         line={"color": colour}))
            else:  # bars and columns carry their values, at the axis' size (charts.FONT_PX)
                text = {"text": self.labels(values), "textposition": "inside" if self.stacked else "outside",
                        "cliponaxis": False, "textfont": {"size": charts.FONT_PX}, "constraintext": "none"}
                if self.kind == "bar":
                    fig.add_trace(go.Bar(y=list(self.categories), x=list(values), name=name, orientation="h",
                                         marker_color=colour, **text))
                else:
                    fig.add_trace(go.Bar(x=list(self.categories), y=list(values), name=name, marker_color=colour,
                                         **text))
        if self.stacked and self.kind != "line":
            fig.update_layout(barmode="stack")
        start, end, unit = self.value_axis()
        value_range = None if end is None else [start, end]
        values = [v for _, series in self.series for v in series if v is not None]
        counts = self.value_max is None and all(isinstance(v, int) for v in values)  # whole ticks: no 0.5 起
        if self.stacked:  # the axis reaches the stack's top
            values = [sum(s[i] or 0 for _, s in self.series) for i in range(len(self.categories))]
        if self.kind == "bar":
            fig.update_yaxes(autorange="reversed")
            fig.update_xaxes(range=value_range)
            fig = charts.style(fig, self.title, x_title=unit)
            fig.update_layout(margin={"r": 60})  # the longest bar's label beside the axis' end
            return charts.count_axis(fig, values, axis="x") if counts else fig
        fig.update_yaxes(range=value_range)
        fig.update_xaxes(tickangle=charts.tick_angle(self.categories))
        fig = charts.style(fig, self.title, y_title=unit)
        return charts.count_axis(fig, values) if counts else fig

    def png(self, width: int = 1200, height: int = 520) -> bytes:
        """The figure as a PNG with Chinese fonts (kaleido and Debian's Chromium), for the Word and PDF 通报."""
        from riskdash import charts

        return charts.to_png(self.figure(), width=width, height=height)


@dataclass(frozen=True)
class TableSpec:
    title: str
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    total: int
    more_text: str | None = None
    # the columns a slide beside a chart shows (a projector cannot show seven legibly); None: all of them
    slide_columns: tuple[int, ...] | None = None
    # what each row is, for a list of several kinds (下步工作: "overdue_major", "unfiled", "uninspected"): the
    # 通报 replaces the rows another of its lists already prints by one line naming that list
    row_kinds: tuple[str, ...] | None = None

    def head(self, n: int) -> tuple[tuple[str, ...], ...]:
        return self.rows[:n]

    def for_slide(self) -> "TableSpec":
        """The table with only ``slide_columns`` (the documents and the screen keep every column)."""
        if self.slide_columns is None:
            return self
        keep = self.slide_columns
        return TableSpec(self.title, tuple(self.columns[i] for i in keep),
                         tuple(tuple(row[i] for i in keep) for row in self.rows), self.total, self.more_text,
                         row_kinds=self.row_kinds)

    def more(self, shown: int, lang: str = "zh") -> str | None:
        """"共N项，列出前M项" when a reader sees fewer rows than the list holds."""
        if self.total <= shown:
            return None
        return i18n.t("briefing.x.more_rows", lang, total=self.total, shown=shown)


@dataclass(frozen=True)
class Slide:
    key: str
    section: str
    title: str
    headline: tuple[str, ...] = ()
    kpis: tuple[Kpi, ...] = ()
    chart: ChartSpec | None = None
    table: TableSpec | None = None
    placeholder: str | None = None
    # paragraphs the 通报 adds after the headline (a document has room for them, a slide has not): the
    # statistical classes, the control targets per class and 四不放过 of the closed cases (issue 18)
    details: tuple[str, ...] = ()
    # a compact line a slide shows under its headline, not the 通报 (which prints the full sentence in details):
    # the accident slide's class split with 同比 (issue 18)
    split: str | None = None


@dataclass(frozen=True)
class BriefMeta:
    region_code: str
    region_name: str
    region_level: str
    start: date
    end: date
    as_of: date
    is_demo: bool
    generated_at: datetime
    lang: str
    title: str
    period_text: str
    filters_text: str
    generated_text: str
    demo_text: str | None
    # the 通报 as a 公文 (docs/rules.md "Official wording"): the region's kind (市, 县, 区, 镇, 乡, 街道, 园区), the kinds of the regions
    # one level down (主送), and the settings tongbao_* filled in for this region and year
    region_kind: str = ""
    child_kinds: tuple[str, ...] = ()
    issuer: str = ""
    document_number: str = ""
    copy_to: str = ""


@dataclass(frozen=True)
class Brief:
    meta: BriefMeta
    slides: tuple[Slide, ...]

    def slide(self, key: str) -> Slide:
        return next(s for s in self.slides if s.key == key)


# ---------------------------------------------------------------------------------------------- helpers


def _t(key: str, lang: str, **values: Any) -> str:
    return i18n.t(f"briefing.x.{key}", lang, **values)


def _count(key: str, label: str, value: int | None, unit: str, lang: str, formula: str | None = None) -> Kpi:
    """A count as a document prints it: thousands separators and its unit ("28,533项")."""
    return Kpi(key, label, value, hl.count_text(value, _t(f"unit.{unit}", lang), lang), formula)


def _rate(key: str, label: str, value: float | None, formula: str | None = None) -> Kpi:
    return Kpi(key, label, value, hl.pct_text(value), formula)


def _signed(key: str, label: str, value: float | None, formula: str | None = None) -> Kpi:
    return Kpi(key, label, value, hl.signed_pct_text(value), formula)


def _text(value: Any, lang: str = "zh", year: int | None = None) -> str:
    """A table cell; a day as 公文 write it in Chinese ("5月30日", with its year when not ``year``)."""
    if value is None or (not isinstance(value, (list, tuple)) and pd.isna(value)):
        return i18n.DASH
    if isinstance(value, pd.Timestamp):
        value = value.date()
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        if lang != "zh":
            return value.isoformat()
        return (f"{value.month}月{value.day}日" if value.year == year
                else f"{value.year}年{value.month}月{value.day}日")
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def _table(title: str, columns: list[str], rows: list[tuple], lang: str, year: int | None = None) -> TableSpec:
    """``year``: the year the period ends in, whose days a table names without it."""
    kept = tuple(tuple(_text(v, lang, year) for v in row) for row in rows[:TABLE_ROWS])
    spec = TableSpec(title, tuple(columns), kept, len(rows))
    return spec


def _township_labels(con: duckdb.DuckDBPyConnection, codes, names) -> tuple[str, ...]:
    """Township names as shown everywhere: 城关街道（甲县） where another township shares the name
    (``metrics.label_townships``, sql/views/township_labels.sql)."""
    return tuple(str(n) for n in metrics.label_townships(con, codes, names))


def _township_of(labels: dict[str, str], row: Any) -> str:
    """A list row's township as shown (its region_code's label, else its name)."""
    return labels.get(row["region_code"], row["township_name"])


def _region(con: duckdb.DuckDBPyConnection, code: str) -> tuple[str, str, str, tuple[str, ...]]:
    """Name, level, kind (市/县/区/镇/乡/街道/园区) of the region and the kinds of the regions one level down."""
    frame = metrics.regions(con)
    row = frame[frame["region_code"] == code]
    if row.empty:
        raise db.RiskdashError(f"region {code}: no such region in the database")

    def kind_of(r) -> str:
        kind = r.get("kind")
        return hl.region_kind(str(r["name"]), str(r["level"]), None if pd.isna(kind) else str(kind))

    children = frame[frame["parent_code"] == code]
    child_kinds = tuple(sorted({kind_of(r) for _, r in children.iterrows()}))
    first = row.iloc[0]
    return str(first["name"]), str(first["level"]), kind_of(first), child_kinds


def tongbao_settings(con: duckdb.DuckDBPyConnection) -> dict[str, str]:
    """The settings tongbao_* (templates), with reference.SETTINGS' defaults for a key the table lacks."""
    from riskdash import reference

    values = {key: value for key, value, _, _ in reference.SETTINGS if key.startswith("tongbao_")}
    stored = db.query(con, "briefing/tongbao_settings")
    values.update({str(k): str(v) for k, v in zip(stored["key"], stored["value"]) if pd.notna(v) and str(v).strip()})
    return values


# ---------------------------------------------------------------------------------------------- slides


@dataclass(frozen=True)
class _Scope:
    filters: Filters
    region_name: str
    region_level: str
    lang: str

    def chart_title(self, measure: str, filters: Filters | None = None) -> str:
        from riskdash import charts

        return charts.chart_title(measure, filters or self.filters, self.region_name, self.lang)


def four_measures_figures(con: duckdb.DuckDBPyConnection, filters: Filters) -> dict[str, Any]:
    """四不放过 for the 通报 (issue 18): the period's cases closed by the as-of day and those with all four measures
    done by then — as ``metrics.accidents.four_measures`` counts them, from the same query — and per measure
    (headline.FOUR_MEASURES) the closed cases where it is not done."""
    row = db.query(con, "accidents/four_measures", **filters.params()).iloc[0]
    return {"closed": int(row["closed"]), "all_four": int(row["all_four"]),
            "missing": {m: int(row[f"{m}_missing"]) for m in hl.FOUR_MEASURES}}


def accidents_slide(con: duckdb.DuckDBPyConnection, scope: _Scope) -> Slide:
    lang, f = scope.lang, scope.filters
    summary = acc.kpi_totals(con, f)["summary"]
    months = acc.accidents_by_month(con, f)
    previous = f.previous_year()
    month_of = months["month_start"]
    in_period = months[(month_of >= f.start.replace(day=1)) & (month_of <= f.end)]
    # the same months a year earlier from their own query, so that a month cut short by the period's end
    # (1–28 November) is compared with 1–28 November, not with the whole month
    months_before = acc.accidents_by_month(con, previous)
    month_before = months_before["month_start"]
    in_previous = months_before[(month_before >= previous.start.replace(day=1)) & (month_before <= previous.end)]
    has_data = bool(in_period["is_covered"].any())
    # 同比 needs the data to reach into the same period last year (a database that starts this year has none)
    has_previous = bool(in_previous["is_covered"].any())
    projection = acc.death_projection(con, f)
    kpis = (
        _count("accidents.accidents", _t("kpi.accidents", lang), summary["accidents"], "accidents", lang),
        _count("accidents.deaths_incl_missing", _t("kpi.deaths", lang), summary["deaths_incl_missing"], "people",
               lang),
        _signed("accidents.yoy_pct.accidents", _t("kpi.yoy_accidents", lang), summary["yoy_pct"]["accidents"],
                _t("formula.yoy", lang)),
        _signed("accidents.yoy_pct.deaths", _t("kpi.yoy_deaths", lang), summary["yoy_pct"]["deaths"],
                _t("formula.yoy", lang)),
        _count("accidents.larger_and_above", _t("kpi.larger_and_above", lang), summary["larger_and_above"],
               "accidents", lang),
        _rate("projection.used", _t("kpi.target_used", lang), projection.used, _t("formula.target_used", lang)),
    )
    section = _t("section.accidents", lang)
    if not has_data:
        # the counts would read "0 accidents" for a period the data do not cover: no figures at all
        return Slide("accidents", section, _t("acc_title.missing", lang), placeholder=_t("acc.missing", lang))
    text = hl.accidents_headline(summary, start=f.start, end=f.end, region_name=scope.region_name,
                                 region_level=scope.region_level, projection=projection,
                                 has_previous_data=has_previous, lang=lang)
    closing = hl.closing_sentence(acc.investigations(con, f), f.as_of, lang)  # 结案 (issue 18)
    if closing:
        text = (*text, closing)
    title = hl.accidents_title(summary, has_previous, lang)
    by_previous = {m.replace(year=m.year + 1): v for m, v in
                   zip(in_previous["month_start"], in_previous["deaths_incl_missing"])}
    covered_previous = dict(zip(in_previous["month_start"], in_previous["is_covered"]))
    if f.start.year == f.end.year:  # the year is in the chart title: 1月, 2月, …
        categories = tuple(_t("chart.month_of_year", lang, month=m.month) for m in in_period["month_start"])
    else:
        categories = tuple(_t("chart.month", lang, year=m.year, month=m.month) for m in in_period["month_start"])
    this_values = tuple(int(v) for v in in_period["deaths_incl_missing"])
    series = [(_t("chart.this_period", lang), this_values)]
    if has_previous:
        series.append((_t("chart.previous_period", lang), tuple(
            int(by_previous[m]) if covered_previous.get(m.replace(year=m.year - 1)) else None
            for m in in_period["month_start"])))
    chart = ChartSpec("column", scope.chart_title(_t("chart.deaths_by_month", lang)), categories, tuple(series),
                      _t("unit.people", lang), caption=_t("chart.deaths_by_month", lang))
    larger = acc.larger_and_above_list(con, f)
    name_col = "accident_type_name_en" if lang == "en" else "accident_type_name_zh"
    rows = [(r["occurred_at"], r["region_name"], r["enterprise_name"], r[name_col],
             i18n.enum_name("grade", r["grade"], lang), int(r["deaths_incl_missing"])) for _, r in larger.iterrows()]
    table = None if not rows else _table(
        _t("table.larger", lang),
        [_t(f"col.{c}", lang) for c in ("date", "region", "enterprise", "type", "grade", "deaths")], rows, lang,
        f.end.year)
    by_class = stat_classes.accidents_by_class(con, f)  # the 通报's sentence and the slide's line (issue 18)
    # 较大涉险, 一般亡人事故 (issue 18): after a period with accidents (with none, 事故形势 has said it all)
    details = (hl.notable_sentence(summary, has_previous, lang) if summary["accidents"] else None,
               class_text.class_split_sentence(by_class, lang, has_previous),
               class_text.class_targets_sentence(stat_classes.class_targets(con, f), lang),
               class_text.rate_targets_sentence(stat_classes.rate_targets(con, f), lang),  # 相对指标 (issue 18)
               hl.four_measures_sentence(four_measures_figures(con, f), lang))  # 四不放过 (issue 18)
    return Slide("accidents", section, title, text, kpis, chart, table,
                 details=tuple(d for d in details if d),
                 split=class_text.class_split_line(by_class, lang, has_previous))


def rectification_slide(con: duckdb.DuckDBPyConnection, scope: _Scope) -> Slide:
    lang, f = scope.lang, scope.filters
    kpis_row = rect.rectification_kpis(con, f)
    # what "截至…尚有" states: every hazard found on or before the as-of day, whatever year
    stock = rect.rectification_stock(con, f)
    kpis = (
        _count("rectification.found", _t("kpi.found", lang), kpis_row["found"], "items", lang),
        _rate("rectification.rate", _t("kpi.rate", lang), kpis_row["rate"], _t("formula.rate", lang)),
        _rate("rectification.major_rate", _t("kpi.major_rate", lang), kpis_row["major_rate"],
              _t("formula.major_rate", lang)),
        _count("rectification.stock.overdue", _t("kpi.overdue", lang), stock["overdue"], "items", lang),
        _count("rectification.stock.supervised_open", _t("kpi.supervised_open", lang), stock["supervised_open"],
               "items", lang),
    )
    section = _t("section.rectification", lang)
    title = hl.rectification_title(kpis_row, stock, lang)
    if not kpis_row["found"]:
        return Slide("rectification", section, title, kpis=kpis, placeholder=_t("rect.missing", lang))
    text = hl.rectification_headline(kpis_row, stock, start=f.start, end=f.end, as_of=f.as_of,
                                     region_name=scope.region_name, region_level=scope.region_level, lang=lang)
    towns = rect.by_township(con, f)
    towns = towns[towns["found"] > 0].sort_values(["rate", "region_code"], kind="stable").head(CHART_BARS)
    chart = None
    if len(towns) > 1:
        chart = ChartSpec("bar", scope.chart_title(_t("chart.rate_by_township", lang)),
                          _township_labels(con, towns["region_code"], towns["township_name"]),
                          ((_t("chart.rate", lang), tuple(float(metrics.round_pct(r * 100)) for r in towns["rate"])),),
                          _t("unit.pct", lang), value_max=100, caption=_t("chart.rate_by_township", lang),
                          lang=lang)
    # the stock's overdue majors (any year's, 逾期未销号), each saying whether it is rectified
    overdue = rect.overdue_list(con, f, stock=True)
    major = overdue[overdue["grade"] == "major"]
    labels = metrics.township_labels(con)
    rows = [(r["hazard_id"], _township_of(labels, r), r["enterprise_name"], r["deadline"], int(r["days_overdue"]),
             _t("state.awaiting" if r["is_rectified"] else "state.unrectified", lang),
             _supervision(r["supervision_level"], lang)) for _, r in major.iterrows()]
    table = None if not rows else _table(
        _t("table.overdue_major", lang),
        [_t(f"col.{c}", lang) for c in ("hazard", "township", "enterprise", "deadline", "days_overdue", "state",
                                        "supervision")], rows, lang, f.end.year)
    if table is not None:  # beside the chart, a slide shows 隐患编号, 企业, 逾期天数, 整改情况
        table = replace(table, slide_columns=(0, 2, 4, 5))
    return Slide("rectification", section, title, text, kpis, chart, table)


def _supervision(level: Any, lang: str) -> str:
    """The 挂牌督办 column's cell: "县级" / "市级" / "未挂牌" (the column names what it is; seven columns share a
    page's width)."""
    names = i18n.ENUMS.get("supervision_level", {})
    if level not in names:
        return _text(level)
    name = i18n.enum_name("supervision_level", level, lang)
    short = name.replace("挂牌督办", "") if lang == "zh" else name
    return short or name


def _priority_parts(con: duckdb.DuckDBPyConnection, scope: _Scope):
    f = scope.filters
    scores = prio.risk_scores(con, prio.as_of_filters(con, f.as_of, f.region_code, f.industry))
    return scores, prio.ledger_gaps(con, f)


def priority_slide(con: duckdb.DuckDBPyConnection, scope: _Scope, parts) -> Slide:
    lang, f = scope.lang, scope.filters
    scores, gaps = parts
    levels = prio.level_counts(scores)
    counts = gaps.counts()
    kpis = (
        _count("priority.red", _t("kpi.red", lang), levels["red"], "enterprises", lang),
        _count("priority.orange", _t("kpi.orange", lang), levels["orange"], "enterprises", lang),
        _count("ledger.key_sites", _t("kpi.key_sites", lang), counts["key_sites"], "sites", lang),
        _count("ledger.not_fully_filed", _t("kpi.not_fully_filed", lang), counts["not_fully_filed"], "sites", lang),
        _count("ledger.measures_not_in_place", _t("kpi.measures_not_in_place", lang),
               counts["measures_not_in_place"], "sites", lang),
    )
    section = _t("section.priority", lang)
    title = hl.priority_title(levels, counts, len(scores), lang)
    if scores.empty:
        return Slide("priority", section, title, kpis=kpis, placeholder=_t("prio.missing", lang))
    text = hl.priority_headline(levels, counts, enterprises=len(scores), as_of=f.as_of,
                                region_name=scope.region_name, region_level=scope.region_level, lang=lang)
    by_town = prio.red_orange_counts(scores, "township")
    by_town = by_town[(by_town["red"] + by_town["orange"]) > 0].head(CHART_BARS)
    chart = None
    if len(by_town) > 1:
        from riskdash.charts import RISK_COLOURS

        chart = ChartSpec("bar", scope.chart_title(_t("chart.red_orange", lang)),
                          _township_labels(con, by_town["region_code"], by_town["name"]),
                          ((_t("chart.red", lang), tuple(int(v) for v in by_town["red"])),
                           (_t("chart.orange", lang), tuple(int(v) for v in by_town["orange"]))),
                          _t("unit.enterprises", lang), (RISK_COLOURS["red"], RISK_COLOURS["orange"]), stacked=True,
                          caption=_t("chart.red_orange", lang))
    red = scores[scores["level"] == "red"]
    rows = [(r["name"], r["region_name"], f"{float(r['score']):g}", "；".join(prio.reasons(r, lang)[:2]))
            for _, r in red.head(TABLE_ROWS).iterrows()]
    table = None if red.empty else _table(
        _t("table.red_sites", lang),
        [_t(f"col.{c}", lang) for c in ("enterprise", "township", "score", "reasons")], rows, lang)
    if table is not None and len(red) > TABLE_ROWS:
        table = TableSpec(table.title, table.columns, table.rows, len(red))
    return Slide("priority", section, title, text, kpis, chart, table)


def townships_slide(con: duckdb.DuckDBPyConnection, scope: _Scope) -> Slide:
    lang, f = scope.lang, scope.filters
    result = camp.townships(con, f, lang)
    counts = hl.township_counts(result)
    kpis = tuple(_count(f"townships.{k}", _t(f"kpi.{k}", lang), counts[k], "townships", lang)
                 for k in ("townships", "passed", "failed", "vetoed"))
    section = _t("section.townships", lang)
    title = hl.townships_title(counts, lang)
    if not counts["townships"]:
        return Slide("townships", section, title, kpis=kpis, placeholder=_t("town.missing", lang))
    text = hl.townships_headline(counts, year=result["year"], as_of=f.as_of, lang=lang)
    scored = [e for e in result["townships"] if e["score"] is not None]
    lowest = sorted(scored, key=lambda e: (e["score"], e["region_code"]))[:CHART_BARS]
    chart = None
    if len(lowest) > 1:
        year_scope = camp.year_filters(f)
        chart = ChartSpec("bar", scope.chart_title(_t("chart.township_scores", lang), year_scope),
                          _township_labels(con, [e["region_code"] for e in lowest], [e["name"] for e in lowest]),
                          ((_t("chart.score", lang), tuple(e["score"] for e in lowest)),), _t("unit.score", lang),
                          caption=_t("chart.township_scores", lang))
    failed = [e for e in result["townships"] if e["result"] == "failed"]
    rows = [(e["name"], e["score"], _t("result.vetoed" if e["vetoed"] else "result.failed", lang),
             "；".join(e["veto_reasons"]) or i18n.DASH) for e in failed]
    table = None if not rows else _table(
        _t("table.townships", lang),
        [_t(f"col.{c}", lang) for c in ("township", "assessment_score", "result", "veto")], rows, lang)
    return Slide("townships", section, title, text, kpis, chart, table)


def next_steps_slide(con: duckdb.DuckDBPyConnection, scope: _Scope, parts) -> Slide:
    lang, f = scope.lang, scope.filters
    scores, gaps = parts
    overdue = rect.overdue_list(con, f, stock=True)  # the stock: 逾期未销号 majors of any year
    overdue_major = overdue[overdue["grade"] == "major"]
    unfiled = gaps.not_fully_filed
    days = rect.setting_value(con, "uninspected_days")
    uninspected = rect.uninspected_enterprises(con, f, days)
    high = scores[scores["level"].isin(["red", "orange"])][["enterprise_id", "level", "score"]]
    high_uninspected = uninspected.merge(high, on="enterprise_id").sort_values(
        ["score", "enterprise_id"], ascending=[False, True], kind="stable")
    counts = {"overdue_major": len(overdue_major), "unfiled": len(unfiled), "uninspected": len(high_uninspected)}
    units = {"overdue_major": "items", "unfiled": "sites", "uninspected": "enterprises"}
    kpis = tuple(_count(f"next_steps.{k}", _t(f"kpi.{k}", lang), v, units[k], lang) for k, v in counts.items())
    section = _t("section.next_steps", lang)
    if scores.empty and gaps.ledger.empty and overdue.empty:
        # nothing to work from: "no item left" would be a claim the data cannot support
        return Slide("next_steps", section, _t("next_title.missing", lang), kpis=kpis,
                     placeholder=_t("next.missing", lang))
    rows: list[tuple] = []
    kinds: list[str] = []
    labels = metrics.township_labels(con)
    # plain dict rows: every item is counted (the table keeps TABLE_ROWS), thousands in a big city
    for r in overdue_major.to_dict("records"):
        rows.append((_t("next.kind.overdue_major", lang), f"{r['enterprise_name']}（{r['hazard_id']}）",
                     _township_of(labels, r), _t("next.detail.overdue", lang, days=int(r["days_overdue"]))))
        kinds.append("overdue_major")
    for r in unfiled.to_dict("records"):
        city, county = pd.notna(r["filed_city_on"]), pd.notna(r["filed_county_on"])
        detail = "next.detail.unfiled_both" if not city and not county else (
            "next.detail.unfiled_city" if not city else "next.detail.unfiled_county")
        rows.append((_t("next.kind.unfiled", lang), r["name"], _township_of(labels, r), _t(detail, lang)))
        kinds.append("unfiled")
    for r in high_uninspected.to_dict("records"):
        detail = (_t("next.detail.never", lang) if pd.isna(r["days_since"])
                  else _t("next.detail.days", lang, days=int(r["days_since"])))
        rows.append((_t("next.kind.uninspected", lang), r["enterprise_name"], _township_of(labels, r), detail))
        kinds.append("uninspected")
    table = None if not rows else _table(
        _t("table.next_steps", lang),
        [_t(f"col.{c}", lang) for c in ("kind", "object", "township", "detail")], rows, lang)
    if table is not None:
        table = replace(table, row_kinds=tuple(kinds[:len(table.rows)]))
    return Slide("next_steps", section, hl.next_steps_title(counts, lang),
                 hl.next_steps_headline(counts, days, lang), kpis, None, table)


# ---------------------------------------------------------------------------------------------- the brief


def brief_meta(con: duckdb.DuckDBPyConnection, filters: Filters, lang: str = "zh",
               generated_at: datetime | None = None) -> BriefMeta:
    i18n.check_lang(lang)
    name, level, kind, child_kinds = _region(con, filters.region_code)
    templates = tongbao_settings(con)
    party, government = hl.PARTY_GOVERNMENT.get(kind, ("", ""))
    fill = dict(region=name, abbr=hl.bare_name(name)[:1], year=filters.end.year, party=party, government=government)
    generated_at = generated_at or datetime.now().replace(microsecond=0)
    # the one range and date style of the screens (i18n.period, i18n.day), not ISO days (issue 17 item 8)
    filters_text = _t("filters_text", lang, period=i18n.period(filters.start, filters.end, lang), region=name,
                      as_of=i18n.day(filters.as_of, lang))
    if filters.industry:
        sectors = metrics.sectors(con)
        row = sectors[sectors["code"] == filters.industry]
        sector = filters.industry if row.empty else i18n.sector_name(
            (row.iloc[0]["name_zh"], row.iloc[0].get("name_en")), lang)
        filters_text += _t("sector_text", lang, sector=sector)
    demo = db.is_demo(con)
    return BriefMeta(
        region_code=filters.region_code, region_name=name, region_level=level, start=filters.start,
        end=filters.end, as_of=filters.as_of, is_demo=demo, generated_at=generated_at, lang=lang,
        title=_t("deck_title", lang, region=name), period_text=i18n.period(filters.start, filters.end, lang),
        filters_text=filters_text,
        generated_text=_t("generated", lang, at=f"{i18n.day(generated_at.date(), lang)} {generated_at:%H:%M}"),
        demo_text=_t("demo", lang) if demo else None,
        region_kind=kind, child_kinds=child_kinds,
        issuer=hl.fill_template(templates["tongbao_issuer"], **fill),
        document_number=hl.fill_template(templates["tongbao_number"], **fill),
        copy_to=hl.fill_template(templates["tongbao_copy_to"], **fill),
    )


def build_brief(con: duckdb.DuckDBPyConnection, filters: Filters, lang: str = "zh",
                generated_at: datetime | None = None) -> Brief:
    """The whole briefing for ``filters``: meta and the five slides in meeting order."""
    meta = brief_meta(con, filters, lang, generated_at)
    scope = _Scope(filters, meta.region_name, meta.region_level, lang)
    parts = _priority_parts(con, scope)
    builders: tuple[Callable[[], Slide], ...] = (
        lambda: accidents_slide(con, scope),
        lambda: rectification_slide(con, scope),
        lambda: priority_slide(con, scope, parts),
        lambda: townships_slide(con, scope),
        lambda: next_steps_slide(con, scope, parts),
    )
    return Brief(meta, tuple(build() for build in builders))
