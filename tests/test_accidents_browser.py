"""The accident trends screen in a real browser: ``riskdash serve`` and headless Debian Chromium draw the trend
chart with its Chinese title and axis in Plotly's SVG (what AppTest cannot show)."""

from __future__ import annotations

import pytest
from test_browser import PAGE_MS, browser_page, server, wait_until_idle  # noqa: F401 (fixtures)

pytestmark = pytest.mark.browser


def test_trend_chart_renders_with_chinese_labels(server, browser_page, tmp_path):  # noqa: F811
    page = browser_page
    page.goto(server + "accidents", timeout=PAGE_MS)
    wait_until_idle(page)
    page.reload(timeout=PAGE_MS)
    wait_until_idle(page)
    page.get_by_role("heading", name="事故趋势").first.wait_for(timeout=PAGE_MS)
    titles = page.locator(".js-plotly-plot .gtitle")
    titles.first.wait_for(timeout=PAGE_MS)
    all_titles = titles.all_text_contents()
    assert any(t.startswith("事故起数按月统计 · ") and "数据截至2025年6月30日" in t for t in all_titles), all_titles
    # the y axis of the trend carries its unit in Chinese, and the legend names the rolling line
    svg_text = page.locator(".js-plotly-plot").first.text_content()
    assert "近12个月滚动合计" in svg_text
    assert page.locator(".js-plotly-plot .ytitle").first.text_content() == "起"
    page.screenshot(path=str(tmp_path / "accidents-zh.png"), full_page=True)
    assert (tmp_path / "accidents-zh.png").stat().st_size > 10_000
