"""The Word and PDF 通报 of one Brief draw each chart once (issue 17, speed: "render the charts once, in parallel"):
made together, one after the other or on two threads at once (the 汇报 screen's downloads), the charts go to
kaleido in one batch and both files embed the same PNGs. The renderer is wrapped to count its calls, never
replaced: the charts are really drawn."""

from __future__ import annotations

import base64
import re
import threading

import docx
import pytest

from briefing_documents_support import small_city
from riskdash import charts
from riskdash.briefing import tongbao
from riskdash.briefing.docx_export import write_docx
from riskdash.briefing.pdf_export import html_text, write_pdf


@pytest.fixture(scope="module")
def brief(tmp_path_factory):
    return small_city(tmp_path_factory.mktemp("charts-once")).brief


@pytest.fixture
def counted(monkeypatch):
    """Every call of the chart renderers, with the number of figures it drew (the real renderers run)."""
    calls: list[tuple[str, int]] = []
    batch, single = charts.to_pngs, charts.to_png

    def to_pngs(figs, *args, **kwargs):
        calls.append(("to_pngs", len(figs)))
        return batch(figs, *args, **kwargs)

    def to_png(fig, *args, **kwargs):
        calls.append(("to_png", 1))
        return single(fig, *args, **kwargs)

    monkeypatch.setattr(charts, "to_pngs", to_pngs)
    monkeypatch.setattr(charts, "to_png", to_png)
    tongbao.forget_chart_pngs()
    yield calls
    tongbao.forget_chart_pngs()


def _chart_count(brief) -> int:
    return len({s.chart for s in brief.slides if s.chart is not None})


def _docx_pngs(path) -> list[bytes]:
    document = docx.Document(path)
    return [part.blob for part in document.part.package.parts if part.content_type == "image/png"]


@pytest.mark.slow  # out of the fast tier: the .docx and the PDF written (~2 s of CPU)
def test_both_files_draw_each_chart_once(brief, counted, tmp_path):
    charts_in_brief = _chart_count(brief)
    assert charts_in_brief >= 2  # the small city has charts to share
    write_docx(brief, tmp_path / "通报.docx")
    write_pdf(brief, tmp_path / "通报.pdf")
    assert counted == [("to_pngs", charts_in_brief)]  # one batch, every chart once, nothing one by one
    # the Word file embeds the very PNGs the PDF's page embeds, and they are real PNGs
    docx_pngs = _docx_pngs(tmp_path / "通报.docx")
    html = html_text(tongbao.outline(brief))
    pdf_pngs = [base64.b64decode(m) for m in re.findall(r'src="data:image/png;base64,([^"]+)"', html)]
    assert len(pdf_pngs) == charts_in_brief
    assert sorted(docx_pngs) == sorted(pdf_pngs)
    assert all(png.startswith(b"\x89PNG\r\n\x1a\n") and len(png) > 10_000 for png in pdf_pngs)
    assert counted == [("to_pngs", charts_in_brief)]  # the outline above drew nothing again


@pytest.mark.slow  # out of the fast tier: the .docx and the PDF written at once in two threads (~2 s of CPU)
def test_two_threads_at_once_draw_each_chart_once(brief, counted, tmp_path):
    """The screen's Word and PDF downloads run on threads of their own: clicked together, one batch."""
    errors: list[BaseException] = []

    def make(writer, name):
        try:
            writer(brief, tmp_path / name)
        except BaseException as exc:  # noqa: BLE001 — reported below
            errors.append(exc)

    threads = [threading.Thread(target=make, args=(write_docx, "a.docx")),
               threading.Thread(target=make, args=(write_pdf, "a.pdf"))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert counted == [("to_pngs", _chart_count(brief))]


def test_batch_gives_the_bytes_of_one_by_one(brief):
    """The batch draws each figure as ``to_png`` alone does (same figure dict, same options)."""
    specs = [s.chart for s in brief.slides if s.chart is not None][:2]
    one_by_one = [charts.to_png(spec.figure(), width=600, height=300, scale=1) for spec in specs]
    assert charts.to_pngs([spec.figure() for spec in specs], width=600, height=300, scale=1) == one_by_one
    assert charts.to_pngs([]) == []


def test_screen_download_reports_its_stages(brief):
    """The 汇报 screen's Word download: the job its button's rerun follows goes charts → write → done."""
    from riskdash.screens.briefing import draw

    tongbao.forget_chart_pngs()
    seen: list[str] = []
    job: dict = {}

    def writer(b, path):
        seen.append(job["stage"])  # the charts are drawn before the file is laid out
        write_docx(b, path)

    data = draw._bytes_of(writer, brief, "docx", job)()
    assert seen == ["write"] and job["stage"] == "done" and job["charts"] == _chart_count(brief)
    assert data[:2] == b"PK"

    def failing(b, path):
        raise OSError("disk full")

    with pytest.raises(OSError):
        draw._bytes_of(failing, brief, "pdf", job)()
    assert job["stage"] == "failed"
    tongbao.forget_chart_pngs()
