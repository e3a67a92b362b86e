"""What the browser tests (tests/test_*browser.py) share: a server, a Chromium and the way to wait on a page.

Most of a browser test's wall time was waiting, not computing (issue 15: ~4 s of CPU in a test of 15-60 s): each
test started its own Chromium with a fresh profile, and most their own ``riskdash serve`` on a fresh copy of a
database, then loaded the first page twice because a cold server's first run is slow. Here:

- One Chromium per test process (``chromium_page``), started at its first use and closed when the next test is not
  a browser test (tests/conftest.py, "browser tests: shared Chromium and servers"): each test gets a new browser
  context, which is a fresh profile in all that a test can see — cookies, local and session storage, cache,
  permissions, downloads — in the same window size and language as before.
- One server per database for the tests that only read (``shared_server``): started once per test process under
  a name, on a database the caller builds once, and warmed (its first run made) before the first test looks at it.
  A test that writes, checks a cold start, a lockout, a login or a restart keeps its own server (``serving``).
"""

from __future__ import annotations

import atexit
import http.client
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Callable
from contextlib import ExitStack, closing, contextmanager, suppress
from pathlib import Path

import playwright.sync_api as playwright_api
import pytest

from riskdash import db
from riskdash.bench.browser_tasks import stop_family

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
START_SECONDS = 90
PAGE_MS = 60_000

# Streamlit's own state of the page's script run, on the app's root element
IDLE = '[data-testid="stApp"][data-test-script-state="notRunning"]'


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


def healthy(url: str, timeout: float = 2) -> bool:
    try:
        with urllib.request.urlopen(f"{url}_stcore/health", timeout=timeout) as response:
            return response.status == 200
    except (OSError, http.client.HTTPException):
        # refused or reset while it starts; or a BadStatusLine when the port, in the ephemeral range, was taken by
        # our own connection to itself (a TCP simultaneous open) before the server bound it
        return False


