"""Writes by an account (issue 16): a viewer writes nothing, reference data and settings are the admin's, and an
import with a row outside the account's region is refused with that row's number — nothing written."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import COUNTY_A, TOWN_A1, TOWN_A2, TOWN_B1, fill_small_city, prepared_database

from riskdash import accounts
from riskdash.importer import ImportFailed, import_file

GOOD = "Safe-pass9"
HAZ_HEADER = "隐患编号,企业编号,发现日期,隐患等级,整改期限\n"
ENT_HEADER = "企业编号,企业名称,所在乡镇代码,行业\n"


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def snapshot(con) -> tuple:
    return tuple(con.execute(f"select count(*), coalesce(sum(hash(t)), 0) from {t} t").fetchone()
                 for t in ("hazards", "enterprises", "settings", "audit_log"))


def add_four_accounts(con) -> None:
    accounts.add_account(con, "twn", "township", TOWN_A1, GOOD, actor="t", must_change_password=False)
    accounts.add_account(con, "cnt", "county", COUNTY_A, GOOD, actor="t", must_change_password=False)
    accounts.add_account(con, "vwr", "viewer", COUNTY_A, GOOD, actor="t", must_change_password=False)
    accounts.add_account(con, "adm", "admin", None, GOOD, actor="t", must_change_password=False)


@pytest.fixture()
def small_db_path(tmp_path: Path) -> Path:
    """Here the small city comes with the four accounts, copied from a file made once per process (an argon2
    hash is ~0.2 s of CPU)."""
    return prepared_database(tmp_path / "small.duckdb", fill_small_city, add_four_accounts)


@pytest.fixture()
def made(small_con):
    return {name: accounts.get_account(small_con, name) for name in ("twn", "cnt", "vwr", "adm")}


def refused(con, kind, path, exc_type=ImportFailed, **kw):
    before = snapshot(con)
    with pytest.raises(exc_type) as info:
        import_file(con, kind, path, **kw)
    assert snapshot(con) == before  # nothing written, not even an audit entry
    return info.value


def test_rows_outside_the_township_are_refused_by_row_number(small_con, made, tmp_path):
    # E1 is in 东镇 (the account's township), E3 in 西乡 and E4 in 南街道
    path = write(tmp_path, "h.csv", HAZ_HEADER + "H10,E1,2025-06-01,一般,2025-06-20\n"
                 "H11,E3,2025-06-01,一般,2025-06-20\nH12,E4,2025-06-02,一般,2025-06-20\n")
    exc = refused(small_con, "hazards", path, account=made["twn"], actor="twn")
    assert [(p.row, p.column, p.value, p.code, p.values["region"]) for p in exc.problems] == [
        (3, "enterprise_id", "E3", "outside_account_region", TOWN_A2),
        (4, "enterprise_id", "E4", "outside_account_region", TOWN_B1)]
    assert "nothing was written" in str(exc)
    # the county above both 东镇 and 西乡 may write the first two rows
    inside = write(tmp_path, "in.csv", HAZ_HEADER + "H10,E1,2025-06-01,一般,2025-06-20\n"
                   "H11,E3,2025-06-01,一般,2025-06-20\n")
    result = import_file(small_con, "hazards", inside, account=made["cnt"], actor="cnt")
    assert result.inserted == 2
    assert small_con.execute("select actor from audit_log where action = 'import' order by entry_id desc "
                             "limit 1").fetchone() == ("cnt",)


def test_an_upsert_cannot_take_a_row_from_another_region(small_con, made, tmp_path):
    # H5 belongs to E3 (西乡): moving it to E1 (东镇) would take another township's hazard
    path = write(tmp_path, "h.csv", HAZ_HEADER + "H5,E1,2025-06-20,一般,2025-06-30\n")
    exc = refused(small_con, "hazards", path, account=made["twn"], actor="twn", mode="upsert")
    assert [(p.row, p.values["region"]) for p in exc.problems] == [(2, TOWN_A1)]
    # an enterprise row by its own region: 南街道 is outside the county
    ent = write(tmp_path, "e.csv", ENT_HEADER + "E9,新厂,419902001000,fire\n")
    exc = refused(small_con, "enterprises", ent, account=made["cnt"], actor="cnt")
    assert [(p.row, p.column, p.value) for p in exc.problems] == [(2, "region_code", TOWN_B1)]


def test_a_viewer_writes_nothing_and_settings_are_the_admins(small_con, made, tmp_path):
    path = write(tmp_path, "h.csv", HAZ_HEADER + "H10,E1,2025-06-01,一般,2025-06-20\n")
    exc = refused(small_con, "hazards", path, accounts.AccountError, account=made["vwr"], actor="vwr")
    assert "read-only" in str(exc)
    settings = write(tmp_path, "s.csv", "key,value\ndue_soon_days,9\n")
    for name in ("twn", "cnt"):
        exc = refused(small_con, "settings", settings, accounts.AccountError, account=made[name], actor=name,
                      mode="upsert")
        assert "the admin's" in str(exc)
    import_file(small_con, "settings", settings, account=made["adm"], actor="adm", mode="upsert")
    assert small_con.execute("select value from settings where key = 'due_soon_days'").fetchone() == ("9",)


def _screen_import():
    """A screen's import through the write window, as the 数据管理 and 设置 screens make it (AppTest script)."""
    import os
    from pathlib import Path

    import streamlit as st

    from riskdash import db
    from riskdash.ui import login, write_window

    con = db.connect(os.environ["RISKDASH_DB"], read_only=True)
    try:
        account = login.require_login(con, "zh", os.environ["RISKDASH_DB"])
    finally:
        con.close()
    kind, path, mode = os.environ["TEST_IMPORT"].split("|")
    try:
        result = write_window.write_import(kind, Path(path), mode, "typed in a form", Path(path).name)
        st.success(f"{result.inserted}+{result.updated} by {account.name}")
    except db.RiskdashError as exc:
        st.error(write_window.error_line(exc, "zh"))


