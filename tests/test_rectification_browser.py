"""隐患治理 in a real browser: ``riskdash serve`` on a loopback port, the page in headless Debian Chromium with
Chinese text, KPIs and formulas equal to the metric, and the monthly form downloaded with a real click and read
back with openpyxl, cell by cell against the same table the screen shows."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from conftest import AS_OF, CITY
from test_browser import PAGE_MS, browser_page, metric_value, shared_small_city, wait_until_idle  # noqa: F401 (fixtures)

from riskdash import cli, db, i18n
from riskdash.exports import monthly_form
from xlsx_support import read_form_xlsx
from riskdash.filters import Filters
from riskdash.metrics import rectification as rect
from riskdash.screens.rectification import view

pytestmark = pytest.mark.browser


@pytest.fixture()
def server(shared_small_city):  # noqa: F811 (the module's own)
    """This module's tests only read: the test process's one warm server on the small city."""
    return shared_small_city


def cells(data: bytes) -> list[list]:
    return [[c.value for c in row] for row in load_workbook(io.BytesIO(data)).active.iter_rows()]

YEAR_TO_DATE = Filters(date(AS_OF.year, 1, 1), AS_OF, CITY, AS_OF)


def test_rectification_screen_and_monthly_form_download_in_chromium(server, browser_page, small_db_path,  # noqa: F811
                                                                     tmp_path: Path):
    con = db.connect(small_db_path, read_only=True)
    try:
        kpis = rect.rectification_kpis(con, YEAR_TO_DATE)
        table, _ = monthly_form.monthly_form(con, YEAR_TO_DATE, AS_OF)
    finally:
        con.close()

    page = browser_page
    page.goto(server + "rectification", timeout=PAGE_MS)  # a warm shared server: the first load is judged
    wait_until_idle(page)

    page.get_by_role("heading", name="隐患治理").wait_for(timeout=PAGE_MS)
    assert metric_value(page, "本期排查隐患（项）") == str(kpis["found"])
    # overdue and 挂牌督办 are the stock on the as-of day
    assert metric_value(page, "逾期未销号隐患（项）") == f"{kpis['stock']['overdue']:,}"
    assert metric_value(page, "挂牌督办未摘牌（项）") == f"{kpis['stock']['supervised_open']:,}"
    assert metric_value(page, "一般隐患整改率") == i18n.pct(kpis["general_rate"])
    assert metric_value(page, "按期整改率") == i18n.pct(kpis["on_time_rate"])
    assert metric_value(page, "整改用时中位数（天）") == f"{kpis['median_days_to_rectify']:g}"
    # the formulas as computed, in Chinese, with the figures in them
    page.get_by_text(f"按期整改率 = 按期完成 ÷ (已完成 + 逾期未完成) = {kpis['on_time']} ÷ {kpis['done_or_overdue']}",
                     exact=False).first.wait_for(timeout=PAGE_MS)
    page.get_by_text("期限当日完成算按期", exact=False).first.wait_for(timeout=PAGE_MS)
    page.get_by_text(f"整改用时中位数 = 截至2025年6月30日已整改的 {kpis['rectified_any_grade']} 项隐患",
                     exact=False).first.wait_for(timeout=PAGE_MS)
    page.screenshot(path=str(tmp_path / "rectification-zh.png"), full_page=True)

    page.get_by_role("tab", name="月报表").click()
    page.get_by_text("工矿企业安全生产事故隐患排查治理情况月报表", exact=False).first.wait_for(timeout=PAGE_MS)
    button = page.get_by_role("button", name="导出月报表（Excel）")
    button.wait_for(timeout=PAGE_MS)
    with page.expect_download(timeout=PAGE_MS) as download_info:
        button.click()
    download = download_info.value
    assert download.suggested_filename == f"隐患排查治理月报表_示例市_{AS_OF.year}年{AS_OF.month}月.xlsx"
    saved = tmp_path / download.suggested_filename
    download.save_as(str(saved))

    headers, rows, merged = read_form_xlsx(saved.read_bytes())
    assert headers == [(g, c) for g, c, _ in view.FORM_COLUMNS]
    assert len(rows) == len(table)
    for r, row in enumerate(rows):
        for c, cell in enumerate(row):
            assert cell == table.iat[r, c], (r, c, cell, table.iat[r, c])
    assert rows[0][0] == "合计"
    assert "C7:E7" in merged and "F7:L7" in merged
    # the button's file is the one `riskdash form monthly` writes for the same month and region
    from_cli = tmp_path / "cli.xlsx"
    assert cli.main(["form", "monthly", "--db", str(small_db_path), "--month", f"{AS_OF:%Y-%m}",
                     "--out", str(from_cli)]) == 0
    assert cells(saved.read_bytes()) == cells(from_cli.read_bytes())
    page.screenshot(path=str(tmp_path / "rectification-form-zh.png"), full_page=True)
    assert (tmp_path / "rectification-form-zh.png").stat().st_size > 10_000
