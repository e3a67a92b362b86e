"""The Word 通报 (.docx): read back with python-docx — GB/T 9704 page, 版头, title, 主送, headings in order,
numbered tables holding the Brief's (and so ``riskdash metrics``') numbers, 附件 after the 落款, 版记, the
office's East Asian font names on every run, page numbers only in the footer — and rendered by LibreOffice to
check the pages a reader sees."""

from __future__ import annotations

import re
from dataclasses import replace
from io import BytesIO

import docx
import pytest
from docx.oxml.ns import qn
from docx.shared import Mm

import office_render
from briefing_documents_support import (
    ADDRESSEE, HOSTILE_NAME, ISSUER, SECTIONS, TITLE, empty_city, expected_kpi_rows, small_city, squeeze,
)
from riskdash.briefing import docx_export, tongbao
from riskdash.briefing.docx_export import write_docx

CHINESE_FACES = {"方正小标宋简体", "仿宋_GB2312", "黑体", "楷体_GB2312", "宋体"}


@pytest.fixture(scope="module")
def city(tmp_path_factory):
    folder = tmp_path_factory.mktemp("docx")
    made = small_city(folder)
    out = write_docx(made.brief, folder / "通报.docx")
    return made, out, docx.Document(out)


@pytest.fixture(scope="module")
def rendered(city, tmp_path_factory):
    _, out, _ = city
    folder = tmp_path_factory.mktemp("docx-render")
    pdf = office_render.to_pdf(out, folder)
    return pdf, office_render.pdf_text(pdf), office_render.rasterise(pdf, folder)


def _body_paragraphs(document) -> list[str]:
    return [p.text for p in document.paragraphs if p.text.strip()]


def _east_asian_font(paragraph) -> str | None:
    fonts = {r._r.rPr.rFonts.get(qn("w:eastAsia")) for r in paragraph.runs if r.text}
    return fonts.pop() if len(fonts) == 1 else None


def test_page_is_a4_with_the_official_margins(city):
    section = city[2].sections[0]
    assert len(city[2].sections) == 1
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    assert [round(m.mm) for m in (section.top_margin, section.bottom_margin, section.left_margin,
                                  section.right_margin)] == [37, 35, 28, 26]
    # the type area GB/T 9704 asks for: 156 × 225 mm
    assert round((section.page_width - section.left_margin - section.right_margin) / Mm(1)) == 156
    assert round((section.page_height - section.top_margin - section.bottom_margin) / Mm(1)) == 225


def test_masthead_title_addressee_and_headings_in_order(city):
    _, _, document = city
    paragraphs = [p for p in document.paragraphs if p.text.strip()]
    mark, number, title, addressee, opening = paragraphs[:5]
    # 版头: 发文机关标志 in red 小标宋, the document number (serial left blank) over the red line
    assert mark.text == ISSUER and _east_asian_font(mark) == "方正小标宋简体" and mark.alignment == 1
    assert str(mark.runs[0].font.color.rgb) == "E60012"
    assert number.text == "示安办〔2025〕\u3000\u3000号" and number.alignment == 1
    rule = number._p.pPr.find(qn("w:pBdr")).find(qn("w:bottom"))
    assert (rule.get(qn("w:color")), rule.get(qn("w:sz"))) == ("E60012", "12")
    # title = issuer + 关于 + whole months + 安全生产形势的通报, broken by sense after 关于
    assert title.text.split("\n") == ["示例市安全生产委员会办公室关于", "2025年1—6月安全生产形势的通报"]
    assert title.text.replace("\n", "") == TITLE
    assert title.alignment == 1 and _east_asian_font(title) == "方正小标宋简体"
    assert title.runs[0].font.size.pt == 22
    assert addressee.text == ADDRESSEE and _east_asian_font(addressee) == "仿宋_GB2312"
    assert opening.text == "现将2025年1—6月全市安全生产形势通报如下："
    assert opening.paragraph_format.first_line_indent.pt == 32  # two characters of 三号

    headings = [(p.text, _east_asian_font(p)) for p in paragraphs if re.match(r"^([一二三四五六]、|（[一二三]）)", p.text)]
    assert headings == [(h, "黑体") for h in SECTIONS]
    # 落款: the issuing body over the date, right-aligned; then the 版记 between rules
    assert [p.text for p in paragraphs[-4:-2]] == [ISSUER, "2025年7月1日"]
    assert all(p.alignment == 2 for p in paragraphs[-4:-2])
    copy_to, printed = paragraphs[-2:]
    assert copy_to.text == "抄送：市委办公室，市政府办公室。"
    assert printed.text == f"{ISSUER}\t2025年7月1日印发"
    assert {_east_asian_font(p) for p in (copy_to, printed)} == {"仿宋_GB2312"}
    assert copy_to.runs[0].font.size.pt == 14
    assert printed._p.pPr.find(qn("w:pBdr")).find(qn("w:bottom")) is not None


