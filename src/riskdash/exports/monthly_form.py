"""《工矿企业安全生产事故隐患排查治理情况月报表》 as a statistics form (统计报表, docs/rules.md "Official wording"), as .xlsx.

One writer for the 隐患治理 screen's button and ``riskdash form monthly``: the same inputs give the same file.
The layout of a statistics form: the title; top right 表号, 制定机关, 批准文号 and 有效期至 (settings
``form_*``); the reporting unit and the 报告期 ("2026年10月"); two header rows with merged cells, the 栏次 row
(甲, 1, 2, …) and 合计 as the first data row, then one row per 工矿商贸 sector in the settings' order; the notes
and the signature block (单位负责人, 统计负责人, 填表人, 联系电话, 报出日期). It prints on one page width (A4
landscape). Counts are numbers, rates percentages to one decimal ("—" where nothing was found), funds in 万元 to
two decimals, so that WPS and Excel can add them up.

The figures run from 1 January to the last day of the report month, as of that day — or, for the month still
running, as of the data's as-of day, never a day after it.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date
from typing import Any

import duckdb
import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.properties import PageSetupProperties

from riskdash import db, i18n, reference
from riskdash.exports.safe import workbook_bytes
from riskdash.filters import Filters, last_complete_month, month_end
from riskdash.metrics import rectification as rect
from riskdash.metrics import round_pct

FORM_GENERAL = "一般事故隐患"
FORM_MAJOR = "重大事故隐患"
# the official layout (docs/rules.md "Hazards and the closed loop": the monthly form): (group, column, source) — an empty group is a column spanning both header rows
FORM_COLUMNS: list[tuple[str, str, str]] = [
    ("", "行业和领域", "name_zh"),
    ("", "排查治理的生产经营单位（家）", "enterprises_checked"),
    (FORM_GENERAL, "排查（项）", "general_found"),
    (FORM_GENERAL, "已整改（项）", "general_rectified"),
    (FORM_GENERAL, "整改率（%）", "general_rate"),
    (FORM_MAJOR, "排查（项）", "major_found"),
    (FORM_MAJOR, "已整改销号（项）", "major_closed"),
    (FORM_MAJOR, "整改率（%）", "major_rate"),
    (FORM_MAJOR, "列入治理计划（项）", "major_in_plan"),
    (FORM_MAJOR, "其中落实“五到位”（项）", "major_five_in_place"),
    (FORM_MAJOR, "挂牌督办（项）", "major_supervised"),
    (FORM_MAJOR, "其中省级挂牌督办（项）", "major_supervised_province"),
    ("", "累计落实治理资金（万元）", "funds_wan"),
]

# the settings of the top-right block, over their documented defaults (docs/settings.md)
INDUSTRIAL = "industrial"  # the 工矿商贸 statistical class (sectors.stat_class)
FORM_SETTINGS = ("form_table_no", "form_issuer", "form_approval_no", "form_valid_until")
SETTING_DEFAULTS = {key: value for key, value, *_ in reference.SETTINGS if key in FORM_SETTINGS}

TITLE_ROW = 1
BLOCK_ROWS = range(2, 6)  # 表号, 制定机关, 批准文号, 有效期至
UNIT_ROW = 6
HEADER_ROW = 7  # the first of the two header rows
NUMBER_ROW = HEADER_ROW + 2  # 栏次
FIRST_DATA_ROW = NUMBER_ROW + 1  # 合计
FONT = "宋体"  # on every office PC (Windows and domestic systems with WPS)

_THIN = Side(style="thin", color="000000")
_BOX = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_CENTRE = Alignment(horizontal="center", vertical="center", wrap_text=True)
_LEFT = Alignment(horizontal="left", vertical="center", wrap_text=False)
_RIGHT = Alignment(horizontal="right", vertical="center")


@dataclass(frozen=True)
class FormHeader:
    """Everything the form says besides its table: who reports, which month, as of which day, the settings."""

    unit: str
    month: date  # the report month's first day
    as_of: date  # its last day, or the data's as-of day in the month still running
    sectors: tuple[str, ...]  # the 工矿商贸 sectors the form carries, for the notes
    others: tuple[str, ...]  # the sectors whose departments report on their own forms
    table_no: str
    issuer: str
    approval_no: str
    valid_until: str

    @property
    def start(self) -> date:
        return date(self.month.year, 1, 1)


# ---------------------------------------------------------------------------------------------- the figures


def form_rate(value: float | None) -> float | str:
    """A rate of the form: a percentage to one decimal (half away from zero), "—" where nothing was found."""
    return i18n.DASH if value is None else round_pct(value * 100)


def form_table(form: pd.DataFrame) -> pd.DataFrame:
    """The official layout with typed cells (int counts, percentages, "—"), two-row Chinese headers, 合计 first."""
    form = pd.concat([form[form["is_total"]], form[~form["is_total"]]], ignore_index=True)
    data = {}
    for group, column, source in FORM_COLUMNS:
        values = list(form[source])
        if source.endswith("_rate"):
            values = [form_rate(v) for v in values]
        elif source == "funds_wan":
            values = [round(float(v), 2) for v in values]
        elif source != "name_zh":
            values = [int(v) for v in values]
        data[(group, column)] = values
    table = pd.DataFrame(data)
    table.columns = pd.MultiIndex.from_tuples(table.columns)
    return table


def check_report_month(month: date, data_as_of: date | None) -> None:
    """A month after the data's as-of day has nothing to report: an error, not an empty form."""
    if data_as_of is None:
        raise db.RiskdashError("the database has no data_as_of day yet (import data first)")
    if month.replace(day=1) > data_as_of:
        raise db.RiskdashError(f"{month:%Y-%m} is after the data's as-of day {data_as_of}")


