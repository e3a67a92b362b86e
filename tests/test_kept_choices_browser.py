"""隐患治理 in Chromium (issue 17): 月报表's month picked and a row of the overdue list opened, another tab looked
at, and back: the same month (its form ends on 31 March) and the same hazard's record, as in a real session where
the tabs run as a fragment (ui.widgets.kept, kept_row). The server's log holds no Session State warning."""

from __future__ import annotations

import pytest
from browser_support import (
    PAGE_MS,
    choose,
    chromium_page,
    serving,
    settle,
    steady,
    wait_idle,
)

pytestmark = pytest.mark.browser

MONTH = ".st-key-rect_form_month"
GRID = ".st-key-rect_list_overdue_view_grid [data-testid='stDataFrame']"
RECORD = ".st-key-rect_list_overdue_record"


def open_tab(page, name: str) -> None:
    page.get_by_role("tab", name=name).click()
    settle(page)


def test_the_month_and_the_record_survive_another_tab(small_db_path, tmp_path):
    with serving(small_db_path, tmp_path) as url, chromium_page(None, 1366, 900) as page:
        page.goto(url + "rectification", timeout=PAGE_MS)
        wait_idle(page)
        open_tab(page, "月报表")
        choose(page, page.locator(MONTH), "2025年3月", exact=True)
        settle(page)
        page.get_by_text("截至2025年3月31日", exact=False).first.wait_for(timeout=PAGE_MS)
        assert page.locator(MONTH + " input").input_value(timeout=PAGE_MS) == "2025年3月"

        open_tab(page, "逾期与挂牌督办")
        grid = page.locator(GRID).first
        grid.scroll_into_view_if_needed(timeout=PAGE_MS)
        box = steady(page, grid)
        page.mouse.click(box["x"] + 16, box["y"] + 35 + 20)  # the first row's marker, below the header: H2
        page.locator(RECORD).get_by_text("隐患记录：H2").wait_for(timeout=PAGE_MS)

        open_tab(page, "整改情况")
        assert page.locator(MONTH).count() == 0 and page.locator(RECORD).count() == 0  # not drawn

        open_tab(page, "月报表")
        assert page.locator(MONTH + " input").input_value(timeout=PAGE_MS) == "2025年3月"
        page.get_by_text("截至2025年3月31日", exact=False).first.wait_for(timeout=PAGE_MS)
        open_tab(page, "逾期与挂牌督办")
        page.locator(RECORD).get_by_text("隐患记录：H2").wait_for(timeout=PAGE_MS)
        page.screenshot(path=str(tmp_path / "kept-record.png"), full_page=False)
    log = (tmp_path / "serve.log").read_text(errors="replace")
    assert "Session State API" not in log and "Traceback" not in log, log
