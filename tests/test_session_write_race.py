"""A write window never breaks another session's read (issue 17): the dashboard's sessions read through the
one shared read-only connection (a cursor each, the cached loader) while a login's write
(session.write_keeping_cache) or a data write (begin_write / end_write) closes it. In one process, threads as
Streamlit runs sessions: readers through session.load, through a session's cursor (session.Reader) and through
a fresh cursor (session.new_cursor, as the login form's own reads), while another thread opens write windows
one after the other. No exception may reach a reader, every read returns the right result, and every write
is made."""

from __future__ import annotations

import threading
import time
import traceback
from pathlib import Path

import pytest

from riskdash import accounts, db
from riskdash.ui import session

GOOD = "Safe-pass9"
WRITES = 16  # write windows opened while the readers run (half a login's, half a data write's)
HEAVY = 1_500_000  # rows summed by a read: long enough for a window to open while it runs


@pytest.fixture()
def served(dashboard_db: Path) -> int:
    con = db.connect(dashboard_db)
    try:
        accounts.add_account(con, "jia", "county", "419901000000", GOOD, actor="test", must_change_password=False)
        return con.execute("select count(*) from regions").fetchone()[0]
    finally:
        con.close()


def _summed(con, n: int, salt: int) -> tuple[int, int]:
    # two queries through the same cursor, as a metric function makes: a window between them must not matter
    total = con.execute("select sum(range) from range(?)", [n]).fetchone()[0]
    regions = con.execute("select count(*) + ? - ? from regions", [salt, salt]).df().iloc[0, 0]
    return int(total), int(regions)


