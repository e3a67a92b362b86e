"""A long list opens its record in Chromium (issue 17 item 11): 近7日新增隐患 on the demo city holds about 1,500
rows of wrapped text; fitted to show sixty of them its grid was many thousand pixels tall and a click on a row did
not select it. A list longer than ROWS_SHOWN now scrolls inside a grid no taller than LONG_LIST_PX: here 80 new
hazards with long descriptions, a click on the first row's marker, and the hazard's card below the list."""

from __future__ import annotations

import shutil
from datetime import timedelta

import duckdb
import pytest
from browser_support import steady
from conftest import AS_OF
from test_browser import PAGE_MS, chromium_page, serving, wait_until_idle

from riskdash.ui import widgets

pytestmark = pytest.mark.browser

ROWS = 80
KEY = "rect_list_new_hazards"


def test_a_row_of_a_long_list_opens_its_record(small_db_path, tmp_path):
    path = tmp_path / "long.duckdb"
    shutil.copy(small_db_path, path)
    con = duckdb.connect(str(path))
    try:
        # 80 hazards found on the as-of day, copies of one hazard with a description long enough to wrap
        con.execute(f"""insert into hazards select * exclude (i) replace (
                            'N' || lpad(i::varchar, 3, '0') as hazard_id, DATE '{AS_OF}' as found_on,
                            DATE '{AS_OF + timedelta(days=30)}' as deadline, null as rectified_on, null as verified_on,
                            repeat('疏散通道堆放杂物、安全出口上锁，', 4) || i as description)
                        from (select * from hazards order by hazard_id limit 1), range({ROWS}) t(i)""")
        assert con.execute("select count(*) from hazards where hazard_id like 'N%'").fetchone()[0] == ROWS
    finally:
        con.close()

    with serving(path, tmp_path) as url, chromium_page(tmp_path, 1366, 768) as page:
        page.goto(url + "rectification", timeout=PAGE_MS)
        wait_until_idle(page)
        page.get_by_role("tab", name="隐患类别与近7日新增").click()
        # the list is drawn under its views (issue 17 item 7): its grid's key is KEY_view_grid
        grid = page.locator(f".st-key-{KEY}_view_grid [data-testid='stDataFrame']").first
        grid.wait_for(timeout=PAGE_MS)
        grid.scroll_into_view_if_needed(timeout=PAGE_MS)
        box = steady(page, grid)  # scrolled and drawn (a fixed 500 ms before)
        # the grid scrolls inside and stays within the window
        assert box["height"] <= widgets.LONG_LIST_PX + 2 and box["height"] < 768
        page.mouse.click(box["x"] + 16, box["y"] + 35 + 30)  # the first row's marker, below the header
        record = page.locator(f".st-key-{KEY}_record")
        record.wait_for(timeout=PAGE_MS)
        record.get_by_text("隐患记录").first.wait_for(timeout=PAGE_MS)
        # the card's fields come a moment after its heading (a run read 'description 隐患记录：N000' alone)
        record.get_by_text("疏散通道堆放杂物").first.wait_for(timeout=PAGE_MS)
        text = record.inner_text()
        assert "N0" in text and "疏散通道堆放杂物" in text
        page.screenshot(path=str(tmp_path / "long-list-record.png"), full_page=False)
