"""重点部位's two count tables (red-alert and close-attention enterprises by township and by sector) read whole at
1024×768 (issue 17 item 7): side by side each had a third of the page and scrolled sideways, cutting off 重点关注
and 在营企业; now each spans the page, one under the other, in Chinese and in English — every column within the
table and no row behind an inner scroll."""

from __future__ import annotations

import pytest
from test_browser import PAGE_MS, chromium_page, shared_small_city, wait_until_idle  # noqa: F401 (fixtures)
from test_fit_browser import tables, whole

from riskdash.screens.priority.draw import COUNTS_SECTOR_KEY, COUNTS_TOWNSHIP_KEY

pytestmark = pytest.mark.browser


@pytest.fixture()
def server(shared_small_city):  # noqa: F811 (the module's own)
    """This module's tests only read: the test process's one warm server on the small city."""
    return shared_small_city


@pytest.mark.parametrize(("lang", "heads"), [("zh", ("乡镇（街道）", "行业")), ("en", ("Township", "Sector"))])
def test_the_count_tables_fit_at_1024(server, tmp_path, lang, heads):  # noqa: F811
    with chromium_page(tmp_path, 1024, 768) as page:
        page.goto(server + f"priority?lang={lang}", timeout=PAGE_MS)  # a warm shared server: no reload needed
        wait_until_idle(page)
        selector = (f".st-key-{COUNTS_TOWNSHIP_KEY} [data-testid='stDataFrame'], "
                    f".st-key-{COUNTS_SECTOR_KEY} [data-testid='stDataFrame']")
        found = tables(page, selector)
        for _ in range(40):  # a grid fills its header a moment after it appears (CI read ['', ''] at 1024, cold)
            if len(found) == 2 and all(t[0].split("|")[0] for t in found):
                break
            page.wait_for_timeout(500)
            found = tables(page, selector)
        assert [t[0].split("|")[0] for t in found] == list(heads)
        assert whole(found) == []
        boxes = [page.locator(f".st-key-{key}").bounding_box() for key in (COUNTS_TOWNSHIP_KEY, COUNTS_SECTOR_KEY)]
        assert boxes[1]["y"] >= boxes[0]["y"] + boxes[0]["height"] - 1  # one under the other
        assert min(b["width"] for b in boxes) >= 640  # each across the page
        page.screenshot(path=str(tmp_path / f"priority-counts-{lang}.png"), full_page=True)
