"""Plain words on screen (issue 17 item 8): no Chinese text the screens show names a library, a prior, a setting's
key or a repository path, and the dates they fill in read 2026年11月28日, never 2026-11-28; tables fit their rows
and their text (issue 17 item 7, ``ui.widgets.fit``)."""

from __future__ import annotations

import re
from datetime import date

import pandas as pd
import pytest

from riskdash import i18n, reference
from riskdash.filters import Filters
from riskdash.screens.accidents import view as accidents_view
from riskdash.screens.kit import Scope
from riskdash.ui import widgets

LIBRARIES = re.compile(r"scipy|numpy|pandas|statsmodels|duckdb|plotly|Jeffreys|先验分布|先验下|泊松|负二项", re.IGNORECASE)
PATH = re.compile(r"docs/|\.md\b")
ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
# texts whose ISO dates are the format a user types (import problems, a form's hint, the address bar)
TYPED_FORMATS = ("data.problem.", "data.form.time_hint", "address.bad_date")
# texts for the administrator at the command line
COMMANDS = ("error.db_help", "error.no_regions", "campaigns.form_bulk", "login.", "error.")


PLACEHOLDER = re.compile(r"\{[^{}]*\}")


def chinese_texts() -> dict[str, str]:
    """Every Chinese text as the screen shows it, without its {placeholders} (filled in with values)."""
    return {key: PLACEHOLDER.sub("", value["zh"]) for key, value in i18n.TEXT.items()
            if isinstance(value, dict) and "zh" in value}


def test_no_library_prior_or_repository_path_in_chinese_text():
    found = {key: text for key, text in chinese_texts().items()
             if LIBRARIES.search(text) or PATH.search(text)}
    assert found == {}


def test_no_setting_key_in_chinese_text():
    keys = sorted((row[0] for row in reference.SETTINGS), key=len, reverse=True)
    assert "due_soon_days" in keys and "uninspected_days" in keys
    found = {key: [k for k in keys if k in text] for key, text in chinese_texts().items()
             if not key.startswith(COMMANDS)}
    assert {key: ks for key, ks in found.items() if ks} == {}


def test_no_iso_date_in_chinese_text_but_typed_formats():
    found = {key: text for key, text in chinese_texts().items()
             if ISO_DAY.search(text) and not key.startswith(TYPED_FORMATS)}
    assert found == {}


def test_accident_scope_lines_write_the_day_in_words():
    day = date(2026, 11, 28)
    filters = Filters(date(2026, 1, 1), day, "419900000000", day)
    where = Scope.of(filters, "云川市", "全部行业", day, "zh")
    lines = [accidents_view.subtitle(filters, where, "zh"), accidents_view.trend_scope(filters, where, "zh"),
             accidents_view.breakdown_scope(filters, where, "zh")]
    for line in lines:
        assert "数据截至2026年11月28日" in line and not ISO_DAY.search(line), line
    en = Scope.of(filters, "Yunchuan", "All sectors", day, "en")
    assert "28 Nov 2026" in accidents_view.trend_scope(filters, en, "en")


def test_a_table_shows_every_row_and_wraps_a_long_column():
    reasons = "1项重大隐患逾期未销号；高危行业：危险化学品（固有风险4.5）；2项挂牌督办重大隐患未销号；从业人员198人"
    frame = pd.DataFrame({"排名": [1, 2, 3], "企业名称": ["甲厂", "乙厂", "丙厂"], "主要理由": [reasons, "无", "—"]})
    # within 400 px the long column wraps; the whole table keeps to the width
    fitted = widgets.fit(frame, budget=400)
    widths = {name: column["width"] for name, column in fitted["column_config"].items()}
    assert sum(widths.values()) <= 400 + len(widths)
    # a short column is as wide as its header or text; the long one wraps within its width over enough lines
    assert widths["排名"] >= widgets.text_px("排名") + widgets.HEAD_PAD_PX
    assert widths["主要理由"] < widgets.text_px(reasons)
    lines = (fitted["row_height"] - 12) // widgets.LINE_PX
    assert lines * (widths["主要理由"] - widgets.CELL_PAD_PX) >= widgets.text_px(reasons)
    assert fitted["row_height"] > 64  # Streamlit wraps only rows taller than 4 rem
    assert fitted["height"] == widgets.ROW_PX + 3 * fitted["row_height"] + 3

    # with room enough, nothing wraps: the column is as wide as its text
    roomy = widgets.fit(frame, budget=2000)
    assert "row_height" not in roomy and roomy["column_config"]["主要理由"]["width"] >= widgets.text_px(reasons)

    short = widgets.fit(pd.DataFrame({"乡镇": ["东镇", "西乡"], "起数": [1, 2]}))
    assert "row_height" not in short and short["height"] == widgets.ROW_PX * 3 + 3
    # sixty rows show whole; a longer list scrolls inside a grid no taller than LONG_LIST_PX (the window)
    sixty = widgets.fit(pd.DataFrame({"n": range(widgets.ROWS_SHOWN)}))
    assert sixty["height"] == widgets.ROW_PX * (widgets.ROWS_SHOWN + 1) + 3
    many = widgets.fit(pd.DataFrame({"n": range(500), "原因": ["近3年发生较大事故1起；" * 6] * 500}))
    assert many["row_height"] > widgets.ROW_PX and many["height"] == widgets.LONG_LIST_PX


