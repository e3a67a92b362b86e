"""The Word 通报 (.docx) in the layout of an official document (GB/T 9704-2012), editable in WPS and Word.

Layout, from the standard: A4; 天头 37 mm, 订口 28 mm, 版心 156 × 225 mm (so bottom 35 mm, right 26 mm);
title in 2号 小标宋, centred; one blank line, then 主送 flush left ending in a full-width colon; body in
3号 仿宋 with a first-line indent of two characters and 22 lines to the page (exact line pitch 28.95 pt);
headings 一、 in 黑体 and （一） in 楷体; 落款 (issuing body and the date in full, "2026年11月28日") right,
four characters in from the margin; page numbers "— 1 —" in 4号 宋体, odd pages right and even pages left.

As a 公文: 版头 (发文机关标志 in red 小标宋, 发文字号, the red line), title, 主送, body, 附件说明, 落款, then each
附件 on its own page ("附件1" in 黑体 top left, its title, its table), and the 版记 (抄送, 印发机关 and 印发日期
between rules) closing the last page. The footer carries the page number only (and the demo-data note).

The fonts named here (方正小标宋简体, 仿宋_GB2312, 黑体, 楷体_GB2312) are the names an office PC has; each run
names its East Asian font in ``w:rFonts/@w:eastAsia`` (Word and WPS pick the Chinese face from that
attribute, not from ``w:ascii``), and the font table says they are GB2312 fonts with a common substitute, so
a PC without 方正小标宋 still shows a 宋体 title. LibreOffice, which has none of them here, falls back to Noto
CJK.
"""

from __future__ import annotations

from copy import deepcopy
from io import BytesIO
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING, WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor
from docx.table import _Cell

from riskdash.briefing.tongbao import Figure, Heading, Paragraph, Table, Tongbao

# GB/T 9704-2012 7.1 / 5.2.1 — page and type area
PAGE_WIDTH, PAGE_HEIGHT = Mm(210), Mm(297)
MARGIN_TOP, MARGIN_BOTTOM, MARGIN_LEFT, MARGIN_RIGHT = Mm(37), Mm(35), Mm(28), Mm(26)
TYPE_AREA_WIDTH = Mm(156)
LANDSCAPE_AREA_WIDTH = Mm(225)

# the faces an office PC has for each role, with the substitute named in the font table
TITLE_FONT = "方正小标宋简体"
BODY_FONT = "仿宋_GB2312"
HEADING_FONT = "黑体"
SUBHEADING_FONT = "楷体_GB2312"
PAGE_NUMBER_FONT = "宋体"
LATIN_FONT = "Times New Roman"
SUBSTITUTES = {TITLE_FONT: "宋体", BODY_FONT: "仿宋", SUBHEADING_FONT: "楷体", HEADING_FONT: "SimHei",
               PAGE_NUMBER_FONT: "SimSun"}
RED = RGBColor(0xE6, 0x00, 0x12)  # the red of the 版头
W_P, W_R, W_T = qn("w:p"), qn("w:r"), qn("w:t")

# 号 → points
SIZE_2 = Pt(22)  # 二号: title
SIZE_3 = Pt(16)  # 三号: body, headings, 主送, 落款
SIZE_4 = Pt(14)  # 四号: page numbers, table captions
SIZE_SMALL_4 = Pt(12)  # 小四: table cells and notes
SIZE_SMALL_5 = Pt(9)  # 小五: the footer line
LINE_PITCH = Pt(28.95)  # 225 mm type area ÷ 22 lines
TITLE_PITCH = Pt(35)
INDENT_2_CHARS = Pt(32)  # two characters of 三号
MISSING_COLOUR = RGBColor(0x80, 0x80, 0x80)
DEMO_COLOUR = RGBColor(0xC0, 0x39, 0x2B)


def write_docx(brief, path: str | Path) -> Path:
    """Write the briefing as a .docx 通报 at ``path`` and return the path."""
    from riskdash.briefing.tongbao import outline

    return write_tongbao_docx(outline(brief), path)