def report_as_of(month: date, data_as_of: date | None) -> date:
    """The day the form is as of: the month's last day, or the data's as-of day when that comes first."""
    last = month_end(month.year, month.month)
    return last if data_as_of is None else min(last, data_as_of)


def form_settings(con: duckdb.DuckDBPyConnection) -> dict[str, str]:
    """The form_* settings as stored, over their defaults (a database from before them keeps working)."""
    frame = db.query(con, "exports/form_settings")
    stored = {k: str(v).strip() for k, v in zip(frame["key"], frame["value"]) if str(v).strip()}
    return {**SETTING_DEFAULTS, **{k: v for k, v in stored.items() if k in FORM_SETTINGS}}


def unit_name(con: duckdb.DuckDBPyConnection, region_code: str) -> str:
    """The reporting unit by its full name, from the top region down: 示例市 / 示例市甲县 / 示例市甲县西乡."""
    regions = db.query(con, "reference/regions")
    names = dict(zip(regions["region_code"], regions["name"]))
    parents = {c: (None if pd.isna(p) else p) for c, p in zip(regions["region_code"], regions["parent_code"])}
    chain, code = [], region_code
    while code is not None and code in names:
        chain.append(names[code])
        code = parents[code]
    return "".join(reversed(chain))


def form_header(con: duckdb.DuckDBPyConnection, filters: Filters, month: date, data_as_of: date | None,
                table: pd.DataFrame) -> FormHeader:
    values = form_settings(con)
    sectors = tuple(name for name in table[("", "行业和领域")] if name != "合计")
    every = db.query(con, "reference/sectors")
    others = tuple(every.loc[every["stat_class"] != INDUSTRIAL, "name_zh"])
    return FormHeader(
        unit=unit_name(con, filters.region_code), month=month.replace(day=1), as_of=report_as_of(month, data_as_of),
        sectors=sectors, others=others, table_no=values["form_table_no"], issuer=values["form_issuer"],
        approval_no=values["form_approval_no"], valid_until=values["form_valid_until"],
    )


def monthly_form(con: duckdb.DuckDBPyConnection, filters: Filters, month: date) -> tuple[pd.DataFrame, FormHeader]:
    """The form's table and header for the filters' region (and sector) and the report month."""
    data_as_of = db.data_as_of(con)
    check_report_month(month, data_as_of)
    table = form_table(rect.monthly_form(con, filters, month, data_as_of=data_as_of))
    return table, form_header(con, filters, month, data_as_of, table)


