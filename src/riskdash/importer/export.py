"""Tables out of the database (CSV / .xlsx) and the import templates.

Text that a spreadsheet would run as a formula (=, +, -, @ at the start, or a tab / carriage return) is
neutralised on export by ``exports.safe`` (a leading apostrophe, the OWASP advice for CSV injection), so that
WPS or Excel shows ``'=HYPERLINK(...)`` and never executes it.
"""

from __future__ import annotations

import pandas as pd

from riskdash import db
from riskdash.exports.safe import csv_bytes, workbook_bytes
from riskdash.importer.aliases import FIXED
from riskdash.importer.spec import Kind

EXPORT_TABLES = ("regions", "enterprises", "accidents", "inspections", "hazards", "key_sites", "sectors",
                 "accident_types", "annual_targets", "class_targets", "rate_targets", "indicator_denominators", "checklist_items",
                 "checklist_status", "township_stations", "accident_measures", "hazard_bases", "zero_report_windows", "zero_reports", "warning_meetings",
                 "campaign_pairs", "risk_weights",
                 "risk_thresholds", "settings", "audit_log")


def to_csv_bytes(frame: pd.DataFrame) -> bytes:
    """UTF-8 with BOM, so that Excel and WPS on Windows open the Chinese text right."""
    return csv_bytes(frame)


def _write_sheet(ws, frame: pd.DataFrame) -> None:
    ws.append([str(c) for c in frame.columns])
    for row in frame.itertuples(index=False):
        ws.append([None if (not isinstance(v, str) and pd.isna(v)) else v for v in row])
    for row in ws.iter_rows(min_row=2):
        for cell in row:
            if isinstance(cell.value, str):
                cell.data_type = "s"  # text, never a formula


def to_xlsx_bytes(frame: pd.DataFrame, sheet: str = "data") -> bytes:
    import openpyxl

    book = openpyxl.Workbook()
    ws = book.active
    ws.title = sheet
    _write_sheet(ws, frame.astype(object))
    return workbook_bytes(book)


def export_table(con, table: str) -> pd.DataFrame:
    if table not in EXPORT_TABLES:
        raise ValueError(f"unknown table {table!r}")
    return con.execute(f"select {db.public_columns(table)} from {table}").df()


TYPE_ZH = {"text": "文本", "int": "整数", "decimal": "数字（两位小数）", "double": "数字", "date": "日期",
           "timestamp": "日期或日期时间", "bool": "是/否", "enum": "枚举", "region": "12位区划代码"}


def column_notes(kind: Kind) -> pd.DataFrame:
    """One row per column: the instructions sheet of the template and the tables of docs/import.md."""
    rows = []
    for c in kind.columns:
        allowed = ""
        if c.type == "enum":
            allowed = ("见行业设置（代码、中文名称或别名）" if c.enum == "sector" else
                       "见事故类型（GB 6441-86 的20类）" if c.enum == "accident_type" else
                       "；".join(f"{v[0]} ({k})" for k, v in FIXED[c.enum].items()))
        bounds = []
        if c.min is not None:
            bounds.append(f"{'>' if c.min_exclusive else '≥'} {c.min:g}")
        if c.max is not None:
            bounds.append(f"≤ {c.max:g}")
        if c.ref:
            bounds.append({"region:township": "乡镇级区划", "region:township,county": "乡镇级或县级区划",
                           "region:any": "任一级区划", "enterprise": "已导入的企业编号",
                           "inspection": "已导入的检查编号", "checklist_item": "已有的项目代码",
                           "zero_report_window": "已有的零报告时段",
                           "accident": "已导入的事故编号",
                           "hazard_basis": "重大隐患判定依据中已有的编号（如 工贸-第11条）"}[c.ref])
        rows.append({"中文列名": c.header_zh, "英文列名": c.name, "必填": "是" if c.required else "",
                     "类型": TYPE_ZH[c.type], "可填写的值 / 要求": "；".join(filter(None, [allowed, *bounds])),
                     "其他可用列名": "、".join(c.aliases[1:]), "示例": c.example})
    return pd.DataFrame(rows)


def template_xlsx(kind: Kind) -> bytes:
    """The import template of a kind: Chinese headers (* = required), an example row, an instructions sheet."""
    import openpyxl

    book = openpyxl.Workbook()
    ws = book.active
    ws.title = kind.title_zh or kind.name
    ws.append([("*" if c.required else "") + c.header_zh for c in kind.columns])
    ws.append([c.example or None for c in kind.columns])
    for cell in ws[2]:
        cell.data_type = "s"  # the example is text: a date stays 2025-03-05, not a serial number
    notes = book.create_sheet("说明")
    notes.append([f"{kind.title_zh}导入模板（riskdash import {kind.name}）：第一个工作表第1行为表头（*为必填），"
                  "第2行为示例，请删除示例后填写。日期可写 2024-03-05、2024/3/5 或 2024年3月5日；"
                  "区划代码可写6位、9位或12位。整个文件任一行有误则一行都不导入。"])
    _write_sheet(notes, column_notes(kind))
    return workbook_bytes(book)
