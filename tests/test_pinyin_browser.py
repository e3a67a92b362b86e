"""Regions are found by their pinyin initials in a real browser (issue 17 item 11): typing "yq" in the sidebar's
county select leaves 乙区 alone in the list, and Enter picks it; typing "jxdz" in a 数据管理 form's region select
finds 甲县 东镇."""

from __future__ import annotations

import browser_support
import pytest
from test_browser import PAGE_MS, browser_page, shared_small_city, sidebar_choice  # noqa: F401 (fixtures)

pytestmark = pytest.mark.browser


@pytest.fixture()
def server(shared_small_city):  # noqa: F811 (the module's own)
    """This module's tests only read: the test process's one warm server on the small city."""
    return shared_small_city


def settle(page) -> None:
    browser_support.settle(page)


def options(page) -> list[str]:
    page.locator('[role="option"]').first.wait_for(timeout=PAGE_MS)
    return [text.strip() for text in page.locator('[role="option"]').all_inner_texts()]


def test_typing_the_initials_finds_the_region(server, browser_page):  # noqa: F811
    page = browser_page
    page.goto(server, timeout=PAGE_MS)
    county = page.locator('[data-testid="stSidebar"] .st-key-flt_county')
    county.wait_for(timeout=PAGE_MS)
    settle(page)
    county.locator("input").click()
    page.keyboard.type("yq")
    assert options(page) == ["乙区 · yq"]
    page.keyboard.press("Enter")
    settle(page)
    assert sidebar_choice(page, "县（市、区）") == "乙区 · yq"

    page.goto(server + "data", timeout=PAGE_MS)
    page.get_by_role("tab", name="新增记录").wait_for(timeout=PAGE_MS)
    settle(page)
    page.get_by_role("tab", name="新增记录").click()
    kind = page.locator(".st-key-data_add_kind")
    browser_support.choose(page, kind.locator("input"), "事故")
    settle(page)
    region = page.locator(".st-key-data_add_accidents_region_code")
    region.locator("input").click()
    page.keyboard.type("jxdz")
    assert options(page)[0].startswith("甲县 东镇 · jxdz · ")
