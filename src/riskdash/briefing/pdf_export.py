"""The A4 PDF 通报 (weasyprint): the same outline as the Word file, laid out on the same page.

HTML is built here with every piece of data text escaped (an enterprise name imported as "<b>…" must print
as those characters, not as markup); the look lives in ``templates/tongbao.css``, whose font lists name the
office faces first (方正小标宋简体, 仿宋_GB2312, 黑体, 楷体_GB2312) and the Noto CJK faces after them, so that
the PDF embeds Noto where the office fonts are missing. The page carries its number only; on demo data the
note 演示数据 is a running element repeated on every page. Charts are embedded as the PNGs the outline
carries; fonts are embedded by weasyprint.
"""

from __future__ import annotations

import base64
import threading
from html import escape
from importlib import resources
from pathlib import Path

from riskdash.briefing.tongbao import Figure, Heading, Paragraph, Table, Tongbao


def write_pdf(brief, path: str | Path) -> Path:
    """Write the briefing as an A4 PDF 通报 at ``path`` and return the path."""
    from riskdash.briefing.tongbao import outline

    return write_tongbao_pdf(outline(brief), path)


def write_tongbao_pdf(doc_outline: Tongbao, path: str | Path) -> Path:
    path = Path(path)
    path.write_bytes(pdf_bytes(doc_outline))
    return path


# one layout at a time: the warm-up's and a click's (weasyprint's font map is shared, and two 通报 laid out at
# once on two cores would only slow each other)
_LAYOUT_LOCK = threading.Lock()
_WARM_LOCK = threading.Lock()
_WARM_STARTED = False


def pdf_bytes(tb: Tongbao) -> bytes:
    import logging

    from weasyprint import CSS, HTML

    # weasyprint logs every CSS property it does not know at WARNING; the command line stays quiet
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    styles = [CSS(string=stylesheet())]
    with _LAYOUT_LOCK:
        cuts: frozenset[str] = frozenset()
        document = HTML(string=html_text(tb)).render(stylesheets=styles)
        for _ in range(3):  # a cut moves no row (the label is one line, as its rows): once is enough in practice
            more = cuts | _continued_groups(document)
            if more == cuts:
                break
            cuts = more
            document = HTML(string=html_text(tb, cuts)).render(stylesheets=styles)
        return document.write_pdf()


def _continued_groups(document) -> frozenset[str]:
    """The rows (``data-r`` of a <tr>) that open a page inside a merged group of a table (附件2's 事项 over its
    rows): weasyprint does not repeat a rowspan cell's text on the next page, which left the continued rows
    without their 事项 and its top border. Each is made the first row of a group of its own, label repeated."""
    def rows(box):
        if type(box).__name__ == "TableRowBox" and box.element is not None and box.element.get("data-r"):
            yield box.element
        for child in getattr(box, "children", None) or ():
            yield from rows(child)

    cuts = set()
    for page in document.pages:
        first = next(rows(page._page_box), None)
        if first is not None and first.get("data-c") == "1":
            cuts.add(first.get("data-r"))
    return frozenset(cuts)


def warm_up_writer() -> bool:
    """Import weasyprint and make a one-page 通报 with every face and element of the stylesheet, on a thread of
    its own, once per process.

    The 汇报 screen calls this beside ``tongbao.warm_chart_renderer``, in the dashboard's server only: the first
    PDF of a process otherwise imports weasyprint (about 1.8 s of CPU) and loads fontconfig and the CJK faces
    (about 0.1 s) inside the click (docs/bench-commands.md). Returns whether this call started it (False once
    started). A failure is silent here: the first real PDF reports it."""
    global _WARM_STARTED
    with _WARM_LOCK:
        if _WARM_STARTED:
            return False
        _WARM_STARTED = True
    threading.Thread(target=_warm_up, name="riskdash-pdf-warm-up", daemon=True).start()
    return True


def _warm_up() -> None:
    import contextlib

    with contextlib.suppress(Exception):
        pdf_bytes(sample())


def sample() -> Tongbao:
    """A one-page 通报 using every face of the stylesheet (小标宋 title and mark, 仿宋 body, 黑体 headings and
    table header, 楷体 subheadings, 宋体 page number, the demo footer) and a table."""
    from datetime import date

    from riskdash.briefing.tongbao import Table

    return Tongbao(title="关于2026年1—11月安全生产形势的通报", addressee="各乡镇安委会：",
                   blocks=[Heading(1, "一、情况"), Heading(2, "（一）情况"), Paragraph("正文0123456789 ABC。"),
                           Table("表1 主要指标", ["类别", "指标"], [["隐患", "1,234项"]])],
                   issuer="安委会办公室", issued_on=date(2026, 1, 1), issued_on_text="2026年1月1日",
                   footer="演示数据", demo_mark="演示数据", mark="安委会办公室", number="安办〔2026〕1号",
                   attachment_note=("附件：1. 清单",), copy_to="抄送：办公室。", printed_by="安委会办公室",
                   printed_on_text="2026年1月1日印发")


def stylesheet() -> str:
    return resources.files("riskdash.briefing").joinpath("templates/tongbao.css").read_text(encoding="utf-8")