def test_body_carries_the_headline_text_in_fangsong(city):
    made, _, document = city
    by_text = {p.text: p for p in document.paragraphs}
    for slide in made.brief.slides:
        text = "".join(slide.headline)
        assert text in by_text, slide.key
        paragraph = by_text[text]
        assert _east_asian_font(paragraph) == "仿宋_GB2312" and paragraph.runs[0].font.size.pt == 16
        assert paragraph.paragraph_format.first_line_indent.pt == 32


def test_tables_are_numbered_and_hold_the_briefs_cells(city):
    made, _, document = city
    captions = [p.text for p in document.paragraphs if re.match(r"^表\d+ ", p.text)]
    lists = [s.table for s in made.brief.slides if s.table is not None]
    assert captions == ["表1 主要指标", *(f"表{n} {t.title}" for n, t in enumerate(lists, start=2))]
    assert len(document.tables) == 1 + len(lists)

    kpi_rows = [[c.text for c in row.cells] for row in document.tables[0].rows]
    assert kpi_rows[0] == ["类别", "指标", "数值"]
    assert kpi_rows[1:] == [[s.section, k.label, k.display] for s in made.brief.slides for k in s.kpis]
    steps = made.brief.slide("next_steps").table
    overdue = made.brief.slide("rectification").table
    for number, (table, spec) in enumerate(zip(document.tables[1:], lists), start=2):
        rows = [tuple(c.text for c in row.cells) for row in table.rows]
        expected = list(spec.rows)
        if spec is steps:
            # 下步工作's overdue majors are the rows of the rectification list (表3, after the accidents' 表2):
            # one line refers to it
            kept = [row for row, kind in zip(spec.rows, spec.row_kinds) if kind != "overdue_major"]
            assert len(kept) == len(spec.rows) - len(overdue.rows) and overdue.rows
            assert lists[1] is overdue and number == 2 + len(lists) - 1
            expected = [("逾期未销号重大隐患", f"共{overdue.total}项，详见表3", "—", "—"), *kept]
        # a header narrower than its column's text is set on two lines (a w:br where the PDF breaks it too)
        assert [tuple(c.replace("\n", "") for c in rows[0]), *rows[1:]] == [spec.columns, *expected]
    # the imported name is text, not markup
    assert any(HOSTILE_NAME in cell for row in lists[1].rows for cell in row)


def test_kpi_numbers_equal_riskdash_metrics(city, capsys):
    made, _, document = city
    shown = {row.cells[1].text: row.cells[2].text for row in document.tables[0].rows[1:]}
    expected = expected_kpi_rows(capsys, made.path)
    assert {label: shown[label] for label in expected} == expected
    # and the small city's figures, worked out by hand: units, no trailing ".0"
    assert expected == {
        "事故起数": "3起", "死亡（含失踪）": "4人", "起数同比": "0%", "死亡同比": "+100%", "较大及以上事故": "1起",
        "排查隐患": "6项", "隐患整改率": "33.3%", "重大隐患整改率": "50%", "逾期未销号隐患": "3项", "挂牌督办未摘牌": "2项"}


def test_the_file_holds_every_text_of_the_outline_the_pdf_is_made_from(city):
    # the same content as the PDF: both writers lay out one outline; here every piece of it is in the file
    made, _, document = city
    cells = [c.text for table in document.tables for row in table.rows for c in row.cells]
    held = squeeze("".join([*(p.text for p in document.paragraphs), *cells]))
    outline = tongbao.outline(made.brief, chart_png=lambda chart: _PNG)
    assert [text for text in [*outline.texts(), outline.footer] if squeeze(text) not in held] == []


