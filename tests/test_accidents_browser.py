"""The accident trends screen in a real browser: ``riskdash serve`` and headless Debian Chromium draw the trend
chart with its Chinese title and axis in Plotly's SVG, and real clicks do what AppTest cannot show — a row of
the 较大及以上 list opens the accident's record, a PNG download yields a PNG, a click on a county's bar drills
the screen down to that county."""

from __future__ import annotations

from pathlib import Path

import pytest
from browser_support import steady
from conftest import CITY, COUNTY_A
from test_browser import PAGE_MS, browser_page, metric_value, shared_small_city, wait_until_idle  # noqa: F401 (fixtures)

pytestmark = pytest.mark.browser


@pytest.fixture()
def server(shared_small_city):  # noqa: F811 (the module's own)
    """This module's tests only read: the test process's one warm server on the small city."""
    return shared_small_city


# drawing a chart to PNG starts kaleido's own Chromium: slow on a loaded machine
DOWNLOAD_MS = 180_000


def open_screen(page, server: str) -> None:  # noqa: F811
    # the shared server is warm (shared_server made its first run): the first load is the one looked at
    page.goto(server + "accidents", timeout=PAGE_MS)
    wait_until_idle(page)
    page.get_by_role("heading", name="事故趋势").first.wait_for(timeout=PAGE_MS)


def test_trend_chart_renders_with_chinese_labels(server, browser_page, tmp_path):  # noqa: F811
    page = browser_page
    open_screen(page, server)
    titles = page.locator(".js-plotly-plot .gtitle")
    titles.first.wait_for(timeout=PAGE_MS)
    all_titles = titles.all_text_contents()
    # two lines (the measure, then its scope): the SVG text runs them together
    assert any(t.startswith("事故起数按月统计2024年") and "数据截至2025年6月30日" in t for t in all_titles), all_titles
    # the y axis of the trend carries its unit in Chinese, and the legend names the rolling line
    svg_text = page.locator(".js-plotly-plot").first.text_content()
    assert "近12个月滚动合计" in svg_text
    assert page.locator(".js-plotly-plot .ytitle").first.text_content() == "起"
    page.screenshot(path=str(tmp_path / "accidents-zh.png"), full_page=True)
    assert (tmp_path / "accidents-zh.png").stat().st_size > 10_000


def test_list_row_opens_the_record_and_png_downloads(server, browser_page, tmp_path):  # noqa: F811
    page = browser_page
    open_screen(page, server)
    # the trend chart's PNG: a real download of a real PNG
    button = page.locator(".st-key-acc_png_trend button").first
    button.scroll_into_view_if_needed(timeout=PAGE_MS)
    with page.expect_download(timeout=DOWNLOAD_MS) as info:
        button.click()
    download = info.value
    saved = tmp_path / download.suggested_filename
    download.save_as(saved)
    # named in Chinese for the chart, the scope and the period (issue 17 item 10)
    assert saved.name == "事故起数按月统计_示例市_2025年1至6月.png"
    data = Path(saved).read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 10_000

    # the 较大及以上 list holds A2 alone; a click on its row marker selects it and opens the record below
    grid = page.locator(".st-key-acc_larger").first
    grid.scroll_into_view_if_needed(timeout=PAGE_MS)
    grid.wait_for(timeout=PAGE_MS)
    box = steady(page, grid)  # scrolled and drawn (a fixed 500 ms before)
    page.mouse.click(box["x"] + 16, box["y"] + 35 + 17)  # header row, then the middle of the first row
    record = page.locator(".st-key-acc_larger_record")
    record.wait_for(timeout=PAGE_MS)
    # the card streams in: its heading can arrive before its fields, so wait for the last of them
    record.get_by_text("较大（死亡（含失踪））").first.wait_for(timeout=PAGE_MS)
    text = record.inner_text()
    assert "事故记录：A2" in text and "甲县西乡" in text and "较大（死亡（含失踪））" in text
    page.screenshot(path=str(tmp_path / "accidents-record.png"), full_page=True)


def test_county_bar_click_drills_down(server, browser_page, tmp_path):  # noqa: F811
    page = browser_page
    open_screen(page, server)
    assert metric_value(page, "事故起数（起）") == "3"
    page.get_by_role("tab", name="按地区").click()
    chart = page.locator(f".st-key-acc_chart_region_{CITY} .js-plotly-plot").first
    chart.wait_for(timeout=PAGE_MS)
    chart.scroll_into_view_if_needed(timeout=PAGE_MS)
    steady(page, chart)  # scrolled and drawn (a fixed 500 ms before)
    # the bar of 甲县 this period: the category whose tick reads 甲县, on the trace with the value labels
    tick = chart.locator(".ytick text", has_text="甲县").first.bounding_box()
    tick_y = tick["y"] + tick["height"] / 2
    bars = chart.locator(".barlayer .trace").nth(1).locator(".point path")
    target = None
    for i in range(bars.count()):
        bar = bars.nth(i).bounding_box()
        if bar and bar["width"] > 2 and abs(bar["y"] + bar["height"] / 2 - tick_y) < 30:
            target = bar
    assert target is not None, "no bar for 甲县"
    page.mouse.click(target["x"] + target["width"] / 2, target["y"] + target["height"] / 2)
    # the whole screen follows: the region chart is now the county's, the KPI counts the county only
    page.locator(f".st-key-acc_chart_region_{COUNTY_A}").first.wait_for(timeout=PAGE_MS)
    wait_until_idle(page)
    assert metric_value(page, "事故起数（起）") == "2"
    assert "返回上一级：示例市" in page.locator(".st-key-acc_drill_up button").first.inner_text()
    page.screenshot(path=str(tmp_path / "accidents-drilled.png"), full_page=True)
    page.locator(".st-key-acc_drill_up button").first.click()
    page.locator(f".st-key-acc_chart_region_{CITY}").first.wait_for(timeout=PAGE_MS)
    wait_until_idle(page)
    assert metric_value(page, "事故起数（起）") == "3"
