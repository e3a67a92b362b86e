"""The real thing: ``riskdash serve`` on a loopback port, the overview in headless Debian Chromium.

What only a browser shows: the server starts from the command line, the page renders Chinese, a KPI on the
screen equals the database's value, the language switch works with a real click, and the address keeps the
view through a refresh (F5) and a click in the navigation.
"""

from __future__ import annotations

import http.client
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import closing, contextmanager
from datetime import date
from pathlib import Path

import pytest
from conftest import AS_OF, CITY, COUNTY_A, COUNTY_B

from riskdash import db, metrics
from riskdash.filters import Filters

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
START_SECONDS = 90
PAGE_MS = 60_000

import playwright.sync_api as playwright_api  # noqa: E402 (a test dependency: its absence is a failure)

if not Path(CHROMIUM).exists():
    # scripts/setup.sh installs Debian's chromium; CI must never skip the browser quietly
    if os.environ.get("CI"):
        raise RuntimeError(f"no Chromium at {CHROMIUM}: run scripts/setup.sh")
    pytest.skip(f"no Chromium at {CHROMIUM} (run scripts/setup.sh)", allow_module_level=True)


def free_port() -> int:
    """A port nothing listens on: the one the OS hands out, or on a shared machine where each person keeps to a
    range, the first free one of RISKDASH_TEST_PORTS (e.g. "8821-8839"), each xdist worker starting at its own."""
    span = os.environ.get("RISKDASH_TEST_PORTS")
    candidates = [0]
    if span:
        low, high = (int(part) for part in span.split("-"))
        ports = list(range(low, high + 1))
        worker = int(os.environ.get("PYTEST_XDIST_WORKER", "gw0").removeprefix("gw") or 0)
        start = worker * 4 % len(ports)
        candidates = ports[start:] + ports[:start]
    for port in candidates:
        with closing(socket.socket(socket.AF_INET, socket.SOCK_STREAM)) as sock:
            try:
                sock.bind(("127.0.0.1", port))
            except OSError:
                continue
            return sock.getsockname()[1]
    raise RuntimeError(f"no free port in RISKDASH_TEST_PORTS={span}")


def wait_for_health(port: int, proc: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + START_SECONDS
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            pytest.fail(f"riskdash serve exited with {proc.returncode}:\n{log.read_text(errors='replace')}")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return
        except (OSError, http.client.HTTPException):
            # refused or reset while it starts; or a BadStatusLine when the port, in the ephemeral range, was
            # taken by our own connection to itself (a TCP simultaneous open) before the server bound it
            pass
        time.sleep(0.5)
    pytest.fail(f"riskdash serve did not answer within {START_SECONDS} s:\n{log.read_text(errors='replace')}")


@contextmanager
def serving(db_path: Path, tmp_path: Path):
    """``riskdash serve`` on ``db_path`` at a free port; yields its URL and ends the server's process group.
    The one way every browser test starts a server."""
    port = free_port()
    log = tmp_path / "serve.log"
    env = {k: v for k, v in os.environ.items() if k != db.ENV_DB}
    with log.open("w") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "riskdash", "serve", "--db", str(db_path), "--port", str(port),
             "--address", "127.0.0.1"],
            cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True,
        )
    try:
        wait_for_health(port, proc, log)
        yield f"http://127.0.0.1:{port}/"
    finally:
        # streamlit runs as a child of `riskdash serve`: end the whole process group we started
        try:
            os.killpg(proc.pid, signal.SIGTERM)
            proc.wait(timeout=15)
        except ProcessLookupError:
            pass
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(timeout=5)


@pytest.fixture()
def server(small_db_path: Path, tmp_path: Path):
    with serving(small_db_path, tmp_path) as url:
        yield url


@contextmanager
def chromium_page(tmp_path: Path, width: int = 1440, height: int = 1800):
    """A page of Debian's Chromium, headless, with a fresh profile under ``tmp_path``."""
    with playwright_api.sync_playwright() as pw:
        context = pw.chromium.launch_persistent_context(
            user_data_dir=str(tmp_path / "chromium-profile"),
            executable_path=CHROMIUM,
            headless=True,
            args=CHROMIUM_ARGS,
            viewport={"width": width, "height": height},
            locale="zh-CN",
        )
        try:
            yield context.new_page()
        finally:
            context.close()


@pytest.fixture()
def browser_page(tmp_path: Path):
    with chromium_page(tmp_path) as page:
        yield page


def wait_until_idle(page) -> None:
    """Streamlit shows a running indicator while the script runs; wait for the page to settle."""
    page.wait_for_selector('[data-testid="stMetricValue"]', timeout=PAGE_MS)
    page.wait_for_function("() => !document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=PAGE_MS)
    page.wait_for_timeout(500)


def metric_value(page, label: str) -> str:
    card = page.locator('[data-testid="stMetric"]').filter(has_text=label).first
    return card.locator('[data-testid="stMetricValue"]').inner_text(timeout=PAGE_MS).strip()


def test_overview_in_chromium(server, browser_page, small_db_path, tmp_path):
    con = db.connect(small_db_path, read_only=True)
    try:
        expected = metrics.overview(con, Filters(date(AS_OF.year, 1, 1), AS_OF, CITY, AS_OF))
    finally:
        con.close()

    page = browser_page
    # a cold server: load once and let the first run finish before looking at anything
    page.goto(server, timeout=PAGE_MS)
    wait_until_idle(page)
    page.reload(timeout=PAGE_MS)
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


def test_the_address_keeps_the_view_through_a_refresh(server, browser_page):
    """Issue 17 item 2: a presenter's F5 keeps region, period and language; / and /overview both answer."""
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
