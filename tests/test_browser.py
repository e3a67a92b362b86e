"""The real thing: ``riskdash serve`` on a loopback port, the overview in headless Debian Chromium.

What only a browser shows: the server starts from the command line, the page renders Chinese, a KPI on the
screen equals the database's value, the language switch works with a real click, and the address keeps the
view through a refresh (F5) and a click in the navigation.
"""

from __future__ import annotations

import os
import shutil
from datetime import date
from pathlib import Path

import pytest
from browser_support import (  # the browser files' kit, imported from here
    CHROMIUM,
    PAGE_MS,
    chromium_page,
    settle,
    serving,
    shared_database,
    shared_server,
)
from conftest import AS_OF, CITY, COUNTY_A, COUNTY_B, fill_small_city, prepared_database

from riskdash import db, metrics
from riskdash.filters import Filters

pytestmark = pytest.mark.browser

if not Path(CHROMIUM).exists():
    # scripts/setup.sh installs Debian's chromium; CI must never skip the browser quietly
    if os.environ.get("CI"):
        raise RuntimeError(f"no Chromium at {CHROMIUM}: run scripts/setup.sh")
    pytest.skip(f"no Chromium at {CHROMIUM} (run scripts/setup.sh)", allow_module_level=True)


@pytest.fixture()
def server(small_db_path: Path, tmp_path: Path):
    """A server of its own on this test's copy of the small city: for a test that writes to it (and reads the
    file afterwards) or looks at a cold server."""
    with serving(small_db_path, tmp_path) as url:
        yield url


@pytest.fixture()
def shared_small_city(small_city_file: Path) -> str:
    """The URL of the one warm server of this test process on a copy of the small city (browser_support's
    shared_server), for a test that only reads: what ``server`` shows, without a server start and a cold first
    run per test."""
    return shared_server("small-city", lambda path: shutil.copyfile(small_city_file, path))


@pytest.fixture()
def shared_towns() -> str:
    """The same for the small city with the township campaigns' rows (test_campaigns_scorecard.fill_campaigns)."""
    from test_campaigns_scorecard import fill_campaigns

    return shared_server("towns", lambda path: prepared_database(path, fill_small_city, fill_campaigns))


@pytest.fixture()
def shared_demo(small_city_file: Path) -> tuple[str, Path]:
    """The same for the small city marked as demo data (the slides say 演示数据): its URL and its file."""
    def build(path: Path) -> None:
        shutil.copyfile(small_city_file, path)
        con = db.connect(path)
        try:
            db.set_meta(con, "dataset", "demo")
        finally:
            con.close()

    return shared_server("small-demo", build), shared_database("small-demo")


@pytest.fixture()
def browser_page(tmp_path: Path):
    with chromium_page(tmp_path) as page:
        yield page


def wait_until_idle(page) -> None:
    """Streamlit shows a running indicator while the script runs; wait for the page to settle."""
    page.wait_for_selector('[data-testid="stMetricValue"]', timeout=PAGE_MS)
    settle(page)


def metric_value(page, label: str) -> str:
    card = page.locator('[data-testid="stMetric"]').filter(has_text=label).first
    return card.locator('[data-testid="stMetricValue"]').inner_text(timeout=PAGE_MS).strip()


def test_overview_in_chromium(shared_small_city, browser_page, small_db_path, tmp_path):
    server = shared_small_city  # the test only reads
    con = db.connect(small_db_path, read_only=True)
    try:
        expected = metrics.overview(con, Filters(date(AS_OF.year, 1, 1), AS_OF, CITY, AS_OF))
    finally:
        con.close()

    page = browser_page
    # the shared server is warm (shared_server made its first run): the first load is the one looked at
    page.goto(server, timeout=PAGE_MS)
    wait_until_idle(page)

    page.get_by_role("heading", name="总览").wait_for(timeout=PAGE_MS)
    page.get_by_text("数据截至2025年6月30日").first.wait_for(timeout=PAGE_MS)
    assert metric_value(page, "事故起数（起）") == str(expected.accidents["accidents"])
    assert metric_value(page, "本期排查隐患（项）") == str(expected.rectification["found"])
    assert metric_value(page, "隐患整改率") == "33.3%"
    assert page.get_by_text("演示数据").count() == 0
    page.screenshot(path=str(tmp_path / "overview-zh.png"), full_page=True)

    page.get_by_text("English", exact=True).click()
    page.get_by_role("heading", name="Overview").wait_for(timeout=PAGE_MS)
    wait_until_idle(page)
    assert metric_value(page, "Accidents") == str(expected.accidents["accidents"])
    assert page.get_by_text("Rectification rate").count() >= 1
    page.screenshot(path=str(tmp_path / "overview-en.png"), full_page=True)
    assert (tmp_path / "overview-en.png").stat().st_size > 10_000


