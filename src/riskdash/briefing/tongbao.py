"""The 通报 outline shared by the Word (.docx) and the A4 PDF exports, so that both carry the same content.

A ``Tongbao`` is the briefing already worded and numbered — title, 主送, headings 一、/（一）, paragraphs,
numbered tables and figures, 落款 and the footer line — with every number formatted once, here. The two
writers only lay it out (``docx_export`` in the GB/T 9704-2012 official-document layout, ``pdf_export`` as
an A4 handout); neither computes or rewords anything, which is what keeps the two files identical.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Callable

ZH_NUMERALS = "一二三四五六七八九十"
TITLE_LINE_CHARS = 18  # 二号 (22 pt): 20 characters across the 156 mm type area, less a margin for digits
# table cells are 小四 (12 pt): the 156 mm type area holds about 72 half-width characters with cell padding
TABLE_HALF_CHARS = 72
SHORT_COLUMN = 14  # "2026-02-09" (10) and "H000160002" (10) with their padding: never wrapped
LONG_COLUMN = 40
# GB/T 9704 7.3.3: 一、 then （一）; English documents number 1. and (1)
HEADING_FORMATS = {"zh": ("{n}、{title}", "（{n}）{title}"), "en": ("{n}. {title}", "({n}) {title}")}
_NO_LINE_START = set("，。、；：？！）》」』”’%,.;:!?)")


def _width(text: str) -> float:
    return sum(0.5 if ord(ch) < 0x2000 else 1.0 for ch in text)


def balanced_lines(text: str, per_line: float) -> list[str]:
    """``text`` cut into as few lines as fit ``per_line`` characters, of near-equal width."""
    total = _width(text)
    count = max(1, -int(-total // per_line))
    if count == 1:
        return [text]
    target = total / count
    if " " in text.strip():
        # a Latin title breaks between words only
        cut_points = [i for i in range(1, len(text)) if text[i - 1] == " " and text[i] not in _NO_LINE_START]
        best = min(cut_points, key=lambda i: abs(_width(text[:i]) - target), default=None)
        return [text] if best is None else [text[:best], *balanced_lines(text[best:], per_line)]
    cut_points = [
        i for i in range(1, len(text))
        if not (text[i - 1].isascii() and text[i - 1].isalnum() and text[i].isascii() and text[i].isalnum())
        and text[i] not in _NO_LINE_START
        and not (text[i - 1].isdigit() and text[i] in "年月日")
    ]
    best = min(cut_points, key=lambda i: abs(_width(text[:i]) - target), default=None)
    if best is None:
        return [text]
    return [text[:best], *balanced_lines(text[best:], per_line)]


def zh_numeral(n: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 20 → 二十 (headings never run past a few dozen)."""
    if n <= 10:
        return ZH_NUMERALS[n - 1]
    tens, ones = divmod(n, 10)
    return (ZH_NUMERALS[tens - 1] if tens > 1 else "") + "十" + (ZH_NUMERALS[ones - 1] if ones else "")


@dataclass(frozen=True)
class Heading:
    level: int  # 1: 一、 (黑体); 2: （一） (楷体)
    text: str  # numbered already: "一、事故形势"


@dataclass(frozen=True)
class Paragraph:
    text: str
    missing: bool = False  # a placeholder saying what data is missing, never a made-up number


@dataclass(frozen=True)
class Table:
    caption: str  # numbered already: "表1 主要指标"
    columns: list[str]
    rows: list[list[str]]
    note: str | None = None  # what it counts, the dates, the region, the as-of day, formulas
    grouped: bool = False  # the first column names a group: equal neighbours are shown as one merged cell

    def first_column_groups(self) -> list[tuple[int, int]]:
        """(first row, row count) of each run of equal first cells; one row each when not grouped."""
        if not self.grouped:
            return [(i, 1) for i in range(len(self.rows))]
        runs: list[tuple[int, int]] = []
        for i, row in enumerate(self.rows):
            if runs and self.rows[runs[-1][0]][0] == row[0]:
                runs[-1] = (runs[-1][0], runs[-1][1] + 1)
            else:
                runs.append((i, 1))
        return runs

    def column_shares(self) -> list[float]:
        """Each column's share of the table width. Short columns (codes, dates, counts) get the width of
        their longest text so they never wrap; the long ones (names, reasons) share the rest in proportion
        to their longest text. Both writers use it, so the two files break their cells alike."""
        needs = [max(_half_chars(row[i]) + 2 for row in [self.columns, *self.rows]) for i in range(len(self.columns))]
        short = [need if need <= SHORT_COLUMN else None for need in needs]
        fixed = sum(n for n in short if n is not None)
        flexible = [min(n, LONG_COLUMN) for n, s in zip(needs, short) if s is None]
        # everything fits unwrapped, or the short columns alone would crowd the page: share by need
        if fixed + sum(flexible) <= TABLE_HALF_CHARS or fixed >= TABLE_HALF_CHARS * 0.7:
            total = sum(min(n, LONG_COLUMN) for n in needs)
            return [min(n, LONG_COLUMN) / total for n in needs]
        rest = TABLE_HALF_CHARS - fixed
        flexible_total = sum(flexible)
        return [s / TABLE_HALF_CHARS if s is not None else rest * min(n, LONG_COLUMN) / flexible_total / TABLE_HALF_CHARS
                for n, s in zip(needs, short)]


