"""The page head and print view (issue 17 items 3 and 9), without a browser: the WCAG contrast arithmetic on
colours worked out by hand, the colours the screens actually use reaching 4.5:1, the print CSS's rules, the
presentation mode's work list (item 1, slide 6)."""

from __future__ import annotations

import re

import plotly.graph_objects as go
import pytest

from riskdash import charts
from riskdash.screens.briefing import view
from riskdash.ui import printing

AA = 4.5


def test_contrast_ratio_on_known_pairs():
    assert printing.contrast_ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert printing.contrast_ratio("#ffffff", "#ffffff") == pytest.approx(1.0)
    # #777777 on white is the classic "just below AA" grey: 4.48:1
    assert printing.contrast_ratio("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)
    # the issue's caption grey, 3.9:1, fails
    assert printing.contrast_ratio("#81807F", "#ffffff") == pytest.approx(3.9, abs=0.05)


def test_caption_colour_reaches_aa_and_is_the_one_in_the_css():
    assert printing.contrast_ratio(printing.CAPTION_TEXT, printing.PAGE_BACKGROUND) >= AA
    css = printing.screen_css()
    assert re.search(r'stCaptionContainer"\][^{]*\{\s*color:\s*' + printing.CAPTION_TEXT + r" !important;\s*opacity: 1 !important;", css)


def test_chart_text_colours_reach_aa():
    fig = charts.style(go.Figure(go.Bar(x=["甲", "乙"], y=[1, 2])), "标题 · 2025年 · 示例市 · 数据截至2025年6月30日")
    layout = fig.layout
    colours = {"font": layout.font.color, "x ticks": layout.xaxis.tickfont.color,
               "y ticks": layout.yaxis.tickfont.color}
    for where, colour in colours.items():
        assert colour is not None, f"{where}: no colour set (Streamlit's theme would grey it to 3.7:1)"
        assert printing.contrast_ratio(colour, "#ffffff") >= AA, where


def test_pass_line_label_reaches_aa():
    from riskdash.screens.campaigns import charts as campaign_charts

    assert printing.contrast_ratio(campaign_charts.PASS_LINE_TEXT, "#ffffff") >= AA


def test_html_lang_script():
    assert 'document.documentElement.lang = "zh-CN"' in printing.lang_script("zh")
    assert 'document.documentElement.lang = "en"' in printing.lang_script("en")


def test_print_css_page_and_hidden_parts():
    css = printing.print_css()
    assert "@page { size: A4 landscape; margin: 10mm; }" in css
    media = css[css.index("@media print"):]
    hidden = media[:media.index("display: none !important")]
    for part in ("stSidebar", "stHeader", "stButton", "stDownloadButton", "stToolbar"):
        assert f'[data-testid="{part}"]' in hidden
    assert f".{printing.SCOPE_CLASS} {{ display: block !important; position: fixed;" in media
    # 297 mm less two 10 mm margins at 96 px per inch
    assert printing.PRINTABLE_WIDTH_PX == round(277 / 25.4 * 96) == 1047


def test_work_items_take_every_kind_with_unit_and_due():
    kind = {k: view.i18n.t(f"briefing.x.next.kind.{k}", "zh") for k in view.WORK_KINDS}
    rows = [
        (kind["overdue_major"], "甲厂（H1）", "东镇", "逾期30天"),
        (kind["overdue_major"], "乙厂（H2）", "西乡", "逾期20天"),
        (kind["overdue_major"], "丙厂（H3）", "东镇", "逾期10天"),
        (kind["unfiled"], "储罐区", "南街道", "未报市级备案"),
        (kind["uninspected"], "丁厂", "西乡", "从未检查"),
    ]
    table = view.work_items(rows, "zh", per_kind=2)
    assert list(table.columns) == ["事项", "对象", "责任单位", "完成时限"]
    assert table.values.tolist() == [
        [kind["overdue_major"], "甲厂（H1）", "东镇", "立即整改销号（逾期30天）"],
        [kind["overdue_major"], "乙厂（H2）", "西乡", "立即整改销号（逾期20天）"],
        [kind["unfiled"], "储罐区", "南街道", "下次例会前完成备案（未报市级备案）"],
        [kind["uninspected"], "丁厂", "西乡", "下次例会前完成检查（从未检查）"],
    ]
    assert list(view.work_items(rows, "en", per_kind=1).columns) == ["Item", "Subject", "Responsible unit", "Due"]


def test_projector_table_type_survives_the_smallest_zoom():
    # the fit script may scale a slide down; the tables' type was chosen for a zoom of at least 0.72
    assert view.TABLE_FONT_PX * 0.72 >= view.MIN_TABLE_PX
