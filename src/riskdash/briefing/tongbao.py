"""The 通报 outline shared by the Word (.docx) and the A4 PDF exports, so that both carry the same content.

A ``Tongbao`` is the briefing already worded and numbered — title, 主送, headings 一、/（一）, paragraphs,
numbered tables and figures, 落款 and the footer line — with every number formatted once, here. The two
writers only lay it out (``docx_export`` in the GB/T 9704-2012 official-document layout, ``pdf_export`` as
an A4 handout); neither computes or rewords anything, which is what keeps the two files identical.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass, field
from datetime import date
from typing import Callable

ZH_NUMERALS = "一二三四五六七八九十"
MASTHEAD_WIDTH_PT = 156 / 25.4 * 72 * 0.92  # the type area less a margin, in points
MASTHEAD_MAX_PT = 36.0
BODY_ROWS = 10  # a list longer than this goes to a 附件 after the 落款; shorter ones stay in the body
TITLE_LINE_CHARS = 18  # 二号 (22 pt): 20 characters across the 156 mm type area, less a margin for digits
# table cells are 小四 (12 pt): the 156 mm type area holds about 72 half-width characters with cell padding
TABLE_HALF_CHARS = 72
# a 附件 of many columns is set on a landscape page (GB/T 9704 横排表格): a 225 mm type area across
LANDSCAPE_HALF_CHARS = 104
LANDSCAPE_COLUMNS = 6
SHORT_COLUMN = 14  # "H000160002" (10) and "5月30日" (7) with their padding: never wrapped
# a cell's padding in half-width characters: digits and Latin letters of the CJK faces run wider than half
CELL_PADDING = 3
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
    caption: str  # numbered already: "表1 主要指标" (an attachment's table: its title)
    columns: list[str]
    rows: list[list[str]]
    note: str | None = None  # what it counts, the dates, the region, the as-of day, formulas
    grouped: bool = False  # the first column names a group: equal neighbours are shown as one merged cell
    landscape: bool = False  # set across a landscape page (an attachment of many columns)

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
        across = LANDSCAPE_HALF_CHARS if self.landscape else TABLE_HALF_CHARS
        needs = [max(_half_chars(row[i]) + CELL_PADDING for row in [self.columns, *self.rows]) for i in range(len(self.columns))]
        short = [need if need <= SHORT_COLUMN else None for need in needs]
        fixed = sum(n for n in short if n is not None)
        flexible = [min(n, LONG_COLUMN) for n, s in zip(needs, short) if s is None]
        # everything fits unwrapped, or the short columns alone would crowd the page: share by need
        if fixed + sum(flexible) <= across or fixed >= across * 0.7:
            total = sum(min(n, LONG_COLUMN) for n in needs)
            return [min(n, LONG_COLUMN) / total for n in needs]
        rest = across - fixed
        flexible_total = sum(flexible)
        return [s / across if s is not None else rest * min(n, LONG_COLUMN) / flexible_total / across
                for n, s in zip(needs, short)]


@dataclass(frozen=True)
class Figure:
    caption: str  # numbered already: "图1 ……"
    png: bytes


def _half_chars(text: object) -> int:
    return sum(1 if ord(ch) < 0x2000 else 2 for ch in str(text))


Block = Heading | Paragraph | Table | Figure


@dataclass(frozen=True)
class Attachment:
    """A long list printed after the 落款 (GB/T 9704 7.3.5: 附件 on its own pages, "附件1" in 黑体 top left)."""

    label: str  # "附件1"
    title: str  # "逾期未销号重大隐患清单"
    table: Table


@dataclass(frozen=True)
class Tongbao:
    title: str
    addressee: str  # 主送: "各县（区、市）安委会，市安委会各成员单位："
    blocks: list[Block]
    issuer: str  # 落款: the issuing body
    issued_on: date
    issued_on_text: str  # "2026年11月28日"
    footer: str  # the demo-data note on every page ("" on real data): a 公文 footer carries the page number only
    lang: str = "zh"
    demo_mark: str | None = None  # "演示数据" on demo data, else None
    subtitle: str | None = None  # scope line under the title (unused in a 公文: the cut-off day is in the body)
    title_breaks: tuple[int, ...] = ()  # where the title may break by sense (after the issuer, after 关于)
    mark: str = ""  # 版头: 发文机关标志 (red, centred)
    number: str = ""  # 版头: 发文字号 ("云安办〔2026〕12号")
    attachment_note: tuple[str, ...] = ()  # 附件说明 under the body: "附件：1. …", "2. …"
    attachments: tuple[Attachment, ...] = ()
    copy_to: str = ""  # 版记: "抄送：市委办公室，市政府办公室。"
    printed_by: str = ""  # 版记: 印发机关
    printed_on_text: str = ""  # 版记: "2026年11月28日印发"

    def mark_size_pt(self, width_pt: float = MASTHEAD_WIDTH_PT) -> float:
        """The 发文机关标志's size in points: at most ``MASTHEAD_MAX_PT``, and small enough for the mark to stay
        on one line across the type area."""
        return float(min(MASTHEAD_MAX_PT, int(width_pt / max(_width(self.mark), 1) * 10) / 10))

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
        out = [t for t in (self.mark, self.number) if t]
        out += [self.title, *([self.subtitle] if self.subtitle else []), self.addressee]

        def table_texts(block: Table) -> list[str]:
            return [block.caption, *block.columns, *(cell for row in block.rows for cell in row),
                    *([block.note] if block.note else [])]

        for block in self.blocks:
            if isinstance(block, Table):
                out += table_texts(block)
            elif isinstance(block, Figure):
                out.append(block.caption)
            else:
                out.append(block.text)
        out += [*self.attachment_note, self.issuer, self.issued_on_text]
        for attachment in self.attachments:
            out += [attachment.label, attachment.title, *table_texts(attachment.table)[1:]]
        return out + [t for t in (self.copy_to, self.printed_by, self.printed_on_text) if t]


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


def months_phrase(start: date, end: date, lang: str = "zh") -> str:
    """The whole months a period touches, as a 通报 title names them: "2026年1—11月", "2026年3月",
    "2025年7月—2026年6月" (the cut-off day is said in the body)."""
    if lang != "zh":
        from riskdash.filters import en_period, month_end

        return en_period(start.replace(day=1), month_end(end.year, end.month))
    if start.year == end.year:
        months = f"{start.month}月" if start.month == end.month else f"{start.month}—{end.month}月"
        return f"{start.year}年{months}"
    return f"{start.year}年{start.month}月—{end.year}年{end.month}月"


def addressee(level: str, own_kind: str, child_kinds: tuple[str, ...] | list[str], lang: str = "zh") -> str:
    """主送: the bodies one level down by their kinds, and the members of the issuing committee —
    "各县（区、市）安委会，市安委会各成员单位：", "各乡镇（街道）安委会，区安委会各成员单位：",
    "各村（社区），乡安委会各成员单位："."""
    if lang != "zh":
        return _t(f"addressee.{level}" if level in ("city", "county", "township") else "addressee.city", lang)
    members = _t("addressee.members", lang, kind=own_kind)
    if level == "township":
        below = _t(f"addressee.below.{own_kind}", lang)
        return f"{below}，{members}"
    from riskdash.briefing.headline import COUNTY_KINDS, TOWNSHIP_ORDER

    order = COUNTY_KINDS if level == "city" else TOWNSHIP_ORDER
    kinds = [k for k in order if k in set(child_kinds)]
    if level != "city" and "镇" in kinds and "乡" in kinds:
        kinds = ["乡镇", *[k for k in kinds if k not in ("镇", "乡")]]
    if not kinds:
        return members
    main = kinds[0] + (f"（{'、'.join(kinds[1:])}）" if kinds[1:] else "")
    return _t("addressee.below", lang, kinds=main) + "，" + members


def outline(brief, chart_png: Callable[[object], bytes] | None = None) -> Tongbao:
    """The 通报 of a ``riskdash.briefing.content.Brief`` as a 公文 (GB/T 9704-2012, docs/rules.md "Official wording"): every figure
    and sentence taken from the Brief as it stands (its KPI ``display`` strings, its headline sentences, its
    tables' display cells), so the Word file, the PDF, the slides and ``riskdash metrics`` agree by
    construction.

    Layout: 版头 (发文机关标志, 发文字号); title "issuer关于2026年1—11月安全生产形势的通报"; 主送 by the region's
    kind; "现将…通报如下：" with the cut-off day; 表1 主要指标; one heading 一、 per section in meeting order
    (一、生产安全事故情况 … 四、乡镇安全生产考核情况、五、下一步工作要求) with its headline text, its chart and
    its list — a list longer than ``BODY_ROWS`` becomes a 附件 after the 落款, named under the body
    ("附件：1. …"); 版记 (抄送, 印发机关, 印发日期) closes the document. A section whose data is missing says so
    in place of figures. ``chart_png`` turns a ``ChartSpec`` into PNG bytes (default: ``chart_pngs``, plotly
    through kaleido, each chart drawn once).
    """
    from riskdash import i18n
    from riskdash.briefing import headline as hl

    meta = brief.meta
    lang = meta.lang
    if chart_png is None:  # every chart of the Brief drawn at once (and once: see chart_pngs)
        pngs = chart_pngs(brief)
        render = pngs.__getitem__
    else:
        render = chart_png
    zh = lang == "zh"
    months = months_phrase(meta.start, meta.end, lang)
    region = hl.region_phrase(meta.region_name, meta.region_level, lang) if zh else meta.region_name
    joiner = "" if zh else " "

    doc = Numbering(lang)
    cut_off = "" if meta.end.day == _month_end(meta.end).day else _t("cut_off", lang, day=_short_day(meta.end, lang))
    doc.para(_t("opening", lang, period=months, cut_off=cut_off, region=region))
    kpi_rows = [[slide.section, kpi.label, kpi.display] for slide in brief.slides
                for kpi in slide.kpis]
    formulas = []
    for slide in brief.slides:
        for kpi in slide.kpis:
            text = f"{kpi.label}{'：' if zh else ': '}{kpi.formula}" if kpi.formula else None
            if text and text not in formulas:
                formulas.append(text)
    if kpi_rows:
        note = _t("formulas", lang, text=("；" if zh else "; ").join(formulas)) if formulas else None
        doc.table(_t("kpi_table", lang), [_t("col.section", lang), _t("col.indicator", lang),
                                          _t("col.value", lang)], kpi_rows, note, grouped=True)

    attachments: list[Attachment] = []
    for slide in brief.slides:
        doc.h1(_t(f"section.{slide.key}", lang))
        if slide.placeholder and not slide.headline:
            doc.para(slide.placeholder, missing=True)
            continue
        table = slide.table
        long_list = table is not None and len(table.rows) > BODY_ROWS
        text = joiner.join(slide.headline)
        if long_list:
            number = len(attachments) + 1
            title = _attachment_title(table.title, lang)
            more = table.more(len(table.rows), lang)
            rows_table = Table(title, list(table.columns),
                               [list(r) for r in table.rows], _t("more_rows", lang, total=table.total,
                                                                  shown=len(table.rows)) if more else None,
                               grouped=slide.key == "next_steps", landscape=len(table.columns) >= LANDSCAPE_COLUMNS)
            attachments.append(Attachment(_t("attachment_label", lang, n=number), title, rows_table))
            see = _t("see_attachment", lang, n=number)
            # "…48项（详见附件1）。": the reference goes inside the sentence
            text = text[:-1] + see + text[-1] if text.endswith(("。", ".")) else text + see
        if text:
            doc.para(text)
        for detail in slide.details:  # classes, their targets, 四不放过 (issue 18): the 通报's own paragraphs
            doc.para(detail)
        if slide.placeholder:
            doc.para(slide.placeholder, missing=True)
        if slide.chart is not None:
            doc.figure(slide.chart.caption or slide.chart.title, render(slide.chart))
        if table is not None and not long_list:
            note = table.more(len(table.rows), lang)
            doc.table(table.title, list(table.columns), [list(r) for r in table.rows],
                      _t("more_rows", lang, total=table.total, shown=len(table.rows)) if note else None,
                      grouped=slide.key == "next_steps")

    issuer = meta.issuer if zh and meta.issuer else _t("issuer", lang, region=meta.region_name)
    issued_on = meta.generated_at.date()
    issued_on_text = i18n.day(issued_on, lang)
    title = _t("title", lang, issuer=issuer, period=months)
    # break after the issuer or after 关于 when the lines then fit (GB/T 9704 7.3.1: by sense)
    breaks = tuple(i for i in (len(issuer), len(issuer) + 2) if 0 < i < len(title)) if zh else ()
    note = ()
    if attachments:
        first = _t("attachment_note_first", lang, n=1, title=attachments[0].title)
        # further items aligned under the first one's number: "2. 下步工作清单"
        note = (first, *(f"{n}. {a.title}" for n, a in enumerate(attachments[1:], start=2)))
    copy_to = meta.copy_to if zh else ""
    return Tongbao(
        title=title,
        title_breaks=breaks,
        addressee=addressee(meta.region_level, meta.region_kind or "市", meta.child_kinds, lang),
        blocks=doc.blocks,
        issuer=issuer,
        issued_on=issued_on,
        issued_on_text=issued_on_text,
        footer=_t("footer_demo", lang, demo=meta.demo_text) if meta.demo_text else "",
        lang=lang,
        demo_mark=meta.demo_text,
        mark=issuer if zh else "",
        number=meta.document_number if zh else "",
        attachment_note=note,
        attachments=tuple(attachments),
        copy_to=_t("copy_to", lang, to=copy_to) if copy_to else "",
        printed_by=issuer,
        printed_on_text=_t("printed_on", lang, day=issued_on_text),
    )


def _month_end(day: date) -> date:
    from riskdash.filters import month_end

    return month_end(day.year, day.month)


def _short_day(day: date, lang: str) -> str:
    from riskdash import i18n

    return f"{day.month}月{day.day}日" if lang == "zh" else i18n.day(day, lang)


def _attachment_title(title: str, lang: str) -> str:
    if lang != "zh" or title.endswith("清单"):
        return title
    return title + "清单"


def start_chart_renderer() -> None:
    """Start kaleido's Chromium in the background (it returns at once; chart calls wait until it is up).

    ``riskdash brief`` calls this before it builds the Brief of a .docx or .pdf (the formats with chart
    images): Chromium's start (the slowest step of a chart, seconds on a busy PC) then overlaps the queries
    instead of following them. ``charts.to_png`` later finds the server running and uses it. Not done on
    import: importing a module must not start a browser.
    """
    try:
        from riskdash import charts

        charts.start_renderer()
    except Exception:  # noqa: BLE001 (no Chromium: the first chart says so, with its own error)
        pass


_WARM_LOCK = threading.Lock()
_WARM_STARTED = False


def warm_chart_renderer() -> bool:
    """Start kaleido's Chromium and draw a small chart in each of its tabs, on a thread of its own, once per process.

    The 汇报 screen calls this when it shows its Word and PDF buttons, in the dashboard's server only: the first
    file of a process otherwise waits for Chromium's start and its tabs' first page (plotly.js) — 6.5 s of CPU
    of the 7.8 s a first Word 通报 took, against 1.3 s for the next one (docs/bench-commands.md). Returns whether
    this call started it (False once started; a failure is left to the first real chart to report)."""
    global _WARM_STARTED
    with _WARM_LOCK:
        if _WARM_STARTED:
            return False
        _WARM_STARTED = True
    threading.Thread(target=_warm, name="riskdash-chart-warm-up", daemon=True).start()
    return True


def _warm() -> None:
    import contextlib

    # no Chromium: the first chart of a file says so, with its own error
    with contextlib.suppress(Exception):
        import plotly.graph_objects as go

        from riskdash import charts

        # one small chart per tab of the renderer: each tab loads plotly.js on its first chart
        charts.to_pngs([go.Figure(go.Bar(x=["一"], y=[1])) for _ in range(charts.RENDER_TABS)],
                       width=300, height=200, scale=1)


# the documents' chart size: 1800 × 720 px printed 156 mm wide is about 290 dpi, sharp on paper, and quicker to
# draw and to embed
CHART_WIDTH, CHART_HEIGHT, CHART_SCALE = 1200, 480, 1.5
# the PNGs of the latest charts, by their spec (a frozen, hashable dataclass): the Word file and the PDF of one
# Brief, made together or one after the other, draw each chart once
_PNG_CACHE: OrderedDict[object, bytes] = OrderedDict()
_PNG_CACHE_SIZE = 32
_PNG_LOCK = threading.Lock()


def chart_pngs(brief) -> dict[object, bytes]:
    """The PNG of every chart of the Brief, by ChartSpec: the ones not drawn before drawn together in one call
    to kaleido (its tabs in parallel). Two threads asking at once (the screen's Word and PDF downloads) draw
    them once: the second waits for the first."""
    from riskdash import charts

    specs = list(dict.fromkeys(s.chart for s in brief.slides if s.chart is not None))
    with _PNG_LOCK:
        missing = [spec for spec in specs if spec not in _PNG_CACHE]
        if missing:
            pngs = charts.to_pngs([spec.figure() for spec in missing], width=CHART_WIDTH, height=CHART_HEIGHT,
                                  scale=CHART_SCALE)
            _PNG_CACHE.update(zip(missing, pngs))
        for spec in specs:
            _PNG_CACHE.move_to_end(spec)
        found = {spec: _PNG_CACHE[spec] for spec in specs}
        while len(_PNG_CACHE) > _PNG_CACHE_SIZE:
            _PNG_CACHE.popitem(last=False)
    return found


def forget_chart_pngs() -> None:
    """Empty the PNG cache (tests)."""
    with _PNG_LOCK:
        _PNG_CACHE.clear()


def _chart_png(chart) -> bytes:
    from riskdash import charts

    return charts.to_png(chart.figure(), width=CHART_WIDTH, height=CHART_HEIGHT, scale=CHART_SCALE)
