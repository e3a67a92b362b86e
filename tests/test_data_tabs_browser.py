"""数据管理 keeps the operator on their tab after a write (issue 17 item 11), in a real browser: ``riskdash serve``
on the small city, a county account that may record, headless Chromium. In the 隐患整改闭环 tab an operator marks
the open hazard H2 rectified, then verifies and closes it: after each save the page reruns (the one-line result
above the tabs), and the tab must still be 隐患整改闭环 with the step just written in the hazard's loop table. Before
the fix the rerun opened the first tab (导入文件): the tabs had no key, and the result line drawn above them made
them a new element, so the browser drew them afresh on their first tab."""

from __future__ import annotations

import time
from datetime import date
from pathlib import Path

import pytest
from conftest import COUNTY_A
from test_browser import PAGE_MS, chromium_page, serving
from test_campaigns_browser import grid_text
from test_evidence_browser import go, settle
from test_login_browser import log_in

from riskdash import accounts, db

pytestmark = pytest.mark.browser

GOOD = "Safe-pass9"
TODAY = date.today()
ZH_TODAY = f"{TODAY.year}年{TODAY.month}月{TODAY.day}日"  # the loop table's date style
FLOW = "隐患整改闭环"


@pytest.fixture()
def county_server(small_db_path: Path, tmp_path: Path):
    con = db.connect(small_db_path)
    try:
        accounts.add_account(con, "jia", "county", COUNTY_A, GOOD, actor="test", must_change_password=False)
    finally:
        con.close()
    with serving(small_db_path, tmp_path) as url:
        yield url, small_db_path


def selected_tab(page) -> str:
    return page.locator('[role="tab"][aria-selected="true"]').first.inner_text(timeout=PAGE_MS).strip()


def loop_table(page) -> str:
    """The hazard's closed loop (环节 / 日期) in the visible tab panel."""
    return grid_text(page.locator('[role="tabpanel"]:visible').first, "环节", "日期")


def loop_showing(page, *texts: str) -> str:
    """The loop table's text (spaces dropped) once it holds every one of ``texts``, or as it stands after PAGE_MS:
    glide redraws its hidden row table a moment after the run that changed it, so a read just after the run
    could still see the rows before the write (a CI run at load 6 read 验收销号 — there)."""
    deadline = time.monotonic() + PAGE_MS / 1000
    while True:
        shown = loop_table(page).replace(" ", "")
        if all(text in shown for text in texts) or time.monotonic() > deadline:
            return shown
        page.wait_for_timeout(100)


def take_step(page, hazard_id: str, action: str, saved: str) -> None:
    page.locator(f".st-key-data_flow_action_{hazard_id}").get_by_text(action, exact=True).click()
    settle(page)
    form = page.locator('[data-testid="stForm"]:visible').filter(has=page.get_by_text("办理日期"))
    form.get_by_role("button", name="保存").click()
    page.get_by_text(saved).first.wait_for(timeout=PAGE_MS)
    settle(page)


def stored_dates(path: Path, hazard_id: str) -> tuple:
    con = db.connect(path, read_only=True, wait_seconds=30)
    try:
        return con.execute("select rectified_on, verified_on from hazards where hazard_id = ?", [hazard_id]).fetchone()
    finally:
        con.close()


def test_a_write_keeps_the_rectification_tab(county_server, tmp_path):
    url, path = county_server
    with chromium_page(tmp_path, 1366, 768) as page:
        page.goto(url, timeout=PAGE_MS)
        log_in(page, "jia", GOOD)
        page.locator('[data-testid="stMetricValue"]').first.wait_for(timeout=PAGE_MS)
        settle(page)
        go(page, "数据管理")
        assert selected_tab(page) == "导入文件"
        page.get_by_role("tab", name=FLOW).first.click()
        settle(page)
        box = page.locator(".st-key-data_flow_id input")
        box.fill("H2")
        box.press("Enter")
        page.locator(".st-key-data_flow_action_H2").wait_for(timeout=PAGE_MS)
        settle(page)
        assert selected_tab(page) == FLOW
        assert stored_dates(path, "H2") == (None, None)

        # first record: 整改完成 today; the page reruns with the result line, on the same tab
        take_step(page, "H2", "登记整改完成", "已保存：隐患 H2 修改了 整改完成日期")
        page.screenshot(path=str(tmp_path / "data-tab-after-rectify.png"))
        assert selected_tab(page) == FLOW
        assert stored_dates(path, "H2") == (TODAY, None)
        shown = loop_showing(page, f"整改完成{ZH_TODAY}")
        assert f"整改完成{ZH_TODAY}" in shown

        # the next record without clicking the tab again: 验收销号 of the same hazard
        take_step(page, "H2", "验收销号", "已保存：隐患 H2 修改了 验收日期")
        assert selected_tab(page) == FLOW
        assert stored_dates(path, "H2") == (TODAY, TODAY)
        shown = loop_showing(page, f"整改完成{ZH_TODAY}", f"验收销号{ZH_TODAY}")
        assert f"整改完成{ZH_TODAY}" in shown and f"验收销号{ZH_TODAY}" in shown
        page.get_by_text("该隐患已完成闭环，没有待办环节。").wait_for(timeout=PAGE_MS)
        assert page.locator('[data-testid="stException"]').count() == 0

        # the language switch renames every tab: still the loop, now "Rectification loop" (it opened Import)
        page.locator('[data-testid="stSidebar"]').get_by_text("English", exact=True).click()
        page.get_by_role("tab", name="Rectification loop").first.wait_for(timeout=PAGE_MS)
        settle(page)
        assert selected_tab(page) == "Rectification loop"
        page.locator('[data-testid="stSidebar"]').get_by_text("中文", exact=True).click()
        page.get_by_role("tab", name=FLOW).first.wait_for(timeout=PAGE_MS)
        settle(page)
        assert selected_tab(page) == FLOW
        assert page.locator('[data-testid="stException"]').count() == 0
