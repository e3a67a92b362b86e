"""The default view's reads computed when the server starts (issue 17, speed; ui/warm.py): a first visit of
总览 and 汇报 then finds its reads in the cache, and a write by any tool after the warm-up is still seen (the
results are kept under the file's data key as it was)."""

from __future__ import annotations

import functools
from pathlib import Path

import pytest
from conftest import open_page

from riskdash import db, metrics
from riskdash.briefing import content
from riskdash.ui import session, warm


@pytest.fixture()
def served(small_db_path: Path, monkeypatch) -> Path:
    monkeypatch.setenv(db.ENV_DB, str(small_db_path))
    session.begin_write()  # nothing cached from another test's file
    session.end_write()
    yield small_db_path
    session.begin_write()
    session.end_write()


def _counted(monkeypatch, owner, name: str) -> list:
    """Replace ``owner.name`` by a counting wrapper under the same name (the cached loader keys on it)."""
    calls: list = []
    real = getattr(owner, name)

    @functools.wraps(real)
    def counting(*args, **kwargs):
        calls.append(args[1:])
        return real(*args, **kwargs)

    monkeypatch.setattr(owner, name, counting)
    return calls


def test_the_overview_and_the_brief_of_the_first_visit_are_read_by_the_warm_up(served, monkeypatch):
    overview_calls = _counted(monkeypatch, metrics, "overview")
    brief_calls = _counted(monkeypatch, content, "build_brief")
    assert warm.warm_up() == []
    assert len(overview_calls) == 1 and len(brief_calls) == 1
    at = open_page("overview")
    assert not at.exception
    assert len(overview_calls) == 1  # the page found the warm-up's result: the same view, the same key
    at = open_page("briefing")
    assert not at.exception
    assert len(brief_calls) == 1
    assert at.button  # the page is drawn (its downloads)


def test_a_write_after_the_warm_up_is_seen(served, monkeypatch):
    overview_calls = _counted(monkeypatch, metrics, "overview")
    assert warm.warm_up() == []
    # another tool writes the file: the connections are closed for it (DuckDB allows no writer beside them), the
    # cached results are kept (as a login's write keeps them), only the file's identity says it changed
    session.begin_write(keep_data=True)
    try:
        con = db.connect(served)
        try:
            con.execute("update accidents set deaths = deaths + 7 where accident_id = 'A1'")
        finally:
            con.close()
    finally:
        session.end_write(keep_data=True)
    at = open_page("overview")
    assert not at.exception
    assert len(overview_calls) == 2  # computed again for the file as it is now
    assert overview_calls[0][0] == overview_calls[1][0]  # the same view (filters) both times


def test_warm_up_says_what_failed_and_never_raises(tmp_path, monkeypatch):
    monkeypatch.setenv(db.ENV_DB, str(tmp_path / "none.duckdb"))
    assert warm.warm_up() == ["start"]


def test_each_read_waits_while_a_session_runs_its_script(served, monkeypatch):
    overview_calls = _counted(monkeypatch, metrics, "overview")
    busy = iter([True, True, True])  # a page running for the first three looks, then idle
    looked = []

    def running() -> bool:
        looked.append(len(overview_calls))
        return next(busy, False)

    monkeypatch.setattr(warm, "sessions_running", running)
    monkeypatch.setattr(warm, "YIELD_POLL_S", 0.001)
    assert warm.warm_up() == []
    assert looked[:4] == [0, 0, 0, 0]  # the first read waited through the three busy looks before it ran
    assert len(overview_calls) == 1


def test_no_runtime_means_no_session_running():
    assert warm.sessions_running() is False
