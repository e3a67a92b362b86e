"""The tables of issue 18 in headless Debian Chromium at 1024×768 (``riskdash serve`` on the small city, one server
for the module): 事故趋势's 按统计类别 (《生产安全事故统计调查制度》's classes) and 按行业主管部门, 重点部位's ledger
by department, and the 行业主管部门 select boxes of 事故趋势's accident lists and 重点部位's ledger. Each table
renders with its Chinese row labels and every row (no inner scroll), and the page does not scroll sideways at
1024 px. Every column within the table: 重点部位's at 1024 px; 事故趋势's two at 1366 px only — like every
breakdown table of that screen, their six count columns' headers (事故（起） … 死亡同比) alone take 674 px of the
664 px the main column has at 1024 px beside the sidebar, so there the grid scrolls sideways inside itself
(ui.widgets.fit's FIT_PX), never the page."""

from __future__ import annotations

import time

import browser_support
import pytest
from test_browser import PAGE_MS, chromium_page, shared_small_city, wait_until_idle  # noqa: F401 (fixtures)
from test_fit_browser import tables, whole

from riskdash.screens.accidents.draw import DEPARTMENT_KEY
from riskdash.screens.priority.draw import LEDGER_DEPARTMENT_KEY

pytestmark = pytest.mark.browser

WIDTH, HEIGHT = 1024, 768

# every scrolling box of the page that is wider than its window: the page itself or Streamlit's main area
SIDEWAYS = """() => [document.documentElement, document.body,
    ...document.querySelectorAll('[data-testid="stAppViewContainer"], [data-testid="stMain"], '
                                 + '[data-testid="stMainBlockContainer"]')]
  .filter(e => e.scrollWidth > e.clientWidth + 1)
  .map(e => [e.getAttribute('data-testid') || e.tagName, e.scrollWidth, e.clientWidth])"""


@pytest.fixture()
def module_server(shared_small_city):  # noqa: F811 (the fixture)
    """The tests only read: the test process's one warm server on the small city."""
    return shared_small_city


def open_screen(page, url: str) -> None:
    # the shared server is warm (shared_server made its first run): the first load is the one looked at
    page.goto(url, timeout=PAGE_MS)
    wait_until_idle(page)


def open_tab(page, name: str) -> None:
    page.get_by_role("tab", name=name).click()  # the name holds the icon's ligature too
    browser_support.settle(page)


def grid(page, header: str):
    """The visible data grid with a column ``header``."""
    found = page.locator('[role="tabpanel"]:visible [data-testid="stDataFrame"]').filter(
        has=page.locator("th", has_text=header)).first
    found.wait_for(timeout=PAGE_MS)
    found.scroll_into_view_if_needed()
    return found


def first_column(page, found, last: str, timeout_ms: int = 30_000) -> list[str]:
    """The grid's first column (row labels) once its last row ``last`` is there: glide keeps a visually hidden
    table of the rows on screen in the DOM, filled a moment after the grid appears."""
    deadline = time.monotonic() + timeout_ms / 1000
    cells = found.locator("tbody tr td:first-child").all_inner_texts()
    while (not cells or cells[-1].strip() != last) and time.monotonic() < deadline:
        page.wait_for_timeout(250)
        cells = found.locator("tbody tr td:first-child").all_inner_texts()
    return [c.strip() for c in cells]


def measured(page, header: str) -> list:
    """The grid with ``header``: [its headers, content width, visible width, content height, visible height]."""
    shown = [t for t in tables(page, "[role='tabpanel'] [data-testid='stDataFrame']") if t and header in t[0]]
    assert len(shown) == 1, (header, shown)
    return shown[0]


def every_row_and_no_page_scroll(page, header: str) -> list:
    """Rows behind the grid's inner scroll, and the page's boxes scrolling sideways: [] when neither."""
    grid_box = measured(page, header)
    return ([grid_box] if grid_box[3] > grid_box[4] + 1 else []) + page.evaluate(SIDEWAYS)


def at_1366(page, header: str) -> list:
    """The grid with ``header`` measured again with the window at 1366 px: [] when every column shows. Measured
    frame by frame until it shows every column or 10 s have passed (a fixed 800 ms before: the grid redraws at the
    new width a moment after the window grows), and the window put back once the grid stands still."""
    grid_box = page.locator('[role="tabpanel"]:visible [data-testid="stDataFrame"]').filter(
        has=page.locator("th", has_text=header)).first
    page.set_viewport_size({"width": 1366, "height": HEIGHT})
    deadline = time.monotonic() + 10
    try:
        while True:
            hidden = whole([measured(page, header)]) + page.evaluate(SIDEWAYS)
            if not hidden or time.monotonic() > deadline:
                return hidden
            page.evaluate("() => new Promise(r => requestAnimationFrame(r))")
    finally:
        page.set_viewport_size({"width": WIDTH, "height": HEIGHT})
        browser_support.steady(page, grid_box)


