"""The Streamlit edge of the database: one cached read-only connection, a cursor per session, cached results.

DuckDB 2.x refuses concurrent calls on one connection, and Streamlit runs every session in its own thread:
the process shares one read-only connection (``st.cache_resource``) and each session queries through its
own ``cursor()``. Results are read through one cached loader (``load``), bounded, and keyed on the
database file's identity, the metric function and its arguments (the frozen ``Filters``), so a rebuilt demo
file is never answered from the old one's cache. The write window (ui/write_window.py) closes every
connection opened here and opens none while it writes (begin_write / end_write).

A write window never closes the connection under a running read (issue 17: DuckDB refuses to close a
connection whose cursor is running a query, and the read would lose its result): every read holds a shared
hold on the database while it runs (``reading``: a cached load for the whole of its metric function, a
session cursor's call, an open), and begin_write waits until the reads running finish, while reads that
start meanwhile wait until end_write (the page says so if it waits long: db.busy). A session's cursor
(Reader) whose connection a window closed between two of its calls moves to the new connection, and a fetch
whose result the window dropped runs its query again there.
"""

from __future__ import annotations

import functools
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, TypeVar

import duckdb
import streamlit as st

from riskdash import db, i18n

# one cache for every screen's reads: a page load reads up to ~20 results, so this holds the last ~100 views
LOAD_ENTRIES = 2048
CACHE_TTL_SECONDS = 15 * 60
_CURSOR_KEY = "_riskdash_cursor"
T = TypeVar("T")
LANG_KEY = "lang"  # the language switch's widget (ui/frame.py); "_keep_lang" is its mirror across pages


def chosen_lang() -> str:
    """The language this session chose so far (the frame's switch, or its mirror), else the default."""
    lang = st.session_state.get(f"_keep_{LANG_KEY}", st.session_state.get(LANG_KEY, i18n.DEFAULT_LANG))
    return lang if lang in i18n.LANGS else i18n.DEFAULT_LANG


@dataclass(frozen=True)
class Database:
    """The open database: its path, an identity for cache keys, and the process-wide connection."""

    path: Path
    key: str
    connection: duckdb.DuckDBPyConnection
    lock: threading.Lock
    closed: threading.Event = field(default_factory=threading.Event)  # set by the write window that closed it


def database_path() -> Path:
    """``$RISKDASH_DB`` (set by ``riskdash serve --db``), else the default ``data/riskdash.duckdb``."""
    return db.resolve_db_path(None).resolve()


def _file_key(path: Path) -> str:
    # a rebuilt demo is a new file swapped in under the same name: inode and mtime tell them apart
    stat = path.stat()
    return f"{path}:{stat.st_ino}:{stat.st_mtime_ns}"


# A file key after a write that changed nothing the screens read from the cache (a login's counters and audit
# entries: write_keeping_cache) → the key of the data the file still holds, so the cached results stay valid.
_same_data: dict[str, str] = {}


def _data_key(path: Path) -> str:
    """The cache key of the file's data: its identity (_file_key), unless only a login wrote it since."""
    key = _file_key(path)
    return _same_data.get(key, key)


def data_key() -> str:
    """The cache key of the served file's data as it is now (``_data_key``): a part of a page that runs alone
    (``st.fragment``) compares it with its page's ``db_key`` and runs the whole page again when the file changed."""
    return _data_key(database_path())


# Every connection _open made and no write window has closed yet. The cache forgets an entry (eviction, a
# new file key after a re-key at open) without closing it, and a session may still hold it; DuckDB keeps one
# instance per path while any connection to it lives, so a later open after a restore would read the old file
# through it. close_all() closes them all.
_opened: list[Database] = []
_opened_lock = threading.Lock()
# set while the 数据管理 screen's write window is open: no connection is opened (or kept) meanwhile, so none
# can outlive a restore's swap; page loads wait as for another process's write
_writing = threading.Event()
# one write at a time in this process: the write window (ui/write_window.py) and write_keeping_cache
WRITE_LOCK = threading.Lock()
# how long a read goes on waiting for a write window before the page says that it waits (db.busy): a login's
# window lasts a fraction of a second, and the notice speaks of an import
NOTICE_AFTER_SECONDS = 0.5
# how long a write window waits for the reads running when it begins (each is one cached load or one call of
# a cursor: seconds at most); then the write is refused with one line (db.DatabaseBusy) and nothing is closed
WRITE_WAIT_SECONDS = 60.0


