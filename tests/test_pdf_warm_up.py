"""The first PDF 通报 click after a server start (issue 17, speed): the 汇报 screen imports weasyprint and loads its
fonts before the click (``pdf_export.warm_up_writer``, in ``riskdash serve`` only), and a second click on the same
Brief gets the file already made — a Brief of other data (any write makes a new one) gets a new file."""

from __future__ import annotations

import subprocess
import threading
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from riskdash import db
from riskdash.briefing import pdf_export
from riskdash.briefing.content import Brief, BriefMeta
from riskdash.screens.briefing import draw
from riskdash.ui import launch

APP = Path(__file__).resolve().parents[1] / "app.py"


def _join_warm_up() -> None:
    for thread in threading.enumerate():
        if thread.name == "riskdash-pdf-warm-up":
            thread.join(timeout=120)


def test_the_writer_is_warmed_once_with_a_page_in_every_face(monkeypatch, tmp_path):
    made: list[bytes] = []
    real = pdf_export.pdf_bytes
    monkeypatch.setattr(pdf_export, "pdf_bytes", lambda tb: made.append(real(tb)) or made[-1])
    monkeypatch.setattr(pdf_export, "_WARM_STARTED", False)
    assert pdf_export.warm_up_writer() is True
    assert pdf_export.warm_up_writer() is False
    _join_warm_up()
    assert len(made) == 1 and made[0].startswith(b"%PDF")
    # the faces were loaded and embedded: 小标宋/仿宋/楷体 (Noto Serif CJK) and 黑体 (Noto Sans CJK)
    (tmp_path / "warm.pdf").write_bytes(made[0])
    fonts = subprocess.run(["pdffonts", str(tmp_path / "warm.pdf")], capture_output=True, text=True,
                           check=True).stdout.splitlines()[2:]
    names = {line.split()[0].split("+")[-1] for line in fonts}
    assert {"Noto-Serif-CJK-SC", "Noto-Serif-CJK-SC-Bold", "Noto-Sans-CJK-SC"} <= names
    assert all(" yes yes " in line for line in fonts)  # embedded, as subsets
    html = pdf_export.html_text(pdf_export.sample())
    for element in ('class="issuer-mark"', '<h1 class="title">', "<h2>", "<h3>", "<th>", "<td>", 'class="footer"',
                    'class="imprint', 'class="signature"'):
        assert element in html, element


def test_a_failing_warm_up_is_silent(monkeypatch):
    def broken(tb):
        raise OSError("no fonts")

    monkeypatch.setattr(pdf_export, "pdf_bytes", broken)
    pdf_export._warm_up()  # the first real PDF reports the failure, not the warm-up


@pytest.mark.parametrize("serving", [True, False])
def test_the_screen_warms_the_writer_only_in_the_server(serving, small_db_path, monkeypatch):
    from riskdash.briefing import tongbao

    monkeypatch.setenv(db.ENV_DB, str(small_db_path))
    calls = []
    monkeypatch.setattr(launch, "SERVING", serving)
    monkeypatch.setattr(tongbao, "warm_chart_renderer", lambda: True)
    monkeypatch.setattr(pdf_export, "warm_up_writer", lambda: calls.append(1) or True)
    ahead = []
    monkeypatch.setattr(tongbao, "draw_charts_soon", lambda brief: ahead.append(brief) or True)
    at = AppTest.from_file(str(APP), default_timeout=120).run()
    at.switch_page("pages/briefing.py").run()
    assert not at.exception, at.exception
    assert [b.label for b in at.get("download_button")], "the 汇报 screen shows its download buttons"
    assert bool(calls) is serving
    # the Brief on screen has its charts drawn ahead of the click, in the server only
    assert bool(ahead) is serving and all(b.slides for b in ahead)


def test_the_charts_are_drawn_ahead_once_per_chart(monkeypatch):
    from riskdash import charts
    from riskdash.briefing import tongbao
    from riskdash.briefing.content import ChartSpec, Slide

    drawn: list[int] = []
    monkeypatch.setattr(charts, "to_pngs", lambda figs, **size: drawn.append(len(figs)) or [b"png"] * len(figs))
    tongbao.forget_chart_pngs()

    def brief_with(*values: int) -> Brief:
        slides = tuple(Slide("accidents", "事故", "t", chart=ChartSpec("column", "起数", ("1月",), (("起数", (v,)),), "起"))
                       for v in values)
        return replace(_brief(datetime(2026, 11, 28, 9, 0)), slides=slides)

    def join() -> None:
        for thread in threading.enumerate():
            if thread.name == "riskdash-chart-draw-ahead":
                thread.join(timeout=30)

    try:
        monkeypatch.setattr(tongbao, "_WARM_STARTED", False)
        assert tongbao.draw_charts_soon(brief_with(1, 2)) is False  # not a warmed server: nothing drawn
        monkeypatch.setattr(tongbao, "_WARM_STARTED", True)
        assert tongbao.draw_charts_soon(brief_with(1, 2)) is True
        join()
        assert drawn == [2]
        # drawn already: the click (chart_pngs) and another call find them
        assert tongbao.draw_charts_soon(brief_with(1, 2)) is False
        assert tongbao.chart_pngs(brief_with(1, 2)) and drawn == [2]
        # other figures: only the chart not drawn yet
        assert tongbao.draw_charts_soon(brief_with(2, 3)) is True
        join()
        assert drawn == [2, 1]
        assert tongbao.draw_charts_soon(replace(brief_with(), slides=())) is False
    finally:
        tongbao.forget_chart_pngs()


def _brief(generated_at: datetime) -> Brief:
    meta = BriefMeta(region_code="419800000000", region_name="云川市", region_level="city", start=date(2026, 1, 1),
                     end=date(2026, 11, 28), as_of=date(2026, 11, 28), is_demo=False, generated_at=generated_at,
                     lang="zh", title="t", period_text="p", filters_text="f", generated_text="g", demo_text=None)
    return Brief(meta, ())


def test_a_second_click_on_the_same_brief_gets_the_file_made(monkeypatch):
    monkeypatch.setattr(draw, "_MADE", type(draw._MADE)())
    written: list[str] = []

    def writer(brief, path):
        written.append(brief.meta.title)
        path.write_bytes(f"{brief.meta.title}:{len(written)}".encode())

    first = _brief(datetime(2026, 11, 28, 9, 0))
    job: dict = {}
    assert draw._bytes_of(writer, first, "pptx")() == b"t:1"
    # the same Brief again (another rerun, another session of the same data): no new layout
    assert draw._bytes_of(writer, first, "pptx")() == b"t:1"
    # its job says made at once, so the status line does not claim to draw charts
    assert draw._bytes_of(writer, first, "pptx", job)() == b"t:1" and job["stage"] == "done"
    assert written == ["t"]
    # a Brief built again after a write (a new generation time) or of other figures: made anew
    assert draw._bytes_of(writer, _brief(datetime(2026, 11, 28, 9, 5)), "pptx")() == b"t:2"
    other = replace(first, meta=replace(first.meta, title="u"))
    assert draw._bytes_of(writer, other, "pptx")() == b"u:3"
    # another format or another writer of the same Brief is its own file
    assert draw._bytes_of(writer, first, "docx")() == b"t:4"
    assert draw._bytes_of(lambda b, p: p.write_bytes(b"other"), first, "pptx")() == b"other"
    assert len(written) == 4
    # a failed file is not kept: the next click tries again
    def failing(brief, path):
        raise OSError("disk full")

    with pytest.raises(OSError):
        draw._bytes_of(failing, first, "pdf")()
    assert not any(key[0] == "pdf" for key in draw._MADE)
