"""The A4 PDF 通报 (weasyprint), read back with poppler: A4 pages, only embedded fonts with the Noto fallbacks of the
office faces among them, 版头, the headline text and the KPI numbers of ``riskdash metrics``, the 版记 on the
last page, page numbers and no dashboard footer, pages not blank, data text printed as text (never markup), and
an empty period that says what is missing."""

from __future__ import annotations

import re
import subprocess
from dataclasses import replace

import pytest

import office_render
from briefing_documents_support import (
    ADDRESSEE, HOSTILE_NAME, ISSUER, SECTIONS, TITLE, empty_city, expected_kpi_rows, small_city, squeeze,
)
from riskdash.briefing import pdf_export, tongbao
from riskdash.briefing.pdf_export import write_pdf


@pytest.fixture(scope="module")
def city(tmp_path_factory):
    folder = tmp_path_factory.mktemp("pdf")
    made = small_city(folder)
    pdf = write_pdf(made.brief, folder / "通报.pdf")
    return made, pdf, office_render.pdf_text(pdf)


def _raw_text(pdf) -> str:
    """The text in reading order (no layout): a table cell that wraps stays in one piece."""
    return subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout


def _page_sizes(pdf) -> list[str]:
    info = subprocess.run(["pdfinfo", "-f", "1", "-l", "999", str(pdf)], capture_output=True, text=True,
                          check=True).stdout
    return re.findall(r"^Page\s+\d+ size:\s+(.*)$", info, re.M)


def test_every_page_is_a4(city):
    _, pdf, pages = city
    sizes = _page_sizes(pdf)
    assert len(sizes) == len(pages) >= 3
    assert set(sizes) == {"595.276 x 841.89 pts (A4)"}


def test_only_embedded_fonts_and_a_chinese_one_among_them(city):
    fonts = office_render.pdf_fonts(city[1])
    assert fonts and all(f["embedded"] == "yes" for f in fonts)
    names = {f["name"].split("+")[-1] for f in fonts}
    assert any("CJK-SC" in name for name in names), names
    # the 仿宋-style body (serif) and the 黑体-style headings (sans) are both there: the Noto faces the
    # stylesheet names after the office ones, which this machine does not have
    assert any(name.startswith("Noto-Serif-CJK-SC") for name in names)
    assert any(name.startswith("Noto-Sans-CJK-SC") for name in names)
    css = pdf_export.stylesheet()
    for office, fallback in (("方正小标宋简体", "Noto Serif CJK SC"), ("仿宋_GB2312", "Noto Serif CJK SC"),
                             ("黑体", "Noto Sans CJK SC"), ("楷体_GB2312", "Noto Serif CJK SC")):
        lists = [m for m in re.findall(r"font(?:-family)?:[^;}]*", css) if f'"{office}"' in m]
        assert lists and all(m.index(f'"{office}"') < m.index(f'"{fallback}"') for m in lists), office


def without_page_numbers(raw: str) -> str:
    """The text without its page numbers (—3—): a paragraph that runs over a page break has one inside it."""
    return re.sub(r"—\d+—", "", raw)


def test_masthead_title_addressee_headings_and_headline_text(city):
    made, pdf, pages = city
    first = squeeze(pages[0])
    assert first.startswith(squeeze(ISSUER + "示安办〔2025〕号" + TITLE + ADDRESSEE + "现将2025年1—6月全市安全生产形势通报如下："))
    raw = squeeze(_raw_text(pdf))
    positions = [raw.index(heading) for heading in SECTIONS]
    assert positions == sorted(positions)
    body = without_page_numbers(raw)
    for slide in made.brief.slides:
        assert squeeze("".join(slide.headline)) in body, slide.key
    # 落款, then the 版记 closing the last page, before its page number
    last = squeeze(pages[-1])
    assert squeeze("示例市安全生产委员会办公室2025年7月1日") in raw
    assert last.endswith(squeeze(f"抄送：市委办公室，市政府办公室。{ISSUER}2025年7月1日印发—{len(pages)}—"))


def test_the_imprint_sits_at_the_foot_of_the_last_page(city):
    # GB/T 9704 7.4.1: the 版记's last rule on the last line of the type area (A4, bottom margin 35 mm), not under
    # the text wherever it ends; printed once, its unseen copy in the flow only keeps the room
    _, pdf, pages = city
    words = subprocess.run(["pdftotext", "-f", str(len(pages)), "-l", str(len(pages)), "-bbox", str(pdf), "-"],
                           capture_output=True, text=True, check=True).stdout
    height = float(re.search(r'<page width="[\d.]+" height="([\d.]+)"', words).group(1))
    boxes = {m.group(3): (float(m.group(1)), float(m.group(2)))
             for m in re.finditer(r'<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]+)</word>', words)}
    type_area_foot = height - 35 / 25.4 * 72
    printed_top, printed_bottom = boxes["2025年7月1日印发"]
    copy_top, copy_bottom = boxes["抄送：市委办公室，市政府办公室。"]
    assert type_area_foot - 8 < printed_bottom < type_area_foot  # the last line of the type area
    assert copy_bottom < printed_top  # 抄送 above 印发
    assert squeeze(_raw_text(pdf)).count(squeeze("2025年7月1日印发")) == 1