@pytest.mark.parametrize(("name", "kind", "body", "mode", "expected"), [
    ("vwr", "hazards", HAZ_HEADER + "H10,E1,2025-06-01,一般,2025-06-20\n", "append",
     "只读账号不能修改数据，未写入任何数据"),
    ("twn", "settings", "key,value\ndue_soon_days,9\n", "upsert", "settings：基础数据与设置仅限管理员修改，未写入任何数据"),
    ("twn", "hazards", HAZ_HEADER + "H10,E4,2025-06-01,一般,2025-06-20\n", "append",
     ("h.csv: row 2: column enterprise_id: value 'E4': outside the region of account twn (419901001000; this "
      "row's region: 419902001000); nothing was written")),
    ("twn", "hazards", HAZ_HEADER + "H10,E1,2025-06-01,一般,2025-06-20\n", "append", "1+0 by twn"),
])
def test_the_screens_writes_follow_the_logged_in_account(small_db_path, small_con, made, tmp_path, monkeypatch,
                                                         name, kind, body, mode, expected):
    from conftest import logged_in
    from streamlit.testing.v1 import AppTest

    small_con.close()
    path = write(tmp_path, "h.csv", body)
    monkeypatch.setenv("RISKDASH_DB", str(small_db_path))
    monkeypatch.setenv("TEST_IMPORT", f"{kind}|{path}|{mode}")
    at = logged_in(AppTest.from_function(_screen_import, default_timeout=60), name).run()
    assert not at.exception
    shown = [e.value for e in at.error] + [e.value for e in at.success]
    assert len(shown) == 1 and shown[0].startswith(expected), shown
    from riskdash import db

    con = db.connect(small_db_path, read_only=True)
    try:
        imports = con.execute("select actor from audit_log where action = 'import'").fetchall()
    finally:
        con.close()
    # the actor is the account, never the text a form was given
    assert imports == ([("twn",)] if expected.endswith("by twn") else [])


def test_record_forms_follow_the_acting_account(small_con, made):
    from datetime import date

    from riskdash import records

    today = date(2025, 7, 10)
    hazard = {"hazard_id": "H100", "enterprise_id": "E4", "found_on": "2025-07-01", "grade": "一般",
              "deadline": "2025-07-31"}
    before = snapshot(small_con)
    with accounts.acting_as(made["twn"]):
        with pytest.raises(records.RecordRefused) as info:  # E4 is in 南街道, not the account's 东镇
            records.add(small_con, "hazards", hazard, actor="typed", today=today)
        assert info.value.problems[0].code == "outside_account_region"
        with pytest.raises(records.RecordRefused):  # H5 is 西乡's (E3): not 东镇's to edit
            records.edit(small_con, "hazards", "H5", {"deadline": "2025-07-05"}, today=today)
        with pytest.raises(accounts.AccountError, match="hazard H5: outside the region of account twn"):
            records.hazard_action(small_con, "H5", "rectify", date(2025, 7, 1), today=today)
    with accounts.acting_as(made["vwr"]), pytest.raises(accounts.AccountError, match="read-only"):
        records.add(small_con, "hazards", {**hazard, "enterprise_id": "E1"}, actor="typed", today=today)
    assert snapshot(small_con) == before
    # the county above 西乡 may: the account is the actor, not the name typed in the form
    with accounts.acting_as(made["cnt"]):
        records.hazard_action(small_con, "H5", "rectify", date(2025, 7, 1), actor="typed", today=today)
        records.add(small_con, "hazards", {**hazard, "enterprise_id": "E3"}, actor="typed", today=today)
    assert small_con.execute("select actor, action, record_key from audit_log where kind <> 'account' "
                             "order by entry_id").fetchall() == [("cnt", "update", "H5"), ("cnt", "insert", "H100")]