def test_a_table_fits_the_narrow_page_when_it_can():
    """By default a table is fitted to the page at 1024 px beside the sidebar (NARROW_PX, less a selectable
    list's checkbox column) when its text can wrap to it, else to the page at 1366 px (FIT_PX)."""
    reasons = "1项重大隐患逾期未销号；高危行业：危险化学品（固有风险4.5）；2项挂牌督办重大隐患未销号；从业人员198人"
    frame = pd.DataFrame({"排名": [1, 2], "企业名称": ["甲化工有限公司", "乙厂"], "主要理由": [reasons, "无"]})
    for selectable, budget in ((False, widgets.NARROW_PX), (True, widgets.NARROW_PX - widgets.MARKER_PX)):
        widths = [c["width"] for c in widgets.fit(frame, selectable=selectable)["column_config"].values()]
        # each width is rounded up to a whole pixel
        assert budget - 10 <= sum(widths) <= budget + len(widths)
    # eight columns at least 74 px wide and the reasons over six lines cannot fit 664 px: fitted to 980 px instead
    wide = pd.DataFrame({**{f"第{i}项": ["甲乙丙丁" * 2] for i in range(8)}, "主要理由": [reasons]})
    widths = [c["width"] for c in widgets.fit(wide)["column_config"].values()]
    assert widgets.NARROW_PX < sum(widths) <= widgets.FIT_PX + len(widths)


SCREENS = ("overview", "accidents", "rectification", "priority", "campaigns", "briefing", "data", "settings")


def screen_words(at) -> list[str]:
    """Every caption, Markdown line, alert, KPI label and help text a run of the page wrote (popovers included)."""
    parts = [e.value for e in at.caption] + [e.value for e in at.markdown] + [e.value for e in at.info]
    parts += [e.value for e in at.warning] + [e.value for e in at.error] + [e.value for e in at.success]
    parts += [m.proto.label for m in at.metric] + [m.proto.help for m in at.metric]
    parts += [m.proto.delta_description for m in at.metric]
    return [str(p) for p in parts if p]


@pytest.mark.slow  # out of the fast tier: all eight pages walked in one session (~3 s of CPU)
def test_no_screen_shows_a_library_setting_key_path_or_iso_date_in_chinese(read_city):
    """Every screen run in Chinese on the small city: the words it shows, with their values filled in."""
    from pathlib import Path

    from streamlit.testing.v1 import AppTest

    keys = [row[0] for row in reference.SETTINGS]
    at = AppTest.from_file(str(Path(__file__).resolve().parents[1] / "app.py"), default_timeout=90).run()
    found: dict[str, list[str]] = {}
    for screen in SCREENS:
        if screen != "overview":
            at.switch_page(f"pages/{screen}.py").run()
        assert not at.exception, screen
        words = screen_words(at)
        assert words, screen
        if screen == "priority":  # 重点部位 draws its open tab alone (issue 17): each tab's words, in turn
            from riskdash.screens.priority import draw as priority_draw

            for label in [t.label for t in at.tabs][1:] + [at.tabs[0].label]:
                at.session_state[priority_draw.TABS_KEY] = label
                at.run()
                assert not at.exception, (screen, label)
                words += screen_words(at)
        if screen == "rectification":  # 隐患治理 too: each tab's words
            from rectification_support import open_tab

            for place in [*range(1, len(at.tabs)), 0]:
                words += screen_words(open_tab(at, place))
        if screen == "campaigns":  # 专项行动 too: each tab's words
            from campaigns_support import open_tab as open_campaigns_tab

            for place in [*range(1, len(at.tabs)), 0]:
                words += screen_words(open_campaigns_tab(at, place))
        # the sidebar's hint for the administrator names the command and the database file: not a caption
        words = [w for w in words if "riskdash user add" not in w]
        bad = [w for w in words if LIBRARIES.search(w) or PATH.search(w) or ISO_DAY.search(w)
               or any(k in w.replace("\\_", "_") for k in keys)]
        if bad:
            found[screen] = bad
    assert found == {}