def write_tongbao_docx(doc_outline: Tongbao, path: str | Path) -> Path:
    path = Path(path)
    path.write_bytes(docx_bytes(doc_outline))
    return path


def docx_bytes(tb: Tongbao) -> bytes:
    document = Document()
    _set_defaults(document)
    _set_page(document.sections[0])
    _font_table(document)
    document.core_properties.title = tb.title
    document.core_properties.author = tb.issuer
    document.core_properties.language = "zh-CN" if tb.lang == "zh" else "en-GB"

    if tb.demo_mark:
        # where GB/T 9704 puts 密级: top left, 黑体 — a reader sees at once that the numbers are not real
        mark = document.add_paragraph()
        _run(mark, tb.demo_mark, HEADING_FONT, SIZE_3, colour=DEMO_COLOUR)
        _exact(mark, LINE_PITCH)
    if tb.mark:
        _masthead(document, tb)
    title = document.add_paragraph()
    for number, line in enumerate(tb.title_lines()):
        if number:
            title.runs[-1].add_break()
        _run(title, line, TITLE_FONT, SIZE_2)
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _exact(title, TITLE_PITCH)
    title.paragraph_format.space_before = LINE_PITCH if tb.demo_mark or tb.mark else Pt(0)
    if tb.subtitle:
        sub = document.add_paragraph()
        _run(sub, tb.subtitle, SUBHEADING_FONT, SIZE_3)
        sub.alignment = WD_ALIGN_PARAGRAPH.CENTER
        _exact(sub, LINE_PITCH)
    document.add_paragraph()  # one blank line between title and 主送
    addressee = document.add_paragraph()
    _run(addressee, tb.addressee, BODY_FONT, SIZE_3)
    _exact(addressee, LINE_PITCH)

    for block in tb.blocks:
        if isinstance(block, Heading):
            _heading(document, block)
        elif isinstance(block, Paragraph):
            _body_paragraph(document, block)
        elif isinstance(block, Table):
            _table(document, block)
        elif isinstance(block, Figure):
            _figure(document, block)

    # 附件说明: one blank line under the body, "附件：1. …" two characters in, further items aligned on the
    # first item's number
    if tb.attachment_note:
        document.add_paragraph().paragraph_format.keep_with_next = True
        for i, text in enumerate(tb.attachment_note):
            line = document.add_paragraph()
            _run(line, text, BODY_FONT, SIZE_3)
            line.paragraph_format.left_indent = INDENT_2_CHARS + (SIZE_3 * 3 if i else 0)
            line.paragraph_format.keep_with_next = True
            _exact(line, LINE_PITCH)
    # 落款: two blank lines after the body, issuing body over the date, right, 4 characters in; kept on
    # the page of the last body line (a 落款 alone on a page is what GB/T 9704 7.3.5 forbids)
    document.paragraphs[-1].paragraph_format.keep_with_next = True
    for _ in range(2):
        document.add_paragraph().paragraph_format.keep_with_next = True
    for text in (tb.issuer, tb.issued_on_text):
        line = document.add_paragraph()
        _run(line, text, BODY_FONT, SIZE_3)
        line.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        line.paragraph_format.right_indent = Pt(64)
        _exact(line, LINE_PITCH)
        line.paragraph_format.keep_with_next = True

    for attachment in tb.attachments:
        _attachment(document, attachment)
    if tb.copy_to or tb.printed_by:
        if document.sections[-1].orientation == WD_ORIENT.LANDSCAPE:
            _set_page(document.add_section(WD_SECTION.NEW_PAGE))  # the 版记 on a portrait page
        _imprint(document, tb)
    _footers(document, tb.footer)
    out = BytesIO()
    document.save(out)
    return out.getvalue()


# ---------------------------------------------------------------------------------------------- blocks


