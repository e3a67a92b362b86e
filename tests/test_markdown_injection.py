"""Markdown injection: names and texts from the data are shown as text on every screen. The small city's
regions, enterprises, sectors, hazards, key sites and accidents are renamed (by plain SQL, as any tool could
write them) to carry an outside image, a heading, a link, LaTeX and an HTML tag; every page is then run under
AppTest and every element whose text Streamlit reads as Markdown (markdown, captions, headings, alerts,
st.table cells, metric, button and widget labels and help, tab and expander labels, progress text, and the
HTML of presentation mode) must hold none of them unescaped — and must show them (escaped) where they belong.
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest
from conftest import CITY, COUNTY_A, TOWN_A1, TOWN_A2, TOWN_B1, fill_small_city, open_page, read_shared
from streamlit.testing.v1 import AppTest
from streamlit.testing.v1.element_tree import Block

from riskdash.ui.markdown import html_text, plain, plain_frame

APP = Path(__file__).resolve().parents[1] / "app.py"
IMAGE = "![x](http://evil.example/a.png)"
HEADING = "# H"
LINK = "[link](http://x)"
LATEX = "$\\LaTeX$"
TAG = "<img src=x>"
PAYLOADS = (IMAGE, HEADING, LINK, LATEX, TAG)
# the element fields Streamlit renders as Markdown (the HTML of presentation mode is checked the same way)
MARKDOWN_FIELDS = ("body", "label", "help", "text", "placeholder")
NOT_MARKDOWN = {"html", "dataframe", "arrow_data_frame", "plotly_chart", "text", "code", "json", "exception"}


def make_hostile(con) -> None:
    """The names and texts of the small city carrying the payloads, written by plain SQL."""
    for code, name in ((CITY, HEADING + "示例市"), (COUNTY_A, LATEX + "甲县"), (TOWN_A1, IMAGE + "东镇"),
                       (TOWN_A2, TAG + "西乡"), (TOWN_B1, LINK + "南街道")):
        con.execute("update regions set name = ? where region_code = ?", [name, code])
    for enterprise, name in (("E1", IMAGE + "建材厂"), ("E2", HEADING + "化工"), ("E3", LINK + "运输"),
                             ("E4", TAG + "商场")):
        con.execute("update enterprises set name = ?, address = ? where enterprise_id = ?",
                    [name, LATEX + "路1号", enterprise])
    con.execute("update hazards set description = ?", [IMAGE + "消防通道堵塞"])
    con.execute("update key_sites set name = ?, control_measures = ?, responsible_person = ?",
                [LINK + "储罐区", LATEX + "监控", TAG])
    con.execute("update accidents set summary = ?", [IMAGE + "事故经过"])
    con.execute("update sectors set name_zh = ? where code = 'road_transport'", [LINK + "道路运输"])


@pytest.fixture()
def hostile_db(request) -> Path:
    """The hostile small city, one file for the tests here: they only read it (conftest.shared_database)."""
    return read_shared(request, fill_small_city, make_hostile)


def shown(node) -> list[str]:
    """Every text of the tree that Streamlit reads as Markdown."""
    out: list[str] = []
    if isinstance(node, Block):
        label = getattr(node, "label", None)
        if isinstance(label, str):
            out.append(label)
        proto = getattr(node, "proto", None)
        if proto is not None and hasattr(proto, "ListFields"):
            for field, value in proto.ListFields():
                if hasattr(value, "label") and isinstance(value.label, str):
                    out.append(value.label)  # expander, tab, popover labels
        for child in node.children.values():
            out += shown(child)
        return out
    if node.type in NOT_MARKDOWN:
        return out
    if node.type == "table":
        frame = node.value
        return [str(v) for v in [*frame.to_numpy().ravel(), *frame.columns, *frame.index]]
    proto = node.proto
    for field, value in proto.ListFields():
        if field.name in MARKDOWN_FIELDS and isinstance(value, str):
            out.append(value)
    if node.type == "radio":
        out += list(proto.options)
    return out


def unescaped(texts: list[str]) -> list[str]:
    """The texts holding a payload as markup: not preceded by a backslash, not turned into entities."""
    return [t for t in texts if any(re.search(r"(?<!\\)" + re.escape(p), t) for p in PAYLOADS)]


def escaped_names(texts: list[str]) -> set[str]:
    """The payloads that reached the screen, escaped for Markdown or for presentation mode's HTML."""
    joined = "\n".join(texts)
    return {p for p in PAYLOADS if plain(p) in joined or html_text(p) in joined}


def run_page(page: str) -> AppTest:
    at = open_page(page, timeout=120)
    assert not at.exception, at.exception
    return at


def check(at: AppTest) -> set[str]:
    texts = shown(at._tree)
    assert unescaped(texts) == []
    return escaped_names(texts)


@pytest.mark.parametrize("page", ["overview", "accidents", "rectification", "priority", "campaigns", "data",
                                  "briefing"])
