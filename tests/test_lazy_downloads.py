"""The screens' own files are built when their button is clicked, not on every run of the page (issue 17, speed in
a real browser: 隐患治理 spent 2.6 s of a 5.1 s run building the .xlsx of its lists whether or not anyone
downloaded). Each builder is wrapped to count its calls (its output unchanged); a page run must not call it, and
the callable the button holds (what Streamlit runs when the file is asked for) must give the file."""

from __future__ import annotations

import io
import os
import shutil
from pathlib import Path

import openpyxl
import pytest
import streamlit
from conftest import AS_OF, CITY, open_page
from campaigns_support import open_tab as open_campaigns_tab
from rectification_support import open_tab
from streamlit.delta_generator import DeltaGenerator
from streamlit.testing.v1 import AppTest

from riskdash import db
from riskdash.exports import (
    key_site_ledger,
    monthly_form,
    rectification_lists,
    township_scorecard,
)
from riskdash.filters import Filters
from riskdash.metrics import priority
from riskdash.screens.priority import draw as priority_draw

APP = Path(__file__).resolve().parents[1] / "app.py"

# the screens' own files (not the tables' 下载表格 buttons, lazy since b563e52): key prefix -> builder
OWN = {"rect_csv_": "list_csv", "rect_xlsx_": "list_xlsx", "rect_week_xlsx": "list_xlsx",
       "rect_form_xlsx": "form_xlsx", "campaigns_xlsx": "scorecard_xlsx", "campaigns_pairs_xlsx": "scorecard_xlsx"}


def sheets(data: bytes) -> dict[str, list[tuple]]:
    book = openpyxl.load_workbook(io.BytesIO(data))
    return {ws.title: list(ws.iter_rows(values_only=True)) for ws in book.worksheets}


@pytest.fixture(scope="module")
def city(small_city_file, tmp_path_factory):
    path = tmp_path_factory.mktemp("lazy") / "small.duckdb"
    shutil.copyfile(small_city_file, path)
    old = os.environ.get(db.ENV_DB)
    os.environ[db.ENV_DB] = str(path)
    yield path
    if old is None:
        os.environ.pop(db.ENV_DB, None)
    else:
        os.environ[db.ENV_DB] = old


@pytest.fixture()
def counted(monkeypatch):
    """Each builder wrapped to count its calls; every download button's (key, label, data) recorded."""
    calls: dict[str, int] = {}
    buttons: list[tuple[str, str, object]] = []

    def wrap(owner, name):
        real = getattr(owner, name)

        def counting(*args, **kwargs):
            calls[name] = calls.get(name, 0) + 1
            return real(*args, **kwargs)

        monkeypatch.setattr(owner, name, counting)

    for owner, name in ((rectification_lists, "list_csv"), (rectification_lists, "list_xlsx"),
                        (monthly_form, "form_xlsx"), (township_scorecard, "scorecard_xlsx"),
                        (key_site_ledger, "key_site_ledger_xlsx"), (priority_draw, "key_site_ledger_xlsx")):
        wrap(owner, name)
    real_button = DeltaGenerator.download_button

    def recording(self, label, data, *args, **kwargs):
        buttons.append((kwargs.get("key") or "", label, data))
        return real_button(self, label, data, *args, **kwargs)

    monkeypatch.setattr(DeltaGenerator, "download_button", recording)
    monkeypatch.setattr(streamlit, "download_button", lambda *a, **k: recording(streamlit._main, *a, **k))
    return calls, buttons


def run_page(page: str) -> AppTest:
    at = open_page(page, timeout=180)
    assert not at.exception, [e.value for e in at.exception]
    if page == "rectification":  # 隐患治理 draws its open tab alone (issue 17): each tab's buttons, in turn
        for place in range(1, len(at.tabs)):
            open_tab(at, place)
    if page == "campaigns":  # 专项行动 too: each tab's buttons, in turn
        for place in range(1, len(at.tabs)):
            open_campaigns_tab(at, place)
    return at


@pytest.mark.parametrize("page", ["rectification", "campaigns"])
def test_a_page_run_builds_none_of_its_files_until_one_is_asked_for(city, counted, page):
    calls, buttons = counted
    run_page(page)
    own = [(key, data) for key, _, data in buttons if key.startswith(tuple(OWN))]
    assert own, [key for key, _, _ in buttons]
    assert calls == {}  # no builder ran during the page's runs
    for key, data in own:
        assert callable(data), key
        builder = next(name for prefix, name in OWN.items() if key.startswith(prefix))
        before = calls.get(builder, 0)
        made = data()  # what Streamlit runs when the file is asked for
        assert calls[builder] == before + 1, key
        assert isinstance(made, (bytes, str)) and made, key
        if builder != "list_csv":
            assert sheets(made), key  # a workbook that opens


def test_the_ledger_is_built_when_clicked_and_is_the_workbook_of_the_ledger_as_read(city, counted):
    calls, buttons = counted
    at = run_page("priority")
    at.session_state[priority_draw.TABS_KEY] = at.tabs[1].label  # 重点部位台账: only the open tab is drawn
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    ledger = [(label, data) for _, label, data in buttons if label == "导出台账（Excel，用于备案）"]
    assert len(ledger) == 1, [label for _, label, _ in buttons]
    assert calls == {}
    made = ledger[0][1]()
    assert calls == {"key_site_ledger_xlsx": 1}
    # the same workbook the eager button built from its own reads (the ledger as it stands: no sector, no period)
    con = db.connect(city, read_only=True)
    try:
        whole = Filters(AS_OF.replace(month=1, day=1), AS_OF, CITY, AS_OF)
        expected = key_site_ledger.key_site_ledger_xlsx(priority.key_site_ledger(con, whole),
                                                        priority.ledger_townships(con, whole), "示例市", AS_OF)
    finally:
        con.close()
    assert sheets(made) == sheets(expected)