def test_a_bookmarked_page_url_on_a_cold_server_gets_the_navigation(server, browser_page):
    """The first request of a fresh server goes straight to /rectification, as a bookmark would: the page
    must run inside app.py's st.navigation (Chinese titles, wide layout), not as a bare pages/ file."""
    page = browser_page
    page.goto(server + "rectification", timeout=PAGE_MS)
    wait_until_idle(page)
    nav = page.locator('[data-testid="stSidebarNav"]').inner_text(timeout=PAGE_MS)
    assert "总览" in nav and "隐患治理" in nav
    assert "rectification" not in nav and "app" not in nav.split()
    page.get_by_role("heading", name="隐患治理").wait_for(timeout=PAGE_MS)


def sidebar_choice(page, label: str) -> str:
    """What the sidebar's select labelled ``label`` shows."""
    box = page.locator('[data-testid="stSidebar"] [data-testid="stSelectbox"]').filter(has_text=label).first
    return box.locator("input").first.get_attribute("value", timeout=PAGE_MS)


def test_the_address_keeps_the_view_through_a_refresh(shared_small_city, browser_page):
    """Issue 17 item 2: a presenter's F5 keeps region, period and language; / and /overview both answer."""
    server = shared_small_city  # the test only reads
    page = browser_page
    view = f"region={COUNTY_A}&from=2025-01-01&to=2025-05-31&lang=en"
    page.goto(server + "accidents?" + view, timeout=PAGE_MS)
    wait_until_idle(page)
    page.reload(timeout=PAGE_MS)
    wait_until_idle(page)
    page.get_by_role("heading", name="Accident trends").first.wait_for(timeout=PAGE_MS)
    assert page.title() == "Accident trends · Work-safety risk dashboard"
    assert sidebar_choice(page, "County / district") == "甲县 · jx"
    assert sidebar_choice(page, "Period") == "Custom"
    dates = page.locator('[data-testid="stSidebar"] [data-testid="stDateInput"] input')
    assert [dates.nth(i).input_value() for i in range(dates.count())] == ["2025-01-01", "2025-05-31"]
    assert page.get_by_text("Period: Jan–May 2025").count() == 1
    assert page.url == server + "accidents?" + view

    # the navigation clears the query string; the next screen keeps the view and writes it again
    page.locator('[data-testid="stSidebarNav"]').get_by_text("Hazard rectification", exact=True).click()
    page.get_by_role("heading", name="Hazard rectification").first.wait_for(timeout=PAGE_MS)
    wait_until_idle(page)
    assert sidebar_choice(page, "County / district") == "甲县 · jx"
    assert page.url == server + f"rectification?from=2025-01-01&to=2025-05-31&region={COUNTY_A}&lang=en"

    for path, heading in (("", "总览"), (f"overview?region={COUNTY_B}&lang=en", "Overview")):
        page.goto(server + path, timeout=PAGE_MS)
        wait_until_idle(page)
        page.get_by_role("heading", name=heading).first.wait_for(timeout=PAGE_MS)
        assert "Page not found" not in page.locator("body").inner_text()
    # /overview opens the overview at /, with the address's region
    assert page.url == server + f"?region={COUNTY_B}&lang=en&from=2025-01-01&to=2025-06-30"
    assert sidebar_choice(page, "County / district") == "乙区 · yq"