def test_no_page_renders_data_as_markdown(hostile_db, page):
    at = run_page(page)
    # the city's name (a heading) is in every page's scope line
    assert HEADING in check(at)
    if page == "rectification":  # 隐患治理 draws its open tab alone (issue 17): each of its tabs in turn
        from rectification_support import open_tab

        for place in range(1, len(at.tabs)):
            check(open_tab(at, place))
    if page == "campaigns":  # 专项行动 too: each of its tabs in turn
        from campaigns_support import open_tab as open_campaigns_tab

        for place in range(1, len(at.tabs)):
            check(open_campaigns_tab(at, place))


def test_the_settings_page(hostile_db):
    at = run_page("settings")  # its tables are editors (not Markdown); its messages are checked all the same
    assert check(at) == set()


def test_the_accident_record(hostile_db):
    at = run_page("accidents")
    at.session_state["acc_larger"] = {"selection": {"rows": [0], "columns": [], "cells": []}}
    at.run()
    assert not at.exception, at.exception
    record = [t for t in at.get("table") if "事故经过" in " ".join(map(str, t.value.to_numpy().ravel()))]
    assert len(record) == 1
    # A2: 西乡运输 in 甲县西乡 (<img>, LaTeX, link), its summary an image
    assert check(at) >= {IMAGE, LINK, LATEX, TAG}


def test_the_enterprise_card(hostile_db):
    from riskdash.screens.priority import draw as priority_draw

    at = run_page("priority")
    check(at)
    # only the open tab is drawn (issue 17): each of 重点部位's tabs in turn, the card's last
    for tab in [t.label for t in at.tabs][1:] + [at.tabs[4].label]:
        at.session_state[priority_draw.TABS_KEY] = tab
        at.run()
        assert not at.exception, (tab, at.exception)
        check(at)
    assert len(at.selectbox(key="priority_card").options) == 4  # every enterprise of the small city is offered
    for enterprise, name, town in (("E1", IMAGE + "建材厂", IMAGE + "东镇"), ("E3", LINK + "运输", TAG + "西乡")):
        at.selectbox(key="priority_card").set_value(enterprise).run()
        assert not at.exception, at.exception
        check(at)
        card = [c.value for c in at.caption if f"（{enterprise}）" in c.value]
        assert card and card[0].startswith(f"{plain(name)}（{enterprise}）· {plain(town)}"), card


def test_presentation_mode(hostile_db):
    at = run_page("briefing")
    assert check(at) >= {HEADING}
    at.button(key="brief_present_button").click().run()
    assert not at.exception, at.exception
    seen = set()
    for _ in range(8):
        seen |= check(at)
        nexts = [b for b in at.button if b.key == "brief_next"]
        if not nexts or nexts[0].disabled:
            break
        nexts[0].click().run()
        assert not at.exception, at.exception
    assert seen >= {HEADING, IMAGE}


def test_plain_escapes_markup_and_keeps_the_text():
    assert [plain(p) for p in PAYLOADS] == [
        "\\!\\[x\\](http:\u2060//evil.example/a.png)", "\\# H", "\\[link\\](http:\u2060//x)", "\\$\\\\LaTeX\\$",
        "\\<img src=x\\>"]
    # addresses are no links (a word joiner inside), colons before a letter open no directive, times stay
    assert [plain(v) for v in ["www.evil.example", "a@b.cn", ":red[x]", "08:30"]] == [
        "www\u2060.evil.example", "a@\u2060b.cn", "\\:red\\[x\\]", "08:30"]
    assert [plain(v) for v in ["东镇化工", "1. 一", "- 二", "+3", "=1", "a\n\n# b\r\nc", "  x  ", None, 7,
                               "`a` *b* _c_ ~d~ |e|"]] == [
        "东镇化工", "1\\. 一", "\\- 二", "\\+3", "\\=1", "a \\# b c", "x", "", "7",
        "\\`a\\` \\*b\\* \\_c\\_ \\~d\\~ \\|e\\|"]
    assert html_text('<b>"x" & ![y](z) $a$ #1\n\nq') == (
        "&lt;b&gt;&quot;x&quot; &amp; &#33;&#91;y&#93;(z) &#36;a&#36; &#35;1 q")
    frame = plain_frame(pd.DataFrame({"名称": [IMAGE, "x"], "n": [1, 2]}, index=["# i", "j"]))
    assert frame.to_dict("split") == {"index": ["\\# i", "j"], "columns": ["名称", "n"],
                                      "data": [[plain(IMAGE), 1], ["x", 2]]}


def test_the_data_screen_messages(hostile_db):
    at = run_page("data")
    at.text_input(key="data_edit_key").input(IMAGE).run()  # no such record: the warning quotes the id typed
    assert not at.exception, at.exception
    assert [w.value for w in at.warning] == [f"事故 中没有编号为“{plain(IMAGE)}”的记录"]  # the kind in words (issue 17 item 8)
    assert check(at) >= {IMAGE}
    at.text_input(key="data_flow_id").input("H2").run()  # the hazard's description is shown as plain text
    assert not at.exception, at.exception
    check(at)
    assert [t.value for t in at.text if "消防通道堵塞" in t.value]
