"""The 通报's tables (issue 17): glyph widths measured in the CJK faces, columns wide enough that dates and short
values never wrap, and 下步工作 not printing again the overdue majors its 附件1 lists.

Hand-made rows only; the PDF checks lay the table out with weasyprint and read its line boxes."""

from __future__ import annotations

from datetime import date

import pytest

from riskdash.briefing import tongbao
from riskdash.briefing.content import TableSpec
from riskdash.briefing.tongbao import Attachment, Table, Tongbao


def test_width_counts_measured_ems():
    # CJK characters and full-width punctuation are one em
    assert tongbao._width("安全生产（通报）") == 8
    # digits of Noto Serif/Sans CJK SC are 0.6 em (0.59 for 1 and 7), not half a character
    assert tongbao._width("2025年10月24日") == pytest.approx(2.4 + 1.19 + 1.2 + 3)
    assert tongbao._width("0123456789") == pytest.approx(0.6 * 8 + 0.59 * 2)
    assert tongbao._width("H000160002") == pytest.approx(0.87 + 0.6 * 8 + 0.59)
    # Latin letters by their own widths: narrow i and l, wide M and W, a space 0.26
    assert tongbao._width("ABC abc") == pytest.approx(0.75 + 0.71 + 0.71 + 0.26 + 0.6 + 0.68 + 0.57)
    assert tongbao._width("il") == pytest.approx(0.71) and tongbao._width("MW") == pytest.approx(2.11)


def test_width_table_matches_the_installed_faces():
    """The stated table is each ASCII character's widest advance in the SC faces, Regular and Bold, rounded up to
    0.01 em (read with fontTools from fonts-noto-cjk, the faces the PDF embeds: a requirement, README)."""
    import math
    from pathlib import Path

    from fontTools import ttLib  # weasyprint's own dependency

    folder = Path("/usr/share/fonts/opentype/noto")
    widest: dict[str, float] = {}
    for name in ("NotoSerifCJK-Regular.ttc", "NotoSerifCJK-Bold.ttc", "NotoSansCJK-Regular.ttc",
                 "NotoSansCJK-Bold.ttc"):
        for font in ttLib.TTCollection(str(folder / name)).fonts:
            face = font["name"].getDebugName(4)
            if "SC" not in face or "Mono" in face:
                continue
            cmap, hmtx, upm = font.getBestCmap(), font["hmtx"], font["head"].unitsPerEm
            for code in range(0x20, 0x7F):
                widest[chr(code)] = max(widest.get(chr(code), 0.0), hmtx[cmap[code]][0] / upm)
            assert hmtx[cmap[ord("年")]][0] / upm == tongbao._width("年") == 1
    assert len(widest) == 95
    for ch, em in widest.items():
        assert tongbao._width(ch) == pytest.approx(math.ceil(round(em * 100, 6)) / 100), ch


def _overdue_attachment() -> Table:
    columns = ["隐患编号", "乡镇", "企业", "整改期限", "逾期天数", "整改情况", "挂牌督办"]
    rows = [["H000156518", "绿寨高新技术产业园区", "永集鑫源危险货物运输有限公司", "2025年10月24日", "1386", "未整改", "未挂牌"],
            ["H000167044", "城关街道（黄溪区）", "银坪安达燃气有限公司", "2月9日", "9", "待验收", "县级"]]
    return Table("逾期未销号重大隐患清单", columns, rows, landscape=True)


def test_short_values_keep_their_width_and_headers_break_in_two():
    table = _overdue_attachment()
    widths = [s * tongbao.LANDSCAPE_EM for s in table.column_shares()]
    needs = table.column_needs()
    # every column has the room of its longest text: nothing wraps (7 columns fit across 53.15 ems)
    assert all(w >= n - 1e-9 for w, n in zip(widths, needs))
    assert needs[3] == pytest.approx(tongbao._width("2025年10月24日") + tongbao.CELL_PADDING_EM)
    # the four-character headers over short values take two balanced lines to make that room
    assert table.header_lines() == [["隐患编号"], ["乡镇"], ["企业"], ["整改期限"], ["逾期", "天数"],
                                    ["整改", "情况"], ["挂牌", "督办"]]
    # an English header breaks between its words, with no space left at a line's end
    english = Table("x", ["Hazard", "Enterprise", "Days overdue"], [["H000156518", "某" * 30, "1386"]])
    assert english.header_lines() == [["Hazard"], ["Enterprise"], ["Days", "overdue"]]


def test_an_attachment_too_wide_upright_is_set_landscape():
    rows = [["重点部位未备案", "柳山佳盛购物广场有限公司歌舞娱乐区（H000166137）", "绿寨高新技术产业园区", "未报市级备案"]]
    table = Table("下步工作清单", ["事项", "对象", "乡镇", "情况"], rows, grouped=True)
    assert table.too_wide_upright()  # 8 + 23.3 + 11 + 7 ems (with padding) > 36.85
    assert not Table("x", ["事项", "对象"], [["重点部位未备案", "某某有限公司"]]).too_wide_upright()


