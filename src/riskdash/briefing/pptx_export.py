"""The briefing as a 16:9 PowerPoint deck (``write_pptx``), for a projector at a safety meeting.

A title slide (region, period, as-of day, 演示数据 on demo data), then one slide per ``content.Slide`` in
meeting order: its conclusion as the title, the KPIs, the headline text, a native editable chart (python-pptx
``add_chart``, so an official can restyle it in PowerPoint or WPS) and / or a table, and a footer with the
filters and the as-of day.

python-pptx sets only the latin typeface of a run; PowerPoint and LibreOffice then pick the East Asian face
from the theme, which on an intranet PC may be missing and on Linux may fall back to boxes. Every run here
(and the chart's text properties) therefore names the typeface for latin, East Asian and complex script
explicitly (``a:latin``, ``a:ea``, ``a:cs``): the East Asian face by the name office PCs have (黑体; the
cover's title in 方正小标宋简体), never Noto, which an office PC rarely has; LibreOffice on Linux substitutes
Noto CJK for them.

Every slide's title sits in the layout's title placeholder (layout "Title Only"), so that PowerPoint's and
WPS's outline pane lists the slides by their conclusions; tables are set in 14 pt, legible on a projector.

Shapes carry names the tests (and anyone scripting the deck) can find: ``title``, ``section``, ``headline``,
``kpi:<key>`` (the number), ``kpi-label:<key>``, ``chart``, ``table``, ``placeholder``, ``footer``, ``demo``.
"""

from __future__ import annotations

import math
from pathlib import Path

from lxml import etree
from pptx import Presentation
from pptx.chart.data import CategoryChartData
from pptx.dml.color import RGBColor
from pptx.enum.chart import XL_CHART_TYPE, XL_LEGEND_POSITION
from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
from pptx.oxml.ns import qn
from pptx.util import Inches, Pt

from riskdash import i18n
from riskdash.briefing.content import Brief, ChartSpec, Slide, TableSpec

FONT = "黑体"  # the East Asian face by its office name (SimHei on every Windows PC, 黑体 in WPS)
TITLE_FONT = "方正小标宋简体"  # the cover's title, as on a 公文
LATIN_FONT = "Arial"
TITLE_ONLY_LAYOUT = 5  # the default template's "Title Only": a title placeholder and nothing else
TABLE_PT = 14
SHORT_UNITS = 6.5  # a column whose longest text is at most this many em is never wrapped
WIDTH, HEIGHT = Inches(13.333), Inches(7.5)
MARGIN = Inches(0.5)
INK = RGBColor(0x1F, 0x29, 0x37)
MUTED = RGBColor(0x5F, 0x6B, 0x7A)
ACCENT = RGBColor(0x1F, 0x5F, 0xA8)
ALERT = RGBColor(0xC0, 0x39, 0x2B)
KPI_FILL = RGBColor(0xF1, 0xF4, 0xF8)
CHART_TYPES = {("bar", False): XL_CHART_TYPE.BAR_CLUSTERED, ("bar", True): XL_CHART_TYPE.BAR_STACKED,
               ("column", False): XL_CHART_TYPE.COLUMN_CLUSTERED, ("column", True): XL_CHART_TYPE.COLUMN_STACKED,
               ("line", False): XL_CHART_TYPE.LINE_MARKERS, ("line", True): XL_CHART_TYPE.LINE_MARKERS}
NUMERALS = "一二三四五六七八九十"


# ---------------------------------------------------------------------------------------------- fonts


def set_typefaces(rPr, typeface: str = FONT, latin: str = LATIN_FONT) -> None:
    """Name the typeface for latin, East Asian and complex-script text on a run (or defRPr) element, in the
    order the schema wants (latin, ea, cs after the fill)."""
    for tag in ("a:latin", "a:ea", "a:cs"):
        for old in rPr.findall(qn(tag)):
            rPr.remove(old)
    followers = [rPr.find(qn(t)) for t in ("a:sym", "a:hlinkClick", "a:hlinkMouseOver", "a:rtl", "a:extLst")]
    anchor = next((f for f in followers if f is not None), None)
    for tag in ("a:latin", "a:ea", "a:cs"):
        element = etree.SubElement(rPr, qn(tag))
        element.set("typeface", typeface if tag == "a:ea" else latin)
        if anchor is not None:
            anchor.addprevious(element)