class _Guard:
    """Shared holds for the reads, an exclusive one for a write window. A waiting window goes first: reads that
    start while it waits wait too, so a stream of reads cannot keep it out. A thread's shared holds nest (the
    queries of a cached load run inside the load's hold) and never wait while it holds one."""

    def __init__(self) -> None:
        self._state = threading.Condition()
        self._readers = 0  # threads holding a shared hold
        self._writer = False  # a write window waiting or open
        self.waiting = 0  # reads waiting for a window (tests look)
        self._mine = threading.local()

    def depth(self) -> int:
        return getattr(self._mine, "depth", 0)

    def acquire_read(self, timeout: float) -> bool:
        if self.depth():
            self._mine.depth += 1
            return True
        deadline = time.monotonic() + timeout
        with self._state:
            self.waiting += 1
            try:
                while self._writer:
                    left = deadline - time.monotonic()
                    if left <= 0:
                        return False
                    self._state.wait(left)
            finally:
                self.waiting -= 1
            self._readers += 1
        self._mine.depth = 1
        return True

    def release_read(self) -> None:
        self._mine.depth -= 1
        if self._mine.depth == 0:
            with self._state:
                self._readers -= 1
                self._state.notify_all()

    def acquire_write(self, timeout: float) -> bool:
        own = 1 if self.depth() else 0  # the writing thread's own read (none in the dashboard) is not waited for
        deadline = time.monotonic() + timeout
        with self._state:
            self._writer = True
            while self._readers > own:
                left = deadline - time.monotonic()
                if left <= 0:
                    self._writer = False
                    self._state.notify_all()
                    return False
                self._state.wait(left)
        return True

    def release_write(self) -> None:
        with self._state:
            self._writer = False
            self._state.notify_all()


_guard = _Guard()


@contextmanager
def reading():
    """A shared hold on the database for one read: no write window closes the connection while it runs. It
    waits while a window is open or waiting (saying so after NOTICE_AFTER_SECONDS, as a page load waits for an
    import: db.busy) for up to db.READ_WAIT_SECONDS, then raises db.DatabaseBusy. Nested holds never wait."""
    if not _guard.acquire_read(0 if _guard.depth() else NOTICE_AFTER_SECONDS):
        notice = st.empty()
        notice.info(i18n.t("db.busy", chosen_lang()), icon=":material/hourglass_top:")
        try:
            if not _guard.acquire_read(db.READ_WAIT_SECONDS):
                raise db.DatabaseBusy(f"{database_path()}: the 数据管理 screen is writing the database")
        finally:
            notice.empty()
    try:
        yield
    finally:
        _guard.release_read()


@st.cache_resource(max_entries=4, show_spinner=False)
def _open(path: str, key: str) -> Database:
    # no waiting in here: a cached function's messages would be replayed on every later hit, so a busy file
    # raises DatabaseBusy at once and open_database() waits, with its message, outside the cache
    con = db.connect(path, read_only=True, wait_seconds=0)
    database = Database(path=Path(path), key=key, connection=con, lock=threading.Lock())
    with _opened_lock:
        if _writing.is_set():  # opened just as a write window began: it would outlive a restore's swap
            con.close()
            raise db.DatabaseBusy(f"{path}: the 数据管理 screen is writing the database")
        _opened.append(database)
    return database