def test_every_run_names_its_east_asian_font(city):
    document = city[2]
    section = document.sections[0]
    parts = [document.element.body, section.footer._element, section.even_page_footer._element]
    runs = [r for part in parts for r in part.iter(qn("w:r"))]
    assert len(runs) > 100
    missing = [r for r in runs if r.rPr is None or r.rPr.rFonts is None or not r.rPr.rFonts.get(qn("w:eastAsia"))]
    assert missing == []
    assert {r.rPr.rFonts.get(qn("w:eastAsia")) for r in runs} <= CHINESE_FACES
    # text typed later into the file takes 仿宋 too
    normal = document.styles["Normal"].element.rPr.rFonts
    assert normal.get(qn("w:eastAsia")) == "仿宋_GB2312"
    # the font table calls each Chinese face a GB2312 font with a substitute, for PCs without it
    font_table = next(rel.target_part for rel in document.part.rels.values() if rel.reltype.endswith("/fontTable"))
    declared = re.findall(r'<w:font w:name="([^"]+)"><w:altName w:val="([^"]+)"/><w:charset w:val="86"/>',
                          font_table.blob.decode("utf-8"))
    assert dict(declared) == docx_export.SUBSTITUTES


def test_charts_are_pictures_with_numbered_captions(city):
    made, _, document = city
    charts = [s.chart for s in made.brief.slides if s.chart is not None]
    assert len(document.inline_shapes) == len(charts) >= 3
    assert all(round(shape.width.mm) == 156 for shape in document.inline_shapes)
    captions = [p.text for p in document.paragraphs if re.match(r"^图\d+ ", p.text)]
    # the measure alone: no dashboard caption with "·" in a 公文
    assert captions == [f"图{n} {c.caption}" for n, c in enumerate(charts, start=1)]
    assert not [c for c in captions if "·" in c]


def test_footer_has_the_page_number_only(city):
    made, _, document = city
    section = document.sections[0]
    assert document.settings.odd_and_even_pages_header_footer
    for footer, align in ((section.footer, 2), (section.even_page_footer, 0)):
        (number,) = footer.paragraphs
        assert number.text.replace("1", "") == "—  —"
        assert number.alignment == align  # GB/T 9704: odd pages right, even pages left
        assert " PAGE " in "".join(t.text for t in number._p.iter(qn("w:instrText")))
    # no dashboard footer (filters, generation time) anywhere in the document
    body = "".join(p.text for p in document.paragraphs)
    assert "生成时间" not in body and "统计期间" not in body and "·" not in body


def test_demo_data_is_marked_on_the_page_and_in_the_footer(city):
    made, _, _ = city
    demo = replace(made.brief, meta=replace(made.brief.meta, is_demo=True, demo_text="演示数据"))
    outline = tongbao.outline(demo, chart_png=lambda chart: _PNG)
    document = docx.Document(BytesIO(docx_export.docx_bytes(outline)))
    first = document.paragraphs[0]
    assert first.text == "演示数据" and _east_asian_font(first) == "黑体"
    assert document.sections[0].footer.paragraphs[0].text == "演示数据（非真实数据）"


@pytest.mark.slow  # LibreOffice renders the file: left out of the fast tier
def test_libreoffice_renders_pages_with_ink_and_the_text(city, rendered):
    made, _, _ = city
    pdf, pages, pngs = rendered
    assert len(pages) == len(pngs) >= 3
    assert all(office_render.ink_share(png) > 0.01 for png in pngs)
    # the page numbers between pages taken out, so a paragraph running over a page reads whole
    whole = re.sub(r"—\d+—", "", squeeze("".join(pages)))
    assert squeeze(TITLE) in squeeze(pages[0])
    assert squeeze(ADDRESSEE) in squeeze(pages[0])
    for slide in made.brief.slides:
        # LibreOffice hangs a comma ending a line in the margin, where pdftotext does not see it
        assert squeeze("".join(slide.headline)).replace("，", "") in whole.replace("，", ""), slide.key
    assert squeeze(HOSTILE_NAME) in whole
    # a page number on every page, and the 版记 on the last
    for n, page in enumerate(pages, start=1):
        assert f"—{n}—" in squeeze(page), n
    assert squeeze("抄送：市委办公室，市政府办公室。") in squeeze(pages[-1])