def _heading(document, block: Heading) -> None:
    paragraph = document.add_paragraph()
    font = HEADING_FONT if block.level == 1 else SUBHEADING_FONT
    _run(paragraph, block.text, font, SIZE_3)
    paragraph.paragraph_format.first_line_indent = INDENT_2_CHARS
    _indent_chars(paragraph)
    paragraph.paragraph_format.keep_with_next = True
    _exact(paragraph, LINE_PITCH)


def _body_paragraph(document, block: Paragraph) -> None:
    paragraph = document.add_paragraph()
    _run(paragraph, block.text, BODY_FONT, SIZE_3, colour=MISSING_COLOUR if block.missing else None)
    paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    paragraph.paragraph_format.first_line_indent = INDENT_2_CHARS
    _indent_chars(paragraph)
    _exact(paragraph, LINE_PITCH)


def _masthead(document, tb: Tongbao) -> None:
    """版头: 发文机关标志 in red 小标宋, centred; two blank lines; 发文字号 centred; the red line under it."""
    mark = document.add_paragraph()
    size = Pt(tb.mark_size_pt())
    _run(mark, tb.mark, TITLE_FONT, size, colour=RED)
    mark.alignment = WD_ALIGN_PARAGRAPH.CENTER
    mark.paragraph_format.space_after = LINE_PITCH
    number = document.add_paragraph()
    _run(number, tb.number, BODY_FONT, SIZE_3)
    number.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _exact(number, LINE_PITCH)
    _border(number, "bottom", RED, 12, space=8)


def _attachment(document, attachment) -> None:
    """One 附件 on a new page: "附件1" in 黑体 at the top left, its title centred in 小标宋, its table; a table of
    many columns on landscape pages (a section of their own)."""
    landscape = attachment.table.landscape
    new_section = landscape or document.sections[-1].orientation == WD_ORIENT.LANDSCAPE
    if new_section:  # a section starts on a new page of its own
        (_set_landscape if landscape else _set_page)(document.add_section(WD_SECTION.NEW_PAGE))
    label = document.add_paragraph()
    _run(label, attachment.label, HEADING_FONT, SIZE_3)
    label.paragraph_format.page_break_before = not new_section
    label.paragraph_format.keep_with_next = True
    _exact(label, LINE_PITCH)
    title = document.add_paragraph()
    _run(title, attachment.title, TITLE_FONT, SIZE_2)
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title.paragraph_format.space_before = LINE_PITCH
    title.paragraph_format.space_after = Pt(12)
    title.paragraph_format.keep_with_next = True
    _exact(title, TITLE_PITCH)
    _table(document, attachment.table, caption=False)


def _imprint(document, tb: Tongbao) -> None:
    """版记: 抄送 and 印发机关 / 印发日期 in 4号 仿宋 between rules (the first and last heavier), one character in."""
    document.add_paragraph()
    rows = []
    if tb.copy_to:
        rows.append(("copy", tb.copy_to))
    rows.append(("printed", None))
    for i, (kind, text) in enumerate(rows):
        line = document.add_paragraph()
        line.paragraph_format.left_indent = SIZE_4
        line.paragraph_format.right_indent = SIZE_4
        line.paragraph_format.keep_with_next = i < len(rows) - 1
        if kind == "copy":
            _run(line, text, BODY_FONT, SIZE_4)
        else:
            _run(line, tb.printed_by, BODY_FONT, SIZE_4)
            _run(line, "\t", BODY_FONT, SIZE_4)
            _run(line, tb.printed_on_text, BODY_FONT, SIZE_4)
            line.paragraph_format.tab_stops.add_tab_stop(TYPE_AREA_WIDTH - SIZE_4 * 2, WD_TAB_ALIGNMENT.RIGHT)
        _exact(line, LINE_PITCH)
        _border(line, "top", RGBColor(0, 0, 0), 8 if i == 0 else 4, space=1)
        if i == len(rows) - 1:
            _border(line, "bottom", RGBColor(0, 0, 0), 8, space=1)


