"""Browser tasks for ``riskdash bench`` (issue 17, "Speed, in a real browser"): headless Debian Chromium
(Playwright) against a real ``riskdash serve`` on the bench database, beside the framework's floor — a tiny
Streamlit script (``FLOOR_APP``) that draws the same widgets, with the same labels and keys, without data,
served with the same server options.

One run = one server start: a fresh Chromium profile logs in (login → 总览), visits each analysis page once
(the first visit of each page after a server start), then on 事故趋势 makes the warm interactions one after
another: opening a record, a preset, a date, a region, a tab, a drill-down. Each is timed from the action to
the page's last change before it is idle again (``IDLE_JS``: Streamlit's own script state,
``data-test-script-state`` on stApp, back at ``notRunning`` after a run that began after the action, the page
unchanged since for ``SETTLE_S`` — a callback's second run starts within it — and the step's concrete element,
a KPI value or the record card, visible); the quiet time waited is not counted. A run so short that its
"running" state is never drawn (the floor's) counts once the page has been unchanged for ``QUIET_S``. A tab
click on 事故趋势 runs the breakdowns' fragment, which draws the open tab alone (since 6d64e44; the floor's tabs
likewise since e847d9e): it is timed like the other steps, until the tab's content is drawn. The figure of each step is
the median over the runs.

The bench database is copied first (a login writes counters and audit entries) and an admin account
``bench`` with a random password is added to the copy. Playwright is a test dependency: without it, or
without Chromium, the tasks are refused in one line.
"""

from __future__ import annotations

import os
import re
import secrets
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import closing, contextmanager, suppress
from pathlib import Path
from typing import Any

from riskdash import db

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
VIEWPORT = {"width": 1366, "height": 768}  # the common meeting-room laptop (issue 17)
PORTS_ENV = "RISKDASH_BENCH_PORTS"  # e.g. "8760-8779" on a shared machine; else RISKDASH_TEST_PORTS, else any
START_S = 120
STEP_MS = 120_000
SETTLE_S = 0.3
QUIET_S = 1.5
BENCH_ACCOUNT = "bench"
TARGET_FIRST_S = 3.0  # issue 17: the first visit of any page after a server start
TARGET_WARM_S = 1.0  # issue 17: every interaction, warm

# the pages visited after the login, in order: the sidebar link's text (a prefix of the page's title)
PAGES = ("事故趋势", "隐患治理", "重点部位", "专项行动", "汇报")
# the warm interactions on 事故趋势, in the order made (each leaves the page in the state the next one needs:
# the record first, while the city's 较大 list has rows; the drill-down last, from a county to a township)
INTERACTIONS = ("record", "preset", "date", "region", "tab", "drill")
WHAT = {
    "start": "server start to health",
    "login": "log in → 总览 (first visit)",
    "record": "open a record (较大及以上 list row)",
    "preset": "period preset (统计期 → 上月)",
    "date": "a date (自定义 开始日期)",
    "region": "region (县（市、区） → first county)",
    "tab": "a tab (按地区; a fragment run)",
    "drill": "drill-down (按地区 → first township)",
}