def _style_run(run, size: float, bold: bool = False, colour: RGBColor = INK, typeface: str = FONT) -> None:
    run.font.size = Pt(size)
    run.font.bold = bold
    run.font.color.rgb = colour
    set_typefaces(run._r.get_or_add_rPr(), typeface)


def _title(slide, text: str, left, top, width, height, size: float, colour: RGBColor, align, typeface: str = FONT):
    """The slide's title in the layout's title placeholder (the outline pane lists it), placed and styled
    like the other text boxes."""
    shape = slide.shapes.title
    shape.name = "title"
    shape.left, shape.top, shape.width, shape.height = left, top, width, height
    frame = shape.text_frame
    frame.word_wrap = True
    frame.vertical_anchor = MSO_ANCHOR.MIDDLE
    frame.margin_left = frame.margin_right = Inches(0.05)
    frame.margin_top = frame.margin_bottom = Inches(0.02)
    paragraph = frame.paragraphs[0]
    paragraph.alignment = align
    run = paragraph.add_run()
    run.text = text
    _style_run(run, size, True, colour, typeface)
    return shape


def _text_box(slide, name: str, left, top, width, height, paragraphs: list[tuple[str, float, bool, RGBColor]],
              align=PP_ALIGN.LEFT, anchor=MSO_ANCHOR.TOP, space_after: float = 0):
    box = slide.shapes.add_textbox(left, top, width, height)
    box.name = name
    frame = box.text_frame
    frame.word_wrap = True
    frame.vertical_anchor = anchor
    frame.margin_left = frame.margin_right = Inches(0.05)
    for i, (text, size, bold, colour) in enumerate(paragraphs):
        paragraph = frame.paragraphs[0] if i == 0 else frame.add_paragraph()
        paragraph.alignment = align
        if space_after:
            paragraph.space_after = Pt(space_after)
        _style_run(paragraph.add_run(), size, bold, colour)
        paragraph.runs[0].text = text
    return box


def _rect(slide, name: str, left, top, width, height, fill: RGBColor):
    from pptx.enum.shapes import MSO_SHAPE

    shape = slide.shapes.add_shape(MSO_SHAPE.RECTANGLE, left, top, width, height)
    shape.name = name
    shape.fill.solid()
    shape.fill.fore_color.rgb = fill
    shape.line.fill.background()
    shape.shadow.inherit = False
    return shape


# ---------------------------------------------------------------------------------------------- parts


def _footer(slide, brief: Brief, page: int) -> None:
    meta = brief.meta
    text = meta.filters_text + " · " + meta.generated_text
    _text_box(slide, "footer", MARGIN, HEIGHT - Inches(0.45), WIDTH - 2 * MARGIN - Inches(1.0), Inches(0.35),
              [(text, 10, False, MUTED)], anchor=MSO_ANCHOR.MIDDLE)
    _text_box(slide, "page", WIDTH - MARGIN - Inches(1.0), HEIGHT - Inches(0.45), Inches(1.0), Inches(0.35),
              [(i18n.t("briefing.x.page", meta.lang, n=page), 10, False, MUTED)], align=PP_ALIGN.RIGHT,
              anchor=MSO_ANCHOR.MIDDLE)
    if meta.demo_text:
        tag = _rect(slide, "demo", WIDTH - MARGIN - Inches(1.3), Inches(0.2), Inches(1.3), Inches(0.4), ALERT)
        frame = tag.text_frame
        frame.margin_top = frame.margin_bottom = 0
        paragraph = frame.paragraphs[0]
        paragraph.alignment = PP_ALIGN.CENTER
        run = paragraph.add_run()
        run.text = meta.demo_text
        _style_run(run, 14, True, RGBColor(0xFF, 0xFF, 0xFF))


def _title_slide(prs, brief: Brief) -> None:
    meta = brief.meta
    slide = prs.slides.add_slide(prs.slide_layouts[TITLE_ONLY_LAYOUT])
    band = _rect(slide, "band", 0, Inches(2.3), WIDTH, Inches(2.6), ACCENT)
    title = _title(slide, meta.title, MARGIN, Inches(2.5), WIDTH - 2 * MARGIN, Inches(1.2), 40,
                   RGBColor(0xFF, 0xFF, 0xFF), PP_ALIGN.CENTER, TITLE_FONT)
    title._element.addprevious(band._element)  # the band under the title (the placeholder came first)
    as_of = i18n.t("stamp.as_of", meta.lang, day=i18n.day(meta.as_of, meta.lang))
    _text_box(slide, "subtitle", MARGIN, Inches(3.7), WIDTH - 2 * MARGIN, Inches(1.0),
              [(i18n.t("briefing.x.deck_subtitle", meta.lang, period=meta.period_text), 22, False,
                RGBColor(0xFF, 0xFF, 0xFF)),
               (as_of, 18, False, RGBColor(0xE6, 0xEC, 0xF3))], align=PP_ALIGN.CENTER)
    if meta.demo_text:
        tag = _rect(slide, "demo-title", WIDTH / 2 - Inches(1.2), Inches(5.3), Inches(2.4), Inches(0.7), ALERT)
        paragraph = tag.text_frame.paragraphs[0]
        paragraph.alignment = PP_ALIGN.CENTER
        run = paragraph.add_run()
        run.text = meta.demo_text
        _style_run(run, 24, True, RGBColor(0xFF, 0xFF, 0xFF))
    _footer(slide, brief, 1)