@dataclass(frozen=True)
class Figure:
    caption: str  # numbered already: "图1 ……"
    png: bytes


def _half_chars(text: object) -> int:
    return sum(1 if ord(ch) < 0x2000 else 2 for ch in str(text))


Block = Heading | Paragraph | Table | Figure


@dataclass(frozen=True)
class Tongbao:
    title: str
    addressee: str  # 主送: "各县（市、区）安委会，市安委会各成员单位："
    blocks: list[Block]
    issuer: str  # 落款: the issuing body
    issued_on: date
    issued_on_text: str  # "2026年11月28日"
    footer: str  # filters, as-of day, generation time (and 演示数据 on demo data)
    lang: str = "zh"
    demo_mark: str | None = None  # "演示数据" on demo data, else None
    subtitle: str | None = None  # scope line under the title: region, period, as-of day
    title_breaks: tuple[int, ...] = ()  # where the title may break by sense (after the period, the region)

    def title_lines(self, per_line: float = TITLE_LINE_CHARS) -> list[str]:
        """The title broken into balanced lines (GB/T 9704 7.3.1: a long title in 梯形 or 菱形, never one
        character left alone on its line): at a break by sense when the lines then fit, else by width,
        never inside a number such as 2026."""
        if _width(self.title) > per_line:
            fitting = [i for i in self.title_breaks
                       if _width(self.title[:i]) <= per_line and _width(self.title[i:]) <= per_line
                       and self.title[i] not in _NO_LINE_START and not self.title[i].isspace()]
            if fitting:
                best = min(fitting, key=lambda i: abs(_width(self.title[:i]) - _width(self.title[i:])))
                return [self.title[:best], self.title[best:]]
        return balanced_lines(self.title, per_line)

    def texts(self) -> list[str]:
        """Every piece of text in reading order (what a reader of either file should find)."""
        out = [self.title, *([self.subtitle] if self.subtitle else []), self.addressee]
        for block in self.blocks:
            if isinstance(block, Table):
                out += [block.caption, *block.columns, *(cell for row in block.rows for cell in row)]
                out += [block.note] if block.note else []
            elif isinstance(block, Figure):
                out.append(block.caption)
            else:
                out.append(block.text)
        return out + [self.issuer, self.issued_on_text]


@dataclass
class Numbering:
    """Numbers headings 一、（一） and tables/figures 表1/图1 in the order they are added (1. (1) Table 1 in
    English)."""

    lang: str = "zh"
    headings: int = 0
    subheadings: int = 0
    tables: int = 0
    figures: int = 0
    blocks: list[Block] = field(default_factory=list)

    def _n(self, n: int) -> str:
        return zh_numeral(n) if self.lang == "zh" else str(n)

    def h1(self, text: str) -> None:
        self.headings += 1
        self.subheadings = 0
        self.blocks.append(Heading(1, HEADING_FORMATS[self.lang][0].format(n=self._n(self.headings), title=text)))

    def h2(self, text: str) -> None:
        self.subheadings += 1
        self.blocks.append(Heading(2, HEADING_FORMATS[self.lang][1].format(n=self._n(self.subheadings), title=text)))

    def para(self, text: str, missing: bool = False) -> None:
        self.blocks.append(Paragraph(text, missing))

    def table(self, title: str, columns: list[str], rows: list[list[str]], note: str | None = None,
              grouped: bool = False) -> None:
        self.tables += 1
        self.blocks.append(Table(_t("table_label", self.lang, n=self.tables, title=title), list(columns),
                                 [list(row) for row in rows], note, grouped))

    def figure(self, title: str, png: bytes) -> None:
        self.figures += 1
        self.blocks.append(Figure(_t("figure_label", self.lang, n=self.figures, title=title), png))


def _t(key: str, lang: str, **values) -> str:
    from riskdash import i18n

    return i18n.t(f"briefing.document.{key}", lang, **values)


# ---------------------------------------------------------------------------------------------- from a Brief