# Streamlit's script state on stApp; runs (changes to "running") counted by a script installed before the page
# loads
COUNT_RUNS_JS = """
window.__rdRuns = 0;
window.__rdLoad = String(Math.random());  // a reload (the login may make one) starts counting anew
(() => {
  let last = null;
  const check = () => {
    const app = document.querySelector('[data-testid="stApp"]');
    const state = app ? app.getAttribute('data-test-script-state') : null;
    if (state === 'running' && last !== 'running') window.__rdRuns++;
    last = state;
  };
  // every DOM change (the stApp element may be drawn anew already running) and a 10 ms sample besides
  new MutationObserver(check).observe(document, {subtree: true, childList: true, attributes: true,
                                                 attributeFilter: ['data-test-script-state']});
  setInterval(check, 10);
  // the last change of the page outside the status widget (performance.now()): when the page was last drawn.
  // Not a change one sees: a canvas's fallback content (the grid's accessibility table, which glide-data-grid
  // writes into its <canvas> some 0.3 s after drawing the cells; a canvas never shows its children). The
  // canvas's own attributes (its size) still count.
  window.__rdChanged = 0;
  new MutationObserver(records => {
    for (const r of records) {
      const el = r.target.nodeType === 1 ? r.target : r.target.parentElement;
      if (el && el.closest && el.closest('[data-testid="stStatusWidget"], [data-testid="stHeader"]')) continue;
      const canvas = el && el.closest ? el.closest('canvas') : null;
      if (canvas && (canvas !== el || r.type === 'childList')) continue;
      window.__rdChanged = performance.now();
      return;
    }
  }).observe(document, {subtree: true, childList: true, attributes: true, characterData: true});
})();
"""
# Idle after an action made at page time t0: not running, and either a run was seen and the page has not changed
# for SETTLE_S, or (a run too short for its "running" state to be drawn at all) none was seen and the page has
# not changed for QUIET_S. The step's time is then the page's last change minus t0.
IDLE_JS = """([load, runsBefore, t0, settle, quiet]) => {
  const app = document.querySelector('[data-testid="stApp"]');
  if (!app || app.getAttribute('data-test-script-state') !== 'notRunning') return false;
  const ran = window.__rdLoad === load ? window.__rdRuns > runsBefore : window.__rdRuns > 0;
  const now = performance.now(), still = now - Math.max(window.__rdChanged, t0);
  return ran ? still >= settle : still >= quiet;
}"""

# The framework's floor: the same widgets, labels and keys as the login form, the navigation, the sidebar
# filters and 事故趋势's record list, tabs and drill select — without data. Written to a temp folder and served
# like app.py (it is text, not a module of this package: the package's core never imports Streamlit).
FLOOR_APP = '''
import datetime as dt

import pandas as pd
import streamlit as st

st.set_page_config(page_title="floor", layout="wide")
PRESETS = ["1—10月", "本月至今", "上月", "本季", "上季", "本年至今", "上年", "自定义"]
COUNTIES = ["全部", "甲县", "乙县"]
TITLES = ["总览", "事故趋势", "隐患治理", "重点部位", "专项行动", "汇报"]


def drill_chosen():
    # as 事故趋势's drill-down: a choice in the fragment's select runs the whole page, from its callback
    st.session_state.county = "甲县"
    st.rerun()


@st.fragment
def breakdowns():
    # as 事故趋势's breakdowns: lazy tabs (on_change="rerun") in a fragment, only the open tab drawn
    tabs = st.tabs(["分类", "按行业", "按地区"], key="acc_breakdown", on_change="rerun")
    if tabs[2].open:
        with tabs[2]:
            st.session_state.acc_drill = ""
            st.selectbox("下钻", ["", "东镇", "西乡"], key="acc_drill", on_change=drill_chosen)


def screen(title):
    def draw():
        bar = st.sidebar
        bar.radio("语言 / Language", ["中文", "English"], horizontal=True, key="lang")
        preset = bar.selectbox("统计期", PRESETS, key="preset")
        if preset == "自定义":
            bar.date_input("开始日期", dt.date(2026, 1, 1), key="start", min_value=dt.date(2021, 1, 1),
                           max_value=dt.date(2026, 11, 28), format="YYYY-MM-DD")
        county = bar.selectbox("县（市、区）", COUNTIES, key="county")
        st.title(title)
        st.metric("事故起数（起）", len(preset) + len(county))
        breakdowns()
        rows = pd.DataFrame({"事故": ["A1", "A2"], "地区": ["东镇", "西乡"]})
        event = st.dataframe(rows, key="acc_larger", on_select="rerun", selection_mode="single-row")
        if event.selection.rows:
            with st.container(border=True, key="acc_larger_record"):
                st.markdown("**事故记录：A1**")
    return draw


if not st.session_state.get("who"):
    with st.form("login_form"):
        name = st.text_input("用户名")
        st.text_input("密码", type="password")
        if st.form_submit_button("登录", type="primary"):
            st.session_state.who = name
            st.rerun()
else:
    st.navigation([st.Page(screen(t), title=t, url_path=f"p{i}", default=i == 0)
                   for i, t in enumerate(TITLES)]).run()
'''