def _border(paragraph, side: str, colour: RGBColor, eighths: int, space: int = 1) -> None:
    """A rule above or below a paragraph (w:pBdr), ``eighths`` of a point thick."""
    ppr = paragraph._p.get_or_add_pPr()
    borders = ppr.find(qn("w:pBdr"))
    if borders is None:
        borders = OxmlElement("w:pBdr")
        # w:pBdr comes before w:spacing, w:ind and w:jc in a paragraph's properties
        follower = next((ppr.find(qn(t)) for t in ("w:shd", "w:tabs", "w:spacing", "w:ind", "w:jc")
                         if ppr.find(qn(t)) is not None), None)
        if follower is not None:
            follower.addprevious(borders)
        else:
            ppr.append(borders)
    line = OxmlElement(f"w:{side}")
    line.set(qn("w:val"), "single")
    line.set(qn("w:sz"), str(eighths))
    line.set(qn("w:space"), str(space))
    line.set(qn("w:color"), str(colour))
    if side == "top":
        borders.insert(0, line)
    else:
        borders.append(line)


def _table(document, block: Table, caption: bool = True) -> None:
    if caption:
        label = document.add_paragraph()
        _run(label, block.caption, HEADING_FONT, SIZE_4)
        label.alignment = WD_ALIGN_PARAGRAPH.CENTER
        label.paragraph_format.keep_with_next = True
        label.paragraph_format.space_before = Pt(6)
        label.paragraph_format.space_after = Pt(3)

    table = document.add_table(rows=1 + len(block.rows), cols=len(block.columns))
    table.style = document.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    widths = column_widths(block)
    for column, width in zip(table.columns, widths):
        column.width = width  # w:gridCol, which LibreOffice reads
    # Each column's header cell and body cell is styled once through python-docx and copied for the other rows:
    # the same XML as styling every cell, without python-docx's per-cell look-ups (``table.cell`` and
    # ``row.cells`` rebuild the table's whole cell grid on every call), which took seconds for a 附件 of 100 rows.
    rows = table._tbl.tr_lst
    styled: dict[tuple[bool, int], object] = {}
    # a header narrower than its text is broken where the PDF breaks it ("整改/情况": a w:br, not Word's own wrap)
    headers = ["\n".join(lines) for lines in block.header_lines()]
    for row_index, (tr, values) in enumerate(zip(rows, [headers, *block.rows])):
        header = row_index == 0
        for column, (tc, value) in enumerate(zip(tr.tc_lst, values)):
            text = str(value)
            model = styled.get((header, column))
            if model is None or not text or not _plain_text(text):
                cell = _Cell(tc, table)
                cell.width = widths[column]  # w:tcW, which Word reads
                cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
                paragraph = cell.paragraphs[0]
                _run(paragraph, text, HEADING_FONT if header else BODY_FONT, SIZE_SMALL_4)
                paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
                paragraph.paragraph_format.line_spacing = 1.15
                if model is None and text and _plain_text(text):
                    styled[(header, column)] = tc
            else:
                copy = deepcopy(model)
                copy.find(f"{W_P}/{W_R}/{W_T}").text = text
                tr.replace(tc, copy)
        if header:
            _repeat_header_tr(tr)
        _cant_split_tr(tr)
    if block.grouped:
        # Word paginates on its own and names a merged cell on its first page only: each piece of a group
        # (tongbao.Table.kept_pieces) is kept on one page and merged apart, so every page names its groups
        for first, count in block.kept_pieces():
            if count > 1:
                _merge_down(rows, first + 1, count)
            # every paragraph of the row, the merged cell's empty ones too (LibreOffice keeps a row with the
            # next only when all of them say so)
            for tr in rows[first + 1:first + count]:  # the header is rows[0]
                for p in tr.xpath(".//w:p"):
                    p.get_or_add_pPr().keepNext_val = True

    if block.note:
        note = document.add_paragraph()
        _run(note, block.note, BODY_FONT, SIZE_SMALL_4)
        note.paragraph_format.space_before = Pt(3)
        note.paragraph_format.space_after = Pt(6)
        note.paragraph_format.line_spacing = 1.15
    else:
        document.add_paragraph().paragraph_format.space_after = Pt(0)


