"""Chart legends never overlap the titles or the plots (issue 17 item 5), measured in headless Debian Chromium on
the demo city at 1024×768, 1366×768 and 1920×1080, in Chinese and English: on every screen that draws a chart with
a legend (事故趋势 and its breakdowns, 隐患治理, 重点部位's ranking, map and 评分检验, 乡镇考核, 汇报's preview), each
chart's title, legend and plot area (the SVG boxes of ``.gtitle``, ``.legend`` and the plot's drag area, by
getBoundingClientRect) lie inside the chart and do not overlap one another, and no line of the title nor the legend
runs under the modebar. Before charts.fit_top, 评分检验's back-test at 1024 px drew its legend over the title's
second line, and 乡镇考核's English title ran under the modebar.

One server on a copy of the demo city for the file (the login writes to it); one page logged in once for the file
(each language's screens opened by their address with ?lang=), each screen opened once per language and measured
at the three window sizes by resizing the page (the charts follow the page's width), there and back."""

from __future__ import annotations

import re

import pytest
from browser_support import PAGE_MS, chromium_page, serving, settle, wait_idle
from shared_demo import demo_city

from riskdash import i18n

pytestmark = pytest.mark.browser

SIZES = ((1024, 768), (1366, 768), (1920, 1080))

# each screen with a chart that has a legend, and the tabs that draw them (i18n keys; none: the page itself)
SCREENS = (
    # the trend, cumulative and control charts above the tabs; the class lines; this period beside last year
    ("accidents", ("classes.tab", "accidents.by_sector")),
    # the closed loop's split; by sector, the rate's trend, open hazards by age; the Pareto chart (two axes)
    ("rectification", ("rectification.tab_kpis", "rectification.tab_breakdown", "rectification.tab_pareto")),
    # red and orange enterprises by township; the map (five entries, in rows at 1024 px in English); the back-test
    ("priority", ("priority.tab_ranking", "priority.tab_map", "priority.tab_backtest")),
    ("campaigns", ("campaigns.tab_scorecard",)),  # the township scores, the pass line's label over the plot
    ("briefing", (None,)),  # the slides' charts in the preview
)
VISITS = [(path, tab) for path, tabs in SCREENS for tab in tabs]

# the visible charts, drawn at their container's width: at least one (汇报 draws its preview's charts after its
# first lines; a CI run at load 6 measured the page before any, and `every` of none is true)
DRAWN = """() => { const shown = [...document.querySelectorAll('[data-testid="stPlotlyChart"]')].filter(e => e.offsetParent);
  return shown.length > 0 && shown.every(e => { const svg = e.querySelector('.main-svg');
    return svg && Math.abs(svg.getBoundingClientRect().width - e.getBoundingClientRect().width) < 3; }); }"""

# each visible chart: its box, its title's box and each of its lines', its legend's, its plot area's, its modebar's
BOXES = """() => [...document.querySelectorAll('[data-testid="stPlotlyChart"] .js-plotly-plot')]
  .filter(p => p.offsetParent).map(p => {
    const box = e => { if (!e) return null; const r = e.getBoundingClientRect();
                       return r.width && r.height ? [r.left, r.top, r.right, r.bottom] : null; };
    const title = p.querySelector('.gtitle');
    const lines = title ? [...title.querySelectorAll('tspan.line')] : [];
    return {name: title ? title.textContent : '', chart: box(p.querySelector('.main-svg')), title: box(title),
            lines: (lines.length ? lines : [title]).map(box).filter(Boolean),
            legend: box(p.querySelector('.legend .bg')), plot: box(p.querySelector('.draglayer .nsewdrag')),
            modebar: box(p.querySelector('.modebar'))};
  })"""

SLACK = 1.0  # px: boxes that touch do not overlap


def overlap(a, b) -> bool:
    return bool(a and b) and a[0] < b[2] - SLACK and b[0] < a[2] - SLACK and a[1] < b[3] - SLACK and b[1] < a[3] - SLACK


def inside(a, outer) -> bool:
    return (a[0] >= outer[0] - SLACK and a[1] >= outer[1] - SLACK and a[2] <= outer[2] + SLACK
            and a[3] <= outer[3] + SLACK)