# the server options of `riskdash serve` (cli.cmd_serve), for the floor served the same way
SERVER_OPTIONS = ["--server.headless", "true", "--browser.gatherUsageStats", "false",
                  "--global.developmentMode", "false", "--client.toolbarMode", "minimal",
                  "--server.fileWatcherType", "none"]


# ---------------------------------------------------------------------------------------------- pure parts


def step_names() -> list[str]:
    """The timed steps of one run, in order (the JSON's order)."""
    return ["start", "login", *(f"first/{page}" for page in PAGES), *(f"warm/{name}" for name in INTERACTIONS)]


def target_of(step: str) -> float | None:
    if step == "login" or step.startswith("first/"):
        return TARGET_FIRST_S
    if step.startswith("warm/"):
        return TARGET_WARM_S
    return None


def describe(step: str) -> str:
    if step.startswith("first/"):
        return f"first visit of {step.split('/', 1)[1]} after a server start"
    return WHAT[step.split("/", 1)[-1]]


def median_or_none(values: list[float]) -> float | None:
    return round(statistics.median(values), 3) if values else None


def summarise(app_runs: list[dict[str, float]], floor_runs: list[dict[str, float]],
              load: str | None = None) -> list[dict[str, Any]]:
    """One bench task per step: the median over the runs of the dashboard and of the floor (seconds), their
    difference (the dashboard's own share), the target and whether the median meets it. A step missing in a
    run (it failed) is left out of that run's figures; ``runs`` says how many counted."""
    tasks = []
    for step in step_names():
        app = [run[step] for run in app_runs if step in run]
        floor = [run[step] for run in floor_runs if step in run]
        seconds, floor_s = median_or_none(app), median_or_none(floor)
        target = target_of(step)
        tasks.append({
            "name": f"browser/{step}",
            "what": describe(step),
            "seconds": seconds,
            "floor_seconds": floor_s,
            "over_floor_seconds": round(seconds - floor_s, 3) if seconds is not None and floor_s is not None else None,
            "runs": len(app),
            "all_seconds": [round(v, 3) for v in app],
            "target_seconds": target,
            "meets_target": (seconds <= target) if seconds is not None and target is not None else None,
            **({"load_average": load} if load else {}),
        })
    return tasks


def port_candidates(span: str | None) -> list[int]:
    """The ports to try: those of ``span`` ("8760-8779"), else [0] (the OS hands one out)."""
    if not span:
        return [0]
    match = re.fullmatch(r"\s*(\d+)\s*-\s*(\d+)\s*", span)
    if not match or int(match.group(1)) > int(match.group(2)):
        raise db.RiskdashError(f"{PORTS_ENV}={span!r}: expected a range such as 8760-8779")
    return list(range(int(match.group(1)), int(match.group(2)) + 1))


def free_port(taken: set[int] = frozenset()) -> int:
    span = os.environ.get(PORTS_ENV) or os.environ.get("RISKDASH_TEST_PORTS")
    for port in port_candidates(span):
        if port in taken:
            continue
        with closing(socket.socket(socket.AF_INET, socket.SOCK_STREAM)) as sock:
            try:
                sock.bind(("127.0.0.1", port))
            except OSError:
                continue
            return sock.getsockname()[1]
    raise db.RiskdashError(f"no free port in {span}")


def serve_command(db_path: Path, port: int) -> list[str]:
    return [sys.executable, "-m", "riskdash", "serve", "--db", str(db_path), "--port", str(port),
            "--address", "127.0.0.1"]


def floor_command(script: Path, port: int) -> list[str]:
    return [sys.executable, "-m", "streamlit", "run", str(script), "--server.port", str(port),
            "--server.address", "127.0.0.1", *SERVER_OPTIONS]


