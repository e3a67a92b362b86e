"""The Streamlit edge of the database: one cached read-only connection, a cursor per session, cached results.

DuckDB 2.x refuses concurrent calls on one connection, and Streamlit runs every session in its own thread:
the process shares one read-only connection (``st.cache_resource``) and each session queries through its
own ``cursor()``. Parameterised results are cached with ``st.cache_data``, bounded, and keyed on the
database file's identity and the frozen ``Filters``, so a rebuilt demo file is never answered from the old
one's cache.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pandas as pd
import streamlit as st

from riskdash import db, metrics
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
    con = db.connect(path, read_only=True)
    return Database(path=Path(path), key=key, connection=con, lock=threading.Lock())


def open_database() -> Database:
    """The shared read-only connection; raises ``db.RiskdashError`` (one line) when it cannot be opened."""
    path = database_path()
    db.check_file(path)
    if not path.exists():
        # let connect() word the error (it names the command that creates one)
        db.connect(path, read_only=True)
    return _open(str(path), _file_key(path))


def session_cursor(database: Database) -> duckdb.DuckDBPyConnection:
    """This session's own cursor on the shared connection (created once per session and file)."""
    held = st.session_state.get(_CURSOR_KEY)
    if held is not None and held[0] == database.key:
        return held[1]
    with database.lock:  # cursor() itself is a call on the shared connection
        cursor = database.connection.cursor()
    st.session_state[_CURSOR_KEY] = (database.key, cursor)
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
