"""What the Word and the PDF 通报 tests share: the small city with a hostile enterprise name, its Brief, an
empty database's Brief, and the figures of ``riskdash metrics`` for the same filters."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from conftest import AS_OF, CITY, fill_small_city, new_database
from riskdash import db
from riskdash.briefing import Brief, build_brief
from riskdash.briefing import headline as hl
from riskdash.filters import Filters

GENERATED = datetime(2025, 7, 1, 9, 0)
FILTERS = Filters(start=date(2025, 1, 1), end=AS_OF, region_code=CITY, as_of=AS_OF)
# an imported name that is also markup: both files must print it as these characters
HOSTILE_NAME = '<b>东镇</b>&化工"'
ISSUER = "示例市安全生产委员会办公室"
TITLE = "示例市安全生产委员会办公室关于2025年1—6月安全生产形势的通报"
# the city's counties are 甲县 and 乙区
ADDRESSEE = "各县（区）安委会，市安委会各成员单位："
SECTIONS = ["一、生产安全事故情况", "二、隐患排查治理情况", "三、重点部位风险管控情况", "四、乡镇安全生产考核情况",
            "五、下一步工作要求"]


@dataclass
class City:
    path: Path
    brief: Brief


def small_city(folder: Path, lang: str = "zh") -> City:
    path = folder / "small.duckdb"
    con = db.connect(new_database(path))  # a new database, copied (creating one costs ~0.45 s of CPU)
    try:
        fill_small_city(con)
        con.execute("update enterprises set name = ? where enterprise_id = 'E2'", [HOSTILE_NAME])
        brief = build_brief(con, FILTERS, lang=lang, generated_at=GENERATED)
    finally:
        con.close()
    return City(path, brief)


def empty_city(folder: Path) -> Brief:
    """A database with only its city: every section has a placeholder instead of figures."""
    con = db.connect(new_database(folder / "empty.duckdb"))
    try:
        con.execute("insert into regions values (?, '示例市', 'city', null, null, null)", [CITY])
        return build_brief(con, FILTERS, generated_at=GENERATED)
    finally:
        con.close()


def metrics_json(capsys, command: str, path: Path) -> dict:
    """``riskdash metrics <command>`` for FILTERS, as the command line prints it."""
    from riskdash.cli import main

    args = ["metrics", command, "--db", str(path), "--from", FILTERS.start.isoformat(),
            "--to", FILTERS.end.isoformat(), "--region", FILTERS.region_code]
    if command == "rectification":
        args += ["--as-of", FILTERS.as_of.isoformat()]
    capsys.readouterr()
    assert main(args) == 0
    return json.loads(capsys.readouterr().out)


def expected_kpi_rows(capsys, path: Path) -> dict[str, str]:
    """The KPI table's value for each indicator label, worked out from ``riskdash metrics`` alone, written as a
    document prints it (separators and units, no trailing ".0")."""
    acc = metrics_json(capsys, "accidents", path)
    rect = metrics_json(capsys, "rectification", path)
    return {
        "事故起数": f"{acc['accidents']:,}起",
        "死亡（含失踪）": f"{acc['deaths_incl_missing']:,}人",
        "起数同比": hl.signed_pct_text(acc["yoy_pct"]["accidents"]),
        "死亡同比": hl.signed_pct_text(acc["yoy_pct"]["deaths"]),
        "较大及以上事故": f"{acc['larger_and_above']:,}起",
        "排查隐患": f"{rect['found']:,}项",
        "隐患整改率": hl.pct_text(rect["rate"]),
        "重大隐患整改率": hl.pct_text(rect["major_rate"]),
        # what is still open on the as-of day: the stock (any year's hazards), 逾期未销号 and 未摘牌
        "逾期未销号隐患": f"{rect['stock']['overdue']:,}项",
        "挂牌督办未摘牌": f"{rect['stock']['supervised_open']:,}项",
    }


def squeeze(text: str) -> str:
    """Text without white space: LibreOffice and pdftotext space out digits next to CJK and wrap lines."""
    return re.sub(r"\s+", "", text)