@pytest.mark.slow  # LibreOffice renders the file: left out of the fast tier
def test_an_empty_period_renders_and_says_what_is_missing(tmp_path):
    brief = empty_city(tmp_path)
    out = write_docx(brief, tmp_path / "empty.docx")
    document = docx.Document(out)
    text = _body_paragraphs(document)
    placeholders = [s.placeholder for s in brief.slides if s.placeholder]
    assert len(placeholders) >= 4
    for placeholder in placeholders:
        assert placeholder in text
    assert [t for t in text if re.match(r"^[一二三四五]、", t)] == SECTIONS
    assert len(document.inline_shapes) == 0  # no chart drawn from no data
    kpis = {row.cells[1].text: row.cells[2].text for row in document.tables[0].rows[1:]}
    assert kpis["隐患整改率"] == "—" and kpis["重大隐患整改率"] == "—"
    pdf = office_render.to_pdf(out, tmp_path)
    assert all(office_render.ink_share(png) > 0.005 for png in office_render.rasterise(pdf, tmp_path))
    assert squeeze(placeholders[0]) in squeeze("".join(office_render.pdf_text(pdf)))


def test_english_brief_numbers_its_headings_in_figures(tmp_path):
    made = small_city(tmp_path, lang="en")
    outline = tongbao.outline(made.brief, chart_png=lambda chart: _PNG)
    document = docx.Document(BytesIO(docx_export.docx_bytes(outline)))
    text = _body_paragraphs(document)
    assert [t for t in text if re.match(r"^\d\. ", t)] == [
        "1. Accidents", "2. Hazard rectification", "3. Key sites", "4. Townships", "5. Next steps"]
    assert [t for t in text if t.startswith("Table ")][0] == "Table 1. Key figures"
    assert document.paragraphs[0].text.replace("\n", "") == (
        "Office of the Work Safety Committee, 示例市: work-safety bulletin, Jan–Jun 2025")



def test_riskdash_brief_writes_the_docx(city, tmp_path, capsys):
    from briefing_documents_support import FILTERS
    from riskdash.cli import main

    made = city[0]
    out = tmp_path / "通报.docx"
    capsys.readouterr()
    assert main(["brief", "--db", str(made.path), "--from", FILTERS.start.isoformat(), "--to",
                 FILTERS.end.isoformat(), "--out", str(out)]) == 0
    assert '"format": "docx"' in capsys.readouterr().out
    document = docx.Document(out)
    assert document.paragraphs[2].text.replace("\n", "") == TITLE
    kpis = {row.cells[1].text: row.cells[2].text for row in document.tables[0].rows[1:]}
    assert kpis["事故起数"] == "3起" and kpis["隐患整改率"] == "33.3%"

# ---------------------------------------------------------------------------------------------- layout rules


@pytest.mark.parametrize("text, lines", [
    ("关于2026年3月全市安全生产形势的通报", ["关于2026年3月全市安全生产形势的通报"]),
    ("关于2026年1—11月全市安全生产形势的通报", ["关于2026年1—11月全", "市安全生产形势的通报"]),
    # never inside 2026, never between a number and 年/月/日, never a closing mark at a line start
    ("关于云川市（演示）2026年1月1日—11月28日安全生产形势的通报",
     ["关于云川市（演示）2026年1月1日", "—11月28日安全生产形势的通报"]),
])
def test_long_titles_break_into_balanced_lines(text, lines):
    assert tongbao.balanced_lines(text, tongbao.TITLE_LINE_CHARS) == lines


def test_title_breaks_by_sense_when_the_lines_fit():
    doc = tongbao.Tongbao(title="关于2026年1月1日—11月28日云川市（演示）安全生产形势的通报", addressee="", blocks=[],
                          issuer="", issued_on=None, issued_on_text="", footer="", title_breaks=(18, 25))
    assert doc.title_lines() == ["关于2026年1月1日—11月28日", "云川市（演示）安全生产形势的通报"]


@pytest.mark.parametrize("n, text", [(1, "一"), (5, "五"), (10, "十"), (11, "十一"), (20, "二十"), (23, "二十三")])
def test_chinese_heading_numerals(n, text):
    assert tongbao.zh_numeral(n) == text