def begin_write(keep_data: bool = False) -> None:
    """The write window begins: wait until the reads running finish (new ones wait meanwhile: ``reading``),
    then close every connection this process opened on the database, and with them every session's cursor,
    forget the cached connections and results, and open none until end_write(), so that every later page load
    opens the file anew and reads what was written (DuckDB would otherwise serve a restored path from the old
    file's instance while any connection to it lived). ``keep_data``: the cached results stay (a write that
    changes nothing they hold: write_keeping_cache). Raises db.DatabaseBusy (nothing closed, no window open)
    when the reads running do not finish within WRITE_WAIT_SECONDS."""
    if not _guard.acquire_write(WRITE_WAIT_SECONDS):
        raise db.DatabaseBusy(f"{database_path()}: other users' pages are still reading the database; "
                              "try again in a moment")
    try:
        with _opened_lock:
            _writing.set()
            held = list(_opened)
            _opened.clear()
        for database in held:
            with database.lock:
                database.closed.set()
                database.connection.close()
        _open.clear()
        if not keep_data:
            st.cache_data.clear()
    except BaseException:
        _writing.clear()
        _guard.release_write()
        raise


def end_write(keep_data: bool = False) -> None:
    """The write window ends: results cached meanwhile belong to the old file; page loads may open again."""
    try:
        if not keep_data:
            st.cache_data.clear()
    finally:
        _writing.clear()
        _guard.release_write()


def write_keeping_cache(write):
    """``write(con)`` on a writable connection in the exclusive write window (ui/write_window.py), for a write
    that changes nothing the screens' cached results hold — a login's failure count, lockout and last login,
    its audit entries (the audit log is read uncached), a password change, a backup's audit entry. The
    connections are closed and reopened as for any write (DuckDB allows no writable connection beside a
    read-only one in one process), but the cached results are kept: the file's new identity is recorded as
    holding the same data (``_same_data``), so a login does not make every screen compute again for everyone."""
    with WRITE_LOCK:
        path = database_path()
        before = _data_key(path) if path.exists() else None
        begin_write(keep_data=True)
        try:
            with db.io_guard():
                con = db.connect(path, wait_seconds=db.LOCK_WAIT_SECONDS)
                try:
                    return write(con)
                finally:
                    con.close()
        finally:
            if before is not None and path.exists():
                after = _file_key(path)
                if after != before:
                    _same_data[after] = before
            end_write(keep_data=True)


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
                with reading():  # a window waiting or open goes first (its own wait says so)
                    if _writing.is_set():  # (the writing thread itself)
                        raise db.DatabaseBusy(f"{path}: the 数据管理 screen is writing the database")
                    return _open(str(path), _data_key(path))
            except db.DatabaseBusy:  # another process holds the file (an import on the command line)
                if time.monotonic() >= deadline:
                    raise
                if notice is None:
                    notice = st.empty()
                    notice.info(i18n.t("db.busy", chosen_lang()), icon=":material/hourglass_top:")
                time.sleep(pause)
                pause = min(pause * 2, 1.0)
    finally:
        if notice is not None:
            notice.empty()


# the calls of a cursor that read the result of its last execute: after a write window closed the cursor
# between the two, the query runs again on the new connection
_FETCHES = frozenset({"fetchone", "fetchmany", "fetchall", "df", "fetchdf", "fetch_df", "fetchnumpy", "arrow",
                      "fetch_arrow_table", "pl", "fetch_record_batch", "fetch_df_chunk", "tf", "torch"})