def prepare_database(source: Path, folder: Path) -> tuple[Path, str]:
    """A copy of ``source`` in ``folder`` with an admin account ``bench`` (random password): the server
    writes a login's counters to the file it serves, and the bench database is left as it was."""
    target = folder / "served.duckdb"
    shutil.copyfile(source, target)
    wal = source.with_name(source.name + ".wal")
    if wal.exists():
        shutil.copyfile(wal, target.with_name(target.name + ".wal"))
    from riskdash import accounts

    password = f"Kx-{secrets.token_hex(8)}-A9"
    con = db.connect(target)
    try:
        if accounts.get_account(con, BENCH_ACCOUNT) is not None:
            accounts.set_password(con, BENCH_ACCOUNT, password, actor="bench", must_change_password=False)
        else:
            accounts.add_account(con, BENCH_ACCOUNT, "admin", None, password, actor="bench",
                                 must_change_password=False)
    finally:
        con.close()
    return target, password


def machine_load() -> str:
    one, five, fifteen = os.getloadavg()
    return f"{one:.2f} {five:.2f} {fifteen:.2f} on {os.cpu_count()} CPUs"


# ---------------------------------------------------------------------------------------------- the browser


def _process_peak_mb(pid: int) -> float:
    """The highest VmHWM among ``pid`` and its children (riskdash serve starts streamlit as a child)."""
    import psutil

    peak = 0.0
    try:
        root = psutil.Process(pid)
        for proc in [root, *root.children(recursive=True)]:
            try:
                status = Path(f"/proc/{proc.pid}/status").read_text()
            except OSError:
                continue
            found = re.search(r"VmHWM:\s+(\d+) kB", status)
            if found:
                peak = max(peak, int(found.group(1)) / 1024)
    except psutil.Error:
        pass
    return round(peak, 1)


@contextmanager
def served(command: list[str], port: int, log: Path, cwd: Path) -> Iterator[tuple[str, float, subprocess.Popen]]:
    """The server of ``command`` until it answers its health check: (URL, seconds to health, process); its
    process group is ended afterwards."""
    env = {k: v for k, v in os.environ.items() if k != db.ENV_DB}
    started = time.perf_counter()
    with log.open("w") as out:
        proc = subprocess.Popen(command, cwd=cwd, env=env, stdout=out, stderr=subprocess.STDOUT,
                                start_new_session=True)
    try:
        deadline = time.monotonic() + START_S
        while True:
            if proc.poll() is not None:
                tail = log.read_text(errors="replace").strip().splitlines()[-1:]
                raise db.RiskdashError(f"bench browser: the server exited with {proc.returncode}: {tail}")
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2) as answer:
                    if answer.status == 200:
                        break
            except OSError:
                pass
            if time.monotonic() > deadline:
                raise db.RiskdashError(f"bench browser: the server did not answer within {START_S} s")
            time.sleep(0.1)
        yield f"http://127.0.0.1:{port}/", time.perf_counter() - started, proc
    finally:
        stop_family(proc)


def stop_family(proc: subprocess.Popen, timeout: float = 15) -> None:
    """End ``proc`` (started with start_new_session) and every process below it. SIGTERM to its group, SIGKILL to
    what is left of the group after ``timeout`` s, then SIGKILL to any other descendant seen: kaleido's Chromium
    (the 汇报 screen's renderer) runs in a session of its own, outside the group, and Streamlit's process outlives
    `riskdash serve` (which dies at the SIGTERM at once) — waiting for `riskdash serve` alone left a server whose
    shutdown hung running on its port, with its Chromium, until killed by hand."""
    family = {pid: _started(pid) for pid in descendants(proc.pid)}
    try:
        os.killpg(proc.pid, signal.SIGTERM)
    except ProcessLookupError:
        pass
    else:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            proc.poll()  # reaped: a zombie leader would keep the group alive
            try:
                os.killpg(proc.pid, 0)
            except ProcessLookupError:
                break
            family.update({pid: _started(pid) for pid in descendants_of(list(family))})
            time.sleep(0.05)
        else:
            with suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=5)
    for pid, started_at in family.items():
        if started_at is not None and _started(pid) == started_at:  # the same process, not a reused id
            with suppress(ProcessLookupError, PermissionError):
                os.kill(pid, signal.SIGKILL)