def default_report_month(months: list[date], data_as_of: date) -> date:
    """The month a form opens on: the last complete month when it can be chosen, else the latest month offered."""
    last_complete = last_complete_month(data_as_of)
    return last_complete if last_complete in months else months[-1]


def file_name(month: date, lang: str = "zh") -> str:
    return i18n.t("monthly_form.file_name", lang, month=f"{month:%Y%m}")


# ---------------------------------------------------------------------------------------------- the workbook


def _md(day: date, lang: str = "zh") -> str:
    """A day of the report year as forms write it: 10月31日 / 31 Oct."""
    return f"{day.month}月{day.day}日" if lang == "zh" else f"{day.day} {calendar.month_abbr[day.month]}"


def report_period_text(month: date, lang: str = "zh") -> str:
    """报告期: 2026年10月 / Oct 2026."""
    return f"{month.year}年{month.month}月" if lang == "zh" else f"{calendar.month_abbr[month.month]} {month.year}"


def notes_text(header: FormHeader, lang: str = "zh") -> str:
    """说明：1. … 2. … — the period, the sectors carried and those left to their departments, the rates."""
    t = lambda key, **v: i18n.t(f"monthly_form.{key}", lang, **v)  # noqa: E731
    comma = "、" if lang == "zh" else ", "
    sectors = t("note_sectors", sectors=comma.join(header.sectors))
    if header.others:
        sectors += ("；" if lang == "zh" else "; ") + t("note_others", others=comma.join(header.others))
    sectors += "。" if lang == "zh" else "."
    items = [t("note_period", as_of=_md(header.as_of, lang)), sectors, t("note_rates"), t("note_checked")]
    return t("notes", items=" ".join(f"{n}. {item}" for n, item in enumerate(items, 1)))


def _header_lines(name: str) -> str:
    """A column name in lines an office suite keeps whole: the unit on a line of its own and a name of more than
    six characters in two halves ("其中省级\n挂牌督办\n（项）"). Left to wrap, the suites break before a closing
    bracket or one character from the end and leave "）" or "办" alone on a line."""
    cut = name.rfind("（")
    body, unit = (name[:cut], name[cut:]) if cut > 0 else (name, "")
    if len(body) > 6:
        body = f"{body[:len(body) // 2]}\n{body[len(body) // 2:]}"
    return f"{body}\n{unit}" if unit and len(name) > 7 else body + unit