class Reader:
    """A session's cursor that outlives a write window. Each call holds a shared hold on the database while it
    runs (``reading``), so no window closes the connection under it. A call that comes after a window closed
    the connection (a page load already running when the window opened) moves to a cursor on the new one
    (waiting for the window to close, as a page load does: open_database); a fetch whose result the window
    dropped runs its query again there, past the rows already taken. Everything else is the cursor's own
    (``execute`` returns the reader, so ``.df()``, ``.fetchone()``, ``.description`` read the current
    cursor's result)."""

    def __init__(self, database: Database, cursor: duckdb.DuckDBPyConnection):
        self._database = database
        self._cursor = cursor
        self._query: tuple | None = None  # the last execute's arguments
        self._taken = 0  # rows of its result fetched one by one or by fetchmany

    def _move(self) -> None:
        self._database, self._cursor = _cursor_on(open_database())

    def execute(self, *args, **kwargs) -> Reader:
        with reading():
            if self._database.closed.is_set():
                self._move()
            try:
                self._cursor.execute(*args, **kwargs)
            except duckdb.ConnectionException as exc:  # closed otherwise than by a window (kept as before)
                if "closed" not in str(exc):
                    raise
                self._move()
                self._cursor.execute(*args, **kwargs)
            self._query = (args, kwargs)
            self._taken = 0
        return self

    def _call(self, name: str, *args, **kwargs):
        with reading():
            if self._database.closed.is_set():
                if name == "close":
                    return None  # closed with its connection
                self._move()
                if name in _FETCHES and self._query is not None:
                    self._cursor.execute(*self._query[0], **self._query[1])
                    if self._taken:
                        self._cursor.fetchmany(self._taken)
            result = getattr(self._cursor, name)(*args, **kwargs)
            if name == "fetchone" and result is not None:
                self._taken += 1
            elif name == "fetchmany":
                self._taken += len(result)
            return result

    def __getattr__(self, name: str):
        with reading():
            value = getattr(self._cursor, name)
        return functools.partial(self._call, name) if callable(value) else value


def _cursor_on(database: Database) -> tuple[Database, duckdb.DuckDBPyConnection]:
    """A new cursor on the shared connection, or on the next one when a write window closed it meanwhile."""
    while True:
        with reading():
            if not database.closed.is_set():
                with database.lock:  # cursor() itself is a call on the shared connection
                    return database, database.connection.cursor()
        database = open_database()  # closed by a write window since it was handed out


def new_cursor(database: Database) -> tuple[Database, Reader]:
    """A cursor of its own on the shared connection (a read outside a page's run: the login's checks, a
    download's data), as a Reader: safe beside a write window, closed by its ``close()``."""
    reader = Reader(*_cursor_on(database))
    return reader._database, reader


def session_cursor(database: Database) -> Reader:
    """This session's own cursor on the shared connection (created once per session and connection: after a
    write window the file may keep its key while the connection is a new one)."""
    held = st.session_state.get(_CURSOR_KEY)
    if held is not None and held[0] is database:
        return held[1]
    reader = Reader(*_cursor_on(database))
    st.session_state[_CURSOR_KEY] = (reader._database, reader)
    return reader


# ---------------------------------------------------------------------------------------------- cached reads


@st.cache_data(max_entries=LOAD_ENTRIES, ttl=CACHE_TTL_SECONDS, show_spinner=False)
def _loaded(name: str, db_key: str, args: tuple, kwargs: tuple, _fn: Callable, _con: Any) -> Any:
    # the leading underscores keep the function and the cursor out of the key: ``name`` and ``db_key`` stand
    # for them (a rebuilt file has a new key, so it is never answered from the old one's entries)
    return _fn(_con, *args, **dict(kwargs))


def load(fn: Callable[..., T], con: Any, db_key: str, *args: Any, **kwargs: Any) -> T:
    """``fn(con, *args, **kwargs)``, cached per database file and arguments: the one cached loader.

    ``fn`` is the metric function itself (``metrics.rectification.overdue_list``), so that a reader or grep
    goes from a page to the function and on to its SQL; the arguments (the frozen ``Filters``, a day, a code)
    must be hashable by ``st.cache_data``. Pages call it through ``PageContext.load``."""
    with reading():  # the whole of the metric function: no write window closes the cursor between its queries
        return _loaded(f"{fn.__module__}.{fn.__qualname__}", db_key, args, tuple(sorted(kwargs.items())),
                       _fn=fn, _con=con)