def _started(pid: int) -> str | None:
    """The process's start time (/proc/PID/stat field 22), to tell it from a later process given its id."""
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().rsplit(")", 1)[1].split()[19]
    except (OSError, IndexError):
        return None


def descendants(pid: int) -> list[int]:
    """Every process below ``pid`` (Linux /proc children lists), nearest first; [] where they cannot be read."""
    found: list[int] = []
    todo = [pid]
    while todo:
        parent = todo.pop(0)
        try:
            tasks = os.listdir(f"/proc/{parent}/task")
        except OSError:
            continue
        for task in tasks:
            try:
                with open(f"/proc/{parent}/task/{task}/children") as listed:
                    children = [int(c) for c in listed.read().split()]
            except (OSError, ValueError):
                continue
            found += children
            todo += children
    return found


def descendants_of(pids: list[int]) -> list[int]:
    """The processes below any of ``pids`` now (a child started after the first look)."""
    return [child for pid in pids for child in descendants(pid)]


class Driver:
    """One Chromium page on one server: each method makes one step and returns its seconds."""

    def __init__(self, page):
        self.page = page

    def _runs(self) -> list:
        """(this page load's id, the runs it counted so far)"""
        return self.page.evaluate("() => [window.__rdLoad || '', window.__rdRuns || 0]")

    def _wait_idle(self) -> None:
        """Before an action: the page not running and unchanged for SETTLE_S."""
        load, runs = self._runs()
        t0 = self.page.evaluate("() => performance.now()")
        self.page.wait_for_function(IDLE_JS, arg=[load, runs - 1, t0, SETTLE_S * 1000, SETTLE_S * 1000],
                                    timeout=STEP_MS, polling=20)

    def _check_no_exception(self) -> None:
        failed = self.page.locator('[data-testid="stException"]')
        if failed.count():
            raise db.RiskdashError(f"bench browser: the page shows an exception: "
                                   f"{failed.first.inner_text()[:200]!r}")

    def timed(self, action: Callable[[], None], expect: Callable[[], Any]) -> float:
        """Seconds from ``action`` to the page idle again (IDLE_JS) with ``expect()``'s element visible, on the
        page's clock: its last change minus the moment before the action (the waiting for quiet is not
        counted)."""
        self._wait_idle()
        load, runs = self._runs()
        t0 = self.page.evaluate("() => performance.now()")
        started = time.perf_counter()
        action()
        expect().wait_for(state="visible", timeout=STEP_MS)
        self.page.wait_for_function(IDLE_JS, arg=[load, runs, t0, SETTLE_S * 1000, QUIET_S * 1000],
                                    timeout=STEP_MS, polling=20)
        # how long ago the page last changed (its own clock: a reload, as after a login, starts a new one)
        since_change = self.page.evaluate("() => performance.now() - window.__rdChanged")
        waited = time.perf_counter() - started
        self._check_no_exception()
        return max(waited - since_change / 1000, 0.0)

    # -- locators shared by the dashboard and the floor (same labels and keys)

    def kpi(self):
        return self.page.locator('[data-testid="stMain"] [data-testid="stMetricValue"]').first

    def sidebar_select(self, label: str):
        return self.page.locator('[data-testid="stSidebar"] [data-testid="stSelectbox"]').filter(
            has_text=label).first

    def _pick(self, box, option: str | int, expect) -> float:
        choice = self._open(box, option)
        return self.timed(choice.click, expect)

    def _open(self, box, option: str | int):
        """Open the select ``box`` and return its option (by index, or typed: the list shows only a few)."""
        box.click()
        options = self.page.locator('[role="listbox"] [role="option"]')
        options.first.wait_for(timeout=STEP_MS)
        if isinstance(option, int):
            return options.nth(option)
        self.page.keyboard.type(option)
        return options.filter(has_text=option).first

    # -- the steps

    def login(self, url: str, name: str, password: str) -> float:
        self.page.goto(url, timeout=STEP_MS)
        self.page.get_by_label("用户名").wait_for(timeout=STEP_MS)
        self.page.get_by_label("用户名").fill(name)
        self.page.get_by_label("密码", exact=True).fill(password)
        return self.timed(self.page.get_by_role("button", name="登录").click, self.kpi)

    def visit(self, title: str) -> float:
        link = self.page.locator('[data-testid="stSidebarNav"] a').filter(has_text=title).first
        heading = self.page.locator("h1").filter(has_text=title).first

        def expect():
            heading.wait_for(timeout=STEP_MS)
            return self.kpi()

        return self.timed(link.click, expect)

    def record(self) -> float:
        grid = self.page.locator(".st-key-acc_larger").first
        grid.wait_for(timeout=STEP_MS)
        # its top row in view, below the app's header: the list shows every row at full height (issue 17 item 7),
        # on the scale-20 city over 6,000 px, so centring the whole list put its first row far above the screen
        grid.evaluate("e => { e.scrollIntoView({block: 'start'}); "
                      "let s = e.parentElement; while (s && s.scrollHeight <= s.clientHeight) s = s.parentElement; "
                      "if (s) s.scrollBy(0, -120); }")
        self.page.wait_for_timeout(300)
        box = grid.bounding_box()
        # the header row (35 px), then the middle of the first row: its row marker selects it
        return self.timed(lambda: self.page.mouse.click(box["x"] + 16, box["y"] + 35 + 17),
                          lambda: self.page.locator(".st-key-acc_larger_record").first)

    def preset(self) -> float:
        return self._pick(self.sidebar_select("统计期"), "上月", self.kpi)

    def date(self) -> float:
        self._open(self.sidebar_select("统计期"), "自定义").click()
        # a day picked in the date field's calendar (typing into its spinbuttons commits only on leaving it)
        field = self.page.locator('[data-testid="stSidebar"] [data-testid="stDateInput"]').filter(
            has_text="开始日期")
        field.first.wait_for(timeout=STEP_MS)
        self._wait_idle()
        field.locator('[data-testid="stDateInputCalendarButton"]').first.click()
        day = self.page.locator('[role="dialog"] [role="grid"]').get_by_text("15", exact=True).first
        day.wait_for(timeout=STEP_MS)
        return self.timed(day.click, self.kpi)

    def region(self) -> float:
        return self._pick(self.sidebar_select("县（市、区）"), 1, self.kpi)

    def tab(self) -> float:
        tab = self.page.get_by_role("tab", name="按地区")
        tab.scroll_into_view_if_needed(timeout=STEP_MS)
        return self.timed(tab.click, lambda: self.page.locator(".st-key-acc_drill").first)

    def drill(self) -> float:
        box = self.page.locator(".st-key-acc_drill [data-testid='stSelectbox']").first
        box.scroll_into_view_if_needed(timeout=STEP_MS)
        return self._pick(box, 1, self.kpi)


