"""The death-target bar wears its level's colour in Chromium (issue 17 item 6): amber when the share of the year's
target used runs ahead of 时间进度, red when the target is exceeded, Streamlit's blue when on track. The bar is
st.progress, which has no colour of its own: ui/widgets.target_progress colours its fill by CSS, and only a real
browser shows whether that CSS reaches the fill."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import AS_OF, CITY
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


def deaths_this_year(path) -> int:
    con = db.connect(path, read_only=True)
    try:
        ov = metrics.overview(con, Filters(date(AS_OF.year, 1, 1), AS_OF, CITY, AS_OF))
        return int(ov.target["deaths_incl_missing"])
    finally:
        con.close()


@pytest.mark.parametrize("level", ["ahead", "over", "normal"])
def test_the_target_bar_wears_its_level(small_db_path, tmp_path, level):
    deaths = deaths_this_year(small_db_path)
    assert deaths >= 1  # the small city has deaths this year, so each level below can be set
    # ahead: the whole target used by 30 June (100 % > 时间进度 49.6 %), not exceeded; over: one death too many;
    # normal: a target so large that the share used stays behind 时间进度
    target = {"ahead": deaths, "over": deaths - 1, "normal": deaths * 100}[level]
    con = db.connect(small_db_path)
    try:
        con.execute("update annual_targets set max_deaths = ? where year = ? and region_code = ?",
                    [target, AS_OF.year, CITY])
    finally:
        con.close()
    address = f"?from={AS_OF.year}-01-01&to={AS_OF.isoformat()}"
    with serving(small_db_path, tmp_path) as url, chromium_page(tmp_path, 1366, 900) as page:
        page.goto(url + address, timeout=PAGE_MS)
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