def column_widths(block: Table) -> list[int]:
    across = LANDSCAPE_AREA_WIDTH if block.landscape else TYPE_AREA_WIDTH
    return [int(across * share) for share in block.column_shares()]


def _merge_down(rows, first_row: int, count: int) -> None:
    """One cell for a group's rows in the first column, holding its name once (w:vMerge, as Word writes a
    vertical merge: "restart" on the top cell, an empty continuing cell in each row below)."""
    rows[first_row].tc_lst[0].vMerge = "restart"
    for r in range(first_row + 1, first_row + count):
        tc = rows[r].tc_lst[0]
        for child in tc.xpath("./w:p | ./w:tbl"):
            tc.remove(child)
        tc.vMerge = "continue"
        tc.append(OxmlElement("w:p"))


def _figure(document, block: Figure) -> None:
    picture = document.add_paragraph()
    picture.alignment = WD_ALIGN_PARAGRAPH.CENTER
    picture.paragraph_format.keep_with_next = True
    _run(picture, "", BODY_FONT, SIZE_3).add_picture(BytesIO(block.png), width=TYPE_AREA_WIDTH)
    caption = document.add_paragraph()
    _run(caption, block.caption, HEADING_FONT, SIZE_4)
    caption.alignment = WD_ALIGN_PARAGRAPH.CENTER
    caption.paragraph_format.space_after = Pt(6)


# ---------------------------------------------------------------------------------------------- page


def _set_landscape(section) -> None:
    """A landscape page for a wide 附件: the portrait margins turned with the page (225 × 156 mm type area)."""
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = PAGE_HEIGHT, PAGE_WIDTH
    section.top_margin, section.bottom_margin = MARGIN_LEFT, MARGIN_RIGHT
    section.left_margin, section.right_margin = MARGIN_TOP, MARGIN_BOTTOM
    section.header_distance = Mm(12)
    section.footer_distance = Mm(10)


def _set_page(section) -> None:
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = PAGE_WIDTH, PAGE_HEIGHT
    section.top_margin, section.bottom_margin = MARGIN_TOP, MARGIN_BOTTOM
    section.left_margin, section.right_margin = MARGIN_LEFT, MARGIN_RIGHT
    section.header_distance = Mm(15)
    # the page number sits about 7 mm under the type area (GB/T 9704 7.5); the footer line sits above it
    section.footer_distance = Mm(14)


def _footers(document, footer_text: str) -> None:
    """Odd pages: number right; even pages: number left (GB/T 9704 7.5); on demo data the note above it."""
    document.settings.odd_and_even_pages_header_footer = True
    section = document.sections[0]
    for footer, align in ((section.footer, WD_ALIGN_PARAGRAPH.RIGHT),
                          (section.even_page_footer, WD_ALIGN_PARAGRAPH.LEFT)):
        footer.is_linked_to_previous = False
        if footer_text:
            scope = footer.paragraphs[0]
            _run(scope, footer_text, BODY_FONT, SIZE_SMALL_5, colour=DEMO_COLOUR)
            scope.alignment = WD_ALIGN_PARAGRAPH.CENTER
            scope.paragraph_format.space_after = Pt(2)
            number = footer.add_paragraph()
        else:
            number = footer.paragraphs[0]
        number.alignment = align
        # 单页码居右空一字, 双页码居左空一字
        if align == WD_ALIGN_PARAGRAPH.RIGHT:
            number.paragraph_format.right_indent = SIZE_4
        else:
            number.paragraph_format.left_indent = SIZE_4
        _run(number, "— ", PAGE_NUMBER_FONT, SIZE_4)
        _page_field(number)
        _run(number, " —", PAGE_NUMBER_FONT, SIZE_4)


