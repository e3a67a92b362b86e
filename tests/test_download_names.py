"""Download file names (issue 17 item 10): every download is named in the interface language for what it holds,
its scope and its day or period (逾期未销号重大隐患_绿阳区_截至2026年11月28日.xlsx), through one helper."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
import streamlit
from campaigns_support import open_tab as open_campaigns_tab
from rectification_support import open_tab
from streamlit.delta_generator import DeltaGenerator
from streamlit.testing.v1 import AppTest

from riskdash import db
from riskdash.screens.kit import download_name

ROOT = Path(__file__).resolve().parents[1]
APP = ROOT / "app.py"
PAGES = ("overview", "accidents", "rectification", "priority", "campaigns", "briefing", "data")
CITY_NAME = "示例市"  # the small city's root region (tests/conftest.py)


def test_download_name_in_chinese_with_scope_and_as_of_day():
    assert download_name("逾期未销号重大隐患", "绿阳区", "xlsx", "zh", as_of=date(2026, 11, 28)) == (
        "逾期未销号重大隐患_绿阳区_截至2026年11月28日.xlsx")


def test_download_name_period_reads_from_to():
    assert download_name("安全生产形势通报", "全市", ".pdf", "zh", period=(date(2026, 1, 1), date(2026, 11, 28))) == (
        "安全生产形势通报_全市_2026年1月1日至11月28日.pdf")


def test_download_name_in_english():
    assert download_name("Overdue major hazards", "绿阳区", "csv", "en", as_of=date(2026, 11, 28)) == (
        "Overdue major hazards_绿阳区_as of 28 Nov 2026.csv")


def test_download_name_drops_characters_a_file_name_cannot_hold_and_blank_parts():
    assert download_name('a/b\\c:d*e?f"g<h>i|j', "", "zip", "zh", when="2026年11月") == "abcdefghij_2026年11月.zip"
    assert download_name("", "", "csv", "zh") == "download.csv"


@pytest.fixture()
def downloads(monkeypatch):
    """The file name of every download button a run draws."""
    made: list[str] = []
    real = DeltaGenerator.download_button

    def recording(self, label, data, *args, **kwargs):
        made.append(kwargs.get("file_name") or "")
        return real(self, label, data, *args, **kwargs)

    monkeypatch.setattr(DeltaGenerator, "download_button", recording)
    monkeypatch.setattr(streamlit, "download_button", lambda *a, **k: recording(streamlit._main, *a, **k))
    return made


def page_files(downloads: list[str], lang: str) -> dict[str, list[str]]:
    at = AppTest.from_file(str(APP), default_timeout=120).run()
    if lang != "zh":
        at.sidebar.radio(key="lang").set_value(lang).run()
    files = {}
    for page in PAGES:
        downloads.clear()
        if page != "overview":
            at.switch_page(f"pages/{page}.py").run()
        assert not at.exception, (page, [e.value for e in at.exception])
        if page == "rectification":  # 隐患治理 draws its open tab alone (issue 17): each tab's downloads in turn
            for place in [*range(1, len(at.tabs)), 0]:  # back to the first, the tab a page switch opens on
                open_tab(at, place)
        if page == "campaigns":  # 专项行动 too: each tab's downloads in turn, back to the first
            for place in [*range(1, len(at.tabs)), 0]:
                open_campaigns_tab(at, place)
        files[page] = list(dict.fromkeys(downloads))
    return files


@pytest.mark.slow
def test_every_download_is_named_in_chinese_with_its_scope(small_db_path, monkeypatch, downloads):
    monkeypatch.setenv(db.ENV_DB, str(small_db_path))
    files = page_files(downloads, "zh")
    every = [f for names in files.values() for f in names]
    for page in ("accidents", "rectification", "priority", "campaigns", "briefing", "data"):
        assert files[page], page  # each of these pages offers downloads
    assert len(every) >= 15, every
    for name in every:
        assert not name.isascii(), name
        if "导入模板" not in name:  # an import template is the same for every region
            assert CITY_NAME in name, name
    assert "逾期隐患清单_示例市_截至2025年6月30日.xlsx" in files["rectification"], files["rectification"]


@pytest.mark.slow
def test_every_download_is_named_in_english_in_english(small_db_path, monkeypatch, downloads):
    monkeypatch.setenv(db.ENV_DB, str(small_db_path))
    files = page_files(downloads, "en")
    every = [f for names in files.values() for f in names]
    assert len(every) >= 15, every
    for name in every:
        # what the file holds, in English (region names stay Chinese, and so do the enterprise or township a
        # table of one names after " - ", Hazards (2) - 西乡运输, and the Chinese term an English title gives in
        # brackets, The four musts (四个必须到位))
        what = re.sub(r"\s*\([^)]*\)", "", name.split("_")[0].split(" - ")[0])
        assert what.isascii() and what, name


def test_export_frame_in_chinese_names_codes_and_yes_no_and_reads_back_headers():
    import pandas as pd

    from riskdash.screens.data.view import export_frame

    held = pd.DataFrame({"domain": ["sector", "accident_type"], "code": ["road_transport", "vehicle"],
                         "name_zh": ["道路运输", "车辆伤害"], "name_en": ["Road transport", "Vehicle injury"],
                         "sort_order": [1, 1]})
    frame = pd.DataFrame({"accident_id": ["A1", "A2"], "industry": ["road_transport", "unknown_code"],
                          "accident_type": ["vehicle", None], "nature": ["liability", None],
                          "concealed": [False, None], "falsely_reported": [True, False], "note": ["x", "y"]})
    zh = export_frame(frame, "accidents", held, "zh")
    assert zh.to_dict("list") == {
        "事故编号": ["A1", "A2"], "行业": ["道路运输", "unknown_code"], "事故类型": ["车辆伤害", None],
        "事故性质": ["责任事故", None], "是否瞒报": ["否", None], "是否谎报": ["是", "否"], "note": ["x", "y"]}
    pd.testing.assert_frame_equal(export_frame(frame, "accidents", held, "en"), frame)


def test_import_kinds_are_named_without_their_codes():
    from riskdash.importer import KINDS
    from riskdash.screens.data.view import import_kinds, kind_label

    assert kind_label("hazards", "zh") == KINDS["hazards"].title_zh == "隐患"
    assert kind_label("hazards", "en") == "Hazards"
    assert all(k not in kind_label(k, "zh") for k in import_kinds())  # no "(regions)" beside 行政区划


def test_audit_entries_in_chinese_name_actions_and_tables():
    import pandas as pd

    from riskdash.screens.data.view import audit_display

    frame = pd.DataFrame({"action": ["import", "update", "odd"], "kind": ["hazards", "rectify", None],
                          "table_name": ["hazards", "hazards", None], "row_count": [3, 1, 0]})
    zh = audit_display(frame, "zh")
    assert list(zh.columns) == ["操作", "操作代码", "类别", "数据表", "行数"]  # the code kept beside its words
    assert zh["操作"].tolist() == ["导入", "修改", "odd"] and zh["行数"].tolist() == [3, 1, 0]
    assert zh["操作代码"].tolist() == ["import", "update", "odd"]
    assert zh["类别"].tolist()[:2] == ["隐患", "rectify"] and zh["数据表"].tolist()[:2] == ["隐患", "隐患"]
    assert zh["类别"].isna().tolist() == [False, False, True]  # no kind stays empty
    assert audit_display(frame, "en")["Action"].tolist() == ["import", "update", "odd"]


def test_list_workbook_has_its_title_a_frozen_header_and_fitted_widths():
    import io

    import openpyxl
    import pandas as pd

    from riskdash.exports.rectification_lists import list_xlsx

    frame = pd.DataFrame({"编号": ["H1", "H2"], "隐患描述": ["配电箱未接地且线路老化严重需立即整改", "短"]})
    title = "逾期隐患清单 · 绿阳区 · 截至2026年11月28日"
    book = openpyxl.load_workbook(io.BytesIO(list_xlsx({"逾期隐患清单": frame}, {"逾期隐患清单": title})))
    sheet = book["逾期隐患清单"]
    assert sheet["A1"].value == title
    assert [sheet.cell(3, c).value for c in (1, 2)] == ["编号", "隐患描述"]
    assert sheet.freeze_panes == "A4"
    # 编号: the header's 2 Chinese characters (4) beat "H1" → the floor of 8; 隐患描述: 18 Chinese characters → 38
    assert sheet.column_dimensions["A"].width == 8
    assert sheet.column_dimensions["B"].width == 38


def test_every_exported_table_has_a_chinese_title_and_chinese_headers():
    from riskdash.importer.export import EXPORT_TABLES
    from riskdash.screens.data.draw import table_title
    from riskdash.screens.data.view import kind_of

    assert table_title("key_sites", "zh") == "重点部位" and table_title("audit_log", "zh") == "操作日志"
    assert all(not table_title(t, "zh").isascii() for t in EXPORT_TABLES)
    assert kind_of("key_sites") is kind_of(kind_of("key_sites").name)  # by table or by kind name
