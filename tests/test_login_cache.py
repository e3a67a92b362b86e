"""A login's writes (failure count, lockout, last login, audit entries) keep the dashboard's cached results
(issue 16): they go through session.write_keeping_cache, which closes and reopens the connections as every
write must, but records the file's new identity as holding the same data; a data write (the write window)
still clears them. The login module does not import the write window (tests/test_import_graph.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from riskdash import accounts, db
from riskdash.ui import session

GOOD = "Safe-pass9"


@pytest.fixture()
def served(dashboard_db: Path) -> Path:
    con = db.connect(dashboard_db)
    try:
        accounts.add_account(con, "jia", "county", "419901000000", GOOD, actor="test", must_change_password=False)
    finally:
        con.close()
    return dashboard_db


def _counting():
    calls = []

    def region_count(con) -> int:
        calls.append(1)
        return con.execute("select count(*) from regions").fetchone()[0]

    return region_count, calls


def _load(fn):
    database = session.open_database()
    _, cursor = session.new_cursor(database)
    try:
        return database.key, session.load(fn, cursor, database.key)
    finally:
        cursor.close()


def test_logins_keep_the_cached_results(served):
    fn, calls = _counting()
    key, regions = _load(fn)
    assert calls == [1]
    path = session.database_path()
    # a failed login, then a good one: both write the file (count, audit entries, last login)
    assert session.write_keeping_cache(lambda con: accounts.authenticate(con, "jia", "Wrong-pass1")).reason == "wrong"
    assert session.write_keeping_cache(lambda con: accounts.authenticate(con, "jia", GOOD)).ok
    assert session._file_key(path) != key  # the file did change ...
    again_key, again = _load(fn)
    assert (again_key, again) == (key, regions)  # ... but its data key did not: answered from the cache
    assert calls == [1]
    con = db.connect(path, read_only=True)
    try:  # and the login's writes are there
        assert con.execute("select action from audit_log where kind = 'account' and actor = 'jia' "
                           "order by entry_id").fetchall() == [("login_failed",), ("login",)]
        assert accounts.get_account(con, "jia").last_login_at is not None
    finally:
        con.close()


def test_a_data_write_still_clears_them(served):
    fn, calls = _counting()
    _load(fn)
    session.write_keeping_cache(lambda con: accounts.authenticate(con, "jia", GOOD))
    _load(fn)
    assert calls == [1]
    with session.WRITE_LOCK:  # what the write window does around an import
        session.begin_write()
        try:
            con = db.connect(session.database_path())
            try:
                con.execute("update regions set name = name")
            finally:
                con.close()
        finally:
            session.end_write()
    _load(fn)
    assert calls == [1, 1]


def test_the_login_module_does_not_import_the_write_window():
    text = (Path(session.__file__).parent / "login.py").read_text(encoding="utf-8")
    assert "write_window" not in text.replace("ui/write_window", "")
