"""Every document the briefing makes speaks the official register (domain.md §6): the Word and PDF 通报, the
PPTX deck, the presentation mode's slides and the 月报表, for the demo city, a county and a township with a 较大
accident, are read back and scanned for statistics jargon, for "重大风险" (the dashboard's score is 风险评分), for ledger
gaps of whole sectors printed as a deficiency, for the phrase of the national 2035 goal, and for percentages
ending in ".0". One failing word names the document, the region and the words around it."""

from __future__ import annotations

import re
import subprocess
from datetime import date, datetime
from io import BytesIO
from pathlib import Path

import docx
import pytest
from pptx import Presentation

from riskdash import db
from riskdash.briefing import build_brief, docx_export, pdf_export, pptx_export, tongbao
from riskdash.filters import Filters
from riskdash.screens.briefing import view as presentation

AS_OF = date(2026, 11, 28)
CITY, COUNTY, TOWNSHIP = "419800000000", "419802000000", "419802003000"  # 云川市, 黄溪区, 临门街道 (a 较大 accident)
# statistics words stay out of documents; 重大风险 is the enterprise's own assessment, not the score; a high-risk
# sector's enterprise without a key site is not a ledger deficiency; the 2035 goal is not a local verdict
FORBIDDEN = ("正常波动", "波动范围", "p值", "P值", "p =", "检验", "先验", "置信", "显著性", "泊松", "二项分布",
             "贝叶斯", "统计学", "超出随机", "重大风险", "未列入台账", "尚不能说明形势根本好转",
             # one name per figure (test_i18n names the rest): 隐患存续时间, 台账漏项, 红色预警和重点关注企业, 重大隐患整改率
             "账龄", "漏报", "高风险企业", "整改销号率")
TRAILING_ZERO = re.compile(r"\d\.0%")


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    from shared_demo import TODAY, demo_city  # what `riskdash demo --today 2026-11-28` builds, once per process

    assert AS_OF == TODAY
    return demo_city(tmp_path_factory.mktemp("register") / "demo.duckdb")


@pytest.fixture(scope="module")
def brief_of(demo):
    """The Brief of a region for 2026 up to AS_OF, built once per region for the module (~0.4 s of CPU each)."""
    made: dict = {}

    def brief(region: str):
        if region not in made:
            con = db.connect(demo, read_only=True)
            try:
                made[region] = build_brief(con, Filters(date(2026, 1, 1), AS_OF, region, AS_OF),
                                           generated_at=datetime(2026, 11, 28, 16, 30))
            finally:
                con.close()
        return made[region]

    return brief


def _png() -> bytes:
    from PIL import Image

    out = BytesIO()
    Image.new("RGB", (120, 40), "#1f5fa8").save(out, format="PNG")
    return out.getvalue()


def _docx_text(data: bytes) -> str:
    document = docx.Document(BytesIO(data))
    parts = [p.text for p in document.paragraphs]
    parts += [c.text for t in document.tables for row in t.rows for c in row.cells]
    section = document.sections[0]
    for part in (section.footer, section.even_page_footer, section.header):
        parts += [p.text for p in part.paragraphs]
    return "\n".join(parts)


def _pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout


def _pptx_text(path: Path) -> str:
    parts = []
    for slide in Presentation(str(path)).slides:
        for shape in slide.shapes:
            if shape.has_text_frame:
                parts.append(shape.text_frame.text)
            if shape.has_table:
                parts += [c.text for row in shape.table.rows for c in row.cells]
            if shape.has_chart:
                chart = shape.chart
                parts.append(chart.chart_title.text_frame.text if chart.has_title else "")
                parts += [str(c) for c in chart.plots[0].categories] + [s.name for s in chart.series]
        if slide.has_notes_slide:
            parts.append(slide.notes_slide.notes_text_frame.text)
    return "\n".join(parts)


def _presentation_text(brief) -> str:
    parts = []
    for view in presentation.slide_views(brief, "zh", presentation.PROJECTOR_ROWS):
        parts += [view.section, view.title, *view.headline, view.placeholder or "", view.table_title or "",
                  view.table_more or "", view.chart.title if view.chart is not None else ""]
        parts += [f"{k.label} {k.value} {k.note or ''}" for k in view.kpis]
        if view.table is not None:
            parts += [str(v) for v in view.table.columns] + [str(v) for v in view.table.to_numpy().ravel()]
    return "\n".join(parts)


def _form_text(path: Path, region: str) -> str:
    """Every cell of the 月报表 for the as-of month (the month still running), read back from its workbook."""
    from openpyxl import load_workbook

    from riskdash.exports import monthly_form

    con = db.connect(path, read_only=True)
    try:
        data, _ = monthly_form.monthly_form_xlsx(con, Filters(date(2026, 1, 1), AS_OF, region, AS_OF),
                                                 date(2026, 11, 1))
    finally:
        con.close()
    sheet = load_workbook(BytesIO(data)).active
    text = "\n".join(str(c.value) for row in sheet.iter_rows() for c in row if c.value is not None)
    assert "工矿企业安全生产事故隐患排查治理情况月报表" in text and "合计" in text
    return text


def _offences(text: str) -> list[str]:
    found = [f"{word}: …{text[max(0, i - 15):i + 15]}…" for word in FORBIDDEN
             for i in (m.start() for m in re.finditer(re.escape(word), text))]
    return found + [f".0%: …{text[max(0, m.start() - 15):m.end() + 5]}…" for m in TRAILING_ZERO.finditer(text)]


@pytest.mark.slow  # out of the fast tier: every document of three regions written and read back (~7 s of CPU)
@pytest.mark.parametrize("region", [CITY, COUNTY, TOWNSHIP])
def test_no_jargon_in_any_document(demo, brief_of, region, tmp_path):
    brief = brief_of(region)
    outline = tongbao.outline(brief, chart_png=lambda chart: _PNG)
    pdf = tmp_path / "通报.pdf"
    pdf.write_bytes(pdf_export.pdf_bytes(outline))
    deck = pptx_export.write_pptx(brief, tmp_path / "汇报.pptx")
    texts = {
        "docx": _docx_text(docx_export.docx_bytes(outline)),
        "pdf": _pdf_text(pdf),
        "pptx": _pptx_text(deck),
        "presentation": _presentation_text(brief),
    }
    # the documents were read back: each holds the accident section's first sentence
    assert all(re.sub(r"\s+", "", brief.slide("accidents").headline[0])[:20] in re.sub(r"\s+", "", t)
               for t in texts.values())
    texts["月报表"] = _form_text(demo, region)
    assert {name: _offences(text) for name, text in texts.items()} == {name: [] for name in texts}


def test_the_township_with_a_larger_accident_names_the_red_line(brief_of):
    # 临门街道: one 较大 accident; the wording names it with its 同比 and never calls it fluctuation
    accidents = brief_of(TOWNSHIP).slide("accidents")
    assert accidents.title.startswith("较大事故1起，")
    assert "其中较大事故1起" in accidents.headline[0]
    assert any("坚决杜绝较大及以上事故" in sentence for sentence in accidents.headline)


_PNG = _png()


def test_the_scan_finds_each_word():
    text = "变化在正常波动范围内，p值0.3，经检验；红色（重大风险）；5家未列入台账；整改率50.0%。"
    assert [o.split(":")[0] for o in _offences(text)] == [
        "正常波动", "波动范围", "p值", "检验", "重大风险", "未列入台账", ".0%"]