def faults(chart: dict) -> list[str]:
    """What is wrong with one chart's layout, in words (nothing: an empty list)."""
    found = []
    parts = {"title": chart["title"], "legend": chart["legend"], "plot": chart["plot"]}
    for name, part in parts.items():
        if part and not inside(part, chart["chart"]):
            found.append(f"{name} outside the chart {part} / {chart['chart']}")
    for one, other in (("legend", "title"), ("legend", "plot"), ("title", "plot")):
        if overlap(parts[one], parts[other]):
            found.append(f"{one} over {other} {parts[one]} / {parts[other]}")
    if any(overlap(line, chart["modebar"]) for line in chart["lines"]):
        found.append(f"title under the modebar {chart['lines']} / {chart['modebar']}")
    if overlap(chart["legend"], chart["modebar"]):
        found.append(f"legend under the modebar {chart['legend']} / {chart['modebar']}")
    return found


@pytest.fixture(scope="module")
def demo_url(tmp_path_factory):
    """``riskdash serve`` on a copy of the demo city (its accounts: a login writes to the file), for this file."""
    folder = tmp_path_factory.mktemp("chart-legend")
    with serving(demo_city(folder / "city.duckdb"), folder) as url:
        yield url


def log_in(page, url: str) -> None:
    page.goto(url, timeout=PAGE_MS)
    page.get_by_label("用户名").fill("admin")
    page.get_by_label("密码", exact=True).fill("Demo-Adm1n!")
    page.get_by_role("button", name="登录").click()
    page.wait_for_selector('[data-testid="stMetricValue"]', timeout=PAGE_MS)
    settle(page)


@pytest.fixture(scope="module")
def logged_in(demo_url):
    """One page, logged in once, for both languages' tests (a login per test cost a new browser context, the
    password's check and the overview's first drawing again, issue 15); ``shown`` is the screen it shows."""
    with chromium_page(None, *SIZES[0]) as page:
        log_in(page, demo_url)
        yield page, {"shown": None}


def show(page, url: str, path: str, tab: str | None, lang: str, shown: dict) -> None:
    """The screen at ``path`` in ``lang`` (opened when it is not the one shown), and its tab ``tab``."""
    if shown["shown"] != (path, lang):
        shown["shown"] = None  # until it is drawn
        page.goto(f"{url}{path}?lang={lang}", timeout=PAGE_MS)
        wait_idle(page)
        settle(page)
        shown["shown"] = (path, lang)
    if tab is not None:
        # by the end of its name (an icon's name may come first; 按行业 must not find 按行业主管部门)
        page.get_by_role("tab", name=re.compile(re.escape(i18n.t(tab, lang)) + "$")).click()
        settle(page)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_legends_titles_and_plots_do_not_overlap(demo_url, logged_in, lang):
    problems: list[str] = []
    seen: dict[str, int] = {}  # legends measured per screen
    page, shown = logged_in
    for turn, (path, tab) in enumerate(VISITS):
        show(page, demo_url, path, tab, lang, shown)
        # the sizes there and back, one visit after the other (1024 → 1920, then 1920 → 1024): each resize redraws
        # every chart of the page, and going back to 1024 px before the next visit was one more per visit
        for width, height in SIZES if turn % 2 == 0 else SIZES[::-1]:
            if page.viewport_size != {"width": width, "height": height}:
                page.set_viewport_size({"width": width, "height": height})
            page.wait_for_function(DRAWN, timeout=PAGE_MS)
            page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
            charts = page.evaluate(BOXES)
            assert charts, f"no chart on {path} ({tab}) at {width} px"
            for chart in charts:
                assert chart["chart"] and chart["plot"] and chart["title"], chart
                problems += [f"{path} ({tab}) {width}×{height} «{chart['name'][:40]}»: {fault}"
                             for fault in faults(chart)]
                seen[f"{path} {tab}"] = seen.get(f"{path} {tab}", 0) + (chart["legend"] is not None)
    assert problems == []
    # every screen measured at least one legend at each size (the test cannot pass on charts without one)
    assert {visit: count for visit, count in seen.items() if count < len(SIZES)} == {}
    assert len(seen) == len(VISITS)