def test_short_columns_keep_their_width_and_long_ones_share_the_rest():
    # widths in ems of 12 pt (tongbao._width: digits 0.6, 1 0.59, H 0.87, "-" 0.37), plus the cell padding
    pad = tongbao.CELL_PADDING_EM
    name, reasons = "某" * 24 + "有限公司", "近3年发生较大事故1起；" * 3  # 28 and 33.57 ems
    crowded = tongbao.Table("表1 x", ["隐患编号", "企业", "原因", "整改期限"],
                            [["H000160002", name, reasons, "2026-02-09"]])
    assert crowded.column_needs() == pytest.approx([6.26 + pad, 28 + pad, 33.57 + pad, 5.54 + pad])
    shares = crowded.column_shares()
    assert sum(shares) == pytest.approx(1)
    # the code and the date keep their full width; the two long columns share the rest alike
    # (36.85 ems across: 156 mm of 12 pt)
    assert tongbao.TABLE_EM == pytest.approx(36.85, abs=0.01)
    rest = (tongbao.TABLE_EM - 6.26 - 5.54 - 2 * pad) / 2
    assert [s * tongbao.TABLE_EM for s in shares] == pytest.approx([6.26 + pad, rest, rest, 5.54 + pad])
    roomy = tongbao.Table("表2 x", ["隐患编号", "企业", "整改期限"], [["H000160002", "某某有限公司", "2026-02-09"]])
    # everything fits: shares by need, nothing wraps
    total = 6.26 + 6 + 5.54 + 3 * pad
    assert roomy.column_shares() == pytest.approx([(6.26 + pad) / total, (6 + pad) / total, (5.54 + pad) / total])
    # a landscape attachment has 53.15 ems across (225 mm)
    wide = replace(crowded, landscape=True)
    rest = (tongbao.LANDSCAPE_EM - 6.26 - 5.54 - 2 * pad) / 2
    assert [s * tongbao.LANDSCAPE_EM for s in wide.column_shares()] == pytest.approx([6.26 + pad, rest, rest,
                                                                                       5.54 + pad])
    small = tongbao.Table("表3 y", ["类别", "数值"], [["事故", "3"]])
    assert small.column_shares() == pytest.approx([1 / 2, 1 / 2])


def test_grouped_first_column_runs():
    table = tongbao.Table("表1", ["类别", "指标"], [["a", "1"], ["a", "2"], ["b", "3"], ["a", "4"]], grouped=True)
    assert table.first_column_groups() == [(0, 2), (2, 1), (3, 1)]
    assert replace(table, grouped=False).first_column_groups() == [(0, 1), (1, 1), (2, 1), (3, 1)]