def form_xlsx(table: pd.DataFrame, header: FormHeader, lang: str = "zh", majors: pd.DataFrame | None = None) -> bytes:
    """The workbook bytes of the form (``table`` from ``form_table``: MultiIndex columns (group, column)); with
    ``majors`` (``major_hazards``), a second sheet lists the major hazards with their 判定依据."""
    t = lambda key, **v: i18n.t(f"monthly_form.{key}", lang, **v)  # noqa: E731
    book = Workbook()
    sheet = book.active
    sheet.title = t("sheet")
    width = len(table.columns)
    last_col = get_column_letter(width)

    def put(row: int, first: int, last: int, value: Any, align: Alignment = _LEFT, **font: Any):
        cell = sheet.cell(row, first, value)
        cell.font = Font(name=FONT, **{"size": 11, **font})
        cell.alignment = align
        if last > first:
            sheet.merge_cells(start_row=row, start_column=first, end_row=row, end_column=last)
        return cell

    put(TITLE_ROW, 1, width, t("title"), _CENTRE, bold=True, size=16)
    block = [t("table_no", value=header.table_no), t("issuer", value=header.issuer),
             t("approval_no", value=header.approval_no), t("valid_until", value=header.valid_until)]
    for row, text in zip(BLOCK_ROWS, block):
        put(row, width - 3, width, text, size=10)
    put(UNIT_ROW, 1, 5, t("unit", unit=header.unit))
    put(UNIT_ROW, 6, 8, t("report_period", month=report_period_text(header.month, lang)), _CENTRE, bold=True)
    put(UNIT_ROW, 9, width, t("cumulative", start=i18n.day(header.start, lang), as_of=_md(header.as_of, lang)),
        _RIGHT)

    top, sub = HEADER_ROW, HEADER_ROW + 1
    groups: list[tuple[str, int, int]] = []
    for column, (group, name) in enumerate(table.columns, start=1):
        if group:
            if groups and groups[-1][0] == group:
                groups[-1] = (group, groups[-1][1], column)
            else:
                groups.append((group, column, column))
            sheet.cell(sub, column, _header_lines(name))
        else:
            sheet.cell(top, column, _header_lines(name))
            sheet.merge_cells(start_row=top, start_column=column, end_row=sub, end_column=column)
    for group, first, last in groups:
        sheet.cell(top, first, group)
        sheet.merge_cells(start_row=top, start_column=first, end_row=top, end_column=last)
    # 栏次: 甲 for the names, then the columns of figures numbered 1, 2, …
    sheet.cell(NUMBER_ROW, 1, t("column_label"))
    for column in range(2, width + 1):
        sheet.cell(NUMBER_ROW, column, column - 1)

    for r, row in enumerate(table.itertuples(index=False), start=FIRST_DATA_ROW):
        for c, value in enumerate(row, start=1):
            cell = sheet.cell(r, c, value)
            name = table.columns[c - 1][1]
            if isinstance(value, float):
                cell.number_format = "#,##0.00" if "万元" in name else "0.0"
            elif isinstance(value, int):
                cell.number_format = "#,##0"
    last_row = FIRST_DATA_ROW + len(table) - 1
    for r in range(top, last_row + 1):
        for c in range(1, width + 1):
            cell = sheet.cell(r, c)
            cell.border = _BOX
            bold = r <= NUMBER_ROW or r == FIRST_DATA_ROW
            cell.font = Font(name=FONT, size=10, bold=bold)
            if r <= NUMBER_ROW or c > 1:
                cell.alignment = _CENTRE if r <= NUMBER_ROW else Alignment(horizontal="right", vertical="center")
            else:
                cell.alignment = Alignment(horizontal="left", vertical="center", indent=0 if r == FIRST_DATA_ROW else 1)

    notes_row = last_row + 1
    put(notes_row, 1, width, notes_text(header, lang), Alignment(horizontal="left", vertical="top", wrap_text=True),
        size=9)
    sheet.row_dimensions[notes_row].height = 52
    sign_row = notes_row + 1
    for first, last, key in ((1, 2, "head"), (3, 4, "statistics_head"), (5, 7, "filled_by"), (8, 9, "phone"),
                             (10, width, "sent_on")):
        put(sign_row, first, last, t(key))
    sheet.row_dimensions[sign_row].height = 30

    sheet.column_dimensions["A"].width = 16
    for c in range(2, width + 1):
        sheet.column_dimensions[get_column_letter(c)].width = 11.5
    sheet.row_dimensions[sub].height = 45
    sheet.freeze_panes = sheet.cell(FIRST_DATA_ROW, 2)
    sheet.print_title_rows = f"{HEADER_ROW}:{NUMBER_ROW}"
    sheet.print_area = f"A1:{last_col}{sign_row}"
    # one page wide, as many pages tall as it takes: fitToWidth alone is ignored without fitToPage
    sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.print_options.horizontalCentered = True
    sheet.page_margins.left = sheet.page_margins.right = 0.5
    if majors is not None:
        _majors_sheet(book, majors, header, lang)
    return workbook_bytes(book)  # a sector or region name typed as "=..." stays text


def monthly_form_xlsx(con: duckdb.DuckDBPyConnection, filters: Filters, month: date) -> tuple[bytes, FormHeader]:
    """The file the screen's button and ``riskdash form monthly`` write, and what it says it is."""
    table, header = monthly_form(con, filters, month)
    return form_xlsx(table, header, majors=major_hazards(con, filters, month)), header