def test_a_table_too_wide_to_fit_keeps_its_text_on_one_line():
    """Twelve figures with long headers cannot fit 400 px however their text wraps: it scrolls sideways, each
    column as wide as its text, and no row is made tall for one long reason."""
    long_text = "未完成" * 40
    frame = pd.DataFrame({"乡镇（街道）": ["城关街道（银沙县）"], "一票否决原因": [long_text],
                          **{f"考核分项第{i}项得分": [90.5] for i in range(12)}})
    fitted = widgets.fit(frame, budget=400)
    widths = {name: column["width"] for name, column in fitted["column_config"].items()}
    assert widths["乡镇（街道）"] >= widgets.text_px("城关街道（银沙县）") + widgets.CELL_PAD_PX
    assert widths["一票否决原因"] >= widgets.text_px(long_text) + widgets.CELL_PAD_PX
    assert "row_height" not in fitted


def test_integer_columns_get_thousands_separators_but_not_years_codes_or_record_numbers():
    """Issue 17 item 8: an integer column is drawn localized (1,606; sorted still as numbers), and measured with its
    separators; years, codes and record numbers, and text or decimal columns, keep their own format."""
    frame = pd.DataFrame({"乡镇": ["东镇", "合计"], "销号（项）": [1606, 28768], "年度": [2026, 2025],
                          "序号": [1201, 1202], "Entry": [3001, 3002], "区划代码": ["419800000000", "419800000001"],
                          "完成率": [99.5, 100.0], "有照片": [True, False]})
    config = widgets.fit(frame)["column_config"]
    assert config["销号（项）"]["type_config"]["type"] == "number"
    assert [name for name, column in config.items() if column.get("type_config", {}).get("format") == "localized"] \
        == ["销号（项）"]
    # "28,768" is measured, not "28768": one more character than the bare number
    assert config["销号（项）"]["width"] >= widgets.text_px("28,768") + widgets.CELL_PAD_PX
    assert not widgets.thousands("Year", pd.Series([2026])) and widgets.thousands("Deaths", pd.Series([1606]))


def test_the_widest_text_is_found_measuring_few():
    """``widest_px`` (the fit's column width, measured on the longest distinct texts only) equals the largest
    ``text_px`` of all the texts, whatever mix of Chinese, Latin and lengths; a column of repeats is one text."""
    import random

    rng = random.Random(7)
    alphabet = "城关街道危险化学品（）、abcdefWXYZ 0123456789-—"
    for _ in range(300):
        texts = ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30))) for _ in range(rng.randint(0, 40))]
        assert widgets.widest_px(texts) == max((widgets.text_px(t) for t in texts), default=0.0), texts
    # a short all-Chinese text is wider than a longer Latin one: the search does not stop at the longest
    assert widgets.widest_px(["abcdefghijklmno", "危险化学品企业十家"]) == widgets.text_px("危险化学品企业十家") == 126.0
    assert widgets.text_px("1,606") == 40.0 and widgets.text_px("城关") == 28.0
    # 1, 1.0 and True are drawn apart ("1", "1.0", "True"): the widest of them counts
    mixed = widgets.fit(pd.DataFrame({"x": pd.Series([1, 1.0, True], dtype=object)}), budget=2000)
    assert mixed["column_config"]["x"]["width"] >= widgets.text_px("True") + widgets.CELL_PAD_PX
