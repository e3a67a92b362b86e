"""The 通报 outline shared by the Word (.docx) and the A4 PDF exports, so that both carry the same content.

A ``Tongbao`` is the briefing already worded and numbered — title, 主送, headings 一、/（一）, paragraphs,
numbered tables and figures, 落款 and the footer line — with every number formatted once, here. The two
writers only lay it out (``docx_export`` in the GB/T 9704-2012 official-document layout, ``pdf_export`` as
an A4 handout); neither computes or rewords anything, which is what keeps the two files identical.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Callable

ZH_NUMERALS = "一二三四五六七八九十"
MASTHEAD_WIDTH_PT = 156 / 25.4 * 72 * 0.92  # the type area less a margin, in points
MASTHEAD_MAX_PT = 36.0
BODY_ROWS = 10  # a list longer than this goes to a 附件 after the 落款; shorter ones stay in the body
TITLE_LINE_CHARS = 18  # 二号 (22 pt): 20 characters across the 156 mm type area, less a margin for digits
# table cells are 小四 (12 pt): the type area is 156 mm (442 pt) across, a landscape 附件's 225 mm (638 pt)
TABLE_FONT_PT = 12.0
TABLE_EM = 156 / 25.4 * 72 / TABLE_FONT_PT  # 36.9 ems across a portrait page
LANDSCAPE_EM = 225 / 25.4 * 72 / TABLE_FONT_PT  # 53.1 ems across a landscape one (GB/T 9704 横排表格)
LANDSCAPE_COLUMNS = 6  # a 附件 of this many columns is set across a landscape page, as is one too wide upright
# a cell's padding and rules in ems: Word's default cell margins (2 × 0.19 cm, 0.9 em; its own faces 仿宋_GB2312 and
# 黑体 set ASCII at 0.5 em, narrower than Noto) and the PDF's 2 × 3 pt of padding with its 0.75 pt rule (0.56 em)
CELL_PADDING_EM = 0.9
# a merged group cell (the first column of a grouped table) may wrap onto this many of the lines of its rows
GROUP_LINES = 4
# Word paginates a .docx itself, and a merged cell continued on the next page shows its text on the first page
# only. So the .docx keeps each group's rows on one page (keep-with-next), cut into pieces of at most this many
# row heights (a row of n lines counts 1 + ROW_LINE_SHARE × (n - 1)), each naming its group; a piece then always
# fits one page and every page holding a group's rows names it. A portrait page holds about 29 one-line rows
# of 小四 under the header (LibreOffice 7.4), a landscape one about 19.
PIECE_ROWS = {False: 24.0, True: 15.0}  # by landscape
ROW_LINE_SHARE = 0.65  # a further line of 12 pt at 1.15 spacing (13.8 pt) against a one-line row (about 21 pt)
# GB/T 9704 7.3.3: 一、 then （一）; English documents number 1. and (1)
HEADING_FORMATS = {"zh": ("{n}、{title}", "（{n}）{title}"), "en": ("{n}. {title}", "({n}) {title}")}
_NO_LINE_START = set("，。、；：？！）》」』”’%,.;:!?)")


# The advance width, in ems, of each printable ASCII character in the faces the PDF embeds and the screen shows:
# the widest of Noto Serif CJK SC and Noto Sans CJK SC, Regular and Bold (fonts-noto-cjk 2.004, read from each
# face's hmtx table with fontTools, rounded up to 0.01 em). Digits are 0.56–0.59 em, not half a character:
# "2025年10月24日" is 6.6 ems. Every other character (CJK, full-width punctuation, —) counts a whole em, the
# width of the CJK ideographs in every CJK face, and more than any other character in these faces.
_ASCII_EM = {ch: em for em, chars in (
    (0.26, " "), (0.33, "'"), (0.34, ",.:;j|"), (0.35, "i"), (0.36, "l"), (0.37, "!-"), (0.38, "[]{}"),
    (0.40, "()/\\"), (0.41, "f"), (0.43, "It"), (0.50, "rs"), (0.51, "*"), (0.52, "?z"), (0.57, "Jc"),
    (0.58, '"v'), (0.59, "$17ey"), (0.60, "02345689_agx"), (0.61, "+<=>^~"), (0.62, "#"), (0.63, "SZ`o"),
    (0.65, "FLq"), (0.66, "dk"), (0.67, "E"), (0.68, "Pbpu"), (0.69, "hn"), (0.70, "T"), (0.71, "BCY"),
    (0.73, "X"), (0.74, "V"), (0.75, "A"), (0.76, "GR"), (0.77, "K"), (0.79, "DOQ"), (0.81, "&"), (0.82, "NU"),
    (0.87, "H"), (0.88, "w"), (0.97, "%"), (1.01, "@Mm"), (1.10, "W"),
) for ch in chars}


def _width(text: object) -> float:
    """``text``'s width in ems (in characters of a CJK face): 1 per CJK character, the measured width of each
    ASCII character (``_ASCII_EM``)."""
    return sum(_ASCII_EM.get(ch, 1.0) for ch in str(text))


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

    def kept_pieces(self) -> list[tuple[int, int]]:
        """(first row, row count) of each group's pieces, the rows a .docx keeps together on one page: a whole
        group when its rows take at most ``PIECE_ROWS`` row heights, else cut before the row that would pass
        them (a piece has one row at least). One row each when not grouped."""
        across = LANDSCAPE_EM if self.landscape else TABLE_EM
        room = [max(share * across - CELL_PADDING_EM, 1.0) for share in self.column_shares()]
        budget = PIECE_ROWS[self.landscape]

        def height(row) -> float:
            lines = max(max(1, -(-int(_width(text) * 100) // int(r * 100))) for text, r in zip(row[1:], room[1:])) \
                if len(row) > 1 else 1
            return 1 + ROW_LINE_SHARE * (lines - 1)

        pieces: list[tuple[int, int]] = []
        for first, count in self.first_column_groups():
            start, used = first, 0.0
            for i in range(first, first + count):
                h = height(self.rows[i])
                if i > start and used + h > budget:
                    pieces.append((start, i - start))
                    start, used = i, 0.0
                used += h
            pieces.append((start, first + count - start))
        return pieces

    def column_shares(self) -> list[float]:
        """Each column's share of the table width, so that as few cells wrap as can be: every column gets the
        width of its longest text (``column_needs``) when they all fit, the room left shared in proportion;
        else the columns whose text is shortest keep it whole (codes, dates, counts, names) and the longest
        ones share the rest equally (water-filling: the fewest columns wrap, and the longest text wraps first).
        Both writers use it, so the two files break their cells alike."""
        across = LANDSCAPE_EM if self.landscape else TABLE_EM
        needs = self.column_needs(across)
        total = sum(needs)
        if total <= across:
            return [need / total for need in needs]
        widths = list(needs)
        rest, left = across, sorted(range(len(needs)), key=lambda i: needs[i])
        while left:
            fair = rest / len(left)
            if needs[left[0]] <= fair:
                i = left.pop(0)
                rest -= needs[i]
                continue
            for i in left:
                widths[i] = fair
            break
        return [w / across for w in widths]

    def column_needs(self, across: float | None = None) -> list[float]:
        """Each column's width in ems for none of its cells to wrap, padding included. A header of Chinese
        words may take two lines when the table would not fit otherwise ("逾期/天数" over "1386"); a grouped
        first column's merged cell may wrap onto the lines of its rows (up to ``GROUP_LINES``)."""
        across = across if across is not None else (LANDSCAPE_EM if self.landscape else TABLE_EM)
        body = [max((_width(row[i]) for row in self.rows), default=0.0) for i in range(len(self.columns))]
        if self.grouped and self.rows:
            body[0] = max(-(-_width(self.rows[first][0]) // min(count, GROUP_LINES))
                          for first, count in self.first_column_groups())
        heads = [_width(c) for c in self.columns]
        needs = [max(b, h) + CELL_PADDING_EM for b, h in zip(body, heads)]
        if sum(needs) <= across:
            return needs
        # headers on two lines (a CJK header breaks anywhere; a Latin one at a space)
        return [max(b, _two_lines(h)) + CELL_PADDING_EM for b, h in zip(body, self.columns)]

    def header_lines(self) -> list[list[str]]:
        """Each header as the lines it is set on: one, or, when its column is narrower than the header,
        balanced lines ("整改/情况", never "整改情/况"); both writers break the headers there."""
        across = LANDSCAPE_EM if self.landscape else TABLE_EM
        return [[line.strip() for line in balanced_lines(c, max(share * across - CELL_PADDING_EM, 1.0))] if c else [c]
                for c, share in zip(self.columns, self.column_shares())]

    def too_wide_upright(self) -> bool:
        """Whether its text would wrap on a portrait page but not on a landscape one (a 附件 is then set
        across a landscape page)."""
        return sum(self.column_needs(TABLE_EM)) > TABLE_EM


def _two_lines(text: str) -> float:
    """The width of ``text`` broken into two lines: half of it for Chinese (rounded up to a character), the
    longer part at the space nearest the middle for Latin words."""
    if " " not in text.strip():
        return float(-(-_width(text) // 2)) if any(ord(ch) >= 0x2E80 for ch in text) else _width(text)
    cuts = [i for i, ch in enumerate(text) if ch == " "]
    return min(max(_width(text[:i]), _width(text[i + 1:])) for i in cuts)


@dataclass(frozen=True)
class Figure:
    caption: str  # numbered already: "图1 ……"
    png: bytes


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
    # where a list of the document is printed ("附件1", "表3"), by the kind of its rows: a later list naming the
    # same rows (下步工作's 逾期未销号重大隐患) refers to it in one line instead of printing them twice
    printed: dict[str, tuple[str, int]] = {}
    for slide in brief.slides:
        doc.h1(_t(f"section.{slide.key}", lang))
        if slide.placeholder and not slide.headline:
            doc.para(slide.placeholder, missing=True)
            continue
        table = slide.table
        if table is not None and slide.key == "next_steps":
            table = refer_to_printed(table, printed, lang)
        long_list = table is not None and len(table.rows) > BODY_ROWS
        if table is not None and slide.key in LISTED_KINDS:
            printed[LISTED_KINDS[slide.key]] = (
                _t("attachment_label", lang, n=len(attachments) + 1) if long_list
                else _t("table_ref", lang, n=doc.tables + 1), table.total)
        text = joiner.join(slide.headline)
        if long_list:
            number = len(attachments) + 1
            title = _attachment_title(table.title, lang)
            more = table.more(len(table.rows), lang)
            rows_table = Table(title, list(table.columns),
                               [list(r) for r in table.rows], _t("more_rows", lang, total=table.total,
                                                                  shown=len(table.rows)) if more else None,
                               grouped=slide.key == "next_steps")
            rows_table = replace(rows_table, landscape=len(table.columns) >= LANDSCAPE_COLUMNS
                                 or rows_table.too_wide_upright())
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


# the section whose list holds every row of one kind of a 下步工作 list: 隐患排查治理's 逾期未销号重大隐患
LISTED_KINDS = {"rectification": "overdue_major"}


def refer_to_printed(table, printed: dict[str, tuple[str, int]], lang: str):
    """``table`` (a ``content.TableSpec`` with ``row_kinds``) with the rows of each kind another list of the
    document prints already replaced by one row: the kind, "共39项，详见附件1", and "—" in the other columns.
    The rows kept keep their order; the total counts the new row as one, so a list cut at ``TABLE_ROWS`` still
    says how many rows were left out ("共N项，列出前M项")."""
    from riskdash import i18n

    kinds = table.row_kinds
    if not kinds or not any(kind in printed for kind in kinds):
        return table
    rows: list[tuple[str, ...]] = []
    row_kinds: list[str] = []
    for row, kind in zip(table.rows, kinds):
        if kind not in printed:
            rows.append(tuple(row))
            row_kinds.append(kind)
        elif kind not in row_kinds:
            where, total = printed[kind]
            rows.append((row[0], _t("see_list", lang, total=total, where=where),
                         *([i18n.DASH] * (len(row) - 2))))
            row_kinds.append(kind)
    removed = len(table.rows) - len(rows)
    return replace(table, rows=tuple(rows), total=table.total - removed, row_kinds=tuple(row_kinds))


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


_DRAWING: set[tuple[object, ...]] = set()
_DRAWING_LOCK = threading.Lock()


def draw_charts_soon(brief) -> bool:
    """Draw the Brief's charts on a thread of its own unless they are drawn already or being drawn: the 汇报
    screen calls this when it shows the Word and PDF buttons (``riskdash serve`` only), so that a click finds
    them in the PNG cache (a click meanwhile waits for this drawing in ``chart_pngs`` instead of starting its
    own). The PNGs are kept by ChartSpec, the charts' own data: a Brief of other figures draws its own.
    Only in a process whose renderer was warmed (``warm_chart_renderer``: the dashboard's server), never in a
    test's AppTest. Returns whether a drawing was started. A failure is left to the click to report."""
    if not _WARM_STARTED:
        return False
    specs = tuple(dict.fromkeys(s.chart for s in brief.slides if s.chart is not None))
    with _DRAWING_LOCK:  # not _PNG_LOCK: held while a drawing runs, and the page must not wait for it
        if not specs or all(spec in _PNG_CACHE for spec in specs) or specs in _DRAWING:
            return False
        _DRAWING.add(specs)

    def draw() -> None:
        import contextlib

        try:
            with contextlib.suppress(Exception):
                chart_pngs(brief)
        finally:
            with _DRAWING_LOCK:
                _DRAWING.discard(specs)

    threading.Thread(target=draw, name="riskdash-chart-draw-ahead", daemon=True).start()
    return True


def forget_chart_pngs() -> None:
    """Empty the PNG cache (tests)."""
    with _PNG_LOCK:
        _PNG_CACHE.clear()


def _chart_png(chart) -> bytes:
    from riskdash import charts

    return charts.to_png(chart.figure(), width=CHART_WIDTH, height=CHART_HEIGHT, scale=CHART_SCALE)
