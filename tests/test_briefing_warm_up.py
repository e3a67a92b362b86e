"""The 汇报 screen starts kaleido's Chromium before the first Word or PDF click (issue 17, speed): once per
process, on a thread of its own, and only in the dashboard's server (``riskdash serve``), never in AppTest."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from conftest import open_page

from riskdash import charts, db
from riskdash.briefing import tongbao
from riskdash.ui import launch

APP = Path(__file__).resolve().parents[1] / "app.py"


def test_the_renderer_is_warmed_once_with_a_small_chart_per_tab(monkeypatch):
    drawn = []
    monkeypatch.setattr(charts, "to_pngs", lambda figs, **size: drawn.append((len(figs), size)) or [b"png"])
    monkeypatch.setattr(tongbao, "_WARM_STARTED", False)
    assert tongbao.warm_chart_renderer() is True
    assert tongbao.warm_chart_renderer() is False
    for thread in threading.enumerate():
        if thread.name == "riskdash-chart-warm-up":
            thread.join(timeout=30)
    assert drawn == [(charts.RENDER_TABS, {"width": 300, "height": 200, "scale": 1})]


def test_a_failing_warm_up_is_silent(monkeypatch):
    def broken(figs, **size):
        raise RuntimeError("no Chromium")

    monkeypatch.setattr(charts, "to_pngs", broken)
    tongbao._warm()  # the first real chart reports the failure, not the warm-up


@pytest.mark.parametrize("serving", [True, False])
def test_the_screen_warms_the_renderer_only_in_the_server(serving, small_db_path, monkeypatch):
    monkeypatch.setenv(db.ENV_DB, str(small_db_path))
    calls = []
    monkeypatch.setattr(launch, "SERVING", serving)
    monkeypatch.setattr(tongbao, "warm_chart_renderer", lambda: calls.append(1) or True)
    at = open_page("briefing")
    assert not at.exception, at.exception
    assert [b.label for b in at.get("download_button")], "the 汇报 screen shows its download buttons"
    assert bool(calls) is serving
