"""Evidence on the record cards under AppTest (issue 18): the 数据管理 rectification loop and edit panels and the
隐患治理 hazard card show the count and the list (images as images, a PDF as a download), a viewer gets no
upload form, and a missing file says so instead of failing."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import open_page
from streamlit.testing.v1 import AppTest
from test_evidence import TINY_PDF, tiny_png

from riskdash import db, evidence, records

APP = Path(__file__).resolve().parents[1] / "app.py"


@pytest.fixture()
def attached(small_db_path):
    con = db.connect(small_db_path)
    try:
        con.execute("insert into inspections (inspection_id, inspected_on, enterprise_id, level) values "
                    "('I1', '2025-01-05', 'E1', 'township')")
        db.sync_keys(con)
        records.attach(con, "hazard", "H2", "before", tiny_png(), "现场.png", actor="t")
        records.attach(con, "hazard", "H2", "acceptance", TINY_PDF, "验收单.pdf", actor="t")
        records.attach(con, "inspection", "I1", "after", TINY_PDF, "检查记录.pdf", actor="t")
    finally:
        con.close()
    return small_db_path


@pytest.fixture()
def at(attached, monkeypatch):
    monkeypatch.setenv(db.ENV_DB, str(attached))
    app = open_page("data")
    assert not app.exception, app.exception
    return app


def texts(app) -> str:
    return " ".join([m.value for m in app.markdown] + [c.value for c in app.caption])


def test_the_loop_shows_the_hazards_evidence_and_the_upload_forms(at):
    at.text_input(key="data_flow_id").input("H2").run()
    assert not at.exception, at.exception
    shown = texts(at)
    assert "整改佐证（2 份）" in shown
    assert "整改前 · 现场.png" in shown and "验收 · 验收单.pdf" in shown
    assert len(at.get("image")) == 1  # the PNG as an image
    assert [b.label for b in at.get("download_button") if "验收单.pdf" in b.label] == ["下载 验收单.pdf"]
    # the upload form (a role and a file) and the step's own file (整改完成 carries the 整改后 photo)
    assert at.selectbox(key="data_flow_evidence_role").options == ["整改前", "整改后", "验收"]
    assert any(u.label.startswith("随本步骤附整改后文件") for u in at.get("file_uploader"))


def test_the_edit_panel_shows_an_inspections_evidence(at):
    at.selectbox(key="data_edit_kind").set_value("inspections").run()
    at.text_input(key="data_edit_key").input("I1").run()
    assert not at.exception, at.exception
    assert "整改佐证（1 份）" in texts(at) and "整改后 · 检查记录.pdf" in texts(at)


def test_a_missing_file_is_named_not_a_failure(at, attached):
    store = evidence.store_for(attached)
    (store / evidence.relative_name(evidence.sha256(TINY_PDF), "application/pdf")).unlink()
    at.text_input(key="data_flow_id").input("H2").run()
    assert not at.exception, at.exception
    assert any("文件缺失或已损坏：验收单.pdf" in w.value for w in at.warning)


def test_a_viewer_sees_the_evidence_but_no_upload_form(attached, monkeypatch):
    from conftest import TOWN_A1, logged_in

    from riskdash import accounts

    con = db.connect(attached)
    try:
        accounts.add_account(con, "boss", "admin", None, "Admin-Pass-12!", actor="t", must_change_password=False)
        accounts.add_account(con, "kan", "viewer", TOWN_A1, "View-Pass-12!", actor="t", must_change_password=False)
    finally:
        con.close()
    monkeypatch.setenv(db.ENV_DB, str(attached))
    monkeypatch.setenv("RISKDASH_LOCAL_ONLY", "0")
    at = open_page("data", logged_in(AppTest.from_file(str(APP), default_timeout=90), "kan"))
    assert not at.exception, at.exception
    at.text_input(key="data_flow_id").input("H2").run()
    assert not at.exception, at.exception
    assert "整改佐证（2 份）" in texts(at)
    assert not [s for s in at.selectbox if s.key == "data_flow_evidence_role"]
