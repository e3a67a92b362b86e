"""A chart export made again when kaleido hands it a tab whose page is not ready yet (the full suite of a fresh
clone at 264bc6c failed once on the 汇报 screen's PDF: JavascriptError "ReferenceError: kaleido_scopes is not
defined"). Only that error is retried, once; any other error is raised as it was. kaleido is replaced here by
stand-ins (no Chromium): the real export is tested in test_briefing_charts_once and test_briefing_pdf."""

from __future__ import annotations

import kaleido
import plotly.graph_objects as go
import pytest
from kaleido._kaleido_tab._errors import JavascriptError

from riskdash import charts

NOT_READY = JavascriptError("{'className': 'ReferenceError', 'description': "
                            "'ReferenceError: kaleido_scopes is not defined\\n    at <anonymous>:1:26'}")


@pytest.fixture(autouse=True)
def no_renderer(monkeypatch):
    monkeypatch.setattr(charts, "start_renderer", lambda: None)


def figures(n: int) -> list[go.Figure]:
    return [go.Figure(go.Bar(x=["甲"], y=[i])) for i in range(n)]


def fake_writer(failures: list[Exception], calls: list[int]):
    def write(specs, cancel_on_error):
        calls.append(len(specs))
        if failures:
            raise failures.pop(0)
        for i, spec in enumerate(specs):
            spec["path"].write_bytes(f"png{i}".encode())
    return write


def test_to_pngs_is_made_again_after_a_tab_that_was_not_ready(monkeypatch):
    calls: list[int] = []
    monkeypatch.setattr(kaleido, "write_fig_from_object_sync", fake_writer([NOT_READY], calls))
    assert charts.to_pngs(figures(3)) == [b"png0", b"png1", b"png2"]
    assert calls == [3, 3]


def test_to_pngs_raises_a_second_not_ready_tab_and_any_other_error_at_once(monkeypatch):
    calls: list[int] = []
    monkeypatch.setattr(kaleido, "write_fig_from_object_sync", fake_writer([NOT_READY, NOT_READY], calls))
    with pytest.raises(JavascriptError, match="kaleido_scopes"):
        charts.to_pngs(figures(2))
    assert calls == [2, 2]

    calls.clear()
    other = JavascriptError("TypeError: Cannot read properties of undefined (reading 'data')")
    monkeypatch.setattr(kaleido, "write_fig_from_object_sync", fake_writer([other], calls))
    with pytest.raises(JavascriptError, match="reading 'data'"):
        charts.to_pngs(figures(2))
    assert calls == [2]


def test_to_png_is_made_again_after_a_tab_that_was_not_ready(monkeypatch):
    calls: list[dict] = []
    failures = [NOT_READY]

    def to_image(self, **options):
        calls.append(options)
        if failures:
            raise failures.pop(0)
        return b"png"

    monkeypatch.setattr(go.Figure, "to_image", to_image)
    assert charts.to_png(figures(1)[0], width=800, height=300) == b"png"
    assert calls == [{"format": "png", "width": 800, "height": 300, "scale": 2.0}] * 2
