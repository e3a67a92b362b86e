"""Nothing cut off on 事故趋势 at 1024×768 (issue 17 item 7), in Chinese and English:
every table on each tab shows every column within the table's width (headless Chromium, the sidebar open, one
server for the module). A list too wide for the page is shown one themed view of its columns at a time: every
view of every segmented control is checked. The official monthly form (月报表, its prescribed thirteen columns)
is the one table let scroll sideways."""

from __future__ import annotations

import pytest
from conftest import fill_small_city
from test_browser import PAGE_MS, chromium_page, serving
from test_campaigns_scorecard import fill_campaigns
from test_fit_wide_browser import open_page, settle

from riskdash import db

pytestmark = pytest.mark.browser

# every visible grid: [its headers, content width, visible width]
VISIBLE_GRIDS = """() => [...document.querySelectorAll('[data-testid="stDataFrame"]')]
  .filter(d => d.offsetParent !== null).map(d => {
    d.scrollIntoView();
    const grid = d.querySelector('.dvn-scroller');
    const heads = [...d.querySelectorAll('th')].map(t => t.innerText).filter(Boolean).join('|');
    return grid ? [heads, grid.scrollWidth, grid.clientWidth] : [heads, -1, -1];
  })"""

# the visible segmented controls' buttons, per control
SEGMENTS = """() => [...document.querySelectorAll('[data-testid="stButtonGroup"]')]
  .filter(g => g.offsetParent !== null).map(g => [...g.querySelectorAll('button')].map(b => b.innerText))"""

FORM_HEADS = ("行业和领域",)  # the monthly form, in either language (its headers are the form's)


@pytest.fixture(scope="module")
def fit_server(tmp_path_factory):
    folder = tmp_path_factory.mktemp("fit_wide2")
    path = folder / "towns.duckdb"
    con = db.connect(path, create=True)
    fill_small_city(con)
    fill_campaigns(con)
    con.close()
    with serving(path, folder) as url:
        yield url


def cut_off(page, seen: list) -> list:
    """The visible grids whose columns pass their right edge (``seen`` collects every grid measured)."""
    page.wait_for_timeout(300)
    grids = page.evaluate(VISIBLE_GRIDS)
    seen.extend(grids)
    return [g for g in grids if not g[0].startswith(FORM_HEADS) and (g[1] < 0 or g[1] > g[2] + 1)]


def every_view(page, seen: list) -> list:
    """The grids cut off in the tab shown, in every view of every segmented control on it."""
    bad = cut_off(page, seen)
    for index, options in enumerate(page.evaluate(SEGMENTS)):
        for at in [*range(1, len(options)), 0]:
            group = page.locator("[data-testid='stButtonGroup']:visible").nth(index)
            group.locator("button").nth(at).click()
            settle(page)
            bad += [(options[at], g) for g in cut_off(page, seen)]
    return bad


def check_tabs(page, url: str, tabs: list[str]) -> tuple[list, list]:
    open_page(page, url)
    page.get_by_role("tab").first.wait_for(timeout=PAGE_MS)
    settle(page)
    seen: list = []
    bad: list = []
    for tab in tabs:
        page.get_by_role("tab", name=tab, exact=True).click()
        settle(page)
        bad += [(tab, g) for g in every_view(page, seen)]
    return bad, seen


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_accident_breakdowns_fit_at_1024(fit_server, tmp_path, lang):
    """事故趋势's breakdown tables (by statistical class, sector, department, type, region) with their short headers,
    and the screen's lists under them."""
    zh = lang == "zh"
    tabs = (["按统计类别", "按行业", "按行业主管部门", "按事故类型（GB 6441）", "按地区"] if zh else
            ["By statistical class", "By sector", "By responsible department", "By accident type (GB 6441)",
             "By region"])
    with chromium_page(tmp_path, 1024, 768) as page:
        bad, seen = check_tabs(page, fit_server + f"accidents?lang={lang}", tabs)
        assert bad == [], bad
        heads = [g[0] for g in seen]
        counts = "起数|上年起数|起数同比|死亡|上年死亡|死亡同比" if zh else "Acc.|A. LY|A. y/y|Deaths|D. LY|D. y/y"
        firsts = ["统计类别", "名称", "行业主管部门"] if zh else ["Class", "Name", "Dept."]
        assert all(any(h.startswith(f"{first}|{counts}") for h in heads) for first in firsts), heads