def test_the_file_holds_every_text_of_the_outline_the_docx_is_made_from(city):
    made, pdf, _ = city
    body = without_page_numbers(squeeze(_raw_text(pdf)))
    outline = tongbao.outline(made.brief, chart_png=lambda chart: _PNG)
    assert [text for text in outline.texts() if squeeze(text) not in body] == []


def test_kpi_table_numbers_equal_riskdash_metrics(city, capsys):
    made, pdf, pages = city
    expected = expected_kpi_rows(capsys, made.path)
    lines = [squeeze(line) for page in pages for line in page.splitlines()]
    for label, value in expected.items():
        # one line of the KPI table: (the group, on its first row) the label and its value
        assert any(line.endswith(squeeze(label) + value) for line in lines), (label, value)
    assert squeeze("表1 主要指标") in squeeze(pages[0])


def test_lists_of_overdue_major_hazards_and_red_sites(city):
    made, pdf, _ = city
    raw = squeeze(_raw_text(pdf))
    for key in ("rectification", "priority"):
        table = made.brief.slide(key).table
        assert squeeze(table.title) in raw
        for row in table.rows:
            assert squeeze(row[0]) in raw and squeeze(row[1]) in raw, row
    assert "H4" in raw and squeeze("西乡运输") in raw


def test_data_text_is_printed_as_text_not_markup(city):
    _, pdf, _ = city
    raw = _raw_text(pdf)
    # the name shows with its angle brackets, ampersand and quote; nothing of it turned bold or vanished (a cell
    # may wrap it: the 下步工作清单's 事项 红色预警或重点关注企业未检查 leaves 对象 narrower)
    assert squeeze(raw).count(squeeze(HOSTILE_NAME)) >= 2
    html = pdf_export.html_text(tongbao.outline(city[0].brief, chart_png=lambda chart: b""))
    assert "&lt;b&gt;东镇&lt;/b&gt;&amp;化工&quot;" in html and "<b>东镇" not in html


def test_page_numbers_and_no_dashboard_footer(city):
    made, _, pages = city
    meta = made.brief.meta
    for n, page in enumerate(pages, start=1):
        text = squeeze(page)
        assert text.endswith(f"—{n}—"), n
        assert squeeze(meta.filters_text) not in text and squeeze(meta.generated_text) not in text, n
    assert "演示数据" not in "".join(pages) and "·" not in "".join(pages)


def test_pages_are_not_blank(city, tmp_path):
    _, pdf, pages = city
    pngs = office_render.rasterise(pdf, tmp_path)
    assert len(pngs) == len(pages)
    assert all(office_render.ink_share(png) > 0.01 for png in pngs)


def test_charts_are_embedded_with_numbered_captions(city):
    made, pdf, _ = city
    charts = [s.chart for s in made.brief.slides if s.chart is not None]
    images = subprocess.run(["pdfimages", "-list", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert len([line for line in images.splitlines()[2:] if line.strip()]) >= len(charts) >= 3
    raw = squeeze(_raw_text(pdf))
    for n, chart in enumerate(charts, start=1):
        assert squeeze(f"图{n} {chart.caption}") in raw


def test_demo_data_is_marked(city, tmp_path):
    made, _, _ = city
    demo = replace(made.brief, meta=replace(made.brief.meta, is_demo=True, demo_text="演示数据"))
    outline = tongbao.outline(demo, chart_png=lambda chart: _PNG)
    pdf = tmp_path / "demo.pdf"
    pdf_export.write_tongbao_pdf(outline, pdf)
    pages = office_render.pdf_text(pdf)
    assert squeeze(pages[0]).startswith("演示数据")
    assert all("演示数据（非真实数据）" in squeeze(page) for page in pages)


def test_an_empty_period_renders_and_says_what_is_missing(tmp_path):
    brief = empty_city(tmp_path)
    pdf = write_pdf(brief, tmp_path / "empty.pdf")
    raw = squeeze(_raw_text(pdf))
    placeholders = [s.placeholder for s in brief.slides if s.placeholder]
    assert len(placeholders) >= 4
    for placeholder in placeholders:
        assert squeeze(placeholder) in raw
    assert squeeze("隐患整改率—") in raw  # a rate with nothing found is "—", never 0 %
    assert all(office_render.ink_share(png) > 0.005 for png in office_render.rasterise(pdf, tmp_path))
    images = subprocess.run(["pdfimages", "-list", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert [line for line in images.splitlines()[2:] if line.strip()] == []  # no chart drawn from no data


def test_riskdash_brief_writes_the_pdf(city, tmp_path, capsys):
    from briefing_documents_support import FILTERS
    from riskdash.cli import main

    made = city[0]
    out = tmp_path / "通报.pdf"
    capsys.readouterr()
    assert main(["brief", "--db", str(made.path), "--from", FILTERS.start.isoformat(), "--to",
                 FILTERS.end.isoformat(), "--out", str(out)]) == 0
    assert '"format": "pdf"' in capsys.readouterr().out
    pages = office_render.pdf_text(out)
    assert squeeze(pages[0]).startswith(squeeze(ISSUER))
    assert squeeze(TITLE) in squeeze(pages[0])
    assert office_render.pdf_page_count(out) == len(pages) >= 3


def _png() -> bytes:
    from io import BytesIO

    from PIL import Image

    out = BytesIO()
    Image.new("RGB", (120, 40), "#1f5fa8").save(out, format="PNG")
    return out.getvalue()


_PNG = _png()
