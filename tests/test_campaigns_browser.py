"""The 专项行动与乡镇规范化 screen in headless Debian Chromium (``riskdash serve`` on a loopback port): each
tab renders in Chinese with the figures of the hand-made city — the scorecard with its veto, the checklist,
the "1+1" coverage, the zero-report compliance and its form."""

from __future__ import annotations


import browser_support
import pytest
from test_browser import PAGE_MS, browser_page, shared_towns, wait_until_idle  # noqa: F401 (fixtures)


pytestmark = pytest.mark.browser


@pytest.fixture()
def towns_server(shared_towns):  # noqa: F811 (the fixture)
    """The test only reads (the zero-report form is looked at, not sent): the test process's one warm server on
    the small city with the campaigns' rows."""
    return shared_towns


def open_tab(page, name: str) -> None:
    page.get_by_role("tab", name=name).click()
    browser_support.settle(page)


def panel(page):
    """The visible tab panel."""
    return page.locator('[role="tabpanel"]:visible').first


def grid_text(scope, header: str, *more: str) -> str:
    """The text of the first data grid with a column ``header`` (and the columns ``more``): the grid draws on a
    canvas, and glide keeps a visually hidden table of the rows on screen in the DOM for assistive technology,
    which is read here."""
    grids = scope.locator('[data-testid="stDataFrame"]')
    for name in (header, *more):
        grids = grids.filter(has=scope.page.locator("th", has_text=name))
    grid = grids.first
    grid.wait_for(timeout=PAGE_MS)
    return grid.text_content(timeout=PAGE_MS)


def test_campaigns_screen_in_chromium(towns_server, browser_page, tmp_path):  # noqa: F811 (the fixture)
    page = browser_page
    # a cold server: the first run warms up; then open the screen itself, as a bookmark would
    page.goto(towns_server, timeout=PAGE_MS)
    wait_until_idle(page)
    page.goto(towns_server + "campaigns", timeout=PAGE_MS)
    wait_until_idle(page)
    page.get_by_role("heading", name="专项行动与乡镇规范化").wait_for(timeout=PAGE_MS)
    page.get_by_text("数据截至2025年6月30日").first.wait_for(timeout=PAGE_MS)

    # 乡镇考核: three townships, one passed, two failed, two vetoed (a 较大 accident; deaths above the target)
    values = [v.inner_text().strip() for v in panel(page).locator('[data-testid="stMetricValue"]').all()]
    assert values == ["3", "1", "2", "2"]
    ranking = grid_text(panel(page), "一票否决原因")
    assert "南街道" in ranking and "66.7" in ranking and "合格" in ranking
    assert "发生较大及以上责任事故1起（含性质待定；一票否决）" in ranking
    panel(page).locator(".js-plotly-plot").first.wait_for(timeout=PAGE_MS)  # a chart draws after the tables
    assert panel(page).locator(".js-plotly-plot").count() == 1
    page.screenshot(path=str(tmp_path / "campaigns-scorecard.png"))

    # 规范化建设: the deadline groups and the township progress
    open_tab(page, "规范化建设")
    groups = grid_text(panel(page), "逾期乡镇")
    # 16 items bind a key township since the 四个必须到位 duplicates left the list (issue 18; test_campaigns_parts)
    assert "重点乡镇" in groups and "2025-06-30" in groups and "14/16" in groups
    progress = grid_text(panel(page), "推进中")
    assert "东镇" in progress and "甲县东镇" not in progress and "14/16" in progress
    page.screenshot(path=str(tmp_path / "campaigns-checklist.png"))

    # "1+1": the coverage per county and for the city
    open_tab(page, "“1+1”专项整治")
    coverage = grid_text(panel(page), "覆盖率")
    assert "甲县" in coverage and "示例市" in coverage
    page.screenshot(path=str(tmp_path / "campaigns-1plus1.png"))

    # 零报告: compliance names the township and its missed days; the form is there with its template
    open_tab(page, "零报告")
    compliance = grid_text(panel(page), "迟报日期", "报送率")  # the per-township table (缺报 and 迟报 in days)
    assert "西乡" in compliance and "甲县西乡" not in compliance and "05-02、06-30" in compliance
    panel(page).get_by_role("heading", name="填报零报告").wait_for(timeout=PAGE_MS)
    assert panel(page).get_by_role("button", name="提交报告").count() == 1
    assert panel(page).get_by_role("button", name="下载零报告导入模板").count() == 1
    page.screenshot(path=str(tmp_path / "campaigns-zero.png"), full_page=True)
    assert (tmp_path / "campaigns-zero.png").stat().st_size > 10_000
