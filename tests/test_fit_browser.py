"""Nothing cut off (issue 17 item 7), measured in headless Debian Chromium at 1024×768, 1366×768 and 1920×1080:
every KPI card's label, value and comparison show whole (no element wider than its box, no "…"), the
priority ranking (主要理由) and the accident lists (较大 / 较大涉险) show every row without an inner scroll and every
column within the table's width, at 1024 px too with the sidebar open (the server does not know the window's width:
the tables are fitted to the narrow page and the grid stretches them on a wider one); the 打印 button draws its icon
(an inline SVG, not a missing emoji)."""

from __future__ import annotations

import browser_support
import pytest

# chromium_page: a module that has it keeps the process's Chromium open between its tests (tests/conftest.py)
from test_browser import PAGE_MS, chromium_page, shared_small_city, wait_until_idle  # noqa: F401 (fixtures)

from riskdash.screens.accidents.draw import LIST_KEY, RISK_LIST_KEY

pytestmark = pytest.mark.browser


@pytest.fixture()
def server(shared_small_city):  # noqa: F811 (the module's own)
    """This module's tests only read: the test process's one warm server on the small city."""
    return shared_small_city


SIZES = ((1024, 768), (1366, 768), (1920, 1080))

# every element of every st.metric whose content is wider than its box, or whose text ends in an ellipsis
CLIPPED_KPIS = """() => [...document.querySelectorAll('[data-testid="stMetric"]')].flatMap(card =>
  [card, ...card.querySelectorAll('*')].filter(e => e.scrollWidth > e.clientWidth + 1
      || (getComputedStyle(e).textOverflow === 'ellipsis' && getComputedStyle(e).overflow !== 'visible'))
    .map(e => [card.innerText.split('\\n')[0], e.getAttribute('data-testid') || e.tagName, e.scrollWidth, e.clientWidth]))"""

KPI_COUNT = "() => document.querySelectorAll('[data-testid=\"stMetric\"]').length"

# each table's grid: (its headers, content width, visible width, content height, visible height)
TABLE = """(selector) => [...document.querySelectorAll(selector)].map(d => {
  d.scrollIntoView();
  const grid = d.querySelector('.dvn-scroller');
  const heads = [...d.querySelectorAll('th')].map(t => t.innerText).filter(Boolean).join('|');
  return grid ? [heads, grid.scrollWidth, grid.clientWidth, grid.scrollHeight, grid.clientHeight]
              : null;
})"""


def tables(page, selector: str) -> list:
    page.wait_for_selector(f"{selector} .dvn-scroller", timeout=PAGE_MS)
    return page.evaluate(TABLE, selector)


def whole(found: list) -> list:
    """The tables that hide something: rows behind an inner scroll, or columns past the right edge."""
    return [t for t in found if t is None or t[3] > t[4] + 1 or t[1] > t[2] + 1]


def open_page(page, url: str) -> None:
    page.goto(url, timeout=PAGE_MS)
    wait_until_idle(page)


# every grid's measure (TABLE) the same over STEADY_FRAMES animation frames in a row: the grids laid out again at
# the window's new width (a grid follows its container a frame or two after a resize)
STEADY_FRAMES = 3
STEADY_TABLES = f"""(selector) => {{
  const now = JSON.stringify(({TABLE})(selector)), last = window.__riskdashTables;
  window.__riskdashTables = last && last.now === now ? {{now, same: last.same + 1}} : {{now, same: 0}};
  return window.__riskdashTables.same >= {STEADY_FRAMES};
}}"""


def each_size(page, selector: str = "[data-testid='stDataFrame']"):
    """The page (opened at the first of SIZES) at each window size in turn, its grids laid out again: one page
    load per screen, where each size loaded every screen again in a new browser (issue 15). The server does not
    know the window's width: what it sent is the same at every size, only the page's layout follows."""
    for width, height in SIZES:
        page.set_viewport_size({"width": width, "height": height})
        page.evaluate("() => { window.__riskdashTables = null; }")
        page.wait_for_function(STEADY_TABLES, arg=selector, timeout=PAGE_MS, polling="raf")
        yield width


def fit_page():
    """A page of the fit tests' kept browser context (browser_support.kept_context_page), at the first size."""
    return browser_support.kept_context_page("fit", *SIZES[0])


def test_overview_kpis_are_not_cut_off(server, tmp_path):
    with fit_page() as page:
        open_page(page, server)  # the shared server is warm: its first load is the one looked at
        for width in each_size(page):
            assert page.evaluate(KPI_COUNT) >= 8, width
            assert page.evaluate(CLIPPED_KPIS) == [], width
            # the 打印 button's icon is drawn (the 🖨 emoji had no glyph in the page's fonts)
            button = page.frame_locator('iframe[data-testid="stIFrame"]').get_by_role("button", name="打印")
            assert button.locator("svg path").count() == 1 and "🖨" not in button.inner_text(timeout=PAGE_MS)


def test_accident_kpis_and_lists_are_not_cut_off(server, tmp_path):
    selector = f".st-key-{LIST_KEY} [data-testid='stDataFrame'], .st-key-{RISK_LIST_KEY} [data-testid='stDataFrame']"
    with fit_page() as page:
        open_page(page, server + "accidents")
        tables(page, selector)  # drawn
        for width in each_size(page, selector):
            assert page.evaluate(KPI_COUNT) >= 5, width
            assert page.evaluate(CLIPPED_KPIS) == [], width
            lists = tables(page, selector)
            assert lists and whole(lists) == [], (width, lists)
            page.screenshot(path=str(tmp_path / f"accidents-{width}.png"), full_page=True)


def test_priority_kpis_and_ranking_are_not_cut_off(server, tmp_path):
    with fit_page() as page:
        open_page(page, server + "priority")
        # the first table is the ranking (its grid fills in the headers it shows once drawn)
        page.wait_for_function("() => [...(document.querySelector('[data-testid=\"stDataFrame\"]')"
                               "?.querySelectorAll('th') ?? [])].some(t => t.innerText === '排名')", timeout=PAGE_MS)
        for width in each_size(page):
            assert page.evaluate(KPI_COUNT) >= 4, width
            assert page.evaluate(CLIPPED_KPIS) == [], width
            ranking = tables(page, "[data-testid='stDataFrame']")
            assert ranking[0][0].startswith("排名|企业名称|乡镇（街道）|行业|风险等级"), ranking
            assert whole(ranking[:1]) == [], (width, ranking[:1])
            page.screenshot(path=str(tmp_path / f"priority-{width}.png"), full_page=True)