def _page_field(paragraph) -> None:
    run = _run(paragraph, "", PAGE_NUMBER_FONT, SIZE_4)
    for kind, text in (("begin", None), ("instr", " PAGE "), ("separate", None), ("text", "1"), ("end", None)):
        if kind == "instr":
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = text
        elif kind == "text":
            element = OxmlElement("w:t")
            element.text = text
        else:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        run._r.append(element)


# ---------------------------------------------------------------------------------------------- runs and styles


def _run(paragraph, text: str, east_asian_font: str, size, *, bold: bool = False, colour: RGBColor | None = None):
    run = paragraph.add_run(text)
    run.font.size = size
    run.font.bold = bold
    if colour is not None:
        run.font.color.rgb = colour
    _fonts(run._r.get_or_add_rPr(), east_asian_font)
    return run


def _fonts(rpr, east_asian_font: str) -> None:
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    fonts.set(qn("w:ascii"), LATIN_FONT)
    fonts.set(qn("w:hAnsi"), LATIN_FONT)
    fonts.set(qn("w:cs"), LATIN_FONT)
    fonts.set(qn("w:eastAsia"), east_asian_font)
    # full-width punctuation and digits next to Chinese take the East Asian face
    fonts.set(qn("w:hint"), "eastAsia")


def _set_defaults(document) -> None:
    """Normal is 三号 仿宋 in Chinese, so text an official types into the file later looks right too."""
    normal = document.styles["Normal"]
    normal.font.size = SIZE_3
    rpr = normal.element.get_or_add_rPr()
    _fonts(rpr, BODY_FONT)
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:val"), "en-US")
    lang.set(qn("w:eastAsia"), "zh-CN")
    normal.paragraph_format.space_after = Pt(0)
    normal.paragraph_format.space_before = Pt(0)
    normal.paragraph_format.widow_control = True


def _font_table(document) -> None:
    """Declare the Chinese faces as GB2312 fonts with a substitute, so Word and WPS pick a Chinese face."""
    font_part = next((rel.target_part for rel in document.part.rels.values() if rel.reltype.endswith("/fontTable")),
                     None)
    if font_part is None:
        return
    from lxml import etree

    root = etree.fromstring(font_part.blob)
    for name, substitute in SUBSTITUTES.items():
        font = etree.SubElement(root, qn("w:font"))
        font.set(qn("w:name"), name)
        etree.SubElement(font, qn("w:altName")).set(qn("w:val"), substitute)
        etree.SubElement(font, qn("w:charset")).set(qn("w:val"), "86")  # GB2312
        etree.SubElement(font, qn("w:family")).set(qn("w:val"), "modern" if name != TITLE_FONT else "roman")
        etree.SubElement(font, qn("w:pitch")).set(qn("w:val"), "fixed" if name != TITLE_FONT else "variable")
    font_part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _exact(paragraph, pitch) -> None:
    paragraph.paragraph_format.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    paragraph.paragraph_format.line_spacing = pitch


def _indent_chars(paragraph) -> None:
    # WPS keeps a 2-character indent in characters when the size changes; Word reads the twips
    ind = paragraph._p.get_or_add_pPr().find(qn("w:ind"))
    if ind is not None:
        ind.set(qn("w:firstLineChars"), "200")


def _repeat_header_tr(tr) -> None:
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    tr.get_or_add_trPr().append(header)


def _cant_split_tr(tr) -> None:
    element = OxmlElement("w:cantSplit")
    element.set(qn("w:val"), "true")
    tr.get_or_add_trPr().append(element)


def _plain_text(text: str) -> bool:
    """Text a copied cell can take as its one w:t: no tab or line break (python-docx makes those w:tab and
    w:br) and no space at either end (which needs xml:space="preserve")."""
    return "\t" not in text and "\n" not in text and "\r" not in text and text == text.strip()
