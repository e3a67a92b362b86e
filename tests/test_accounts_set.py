"""``riskdash user set NAME [--role ROLE] [--region CODE]`` (issue 16, additive to the contract, docs/accounts.md):
an admin changes an account's role, its region or both; the last enabled admin keeps its role; every change
is an audit entry with the before and after; a refusal is one line and writes nothing; a logged-in session
reads the new scope at its next page."""

from __future__ import annotations

import json

import pytest
from conftest import COUNTY_A, COUNTY_B, TOWN_A1, TOWN_B1, fill_small_city, logged_in, prepared_database
from streamlit.testing.v1 import AppTest
from test_user_cli import assert_refused, run

from riskdash import accounts, db
from riskdash.importer import actor_default
from riskdash.ui import session

GOOD = "Safe-pass9"


def add_boss_and_jia(con) -> None:
    for name, role, region in (("boss", "admin", None), ("jia", "county", COUNTY_A)):
        accounts.add_account(con, name, role, region, GOOD, actor="test", must_change_password=False)


@pytest.fixture()
def staffed(small_db_path):
    # the small city with the two accounts, copied from a file made once per process (an argon2 hash is ~0.2 s)
    small_db_path.unlink()
    return prepared_database(small_db_path, fill_small_city, add_boss_and_jia)


def _state(path) -> tuple[dict, list]:
    con = db.connect(path, read_only=True)
    try:
        held = {a["name"]: (a["role"], a["region_code"], a["disabled"]) for a in accounts.list_accounts(con)}
        entries = con.execute("select actor, record_key, after_json from audit_log where action = 'account_set' "
                              "order by entry_id").fetchall()
    finally:
        con.close()
    return held, entries


def test_user_set_changes_the_region_then_the_role(staffed, capsys):
    path = str(staffed)
    moved = run(capsys, "user", "set", "jia", "--region", "419902", "--db", path)
    assert moved.returncode == 0, moved.stderr
    assert json.loads(moved.stdout) == {"name": "jia", "role": "county", "region_code": COUNTY_B, "changed": True}
    # a township role keeping a county's region: refused, nothing written
    assert_refused(run(capsys, "user", "set", "jia", "--role", "township", "--db", path),
                   "a township account's region must be a township")
    held, entries = _state(staffed)
    assert held["jia"] == ("county", COUNTY_B, False)
    assert len(entries) == 1
    assert run(capsys, "user", "set", "jia", "--role", "township", "--region", TOWN_A1, "--db", path).returncode == 0
    assert run(capsys, "user", "set", "jia", "--role", "city", "--db", path).returncode == 0  # no region
    held, entries = _state(staffed)
    assert held["jia"] == ("city", None, False)
    assert entries == [
        (actor_default(), "jia", json.dumps({"before": {"role": "county", "region_code": COUNTY_A},
                                             "after": {"role": "county", "region_code": COUNTY_B}})),
        (actor_default(), "jia", json.dumps({"before": {"role": "county", "region_code": COUNTY_B},
                                             "after": {"role": "township", "region_code": TOWN_A1}})),
        (actor_default(), "jia", json.dumps({"before": {"role": "township", "region_code": TOWN_A1},
                                             "after": {"role": "city", "region_code": None}})),
    ]


def test_user_set_refusals_write_nothing(staffed, capsys):
    path = str(staffed)
    before = _state(staffed)
    assert_refused(run(capsys, "user", "set", "jia", "--db", path), "--role, --region or both")
    assert_refused(run(capsys, "user", "set", "nobody", "--role", "city", "--db", path), "no account nobody")
    assert_refused(run(capsys, "user", "set", "jia", "--region", "419999", "--db", path), "no such region")
    assert_refused(run(capsys, "user", "set", "jia", "--role", "city", "--region", COUNTY_A, "--db", path),
                   "has no region")
    assert_refused(run(capsys, "user", "set", "boss", "--role", "viewer", "--db", path), "--region is required")
    assert _state(staffed) == before
    unchanged = run(capsys, "user", "set", "jia", "--role", "county", "--db", path)  # as it is: no entry
    assert json.loads(unchanged.stdout)["changed"] is False
    assert _state(staffed) == before


def test_the_last_admin_keeps_its_role(staffed, capsys):
    path = str(staffed)
    assert_refused(run(capsys, "user", "set", "boss", "--role", "city", "--db", path), "last admin")
    con = db.connect(staffed)
    try:  # a second admin, disabled, does not count
        accounts.add_account(con, "boss2", "admin", None, GOOD, actor="test")
        accounts.disable_account(con, "boss2", actor="test")
    finally:
        con.close()
    assert_refused(run(capsys, "user", "set", "boss", "--role", "city", "--db", path), "last admin")
    # a disabled admin may be demoted: it is not the one that keeps the database administered
    assert run(capsys, "user", "set", "boss2", "--role", "city", "--db", path).returncode == 0
    con = db.connect(staffed)
    try:
        accounts.add_account(con, "boss3", "admin", None, GOOD, actor="test")
    finally:
        con.close()
    assert run(capsys, "user", "set", "boss", "--role", "city", "--db", path).returncode == 0
    assert_refused(run(capsys, "user", "set", "boss3", "--role", "county", "--region", COUNTY_A, "--db", path),
                   "last admin")
    held, _ = _state(staffed)
    assert {n: r for n, (r, _, _) in held.items()} == {"boss": "city", "boss2": "city", "boss3": "admin",
                                                       "jia": "county"}


def test_a_logged_in_session_reads_the_new_region_at_its_next_page(staffed, monkeypatch):
    from test_login import APP, TIMEOUT

    monkeypatch.setenv(db.ENV_DB, str(staffed))
    at = logged_in(AppTest.from_file(str(APP), default_timeout=TIMEOUT), "jia").run()
    assert {s.label: s.options for s in at.sidebar.selectbox}["县（市、区）"] == ["甲县 · jx"]
    # in the dashboard's own process: through its write window (the shared read-only connection closed)
    session.write_keeping_cache(lambda con: accounts.set_account(con, "jia", "township", TOWN_B1, actor="test"))
    at.run()
    assert not at.exception
    selects = {s.label: s.options for s in at.sidebar.selectbox}
    assert selects["县（市、区）"] == ["乙区 · yq"] and selects["乡镇（街道）"] == ["南街道 · njd"]
    assert "当前账号：jia（乡镇 · 南街道）" in [c.value for c in at.sidebar.caption]