def _kpis(slide, kpis, top) -> None:
    if not kpis:
        return
    gap = Inches(0.15)
    width = int((WIDTH - 2 * MARGIN - gap * (len(kpis) - 1)) / len(kpis))
    for i, kpi in enumerate(kpis):
        left = MARGIN + i * (width + gap)
        _rect(slide, f"kpi-box:{kpi.key}", left, top, width, Inches(0.9), KPI_FILL)
        _text_box(slide, f"kpi:{kpi.key}", left, top + Inches(0.03), width, Inches(0.52),
                  [(kpi.display, 26, True, ACCENT)], align=PP_ALIGN.CENTER, anchor=MSO_ANCHOR.MIDDLE)
        _text_box(slide, f"kpi-label:{kpi.key}", left, top + Inches(0.53), width, Inches(0.33),
                  [(kpi.label, 12, False, MUTED)], align=PP_ALIGN.CENTER, anchor=MSO_ANCHOR.MIDDLE)


def _chart(slide, spec: ChartSpec, left, top, width, height) -> None:
    data = CategoryChartData()
    data.categories = list(spec.categories)
    for name, values in spec.series:
        data.add_series(name, list(values))
    frame = slide.shapes.add_chart(CHART_TYPES[spec.kind, spec.stacked], left, top, width, height, data)
    frame.name = "chart"
    chart = frame.chart
    # the chart's default text properties: every label, axis and legend inherits the CJK typeface
    chart.font.size = Pt(11)
    chart.font.color.rgb = INK
    set_typefaces(chart.font._element)
    chart.has_title = True
    title_frame = chart.chart_title.text_frame
    title_frame.text = spec.title
    for paragraph in title_frame.paragraphs:
        for run in paragraph.runs:
            _style_run(run, 10.5, True)
    chart.has_legend = len(spec.series) > 1
    if chart.has_legend:
        chart.legend.position = XL_LEGEND_POSITION.BOTTOM
        chart.legend.include_in_layout = False
    value_axis = chart.value_axis
    value_axis.has_major_gridlines = True
    value_axis.major_gridlines.format.line.color.rgb = RGBColor(0xE5, 0xE5, 0xE5)
    start, end, unit = spec.value_axis()  # a rate axis zoomed to where its bars differ, its title saying so
    value_axis.has_title = True
    value_axis.axis_title.text_frame.text = unit
    for paragraph in value_axis.axis_title.text_frame.paragraphs:
        for run in paragraph.runs:
            _style_run(run, 11, False, MUTED)
    if start is not None:
        value_axis.minimum_scale = start  # 0 for counts; a zoomed rate axis says where it starts in its title
    if end is not None:
        value_axis.maximum_scale = end
    _label_every_category(chart.category_axis)
    if spec.kind == "bar":
        chart.category_axis.reverse_order = True  # the first category on top, as listed
    plot = chart.plots[0]
    plot.has_data_labels = True
    plot.data_labels.font.size = Pt(10)
    plot.data_labels.number_format = "General;-General;;@"  # zero segments carry no label
    plot.data_labels.number_format_is_linked = False
    set_typefaces(plot.data_labels.font._element)
    if spec.kind != "line":
        plot.gap_width = 60
        if spec.stacked:
            plot.overlap = 100
    colours = spec.colours or ("#1f5fa8", "#9aa5b1", "#c0392b", "#2c7bb6")
    for series, colour in zip(plot.series, colours):
        fill = series.format.line if spec.kind == "line" else series.format.fill
        if spec.kind == "line":
            fill.color.rgb = RGBColor.from_string(colour.lstrip("#"))
        else:
            fill.solid()
            fill.fore_color.rgb = RGBColor.from_string(colour.lstrip("#"))