def test_a_group_is_kept_in_pieces_that_fit_a_page():
    """Each piece takes at most PIECE_ROWS row heights: a group that fits is one piece; a longer one is cut
    before the row that would pass the budget; a row of n lines counts 1 + ROW_LINE_SHARE × (n - 1)."""
    budget = int(tongbao.PIECE_ROWS[False])
    rows = ([["a", "1"]] + [["b", str(i)] for i in range(budget)] + [["c", str(i)] for i in range(budget + 1)]
            + [["d", "x"]])
    table = tongbao.Table("表1", ["类别", "对象"], rows, grouped=True)
    c = 1 + budget
    assert table.kept_pieces() == [(0, 1), (1, budget), (c, budget), (c + budget, 1), (c + budget + 1, 1)]
    # a row of three lines counts 2.3 rows: the piece holding it is cut two rows sooner
    wide = tongbao.Table("表1", ["类别", "对象"], [["b", "字" * 80]] + [["b", str(i)] for i in range(budget)],
                         grouped=True)
    lines = -(-80 // int(wide.column_shares()[1] * tongbao.TABLE_EM - tongbao.CELL_PADDING_EM))
    assert lines == 3
    kept = budget - 2  # 1 + 0.65 × 2 = 2.3 row heights, then budget - 3 one-line rows fit with it
    assert wide.kept_pieces() == [(0, kept), (kept, budget + 1 - kept)]
    assert replace(table, grouped=False).kept_pieces() == [(i, 1) for i in range(len(rows))]
    assert tongbao.PIECE_ROWS[True] < tongbao.PIECE_ROWS[False]  # a landscape page holds fewer rows


@pytest.mark.slow  # LibreOffice renders the file: left out of the fast tier
@pytest.mark.parametrize("landscape", [False, True])
def test_a_merged_group_over_a_page_break_names_itself_on_every_page(tmp_path, landscape):
    """Word and LibreOffice paginate a .docx themselves and show a merged cell's text on its first page only:
    附件2 下步工作清单's long 事项 left the rows on the next page without it. The group's rows are kept in pieces
    that fit a page (keep-with-next), each merged apart: every page holding rows of a group names it, a short
    group is never split, and every row is printed once, in order."""
    from datetime import date

    columns = ["事项", "对象", "乡镇", "情况"] + (["责任单位", "完成时限"] if landscape else [])
    extra = ["某局", "11月30日"] if landscape else []
    rows = ([["甲项", f"甲对象{i}", "某镇", "未报", *extra] for i in range(3)]
            + [["乙项", f"乙对象{i:02d}", "某镇", "未报", *extra] for i in range(50)]
            + [["丙项", f"丙对象{i}", "某镇", "未报", *extra] for i in range(12)])
    table = tongbao.Table("下步工作清单", columns, rows, grouped=True, landscape=landscape)
    doc = tongbao.Tongbao(title="关于2026年1—11月安全生产形势的通报", addressee="各乡镇安委会：", blocks=[],
                          issuer="某县安委办", issued_on=date(2026, 11, 28), issued_on_text="2026年11月28日",
                          footer="", attachment_note=("附件：1. 下步工作清单",),
                          attachments=(tongbao.Attachment("附件1", table.caption, table),))
    path = tmp_path / "t.docx"
    path.write_bytes(docx_export.docx_bytes(doc))
    pages = office_render.pdf_text(office_render.to_pdf(path, tmp_path))
    for group in ("甲", "乙", "丙"):
        holding = [p for p in pages if f"{group}对象" in p]
        # the label before the group's first row on each page (pdftotext reads a merged cell at its middle,
        # so only the count is read here: once per piece, a piece on one page)
        assert all(p.count(f"{group}项") >= 1 for p in holding), (group, [p.count(f"{group}项") for p in holding])
        printed = [w for p in pages for w in re.findall(rf"{group}对象\s*(\d+)", p)]
        assert [int(n) for n in printed] == list(range(len(printed))) and len(printed) == {"甲": 3, "乙": 50, "丙": 12}[group]
    assert len([p for p in pages if "乙对象" in p]) >= 2  # the long group does run over a page break
    assert len([p for p in pages if "丙对象" in p]) == 1  # a short group is never split


@pytest.mark.parametrize(("level", "kind", "children", "text"), [
    ("city", "市", ("县", "区", "市"), "各县（区、市）安委会，市安委会各成员单位："),
    ("city", "市", ("区",), "各区安委会，市安委会各成员单位："),
    ("county", "区", ("镇", "街道", "园区"), "各镇（街道、园区）安委会，区安委会各成员单位："),
    ("county", "县", ("镇", "乡", "街道"), "各乡镇（街道）安委会，县安委会各成员单位："),
    ("county", "市", ("乡",), "各乡安委会，市安委会各成员单位："),
    ("county", "县", (), "县安委会各成员单位："),
    ("township", "乡", (), "各村（社区），乡安委会各成员单位："),
    ("township", "镇", (), "各村（社区），镇安委会各成员单位："),
    ("township", "街道", (), "各社区（村），街道安委会各成员单位："),
    ("township", "园区", (), "园区各企业，园区安委会各成员单位："),
])
def test_addressee_by_the_kind_of_region(level, kind, children, text):
    assert tongbao.addressee(level, kind, children) == text


@pytest.mark.parametrize(("start", "end", "text"), [
    ("2026-01-01", "2026-11-28", "2026年1—11月"), ("2026-01-01", "2026-11-30", "2026年1—11月"),
    ("2026-03-01", "2026-03-31", "2026年3月"), ("2026-11-01", "2026-11-28", "2026年11月"),
    ("2025-07-01", "2026-06-30", "2025年7月—2026年6月"),
])
def test_title_names_whole_months(start, end, text):
    from datetime import date

    assert tongbao.months_phrase(date.fromisoformat(start), date.fromisoformat(end)) == text


def test_long_lists_become_attachments_after_the_signature(city):
    """A list longer than BODY_ROWS leaves the body: the paragraph points to it, the 附件说明 names it under the
    body, and it follows the 落款 on a new page ("附件1", its title, the whole table); the 版记 closes."""
    made, _, _ = city
    rect = made.brief.slide("rectification")
    rows = tuple((f"H{n:03d}", "东镇", "东镇化工", "6月1日", str(n), "未整改", "未挂牌")
                 for n in range(tongbao.BODY_ROWS + 1))
    # seven columns: the attachment is set across landscape pages (a section of its own), the 版记 back on
    # a portrait page
    long_list = replace(rect.table, rows=rows, total=len(rows))
    brief = replace(made.brief, slides=tuple(replace(s, table=long_list) if s.key == "rectification" else s
                                             for s in made.brief.slides))
    outline = tongbao.outline(brief, chart_png=lambda chart: _PNG)
    assert outline.attachment_note == ("附件：1. 逾期未销号重大隐患清单",)
    body = [b.text for b in outline.blocks if isinstance(b, tongbao.Paragraph)]
    assert any(t.endswith("挂牌督办重大隐患未摘牌2项（详见附件1）。") for t in body)
    document = docx.Document(BytesIO(docx_export.docx_bytes(outline)))
    texts = [p.text for p in document.paragraphs if p.text.strip()]
    signature = texts.index("2025年7月1日")
    assert texts[signature - 2:signature + 3] == [
        "附件：1. 逾期未销号重大隐患清单", ISSUER, "2025年7月1日", "附件1", "逾期未销号重大隐患清单"]
    label = next(p for p in document.paragraphs if p.text == "附件1")
    assert _east_asian_font(label) == "黑体"
    from docx.enum.section import WD_ORIENT, WD_SECTION

    sections = document.sections
    assert [(round(x.page_width.mm), round(x.page_height.mm)) for x in sections] == [(210, 297), (297, 210),
                                                                                       (210, 297)]
    assert sections[1].orientation == WD_ORIENT.LANDSCAPE and sections[1].start_type == WD_SECTION.NEW_PAGE
    assert round((sections[1].page_width - sections[1].left_margin - sections[1].right_margin) / Mm(1)) == 225
    # a portrait attachment (four columns) starts on a new page of the first section
    narrow = replace(long_list, columns=long_list.columns[:4], rows=tuple(r[:4] for r in rows))
    brief4 = replace(made.brief, slides=tuple(replace(s, table=narrow) if s.key == "rectification" else s
                                              for s in made.brief.slides))
    portrait = docx.Document(BytesIO(docx_export.docx_bytes(tongbao.outline(brief4, chart_png=lambda c: _PNG))))
    assert len(portrait.sections) == 1
    assert next(p for p in portrait.paragraphs if p.text == "附件1").paragraph_format.page_break_before
    last = document.tables[-1]
    assert [tuple(c.text for c in row.cells) for row in last.rows] == [long_list.columns, *rows]
    assert texts[-2:] == ["抄送：市委办公室，市政府办公室。", f"{ISSUER}\t2025年7月1日印发"]
    # the PDF: the attachment after the 落款, the 版记 on the last page
    from riskdash.briefing import pdf_export

    data = pdf_export.pdf_bytes(outline)
    pages = _pdf_pages(data)
    whole = squeeze("".join(pages))
    sizes = _pdf_sizes(data)
    attachment_page = next(i for i, p in enumerate(pages) if squeeze("附件1逾期未销号重大隐患清单") in squeeze(p))
    assert sizes[attachment_page] == "841.89 x 595.276" and sizes[-1] == sizes[0] == "595.276 x 841.89"
    assert whole.index(squeeze(ISSUER + "2025年7月1日")) < whole.index(squeeze("附件1逾期未销号重大隐患清单"))
    assert squeeze("抄送：市委办公室，市政府办公室。") in squeeze(pages[-1])


def _pdf_sizes(data: bytes) -> list[str]:
    import subprocess
    import tempfile
    from pathlib import Path

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "t.pdf"
        path.write_bytes(data)
        info = subprocess.run(["pdfinfo", "-f", "1", "-l", "999", str(path)], capture_output=True, text=True,
                              check=True).stdout
    return re.findall(r"^Page\s+\d+ size:\s+([\d.]+ x [\d.]+) pts", info, re.M)


def _pdf_pages(data: bytes) -> list[str]:
    import subprocess
    import tempfile
    from pathlib import Path

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "t.pdf"
        path.write_bytes(data)
        text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                              check=True).stdout
    return text.split("\f")[:-1]


def _png() -> bytes:
    from PIL import Image

    out = BytesIO()
    Image.new("RGB", (120, 40), "#1f5fa8").save(out, format="PNG")
    return out.getvalue()


# a plain picture: the layout tests need one, not a chart (kaleido is slow)
_PNG = _png()