def test_next_steps_refer_to_the_list_that_prints_their_rows():
    spec = TableSpec("下步工作清单", ("事项", "对象", "乡镇", "情况"),
                     (("逾期未销号重大隐患", "甲公司（H1）", "东镇", "逾期15天"),
                      ("逾期未销号重大隐患", "乙公司（H2）", "西镇", "逾期3天"),
                      ("重点部位未备案", "丙库房", "东镇", "未报市级备案"),
                      ("红色预警或重点关注企业未检查", "丁公司", "西镇", "从未检查")), 4,
                     row_kinds=("overdue_major", "overdue_major", "unfiled", "uninspected"))
    made = tongbao.refer_to_printed(spec, {"overdue_major": ("附件1", 2)}, "zh")
    assert made.rows == (("逾期未销号重大隐患", "共2项，详见附件1", "—", "—"),
                         ("重点部位未备案", "丙库房", "东镇", "未报市级备案"),
                         ("红色预警或重点关注企业未检查", "丁公司", "西镇", "从未检查"))
    assert made.total == 3 and made.more(len(made.rows)) is None
    english = tongbao.refer_to_printed(spec, {"overdue_major": ("Attachment 1", 2)}, "en")
    assert english.rows[0][1:] == ("2 in all, see Attachment 1", "—", "—")
    # nothing printed elsewhere: the table as it was
    assert tongbao.refer_to_printed(spec, {}, "zh") is spec


def _laid_out_lines(table: Table) -> dict[str, int]:
    """Each body cell's text → the number of lines weasyprint sets it on, in a small 通报 with ``table`` as 附件1."""
    from weasyprint import CSS, HTML
    from weasyprint.formatting_structure import boxes

    from riskdash.briefing import pdf_export

    doc = Tongbao(title="关于2026年1—11月安全生产形势的通报", addressee="各乡镇安委会：", blocks=[], issuer="某县安委办",
                  issued_on=date(2026, 11, 28), issued_on_text="2026年11月28日", footer="",
                  attachment_note=("附件：1. 逾期未销号重大隐患清单",),
                  attachments=(Attachment("附件1", table.caption, table),))
    rendered = HTML(string=pdf_export.html_text(doc)).render(stylesheets=[CSS(string=pdf_export.stylesheet())])
    lines: dict[str, int] = {}

    def walk(box):
        if isinstance(box, boxes.TableCellBox) and box.element_tag == "td":
            texts = [b.text for b in _descendants(box) if isinstance(b, boxes.TextBox)]
            line_boxes = [b for b in _descendants(box) if isinstance(b, boxes.LineBox)]
            lines["".join(texts)] = len(line_boxes)
            return
        for child in getattr(box, "children", ()):
            walk(child)

    for page in rendered.pages:
        walk(page._page_box)
    return lines


def _descendants(box):
    for child in getattr(box, "children", ()):
        yield child
        yield from _descendants(child)


def test_the_pdf_sets_each_date_and_short_value_on_one_line():
    lines = _laid_out_lines(_overdue_attachment())
    for text in ("2025年10月24日", "2月9日", "H000156518", "1386", "待验收", "绿寨高新技术产业园区",
                 "永集鑫源危险货物运输有限公司"):
        assert lines[text] == 1, (text, lines)


def test_a_merged_group_continued_on_the_next_page_names_itself_there(tmp_path):
    """附件2 下步工作清单 merges each 事项 over its rows; weasyprint does not repeat a rowspan cell on the next page,
    so a long group's rows on the following pages had no 事项 and no top border. Every page holding rows of a
    group shows its 事项 once (pdf_export._continued_groups cuts the group where a page begins)."""
    import subprocess

    from riskdash.briefing import pdf_export

    rows = ([["甲项", f"甲对象{i}", "某镇", "未报"] for i in range(3)]
            + [["乙项", f"乙对象{i:02d}", "某镇", "未报"] for i in range(50)]
            + [["丙项", f"丙对象{i}", "某镇", "未报"] for i in range(4)])
    table = Table("下步工作清单", ["事项", "对象", "乡镇", "情况"], rows, grouped=True)
    doc = Tongbao(title="关于2026年1—11月安全生产形势的通报", addressee="各乡镇安委会：", blocks=[], issuer="某县安委办",
                  issued_on=date(2026, 11, 28), issued_on_text="2026年11月28日", footer="",
                  attachment_note=("附件：1. 下步工作清单",), attachments=(Attachment("附件1", table.caption, table),))
    pdf = tmp_path / "t.pdf"
    pdf.write_bytes(pdf_export.pdf_bytes(doc))
    pages = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout.split("\f")
    holding = [p for p in pages if "乙对象" in p]
    assert len(holding) >= 2  # the group runs over a page break: what is tested
    assert [p.count("乙项") for p in holding] == [1] * len(holding)
    # every row printed once, in order
    assert [line for p in pages for line in p.split() if line.startswith("乙对象")] == [f"乙对象{i:02d}" for i in range(50)]
    assert [p.count("甲项") for p in pages if "甲对象" in p] == [1]