@contextmanager
def chromium(profile: Path):
    try:
        from playwright.sync_api import sync_playwright
    except ImportError as exc:
        raise db.RiskdashError("bench browser: Playwright is not installed (pip install -e '.[test]')") from exc
    if not Path(CHROMIUM).exists():
        raise db.RiskdashError(f"bench browser: no Chromium at {CHROMIUM} (scripts/setup.sh installs it)")
    with sync_playwright() as pw:
        context = pw.chromium.launch_persistent_context(
            user_data_dir=str(profile), executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS,
            viewport=VIEWPORT, locale="zh-CN")
        try:
            context.add_init_script(COUNT_RUNS_JS)
            page = context.pages[0] if context.pages else context.new_page()
            page.set_default_timeout(STEP_MS)
            yield page
        finally:
            context.close()


def say(step: str, seconds: float) -> None:
    sys.stderr.write(f"bench browser: {step} {seconds:.2f} s\n")


def _step(key: str, account: str, make: Callable[[], float]) -> float:
    """``make()``; a step that fails in the browser (an element never drawn, a page gone) ends the bench with
    one line naming the step and the server (the bench's copy of the database is all it wrote to)."""
    from playwright.sync_api import Error as PlaywrightError

    try:
        return make()
    except PlaywrightError as exc:
        server = "the floor app" if account == "floor" else "the dashboard"
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise db.RiskdashError(f"bench browser: step {key} failed on {server}: {first}; nothing was written "
                               f"to the bench database (a copy)") from None


