"""设置 shows no sidebar filters (issue 17 item 11): nothing there depends on the period, region or sector, so the
filters are not shown — while they still keep the view for the other screens (the region chosen before is the
region after coming back)."""

from __future__ import annotations

import browser_support
import pytest
from test_browser import PAGE_MS, browser_page, shared_small_city, sidebar_choice  # noqa: F401 (fixtures)

pytestmark = pytest.mark.browser


@pytest.fixture()
def server(shared_small_city):  # noqa: F811 (the module's own)
    """The test only reads (a filter chosen is the session's, not the file's): the test process's one warm server
    on the small city."""
    return shared_small_city


def settle(page) -> None:
    browser_support.settle(page)


def test_settings_hides_the_filters_and_keeps_the_view(server, browser_page):  # noqa: F811
    page = browser_page
    page.goto(server, timeout=PAGE_MS)
    bar = page.locator('[data-testid="stSidebar"]')
    county = bar.locator(".st-key-flt_county")
    county.wait_for(timeout=PAGE_MS)
    settle(page)
    browser_support.choose(page, county, "乙区")
    settle(page)
    assert sidebar_choice(page, "县（市、区）") == "乙区 · yq"

    page.get_by_role("link", name="设置").first.click()
    page.get_by_role("tab", name="设置").first.wait_for(timeout=PAGE_MS)
    settle(page)
    assert not bar.locator(".st-key-flt_county").is_visible()
    assert not bar.locator(".st-key-flt_preset").is_visible()
    assert not bar.get_by_text("统计期").first.is_visible()
    assert bar.locator(".st-key-lang").is_visible()  # the language stays

    page.get_by_role("link", name="总览").first.click()
    county = bar.locator(".st-key-flt_county")
    county.wait_for(timeout=PAGE_MS)
    settle(page)
    assert county.is_visible() and sidebar_choice(page, "县（市、区）") == "乙区 · yq"
