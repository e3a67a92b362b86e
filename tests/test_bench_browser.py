"""riskdash bench's browser tasks end to end (issue 17): `riskdash serve` on the demo city and the floor script,
each started once, headless Debian Chromium logging in. The figures are the bench's (docs/bench-browser.md),
never asserted as times here."""

from datetime import date

import pytest
from test_browser import CHROMIUM  # noqa: F401 (skips the module without Chromium, as every browser test)

from riskdash.bench import browser_tasks as bt

pytestmark = pytest.mark.browser


def test_the_login_task_times_the_dashboard_beside_the_floor(tmp_path):
    from riskdash.demo import build_demo

    path = tmp_path / "demo.duckdb"
    build_demo(path, scale=0.05, seed=42, today=date(2026, 11, 28))
    before = path.stat().st_mtime_ns
    [task] = bt.run_browser(path, runs=1, only=["browser/login"])
    assert task["name"] == "browser/login" and task["what"] == "log in → 总览 (first visit)"
    assert task["runs"] == 1 and len(task["all_seconds"]) == 1
    assert task["seconds"] > 0 and task["floor_seconds"] > 0 and task["target_seconds"] == 3.0
    assert task["over_floor_seconds"] == pytest.approx(task["seconds"] - task["floor_seconds"], abs=0.002)
    assert task["peak_rss_mb"] > 50  # the dashboard server's own peak
    assert "on" in task["load_average"]
    assert path.stat().st_mtime_ns == before  # the login wrote to the served copy, not to the bench database


CANVAS_PAGE = """<!doctype html><html><body><div id="text">a</div>
<canvas id="grid" width="100" height="50"><table><tbody><tr><td id="cell">1</td></tr></tbody></table></canvas>
</body></html>"""


def test_a_canvas_fallback_is_not_a_change_of_the_page(tmp_path):
    """The bench's end of a step (the page's last change) skips what a canvas holds for screen readers (the
    grid's accessibility table, written ~0.3 s after the cells are drawn) but counts the canvas's size and every
    other element."""
    from playwright.sync_api import sync_playwright

    page_file = tmp_path / "page.html"
    page_file.write_text(CANVAS_PAGE, encoding="utf-8")
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox", "--disable-gpu"])
        try:
            page = browser.new_page()
            page.add_init_script(bt.COUNT_RUNS_JS)
            page.goto(page_file.as_uri())

            def changed_by(script: str) -> bool:
                before = page.evaluate("() => { window.__rdChanged = 0; return 0; }")
                page.evaluate(script)
                page.wait_for_timeout(50)  # the observer's records are delivered after the script's task
                return page.evaluate("() => window.__rdChanged") > before

            assert not changed_by("() => { document.getElementById('cell').textContent = '2'; }")
            assert not changed_by("() => { document.querySelector('tbody').append(document.createElement('tr')); }")
            assert not changed_by("() => { document.querySelector('table').setAttribute('aria-rowcount', '3'); }")
            assert not changed_by("() => { document.getElementById('grid').append(document.createElement('p')); }")
            assert changed_by("() => { document.getElementById('grid').setAttribute('height', '80'); }")
            assert changed_by("() => { document.getElementById('text').textContent = 'b'; }")
            assert changed_by("() => { document.body.append(document.createElement('canvas')); }")
        finally:
            browser.close()
