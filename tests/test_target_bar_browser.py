"""The death-target bar wears its level's colour in Chromium (issue 17 item 6): amber when the share of the year's
target used runs ahead of 时间进度, red when the target is exceeded, Streamlit's blue when on track. The bar is
st.progress, which has no colour of its own: ui/widgets.target_progress colours its fill by CSS, and only a real
browser shows whether that CSS reaches the fill."""

from __future__ import annotations

import shutil
from datetime import date

import pytest
from conftest import AS_OF, CITY, COUNTY_A
from test_browser import PAGE_MS, chromium_page, serving, wait_until_idle

from riskdash import db, metrics
from riskdash.filters import Filters
from riskdash.ui.widgets import TARGET_BAR_COLOURS

pytestmark = pytest.mark.browser

FILL = "() => [...document.querySelectorAll('[data-testid=\"stProgressBarTrack\"] > div')]" \
       ".map(e => getComputedStyle(e).backgroundColor)"


def rgb(hex_colour: str) -> str:
    r, g, b = (int(hex_colour[i:i + 2], 16) for i in (1, 3, 5))
    return f"rgb({r}, {g}, {b})"


# each level on its own view of one database, so that one server shows all three (a server of its own per level
# took three starts and three cold first runs): the region and the year whose target is set for that level
VIEWS = {"ahead": (CITY, AS_OF.year - 1), "over": (CITY, AS_OF.year), "normal": (COUNTY_A, AS_OF.year)}


def view_filters(level: str) -> Filters:
    region, year = VIEWS[level]
    return Filters(date(year, 1, 1), AS_OF.replace(year=year), region, AS_OF)


def deaths_in_view(con, level: str) -> int:
    region, year = VIEWS[level]
    con.execute("insert or replace into annual_targets values (?, ?, 1)", [year, region])  # a target shows the bar
    return int(metrics.overview(con, view_filters(level)).target["deaths_incl_missing"])


@pytest.fixture(scope="module")
def target_server(small_city_file, tmp_path_factory):
    folder = tmp_path_factory.mktemp("target_bar")
    path = folder / "small.duckdb"
    shutil.copyfile(small_city_file, path)
    con = db.connect(path)
    try:
        for level, (region, year) in VIEWS.items():
            deaths = deaths_in_view(con, level)
            assert deaths >= 1  # the small city has deaths in each view, so each level below can be set
            # ahead: the whole target used by 30 June (100 % > 时间进度 about 49.6 %), not exceeded; over: one death
            # too many; normal: a target so large that the share used stays behind 时间进度
            target = {"ahead": deaths, "over": deaths - 1, "normal": deaths * 100}[level]
            con.execute("update annual_targets set max_deaths = ? where year = ? and region_code = ?",
                        [target, year, region])
        for level in VIEWS:  # each view reads the level it was set for
            target = metrics.overview(con, view_filters(level)).target
            assert (target["deaths_incl_missing"] > target["max_deaths"]) == (level == "over"), (level, target)
            assert (target["used_pct"] > target["time_elapsed_pct"]) == (level != "normal"), (level, target)
    finally:
        con.close()
    with serving(path, folder) as url:
        yield url


@pytest.mark.parametrize("level", ["ahead", "over", "normal"])
def test_the_target_bar_wears_its_level(target_server, tmp_path, level):
    region, year = VIEWS[level]
    address = f"?from={year}-01-01&to={AS_OF.replace(year=year).isoformat()}&region={region}"
    with chromium_page(tmp_path, 1366, 900) as page:
        page.goto(target_server + address, timeout=PAGE_MS)
        wait_until_idle(page)
        page.get_by_role("heading", name="总览").wait_for(timeout=PAGE_MS)
        page.locator("[data-testid='stProgressBarTrack']").first.wait_for(timeout=PAGE_MS)
        fills = page.evaluate(FILL)
        page.screenshot(path=str(tmp_path / f"target-{level}.png"))
    assert len(fills) == 1
    if level == "normal":
        assert fills[0] not in {rgb(c) for c in TARGET_BAR_COLOURS.values()}
    else:
        assert fills == [rgb(TARGET_BAR_COLOURS[level])]