# ---------------------------------------------------------------------------------------------- major hazards
# 重大隐患判定依据 (issue 18, schema 26): the form's major hazards, each with the item it was judged by


def major_hazards(con: duckdb.DuckDBPyConnection, filters: Filters, month: date) -> pd.DataFrame:
    """The major hazards the form counts (1 January to the report month's end, 工矿商贸 sectors), with their
    判定依据 (hazard_bases) and whether each was closed (整改销号) on the form's as-of day."""
    scope = rect.form_filters(filters, month, db.data_as_of(con))
    frame = db.query(con, "rectification/major_hazards_list", **scope.params())
    frame["is_closed"] = frame["is_closed"].astype(bool)
    return frame


def basis_words(code: Any, title: Any, standard: Any, lang: str = "zh") -> str:
    """判定依据 as cited: "工贸-第11条 存在粉尘爆炸危险的工贸企业情形（应急管理部令第10号…）"; "—" when none is
    recorded; the code alone when it is not on the list."""
    if not isinstance(code, str) or not code:
        return i18n.DASH
    if not isinstance(title, str):
        return code
    source = f"（{standard}）" if lang == "zh" else f" ({standard})"
    return f"{code} {title}{source if isinstance(standard, str) else ''}"


def majors_table(frame: pd.DataFrame, lang: str = "zh") -> pd.DataFrame:
    """The major-hazard list as shown on the screen and written on the form's second sheet."""
    t = lambda key, **v: i18n.t(f"monthly_form.{key}", lang, **v)  # noqa: E731
    zh = lang == "zh"
    return pd.DataFrame({
        t("majors_col_hazard"): list(frame["hazard_id"]),
        t("majors_col_enterprise"): list(frame["enterprise_name"]),
        t("majors_col_county"): [v if isinstance(v, str) else i18n.DASH for v in frame["county_name"]],
        t("majors_col_township"): [v if isinstance(v, str) else i18n.DASH for v in frame["township_name"]],
        t("majors_col_sector"): list(frame["industry_name_zh" if zh else "industry_name_en"]),
        t("majors_col_found_on"): [pd.Timestamp(v).date().isoformat() for v in frame["found_on"]],
        t("majors_col_basis"): [basis_words(c, tz if zh else te, s, lang) for c, tz, te, s in
                                zip(frame["basis_code"], frame["basis_title_zh"], frame["basis_title_en"],
                                    frame["basis_standard"])],
        t("majors_col_closed"): [t("majors_closed" if c else "majors_open") for c in frame["is_closed"]],
    }, columns=[t(f"majors_col_{k}") for k in ("hazard", "enterprise", "county", "township", "sector", "found_on",
                                                 "basis", "closed")])


def majors_title(header: FormHeader, lang: str = "zh") -> str:
    """The list's title: the form's period and as-of day."""
    end = month_end(header.month.year, header.month.month)
    return i18n.t("monthly_form.majors_title", lang, start=i18n.day(header.start, lang), end=i18n.day(end, lang),
                  as_of=i18n.day(header.as_of, lang))


def _majors_sheet(book: Workbook, majors: pd.DataFrame, header: FormHeader, lang: str) -> None:
    t = lambda key, **v: i18n.t(f"monthly_form.{key}", lang, **v)  # noqa: E731
    sheet = book.create_sheet(t("majors_sheet"))
    sheet.cell(1, 1, majors_title(header, lang)).font = Font(name=FONT, size=12, bold=True)
    shown = majors_table(majors, lang)
    for c, name in enumerate(shown.columns, 1):
        sheet.cell(3, c, name).font = Font(name=FONT, bold=True)
    for r, row in enumerate(shown.itertuples(index=False), 4):
        for c, value in enumerate(row, 1):
            sheet.cell(r, c, value).font = Font(name=FONT)
    if shown.empty:
        sheet.cell(4, 1, t("majors_empty")).font = Font(name=FONT)
    for c, width in enumerate((14, 24, 12, 12, 12, 12, 60, 10), 1):
        sheet.column_dimensions[get_column_letter(c)].width = width