def _units(text: str) -> float:
    """Width of a text in em: a CJK character is one, a latin letter or digit about 0.6 (Arial; DejaVu where
    LibreOffice stands in for it)."""
    return sum(1.0 if ord(ch) > 0x2E80 else 0.62 for ch in text)


def _lines(text: str, width_in: float, size_pt: float) -> int:
    per_line = max(1.0, width_in * 72 / size_pt - 1)
    return max(1, math.ceil(_units(text) / per_line))


def _text_height(paragraphs: list[str], width_in: float, size_pt: float, space_pt: float) -> float:
    """Inches a wrapped text block needs (line height 1.3)."""
    lines = sum(_lines(p, width_in, size_pt) for p in paragraphs)
    return (lines * size_pt * 1.3 + len(paragraphs) * space_pt) / 72 + 0.15


def _label_every_category(axis) -> None:
    """c:tickLblSkip=1: LibreOffice otherwise drops every other township name when space is short."""
    element = axis._element
    for old in element.findall(qn("c:tickLblSkip")):
        element.remove(old)
    skip = etree.SubElement(element, qn("c:tickLblSkip"))
    skip.set("val", "1")
    follower = next((f for f in (element.find(qn(t)) for t in ("c:tickMarkSkip", "c:noMultiLvlLbl", "c:extLst"))
                     if f is not None), None)
    if follower is not None:
        follower.addprevious(skip)
    axis.tick_labels.font.size = Pt(9)
    set_typefaces(axis.tick_labels.font._element)


def _table(slide, spec: TableSpec, lang: str, left, top, width, bottom) -> None:
    """The table's first rows that fit above ``bottom`` (wrapped rows counted), columns sized to their text; a
    table beside a chart shows its ``slide_columns``."""
    if width < WIDTH - 2 * MARGIN:
        spec = spec.for_slide()
    size, line_in = TABLE_PT, TABLE_PT * 1.25 / 72
    width_in = width / 914400
    # a short column (dates, codes, counts, grades) as wide as its longest text, so it never wraps; the long
    # ones (names, reasons) share the rest by their longest text (capped)
    longest = [max([_units(spec.columns[c])] + [_units(r[c]) for r in spec.rows[:12]])
               for c in range(len(spec.columns))]
    need_in = [u * size / 72 + 0.16 for u in longest]
    short = [u <= SHORT_UNITS for u in longest]
    fixed = sum(n for n, is_short in zip(need_in, short) if is_short)
    flexible = [min(u, 18.0) for u, is_short in zip(longest, short) if not is_short]
    if flexible and fixed < width_in * 0.75:
        rest = width_in - fixed
        col_in = [n if is_short else rest * min(u, 18.0) / sum(flexible)
                  for n, u, is_short in zip(need_in, longest, short)]
    else:
        weights = [min(u, 18.0) + 1.5 for u in longest]
        col_in = [width_in * w / sum(weights) for w in weights]

    def row_in(values) -> float:
        return max(_lines(str(v), w - 0.1, size) for v, w in zip(values, col_in)) * line_in + 0.08

    room = (bottom - top) / 914400 - 0.4 - row_in(spec.columns)
    shown = 0
    for row in spec.rows:
        need = row_in(row)
        if need > room:
            break
        room -= need
        shown += 1
    shown = max(1, shown)
    rows = spec.head(shown)
    more = spec.more(len(rows), lang)
    label = spec.title + ((f"（{more}）" if lang == "zh" else f" ({more})") if more else "")
    _text_box(slide, "table-title", left, top, width, Inches(0.35), [(label, 14, True, INK)])
    heights = [row_in(spec.columns)] + [row_in(r) for r in rows]
    shape = slide.shapes.add_table(len(rows) + 1, len(spec.columns), left, top + Inches(0.4), width,
                                   Inches(sum(heights)))
    shape.name = "table"
    table = shape.table
    for c, w in enumerate(col_in):
        table.columns[c].width = Inches(w)
    for r, values in enumerate([spec.columns, *rows]):
        table.rows[r].height = Inches(heights[r])
        for c, value in enumerate(values):
            cell = table.cell(r, c)
            cell.margin_top = cell.margin_bottom = Inches(0.03)
            cell.margin_left = cell.margin_right = Inches(0.05)
            frame = cell.text_frame
            frame.word_wrap = True
            run = frame.paragraphs[0].add_run()
            run.text = str(value)
            _style_run(run, size, r == 0, RGBColor(0xFF, 0xFF, 0xFF) if r == 0 else INK)


