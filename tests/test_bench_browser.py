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