def wait_for_health(port: int, proc: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + START_SECONDS
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            pytest.fail(f"riskdash serve exited with {proc.returncode}:\n{log.read_text(errors='replace')}")
        if healthy(f"http://127.0.0.1:{port}/"):
            return
        time.sleep(0.1)  # the server takes seconds to start: a tenth of a second more costs nothing
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
        stop_family(proc)  # its group, and kaleido's Chromium outside it


# ---- one Chromium per test process ---------------------------------------------------------------------------

_chromium: dict = {}


def _browser():
    browser = _chromium.get("browser")
    if browser is None or not browser.is_connected():
        close_chromium()
        pw = playwright_api.sync_playwright().start()
        _chromium["playwright"] = pw
        # --lang as a persistent context with locale="zh-CN" started it (the browser's own language)
        _chromium["browser"] = pw.chromium.launch(executable_path=CHROMIUM, headless=True,
                                                  args=[*CHROMIUM_ARGS, "--lang=zh-CN"])
    return _chromium["browser"]


def close_chromium() -> None:
    """End this process's Chromium and its Playwright (whose event loop counts as running in this thread while it
    lives: a test using asyncio, or a Playwright of its own, needs it gone)."""
    browser, pw = _chromium.pop("browser", None), _chromium.pop("playwright", None)
    try:
        if browser is not None and browser.is_connected():
            browser.close()
    finally:
        if pw is not None:
            pw.stop()


def chromium_running() -> bool:
    return "playwright" in _chromium


@contextmanager
def chromium_page(tmp_path: Path | None = None, width: int = 1440, height: int = 1800):
    """A page of Debian's Chromium, headless, in a new browser context of this process's Chromium: a fresh profile
    in all that a page can see (no cookie, storage or cache of another test). ``tmp_path`` is no longer used (the
    context keeps its profile in memory); it stays for the callers that pass it."""
    context = _browser().new_context(viewport={"width": width, "height": height}, locale="zh-CN")
    context.add_init_script(TRACK_RUNS)
    try:
        yield context.new_page()
    finally:
        context.close()


_kept_contexts: dict[str, tuple] = {}


@contextmanager
def kept_context_page(name: str, width: int = 1440, height: int = 1800):
    """A new page, ``width``×``height``, in the browser context ``name`` that this process's Chromium keeps from one
    test to the next (issue 15): what a new context per test paid again each time — Streamlit's scripts fetched,
    parsed and compiled with an empty cache, about 3 s of Chromium's CPU a test, against 1.4 s for a page load
    from the cache — is paid once per name. For tests that only read and never log in: the context's cookies and
    storage carry over to the next test of the same name (each page load is still a new Streamlit session)."""
    browser = _browser()
    kept = _kept_contexts.get(name)
    if kept is None or kept[0] is not browser:  # none yet, or of a Chromium since closed
        context = browser.new_context(viewport={"width": width, "height": height}, locale="zh-CN")
        context.add_init_script(TRACK_RUNS)
        kept = _kept_contexts[name] = (browser, context)
    page = kept[1].new_page()
    page.set_viewport_size({"width": width, "height": height})
    try:
        yield page
    finally:
        page.close()


def wait_idle(page, timeout: float = PAGE_MS) -> None:
    """The page's script run is over (Streamlit's script state on stApp is notRunning)."""
    page.wait_for_selector(IDLE, state="attached", timeout=timeout)


# In every page (an init script of each context): when the page last sent a message to its server (a widget's
# change, a page switch: each asks for a run) and when Streamlit's script state on stApp last changed.
TRACK_RUNS = """(() => {
  const runs = window.__riskdashRuns = {sent: 0, changed: 0};
  const send = WebSocket.prototype.send;
  WebSocket.prototype.send = function (...args) { runs.sent = performance.now(); return send.apply(this, args); };
  new MutationObserver(() => { runs.changed = performance.now(); })
    .observe(document, {subtree: true, attributes: true, attributeFilter: ["data-test-script-state"]});
})()"""

# Settled: no run going, no running indicator, and the last message to the server answered by a run (the script
# state changed after it), or sent more than ``grace`` ms ago (a message that asks for no run), then a frame drawn.
SETTLED = """(grace) => {
  const app = document.querySelector('[data-testid="stApp"]');
  if (!app || app.getAttribute('data-test-script-state') !== 'notRunning') return false;
  if (document.querySelector('[data-testid="stStatusWidget"]')) return false;
  const runs = window.__riskdashRuns;
  return !runs || runs.changed >= runs.sent || performance.now() - runs.sent > grace;
}"""
SETTLE_FLOOR_MS = 150
SETTLE_GRACE_MS = 1_500

# every visible grid (st.dataframe, st.data_editor) has drawn its headers: a grid fills them a moment after it
# appears, later still on a busy machine
# (a grid out of sight, visibility hidden, is not waited for: the login form's empty one, login.WARM_KEY)
GRIDS_DRAWN = """() => [...document.querySelectorAll('[data-testid="stDataFrame"]')]
  .filter(d => d.offsetParent && getComputedStyle(d).visibility !== 'hidden')
  .every(d => d.querySelector('.dvn-scroller') && [...d.querySelectorAll('th')].some(t => t.innerText))"""
GRIDS_MS = 5_000


def settle(page, timeout: float = PAGE_MS) -> None:
    """Wait until the run the last action asked for is over and drawn — rather than a fixed pause after the
    running indicator goes (500 ms, too short when a loaded machine starts the run late, and paid after every
    action). A widget sends its change at once (or within ``SETTLE_FLOOR_MS``, the one fixed pause); the run it
    asks for changes the script state, whose end is what this waits for. A message that asks for no run is waited
    out ``SETTLE_GRACE_MS``."""
    page.wait_for_timeout(SETTLE_FLOOR_MS)
    page.wait_for_function(SETTLED, arg=SETTLE_GRACE_MS, timeout=timeout, polling="raf")
    # then the grids drawn (up to GRIDS_MS: a grid that never shows headers must not hold every test up)
    with suppress(playwright_api.TimeoutError):
        page.wait_for_function(GRIDS_DRAWN, timeout=GRIDS_MS, polling="raf")
    page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")


# the element's box the same over ``frames`` animation frames in a row, and not empty: a scroll, a relayout or a
# grid's redraw over (what a fixed pause before a click at a computed point used to wait out)
STEADY = """([e, frames]) => {
  const r = e.getBoundingClientRect(), box = [r.x, r.y, r.width, r.height].join();
  e.__riskdashSame = e.__riskdashBox === box ? (e.__riskdashSame || 0) + 1 : 0;
  e.__riskdashBox = box;
  return r.width > 0 && r.height > 0 && e.__riskdashSame >= frames;
}"""


def steady(page, locator, frames: int = 3, timeout: float = PAGE_MS) -> dict:
    """Wait until ``locator``'s element has stopped moving (its box unchanged for ``frames`` frames) and every
    visible grid has drawn its headers; returns its bounding box, for a click at a point inside it."""
    page.wait_for_function(STEADY, arg=[locator.element_handle(timeout=timeout), frames], timeout=timeout,
                           polling="raf")
    with suppress(playwright_api.TimeoutError):
        page.wait_for_function(GRIDS_DRAWN, timeout=GRIDS_MS, polling="raf")
    return locator.bounding_box(timeout=timeout)


def choose(page, box, option: str, *, exact: bool = False, tries: int = 3) -> None:
    """Open the select ``box`` (a locator of the widget or its input) and click ``option`` in its list. A run
    still redrawing the widget when it is clicked can close the list just opened, or take the click before the
    select is ready (CI, under load: the sidebar's county list never opened): the list is opened again, up to
    ``tries`` times, before the last try waits the page's whole timeout."""
    listed = page.get_by_role("option", name=option, exact=exact).first
    for attempt in range(tries):
        box.click()
        try:
            listed.wait_for(timeout=PAGE_MS if attempt == tries - 1 else PAGE_MS / 6)
            break
        except playwright_api.TimeoutError:
            if attempt == tries - 1:
                raise
            page.keyboard.press("Escape")
            settle(page)
    listed.click()


# ---- one server per database for the tests that only read ----------------------------------------------------

_servers: dict[str, tuple[str, ExitStack, Path]] = {}


def shared_server(name: str, build: Callable[[Path], object], *, warm: str = "") -> str:
    """The URL of ``riskdash serve`` on the database ``build(path)`` writes at ``path``, started once per test
    process under ``name`` (the same name, the same database: a name stands for one ``build``) and warmed: the
    page ``warm`` opened once and its first run waited for, as a cold server's first run imports the pages and
    fills the caches (tens of seconds on a busy machine) — what no test that shares the server looks at.

    For the tests that only read: none may write to the database (an import, a record, a setting, a login's
    audit entry), or the next test would see it. Ended with the browser tests (``close_servers``)."""
    known = _servers.get(name)
    if known is not None and healthy(known[0], timeout=10):
        return known[0]
    if known is not None:  # died: start it again
        _servers.pop(name)[1].close()
    stack = ExitStack()
    try:
        folder = Path(tempfile.mkdtemp(prefix=f"riskdash-shared-{name}-"))
        stack.callback(shutil.rmtree, folder, True)
        path = folder / f"{name}.duckdb"
        build(path)
        url = stack.enter_context(serving(path, folder))
        with chromium_page(None, 1366, 768) as page:
            page.goto(url + warm, timeout=3 * PAGE_MS)
            page.locator('[data-testid="stMain"] [data-testid="stElementContainer"]').first.wait_for(
                state="attached", timeout=3 * PAGE_MS)
            wait_idle(page, timeout=3 * PAGE_MS)
    except BaseException:
        stack.close()
        raise
    _servers[name] = (url, stack, path)
    return url


def shared_database(name: str) -> Path:
    """The database file the shared server ``name`` serves (to read, as the test's expectations)."""
    return _servers[name][2]


def close_servers() -> None:
    while _servers:
        _, (_, stack, _) = _servers.popitem()
        stack.close()


atexit.register(close_servers)  # a process ended without its session's end (the servers run in their own group)