def test_accident_class_and_department_tables(module_server, tmp_path):
    with chromium_page(tmp_path, WIDTH, HEIGHT) as page:
        open_screen(page, module_server + "accidents")
        # 按统计类别, the first tab: the classes with their subclasses, road transport enterprises apart
        open_tab(page, "按统计类别")
        rows = first_column(page, grid(page, "统计类别"), "道路运输企业（另计，不计入合计）")
        assert rows == ["合计", "工矿商贸", "煤矿", "金属非金属矿山", "建筑施工", "危险化学品", "烟花爆竹",
                        "工矿商贸其他", "道路交通", "生产经营性道路交通", "非生产经营性道路交通", "火灾",
                        "生产经营性火灾", "非生产经营性火灾", "铁路交通", "水上交通", "渔业船舶", "农业机械",
                        "道路运输企业（另计，不计入合计）"]
        assert every_row_and_no_page_scroll(page, "统计类别") == []
        assert at_1366(page, "统计类别") == []
        page.screenshot(path=str(tmp_path / "accidents-classes-1024.png"), full_page=True)
        # 按行业主管部门: the setting's departments in the order of their first sector, and 合计
        open_tab(page, "按行业主管部门")
        rows = first_column(page, grid(page, "行业主管部门"), "合计")
        assert rows == ["应急管理", "住房和城乡建设", "交通运输", "消防救援", "市场监管", "农业农村", "合计"]
        assert every_row_and_no_page_scroll(page, "行业主管部门") == []
        assert at_1366(page, "行业主管部门") == []
        page.get_by_text("各部门主管的行业：应急管理：").first.wait_for(timeout=PAGE_MS)
        # the accident lists' department select box, 全部部门 by default
        box = page.locator(f".st-key-{DEPARTMENT_KEY}")
        box.scroll_into_view_if_needed()
        assert box.locator("input").first.get_attribute("value", timeout=PAGE_MS) == "全部部门"
        assert page.evaluate(SIDEWAYS) == []
        page.screenshot(path=str(tmp_path / "accidents-departments-1024.png"), full_page=True)


def test_key_sites_by_department(module_server, tmp_path):
    with chromium_page(tmp_path, WIDTH, HEIGHT) as page:
        open_screen(page, module_server + "priority")
        open_tab(page, "重点部位台账")
        # the ledger by department: 东镇化工's tank (危险化学品 → 应急管理) and 南街道商场's (消防 → 消防救援)
        rows = first_column(page, grid(page, "已报本部门备案"), "合计")
        assert rows == ["应急管理", "消防救援", "合计"]
        assert whole([measured(page, "已报本部门备案")]) == [] and page.evaluate(SIDEWAYS) == []  # at 1024 px
        # the ledger's department select box, 全部部门 by default, beside the township picker
        box = page.locator(f".st-key-{LEDGER_DEPARTMENT_KEY}")
        assert box.inner_text(timeout=PAGE_MS).strip() == "行业主管部门"
        assert box.locator("input").first.get_attribute("value", timeout=PAGE_MS) == "全部部门"
        # chosen in the browser, it narrows the ledger and says so
        box.scroll_into_view_if_needed()  # (clicked half out of view, the input took the focus but opened nothing)
        browser_support.steady(page, box)  # the scroll over (a fixed 300 ms before)
        box.locator("input").first.click()
        page.locator('[role="option"]').first.wait_for(timeout=PAGE_MS)
        choices = [c.strip() for c in page.locator('[role="option"]').all_inner_texts()]
        assert choices == ["全部部门", "应急管理", "住房和城乡建设", "交通运输", "消防救援", "市场监管", "农业农村"]
        page.locator('[role="option"]').nth(1).click()
        page.wait_for_function("() => !document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=PAGE_MS)
        page.get_by_text("仅列行业主管部门“应急管理”主管行业").first.wait_for(timeout=PAGE_MS)
        assert box.locator("input").first.get_attribute("value", timeout=PAGE_MS) == "应急管理"
        assert page.evaluate(SIDEWAYS) == []
        page.screenshot(path=str(tmp_path / "priority-departments-1024.png"), full_page=True)