VISUAL_MIN_IN = 2.6  # the least height a chart or a table beside the text keeps (inches)
TEXT_SIZES = (14, 13, 12)  # the headline's sizes, largest first; 12 pt is the smallest read across a room


def _text_size(text: list[str], width_in: float, room_in: float, visual: bool) -> int:
    """The largest of TEXT_SIZES at which ``text`` leaves a visual VISUAL_MIN_IN of ``room_in`` (the smallest
    when none does; 14 when the slide has no chart or table)."""
    if not visual:
        return TEXT_SIZES[0]
    for size in TEXT_SIZES:
        if room_in - _text_height(text, width_in, size, 6) - 0.05 >= VISUAL_MIN_IN:
            return size
    return TEXT_SIZES[-1]


def _title_size(title: str) -> int:
    units = _units(title)
    return 28 if units <= 28 else 24 if units <= 33 else 20


def _content_slide(prs, brief: Brief, slide_spec: Slide, number: int, page: int) -> None:
    lang = brief.meta.lang
    slide = prs.slides.add_slide(prs.slide_layouts[TITLE_ONLY_LAYOUT])
    section = f"{NUMERALS[number - 1]}、{slide_spec.section}" if lang == "zh" else f"{number}. {slide_spec.section}"
    _text_box(slide, "section", MARGIN, Inches(0.2), Inches(6), Inches(0.4), [(section, 14, True, ACCENT)])
    _title(slide, slide_spec.title, MARGIN, Inches(0.6), WIDTH - 2 * MARGIN, Inches(0.75),
           _title_size(slide_spec.title), INK, PP_ALIGN.LEFT)
    _kpis(slide, slide_spec.kpis, Inches(1.45))
    top, bottom = Inches(2.45), HEIGHT - Inches(0.5)
    full = WIDTH - 2 * MARGIN
    text = [*slide_spec.headline, *([slide_spec.split] if slide_spec.split else [])]  # + the classes (issue 18)
    if text:
        # 14 pt, or smaller where the text would leave the chart and the table less than VISUAL_MIN_IN (slide 2
        # with its classes' paragraph left a chart 1.1 in high and a table of one row)
        size = _text_size(text, full / 914400 - 0.1, (bottom - top) / 914400,
                          slide_spec.chart is not None or slide_spec.table is not None)
        height = Inches(_text_height(text, full / 914400 - 0.1, size, 6))
        _text_box(slide, "headline", MARGIN, top, full, height, [(t, size, False, INK) for t in text], space_after=6)
        top += height + Inches(0.05)
    visual = slide_spec.placeholder is not None or slide_spec.chart is not None
    if visual and slide_spec.table is not None:
        visual_width = Inches(6.3)
        table_left = MARGIN + visual_width + Inches(0.25)
        table_width = WIDTH - MARGIN - table_left
    else:
        visual_width, table_left, table_width = full, MARGIN, full
    if slide_spec.placeholder is not None:
        _rect(slide, "placeholder-box", MARGIN, top, visual_width, bottom - top, KPI_FILL)
        _text_box(slide, "placeholder", MARGIN + Inches(0.3), top, visual_width - Inches(0.6), bottom - top,
                  [(slide_spec.placeholder, 18, False, MUTED)], align=PP_ALIGN.CENTER, anchor=MSO_ANCHOR.MIDDLE)
    elif slide_spec.chart is not None:
        _chart(slide, slide_spec.chart, MARGIN, top, visual_width, bottom - top)
    if slide_spec.table is not None:
        _table(slide, slide_spec.table, lang, table_left, top, table_width, bottom)
    _footer(slide, brief, page)


# ---------------------------------------------------------------------------------------------- the deck


def build_presentation(brief: Brief):
    prs = Presentation()
    prs.slide_width, prs.slide_height = WIDTH, HEIGHT
    prs.core_properties.title = brief.meta.title
    prs.core_properties.subject = brief.meta.filters_text
    prs.core_properties.language = "zh-CN" if brief.meta.lang == "zh" else "en"
    _title_slide(prs, brief)
    for number, slide_spec in enumerate(brief.slides, start=1):
        _content_slide(prs, brief, slide_spec, number, number + 1)
    return prs


def write_pptx(brief: Brief, path: str | Path) -> Path:
    """Write the deck to ``path`` (the caller renames a temp file into place)."""
    path = Path(path)
    build_presentation(brief).save(str(path))
    return path