def one_run(command: list[str], port: int, folder: Path, cwd: Path, name: str, password: str,
            steps: set[str] | None = None) -> tuple[dict[str, float], float]:
    """One server start and one browser session: {step: seconds}, and the server's peak RSS (MB)."""
    times: dict[str, float] = {}
    profile = Path(tempfile.mkdtemp(prefix="profile-", dir=folder))
    with served(command, port, folder / "server.log", cwd) as (url, start_s, proc):
        times["start"] = start_s
        with chromium(profile) as page:
            driver = Driver(page)

            def more() -> bool:  # a step still wanted: each step needs the ones before it
                return steps is None or any(step not in times for step in steps)

            def step(key: str, make: Callable[[], float]) -> None:
                times[key] = _step(key, name, make)
                say(key, times[key])

            step("login", lambda: driver.login(url, name, password))
            for title in PAGES:
                if not more():
                    break
                step(f"first/{title}", lambda title=title: driver.visit(title))
            if more():
                _step("first/事故趋势", name, lambda: driver.visit("事故趋势"))
                for interaction in INTERACTIONS:
                    if not more():
                        break
                    step(f"warm/{interaction}", getattr(driver, interaction))
        peak = _process_peak_mb(proc.pid)
    shutil.rmtree(profile, ignore_errors=True)
    return times, peak


def run_browser(db_path: Path, runs: int, only: list[str] | None = None, floor: bool = True) -> list[dict[str, Any]]:
    """``runs`` server starts of the dashboard on a copy of ``db_path`` and as many of the floor; one task per
    step (``summarise``). ``only``: the bench's --only prefixes (a run always makes every step up to the last
    selected one, since each needs the one before; the tasks kept are the selected ones)."""
    selected = [s for s in step_names() if not only or any(f"browser/{s}".startswith(p) for p in only)]
    wanted = set(selected)
    with tempfile.TemporaryDirectory(prefix="riskdash-bench-browser-") as tmp:
        folder = Path(tmp)
        served_db, password = prepare_database(Path(db_path), folder)
        script = folder / "floor_app.py"
        script.write_text(FLOOR_APP, encoding="utf-8")
        app_runs, floor_runs, peaks = [], [], []
        load_before = machine_load()
        for _ in range(max(1, runs)):
            port = free_port()
            times, peak = one_run(serve_command(served_db, port), port, folder, Path.cwd(), BENCH_ACCOUNT,
                                  password, wanted)
            app_runs.append(times)
            peaks.append(peak)
            if floor:
                port = free_port()
                times, _ = one_run(floor_command(script, port), port, folder, folder, "floor", "floor", wanted)
                floor_runs.append(times)
        load = f"{load_before} before, {machine_load()} after"
    tasks = [task for task in summarise(app_runs, floor_runs, load) if task["name"].removeprefix("browser/") in wanted]
    for task in tasks:
        task["peak_rss_mb"] = max(peaks) if peaks else None  # the dashboard server's own peak
    return tasks


def browser_selected(only: list[str] | None) -> bool:
    """Browser tasks run only when asked for (``--only browser/``): each run starts servers and Chromium."""
    return bool(only) and any(prefix.startswith("browser") for prefix in only)
