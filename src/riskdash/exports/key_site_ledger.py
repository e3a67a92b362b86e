"""The 重点部位 ledger as an .xlsx workbook fit for filing (备案) with the city and county safety committee
offices: a summary sheet, then one sheet per township with a title, the filing unit, the as-of day, the
columns of the campaign's ledger and a signature line. Opens in WPS and Microsoft Office; prints landscape,
one page wide."""

from __future__ import annotations

from datetime import date

import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

from riskdash.exports.safe import workbook_bytes
from riskdash.filters import zh_date

FONT = "宋体"
THIN = Side(style="thin", color="000000")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
HEADER_FILL = PatternFill("solid", fgColor="D9E1F2")
WRAP = Alignment(wrap_text=True, vertical="center")
CENTRE = Alignment(horizontal="center", vertical="center", wrap_text=True)

# (header, width, value from a ledger row)
COLUMNS = [
    ("序号", 6, None),
    ("重点部位名称", 30, lambda r: r["name"]),
    ("所属企业（单位）", 26, lambda r: r["enterprise_name"] or "（公共场所）"),
    ("可能发生的事故类型", 14, lambda r: r["accident_type_zh"] or r["potential_accident_type"]),
    ("可能造成死亡人数", 10, lambda r: int(r["potential_fatalities"])),
    ("监控措施", 36, lambda r: r["control_measures"] or ""),
    ("责任人", 10, lambda r: r["responsible_person"] or ""),
    ("市安委办备案日期", 14, lambda r: _day(r["filed_city_on"])),
    ("县安委办备案日期", 14, lambda r: _day(r["filed_county_on"])),
    ("监控措施是否落实", 10, lambda r: {True: "是", False: "否"}.get(_bool(r["measures_in_place"]), "未填报")),
    # the day they were confirmed in place (issue 18: the assessment judges an accident against it); blank when not
    ("措施落实日期", 14, lambda r: _in_place_day(r)),
    # the 有关部门 it was also filed with (行业主管部门, issue 18; key_sites.filed_departments, schema 27)
    ("报备有关部门", 16, lambda r: _text(r.get("filed_departments"))),
]


def _text(value) -> str:
    return "" if value is None or (not isinstance(value, str) and pd.isna(value)) else str(value)


def _in_place_day(row) -> str | None:
    if not _bool(row["measures_in_place"]):
        return None
    day = row["measures_in_place_on"]
    return "未填报" if day is None or pd.isna(day) else pd.Timestamp(day).date().isoformat()


def _bool(value):
    return None if value is None or pd.isna(value) else bool(value)


def _day(value) -> str:
    if value is None or pd.isna(value):
        return "未备案"  # an empty cell would read as forgotten; the filing office needs to see it is missing
    return pd.Timestamp(value).date().isoformat()


def _sheet_title(name: str, used: set[str]) -> str:
    # Excel: at most 31 characters, none of []:*?/\ and unique within the book
    base = "".join(ch for ch in name if ch not in "[]:*?/\\")[:28] or "乡镇"
    title, n = base, 2
    while title in used:
        title, n = f"{base[:26]}({n})", n + 1
    used.add(title)
    return title


