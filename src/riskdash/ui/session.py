"""The Streamlit edge of the database: one cached read-only connection, a cursor per session, cached results.

DuckDB 2.x refuses concurrent calls on one connection, and Streamlit runs every session in its own thread:
the process shares one read-only connection (``st.cache_resource``) and each session queries through its
own ``cursor()``. Parameterised results are cached with ``st.cache_data``, bounded, and keyed on the
database file's identity and the frozen ``Filters``, so a rebuilt demo file is never answered from the old
one's cache.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pandas as pd
import streamlit as st

from riskdash import db, i18n, metrics
from riskdash.filters import Filters

CACHE_ENTRIES = 256
CACHE_TTL_SECONDS = 15 * 60
_CURSOR_KEY = "_riskdash_cursor"


@dataclass(frozen=True)
class Database:
    """The open database: its path, an identity for cache keys, and the process-wide connection."""

    path: Path
    key: str
    connection: duckdb.DuckDBPyConnection
    lock: threading.Lock


def database_path() -> Path:
    """``$RISKDASH_DB`` (set by ``riskdash serve --db``), else the default ``data/riskdash.duckdb``."""
    return db.resolve_db_path(None).resolve()


def _file_key(path: Path) -> str:
    # a rebuilt demo is a new file swapped in under the same name: inode and mtime tell them apart
    stat = path.stat()
    return f"{path}:{stat.st_ino}:{stat.st_mtime_ns}"


@st.cache_resource(max_entries=4, show_spinner=False)
def _open(path: str, key: str) -> Database:
    # no waiting in here: a cached function's messages would be replayed on every later hit, so a busy file
    # raises DatabaseBusy at once and open_database() waits, with its message, outside the cache
    con = db.connect(path, read_only=True, wait_seconds=0)
    return Database(path=Path(path), key=key, connection=con, lock=threading.Lock())


def open_database() -> Database:
    """The shared read-only connection; raises ``db.RiskdashError`` (one line) when it cannot be opened.

    While another user's import or restore writes the file (the write window closes this connection), the
    page says that it waits and retries with back-off for up to db.READ_WAIT_SECONDS, then shows the data."""
    path = database_path()
    db.check_file(path)
    if not path.exists():
        # let connect() word the error (it names the command that creates one)
        db.connect(path, read_only=True)
    deadline = time.monotonic() + db.READ_WAIT_SECONDS
    pause = 0.1
    notice = None
    try:
        while True:
            try:
                return _open(str(path), _file_key(path))
            except db.DatabaseBusy:
                if time.monotonic() >= deadline:
                    raise
                if notice is None:
                    from riskdash.ui.page import current_lang

                    notice = st.empty()
                    notice.info(i18n.t("db.busy", current_lang()), icon=":material/hourglass_top:")
                time.sleep(pause)
                pause = min(pause * 2, 1.0)
    finally:
        if notice is not None:
            notice.empty()


def session_cursor(database: Database) -> duckdb.DuckDBPyConnection:
    """This session's own cursor on the shared connection (created once per session and connection: after a
    write window the file may keep its key while the connection is a new one)."""
    held = st.session_state.get(_CURSOR_KEY)
    if held is not None and held[0] is database:
        return held[1]
    with database.lock:  # cursor() itself is a call on the shared connection
        cursor = database.connection.cursor()
    st.session_state[_CURSOR_KEY] = (database, cursor)
    return cursor


# ---------------------------------------------------------------------------------------------- cached reads
# The leading underscore keeps the cursor out of the cache key; db_key names the file instead.


@st.cache_data(max_entries=CACHE_ENTRIES, ttl=CACHE_TTL_SECONDS, show_spinner=False)
def regions(db_key: str, _con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    return metrics.regions(_con)


@st.cache_data(max_entries=CACHE_ENTRIES, ttl=CACHE_TTL_SECONDS, show_spinner=False)
def sectors(db_key: str, _con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    return metrics.sectors(_con)


@st.cache_data(max_entries=CACHE_ENTRIES, ttl=CACHE_TTL_SECONDS, show_spinner=False)
def dataset_facts(db_key: str, _con: duckdb.DuckDBPyConnection) -> tuple:
    """(data_as_of, is_demo): read once per file."""
    return db.data_as_of(_con), db.is_demo(_con)


@st.cache_data(max_entries=CACHE_ENTRIES, ttl=CACHE_TTL_SECONDS, show_spinner=False)
def overview(db_key: str, filters: Filters, _con: duckdb.DuckDBPyConnection) -> metrics.Overview:
    return metrics.overview(_con, filters)