def outline(brief, chart_png: Callable[[object], bytes] | None = None) -> Tongbao:
    """The 通报 of a ``riskdash.briefing.content.Brief``: every figure and sentence taken from the Brief as it
    stands (its KPI ``display`` strings, its headline sentences, its tables' display cells), so the Word
    file, the PDF, the slides and ``riskdash metrics`` agree by construction.

    Layout: the opening line and 表1 主要指标 (every KPI of every section, with its formula); then one
    heading 一、 per section in meeting order, its conclusion as （一） with the headline text and its chart
    under it, and its list as （二）; a section whose data is missing says so in place of figures.
    ``chart_png`` turns a ``ChartSpec`` into PNG bytes (default: its plotly figure through kaleido).
    """
    from riskdash import i18n

    meta = brief.meta
    lang = meta.lang
    render = chart_png or _chart_png
    day = i18n.day(meta.as_of, lang)
    # the brief's period text names the days; the 通报's title and notes use it as it is
    period = meta.period_text
    scope_note = _t("scope_note", lang, region=meta.region_name, period=period, day=day)
    joiner = "" if lang == "zh" else " "

    doc = Numbering(lang)
    doc.para(_t("opening", lang, period=period, region=meta.region_name))
    kpi_rows = [[slide.section, kpi.label, kpi.display] for slide in brief.slides for kpi in slide.kpis]
    formulas = []
    for slide in brief.slides:
        for kpi in slide.kpis:
            text = f"{kpi.label}{'：' if lang == 'zh' else ': '}{kpi.formula}" if kpi.formula else None
            if text and text not in formulas:
                formulas.append(text)
    kpi_note = scope_note
    if formulas:
        kpi_note += joiner + _t("formulas", lang, text=("；" if lang == "zh" else "; ").join(formulas))
    if kpi_rows:
        doc.table(_t("kpi_table", lang), [_t("col.section", lang), _t("col.indicator", lang),
                                          _t("col.value", lang)], kpi_rows, kpi_note, grouped=True)

    for slide in brief.slides:
        doc.h1(slide.section)
        if slide.placeholder and not slide.headline:
            doc.para(slide.placeholder, missing=True)
            continue
        if slide.title and slide.title != slide.section:
            doc.h2(slide.title)
        if slide.headline:
            doc.para(joiner.join(slide.headline))
        if slide.placeholder:
            doc.para(slide.placeholder, missing=True)
        if slide.chart is not None:
            doc.figure(slide.chart.title, render(slide.chart))
        if slide.table is not None:
            doc.h2(slide.table.title)
            note = scope_note
            shown = len(slide.table.rows)
            if slide.table.total > shown:
                note += joiner + _t("more_rows", lang, total=slide.table.total, shown=shown)
            # the next-step list is ordered by kind of task (its first column)
            doc.table(slide.table.title, list(slide.table.columns), [list(r) for r in slide.table.rows], note,
                      grouped=slide.key == "next_steps")

    footer = f"{meta.filters_text} · {meta.generated_text}"
    if meta.demo_text:
        footer += _t("footer_demo", lang, demo=meta.demo_text)
    issued_on = meta.generated_at.date()
    title = _t("title", lang, period=period, region=meta.region_name)
    breaks = tuple(i for i in (title.find(meta.region_name), title.find(meta.region_name) + len(meta.region_name))
                   if 0 < i < len(title))
    return Tongbao(
        title=title,
        title_breaks=breaks,
        addressee=_t(f"addressee.{meta.region_level}" if meta.region_level in ("city", "county", "township")
                     else "addressee.city", lang),
        blocks=doc.blocks,
        issuer=_t("issuer", lang, region=meta.region_name),
        issued_on=issued_on,
        issued_on_text=i18n.day(issued_on, lang),
        footer=footer,
        lang=lang,
        demo_mark=meta.demo_text,
        subtitle=_t("subtitle", lang, day=day),
    )


def start_chart_renderer() -> None:
    """Start kaleido's Chromium in the background (it returns at once; chart calls wait until it is up).

    ``riskdash brief`` calls this before it builds the Brief of a .docx or .pdf (the formats with chart
    images): Chromium's start (the slowest step of a chart, seconds on a busy PC) then overlaps the queries
    instead of following them. ``charts.to_png`` later finds the server running and uses it. Not done on
    import: importing a module must not start a browser.
    """
    try:
        import kaleido

        kaleido.start_sync_server(silence_warnings=True)
    except Exception:  # noqa: BLE001 (no Chromium: the first chart says so, with its own error)
        pass


def _chart_png(chart) -> bytes:
    from riskdash import charts

    # 1800 × 720 px printed 156 mm wide is about 290 dpi: sharp on paper, and quicker to draw and to embed
    return charts.to_png(chart.figure(), width=1200, height=480, scale=1.5)