@pytest.mark.slow  # out of the fast tier: the production hasher's logins racing readers (~3 s of CPU)
def test_reads_survive_write_windows(served, production_hasher):
    # the logins' real argon2 checks (~0.2 s each) keep the write windows coming while the readers run: with the
    # fast tier's cheap hasher the writer was done before one reader had read once (tests/conftest.py)
    regions = served
    stop = threading.Event()
    failures: list[str] = []
    wrong: list[tuple] = []
    reads = [0, 0, 0]
    writes: list[bool] = []

    def guarded(body):
        def run():
            try:
                body()
            except BaseException:  # noqa: BLE001 - every exception is the test's finding
                failures.append(f"{body.__name__}: {traceback.format_exc()}")
                stop.set()
        return run

    def through_load():  # a page's cached loader, a new argument each time (no cache hit)
        salt = 0
        while not stop.is_set():
            salt += 1
            database = session.open_database()
            _, reader = session.new_cursor(database)
            try:
                got = session.load(_summed, reader, database.key, HEAVY, salt)
            finally:
                reader.close()
            if got != (HEAVY * (HEAVY - 1) // 2, regions):
                wrong.append(("load", got))
            reads[0] += 1

    def through_cursor():  # a session's cursor kept across runs, read directly (login form, record forms)
        _, reader = session.new_cursor(session.open_database())
        n = HEAVY
        while not stop.is_set():
            n += 1
            got = _summed(reader, n, n)
            if got != (n * (n - 1) // 2, regions):
                wrong.append(("cursor", got))
            reads[1] += 1

    def through_new_cursor():  # a fresh cursor for one read, then closed (login._stored_role, data exports)
        while not stop.is_set():
            _, con = session.new_cursor(session.open_database())
            try:
                got = con.execute("select count(*) from regions").fetchone()[0]
            finally:
                con.close()
            if got != regions:
                wrong.append(("new_cursor", got))
            reads[2] += 1

    def writer():
        time.sleep(0.3)  # the readers are under way
        for i in range(WRITES):
            if stop.is_set():
                break
            if i % 2:
                ok = session.write_keeping_cache(lambda con: accounts.authenticate(con, "jia", GOOD)).ok
            else:
                with session.WRITE_LOCK:  # what the write window does around an import
                    session.begin_write()
                    session.end_write()
                ok = True
            writes.append(ok)
            time.sleep(0.02)
        stop.set()

    threads = [threading.Thread(target=guarded(body), daemon=True)
               for body in (through_load, through_cursor, through_new_cursor, writer)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(120)
    assert not any(thread.is_alive() for thread in threads)
    print(*failures, sep="\n")  # the tracebacks, shown with a failure
    assert failures == []
    assert wrong == []
    assert writes == [True] * WRITES
    print("reads", reads)
    assert all(reads)  # every kind of reader read


def _held_read(started: threading.Event, release: threading.Event):
    """A page's read through the cached loader that runs until ``release`` (between two of its queries), as a
    long metric function does; returns the thread and where its result goes."""
    got: list = []

    def held(con, salt: int) -> tuple:
        first = con.execute("select count(*) from regions").fetchone()[0]
        started.set()
        release.wait(60)
        return first, con.execute("select count(*) + ? from regions", [salt]).fetchone()[0]

    def read():
        database = session.open_database()
        _, reader = session.new_cursor(database)
        got.append(session.load(held, reader, database.key, time.monotonic_ns()))

    thread = threading.Thread(target=read)
    thread.start()
    assert started.wait(30)
    return thread, got


def test_a_window_waits_for_the_read_running(served):
    started, release = threading.Event(), threading.Event()
    reading, got = _held_read(started, release)
    written, failures = [], []

    def write():
        try:
            written.append(session.write_keeping_cache(lambda con: accounts.authenticate(con, "jia", GOOD)).ok)
        except BaseException:  # noqa: BLE001
            failures.append(traceback.format_exc())

    writing = threading.Thread(target=write)
    writing.start()
    writing.join(0.5)
    assert writing.is_alive() and not failures  # the login's write waits for the read ...
    release.set()
    reading.join(60)
    writing.join(60)
    print(*failures, sep="\n")
    assert failures == []
    assert len(got) == 1 and got[0][0] == served  # ... which reads through, and then it writes
    assert written == [True]


def test_a_fetch_after_a_window_reads_its_result(served):
    _, reader = session.new_cursor(session.open_database())
    reader.execute("select 42")
    session.write_keeping_cache(lambda con: accounts.authenticate(con, "jia", GOOD))
    assert reader.fetchone() == (42,)  # the window dropped the result: the query ran again
    reader.execute("select * from range(5)")
    assert reader.fetchone() == (0,)
    with session.WRITE_LOCK:
        session.begin_write()
        session.end_write()
    assert reader.fetchall() == [(1,), (2,), (3,), (4,)]  # past the row already taken


def test_a_read_waits_for_the_window_open(served):
    got = []
    with session.WRITE_LOCK:
        session.begin_write()
        try:
            thread = threading.Thread(
                target=lambda: got.append(session.new_cursor(session.open_database())[1]
                                          .execute("select count(*) from regions").fetchone()[0]))
            thread.start()
            thread.join(0.5)
            assert thread.is_alive() and got == []  # no connection is opened while the window is open
        finally:
            session.end_write()
    thread.join(60)
    assert got == [served]


def test_a_window_that_cannot_begin_says_so_in_one_line(served, monkeypatch):
    monkeypatch.setattr(session, "WRITE_WAIT_SECONDS", 0.3)
    started, release = threading.Event(), threading.Event()
    thread, got = _held_read(started, release)
    try:
        with pytest.raises(db.DatabaseBusy, match="still reading"):
            session.write_keeping_cache(lambda con: accounts.authenticate(con, "jia", GOOD))
    finally:
        release.set()
        thread.join(60)
    assert len(got) == 1
    # no window was left open: reads and the next write go on
    _, reader = session.new_cursor(session.open_database())
    assert reader.execute("select count(*) from regions").fetchone()[0] == served
    assert session.write_keeping_cache(lambda con: accounts.authenticate(con, "jia", GOOD)).ok