def html_text(tb: Tongbao, cuts: frozenset[str] = frozenset()) -> str:
    """The 通报 as HTML for weasyprint; ``cuts``: rows of merged groups that open a page (``_continued_groups``),
    each drawn as the first row of a group of its own, its first cell's text repeated."""
    e = _escape
    numbers = iter(range(1_000_000))  # each table's number in the document, for its rows' data-r
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{"zh-CN" if tb.lang == "zh" else "en"}"><head><meta charset="utf-8">',
        f"<title>{e(tb.title)}</title></head><body>",
    ]
    if tb.footer:
        # the running footer must come before the content to appear on the first page
        parts.append(f'<div class="footer">{e(tb.footer)}</div>')
    if tb.demo_mark:
        parts.append(f'<p class="demo-mark">{e(tb.demo_mark)}</p>')
    if tb.mark:
        parts.append(f'<div class="masthead"><p class="issuer-mark" style="font-size:{tb.mark_size_pt():g}pt">{e(tb.mark)}</p>'
                     f'<p class="doc-number">{e(tb.number)}</p></div>')
    parts.append(f'<h1 class="title">{"<br>".join(e(line) for line in tb.title_lines())}</h1>')
    if tb.subtitle:
        parts.append(f'<p class="subtitle">{e(tb.subtitle)}</p>')
    parts.append(f'<p class="addressee">{e(tb.addressee)}</p>')
    for block in tb.blocks:
        parts.append(_block(block, number=next(numbers), cuts=cuts))
    if tb.attachment_note:
        lines = "".join(f'<p class="{"first" if i == 0 else "more"}">{e(t)}</p>'
                        for i, t in enumerate(tb.attachment_note))
        parts.append(f'<div class="attachment-note">{lines}</div>')
    parts.append(f'<div class="signature"><p>{e(tb.issuer)}</p><p>{e(tb.issued_on_text)}</p></div>')
    for attachment in tb.attachments:
        wide = " wide" if attachment.table.landscape else ""
        parts.append(f'<section class="attachment{wide}"><p class="attachment-label">{e(attachment.label)}</p>'
                     f'<h2 class="attachment-title">{e(attachment.title)}</h2>'
                     f'{_block(attachment.table, caption=False, number=next(numbers), cuts=cuts)}</section>')
    if tb.copy_to or tb.printed_by:
        copy = f'<p class="copy-to">{e(tb.copy_to)}</p>' if tb.copy_to else ""
        upright = " upright" if tb.attachments and tb.attachments[-1].table.landscape else ""
        imprint = (f'{copy}<p class="printed"><span>{e(tb.printed_by)}</span>'
                   f'<span>{e(tb.printed_on_text)}</span></p>')
        # the 版记 at the foot of the last page (GB/T 9704 7.4.1): an unseen copy in the flow keeps its room on
        # that page, and the one printed is set against the bottom of the type area of the page it falls on
        parts.append(f'<div class="imprint-room{upright}" aria-hidden="true"><div class="imprint">{imprint}</div></div>')
        parts.append(f'<div class="imprint at-foot">{imprint}</div>')
    parts.append("</body></html>")
    return "\n".join(parts)


def _block(block, caption: bool = True, number: int = 0, cuts: frozenset[str] = frozenset()) -> str:
    e = _escape
    if isinstance(block, Heading):
        tag = "h2" if block.level == 1 else "h3"
        return f"<{tag}>{e(block.text)}</{tag}>"
    if isinstance(block, Paragraph):
        return f'<p class="{"missing" if block.missing else "body"}">{e(block.text)}</p>'
    if isinstance(block, Table):
        head = "".join(f"<th>{'<br>'.join(e(line) for line in lines)}</th>" for lines in block.header_lines())
        rows = ""
        for first, count in _split_groups(block.first_column_groups(), number, cuts):
            for i in range(first, first + count):
                row = block.rows[i]
                cells = [f"<td>{e(v)}</td>" for v in row]
                if count > 1:
                    cells[0] = f'<td rowspan="{count}">{e(row[0])}</td>' if i == first else ""
                inside = ' data-c="1"' if count > 1 and i > first else ""
                rows += f'<tr data-r="{number}-{i}"{inside}>' + "".join(cells) + "</tr>"
        note = f'<p class="table-note">{e(block.note)}</p>' if block.note else ""
        cols = "".join(f'<col style="width:{share * 100:.2f}%">' for share in block.column_shares())
        label = f'<p class="table-caption">{e(block.caption)}</p>' if caption else ""
        return (f'{label}'
                f"<table><colgroup>{cols}</colgroup><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>{note}")
    if isinstance(block, Figure):
        data = base64.b64encode(block.png).decode("ascii")
        return (f'<figure><img src="data:image/png;base64,{data}" alt="{e(block.caption)}">'
                f'<p class="figure-caption">{e(block.caption)}</p></figure>')
    raise TypeError(f"unknown block {type(block).__name__}")


def _split_groups(groups, number: int, cuts: frozenset[str]) -> list[tuple[int, int]]:
    """``groups`` ((first row, row count) of each merged run) cut before every row of table ``number`` in
    ``cuts``."""
    out = []
    for first, count in groups:
        start = first
        for i in range(first + 1, first + count):
            if f"{number}-{i}" in cuts:
                out.append((start, i - start))
                start = i
        out.append((start, first + count - start))
    return out


def _escape(text: object) -> str:
    return escape(str(text), quote=True)