def _township_sheet(book: Workbook, title: str, county: str, township: str, rows: pd.DataFrame, as_of: date,
                    department: str | None = None) -> None:
    sheet = book.create_sheet(title)
    width = len(COLUMNS)
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=width)
    sheet.cell(1, 1, f"{county}{township}预防较大及以上生产安全事故重点部位台账").font = Font(name=FONT, size=16, bold=True)
    sheet.cell(1, 1).alignment = CENTRE
    sheet.row_dimensions[1].height = 32
    sheet.merge_cells(start_row=2, start_column=1, end_row=2, end_column=width)
    sheet.cell(2, 1, f"填报单位：{county}{township}安全生产监管站（盖章）        数据截至：{zh_date(as_of)}        "
                     f"{_department_part(department)}共{len(rows)}处").font = Font(name=FONT, size=11)
    for col, (header, col_width, _) in enumerate(COLUMNS, start=1):
        cell = sheet.cell(3, col, header)
        cell.font, cell.fill, cell.border, cell.alignment = Font(name=FONT, bold=True), HEADER_FILL, BOX, CENTRE
        sheet.column_dimensions[get_column_letter(col)].width = col_width
    for i, (_, row) in enumerate(rows.iterrows(), start=1):
        for col, (_, _, value) in enumerate(COLUMNS, start=1):
            cell = sheet.cell(3 + i, col, i if value is None else value(row))
            cell.font, cell.border = Font(name=FONT, size=10), BOX
            cell.alignment = CENTRE if col in (1, 5, 8, 9, 10) else WRAP
    foot = 3 + len(rows) + 2
    sheet.cell(foot, 1, "填报人：                    审核人（站长）：                    乡镇（街道）分管负责人：                    "
                        "填报日期：    年  月  日").font = Font(name=FONT, size=11)
    sheet.cell(foot + 1, 1, "说明：本台账报市、县（区）安委办及有关部门备案；可能造成死亡人数在3人及以上的部位须逐一登记，"
                            "监控措施未落实的须限期落实。").font = Font(name=FONT, size=9)
    sheet.print_title_rows = "3:3"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.freeze_panes = "A4"


def _department_part(department: str | None) -> str:
    return f"行业主管部门：{department}        " if department else ""


def key_site_ledger_xlsx(ledger: pd.DataFrame, townships: pd.DataFrame, region_name: str, as_of: date,
                         department: str | None = None) -> bytes:
    """The workbook: ``ledger`` as from ``metrics.priority.key_site_ledger``; ``townships`` one row per
    township of the region (county_name, township_name, township_label, region_code) so that a township with no entry
    still gets its (empty) sheet and a 0 in the summary — an empty ledger must be visible, not missing.
    ``department``: the 行业主管部门 the ledger was narrowed to (issue 18), named on the summary and every sheet."""
    book = Workbook()
    summary = book.active
    summary.title = "汇总"
    summary.merge_cells("A1:G1")
    summary["A1"] = f"{region_name}预防较大及以上生产安全事故重点部位台账汇总"
    summary["A1"].font, summary["A1"].alignment = Font(name=FONT, size=16, bold=True), CENTRE
    summary["A2"] = f"数据截至：{zh_date(as_of)}" + (f"        {_department_part(department).rstrip()}" if department else "")
    headers = ["序号", "县（区）", "乡镇（街道）", "重点部位（处）", "监控措施未落实（处）", "未完成市县双备案（处）", "工作表"]
    for col, header in enumerate(headers, start=1):
        cell = summary.cell(3, col, header)
        cell.font, cell.fill, cell.border, cell.alignment = Font(name=FONT, bold=True), HEADER_FILL, BOX, CENTRE
        summary.column_dimensions[get_column_letter(col)].width = [6, 14, 16, 14, 18, 20, 18][col - 1]
    used: set[str] = {"汇总"}
    for i, (_, town) in enumerate(townships.iterrows(), start=1):
        rows = ledger[ledger["region_code"] == town["region_code"]]
        # a sheet is named as the township is shown: 城关街道（甲县） where another township shares its name
        label = town["township_label"] if "township_label" in town and isinstance(town["township_label"], str) \
            else town["township_name"]
        title = _sheet_title(str(label), used)
        _township_sheet(book, title, str(town["county_name"] or ""), str(town["township_name"]), rows, as_of,
                        department)
        not_in_place = int(rows["measures_in_place"].fillna(False).ne(True).sum()) if len(rows) else 0
        not_filed = int((~rows["is_fully_filed"].astype(bool)).sum()) if len(rows) else 0
        values = [i, town["county_name"], town["township_name"], len(rows), not_in_place, not_filed, title]
        for col, value in enumerate(values, start=1):
            cell = summary.cell(3 + i, col, value)
            cell.font, cell.border, cell.alignment = Font(name=FONT, size=10), BOX, CENTRE
    return workbook_bytes(book)  # a name or measure typed as "=HYPERLINK(...)" stays text
