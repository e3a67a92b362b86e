"""The one door to the database: opening files, the schema and its migrations, named queries.

Every query lives in ``sql/<group>/<name>.sql`` and is run with bound ``$name`` parameters; nothing is
formatted into SQL text. DuckDB 2.x refuses concurrent calls on one connection, so threads take their own
``cursor()``.
"""

from __future__ import annotations

import hashlib
import os
import re
import threading
import time
import warnings
from datetime import date
from functools import cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable

import duckdb

if TYPE_CHECKING:  # pandas costs seconds to import; `grade` and the lock checks need none of it
    import pandas as pd

DEFAULT_DB = Path("data") / "riskdash.duckdb"
ENV_DB = "RISKDASH_DB"
LOCK_WAIT_SECONDS = 5.0
# RISKDASH_LOCK_WAIT_SECONDS=N sets that wait (seconds >= 0) for every open that does not name its own: a command's
# wait for a file another process holds. The tests of a refusal set a short one, so that each does not sit 5 s
# (often twice) before the refusal they check; the wait itself is tested with explicit waits (tests/test_db.py).
LOCK_WAIT_ENV = "RISKDASH_LOCK_WAIT_SECONDS"

# DuckDB's file header carries this magic at byte 8
_DUCKDB_MAGIC = b"DUCK"
_PARAM = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)")


class RiskdashError(Exception):
    """An error for the user: its message is one clear line."""


class IOFailure(RiskdashError):
    """The disk failed a read or write (full, I/O error, out of memory); the message is one line that says
    what happened and whether anything was written."""

    def __init__(self, what: str, written: bool):
        self.what = what
        self.written = written
        outcome = ("the change had been committed and is kept (in the file or its write-ahead log, which the "
                   "next open reads)" if written else "nothing was written")
        super().__init__(f"{what}; {outcome}")


# errors of the machine, not of the data: they become one line (IOFailure), never a traceback
# (a commit that fails is a TransactionException whose words name the disk's error)
IO_ERRORS = (OSError, duckdb.IOException, duckdb.FatalException, duckdb.OutOfMemoryException,
             duckdb.TransactionException)
# commits made by this thread, so that a failure can say whether its own write had been committed (the
# dashboard's sessions are threads)
_commits = threading.local()


def note_commit() -> None:
    """A write path calls this right after its commit returns."""
    _commits.count = commit_count() + 1


def commit_count() -> int:
    return getattr(_commits, "count", 0)


def failure_text(exc: BaseException) -> str:
    """What went wrong, in one line: the operating system's words and the file, without DuckDB's wrapping."""
    # a rollback after a failed write fails too (DuckDB already rolled back): the first error is the one
    while "no transaction is active" in str(exc) and exc.__context__ is not None:
        exc = exc.__context__
    if isinstance(exc, OSError):
        where = f" ({exc.filename})" if exc.filename else ""
        return f"I/O error: {exc.strerror or exc}{where}"
    text = str(exc)
    inner = re.search(r'"exception_message":\s*"((?:[^"\\]|\\.)*)"', text)
    if inner:
        text = inner.group(1).replace('\\"', '"')
    text = " ".join(part.strip() for part in text.splitlines() if part.strip())
    text = re.sub(r"^(IO|FATAL|Out of Memory|Invalid Input|TransactionContext) Error: ", "", text)
    if isinstance(exc, duckdb.TransactionException):
        return "could not commit: " + re.sub(r"^Failed to commit: ", "", text)
    kind = "out of memory" if isinstance(exc, duckdb.OutOfMemoryException) else "I/O error"
    return f"{kind}: {text}"


class io_guard:
    """``with db.io_guard():`` around a write: a machine error inside becomes IOFailure, written or not
    decided by whether a commit happened inside the block (an error at close, after the commit, keeps it)."""

    def __enter__(self):
        self.start = commit_count()
        return self

    def __exit__(self, kind, exc, tb):
        if exc is not None and isinstance(exc, IO_ERRORS) and not isinstance(exc, RiskdashError):
            raise IOFailure(failure_text(exc), written=commit_count() > self.start) from None
        return False


def io_guarded(function):
    """io_guard around every call of ``function`` (a write path)."""
    import functools

    @functools.wraps(function)
    def guarded(*args, **kwargs):
        with io_guard():
            return function(*args, **kwargs)

    return guarded


def rollback(con: duckdb.DuckDBPyConnection) -> None:
    """Roll back, where DuckDB has not already done so (after an I/O error it has, and says so loudly)."""
    try:
        con.execute("rollback")
    except duckdb.Error:
        pass


# The fault-injection suite (tests/test_faults.py) stops a process at a named step of a write: each step
# calls fault_point(name), which does nothing unless this variable names that step (killed by SIGKILL) or
# the step followed by ':eio' (an I/O error raised there, as a failing disk would).
FAULT_ENV = "RISKDASH_FAULT_AT"


def fault_point(step: str) -> None:
    wanted = os.environ.get(FAULT_ENV)
    if wanted == step:
        os.kill(os.getpid(), 9)  # SIGKILL: no handler, no cleanup, as a power cut or kill -9
    if wanted == f"{step}:eio":
        raise duckdb.IOException(f'IO Error: Could not write file "{step}": Input/output error')


def fsync_dir(folder: Path) -> None:
    """Make a rename or a new file in ``folder`` durable (a no-op where directories cannot be opened)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass  # some file systems refuse fsync on a directory; the rename itself is still atomic
    finally:
        os.close(fd)


def resolve_db_path(arg: str | os.PathLike | None) -> Path:
    """``--db``, then ``$RISKDASH_DB``, then ``data/riskdash.duckdb``."""
    if arg:
        return Path(arg)
    env = os.environ.get(ENV_DB)
    return Path(env) if env else DEFAULT_DB


# ---------------------------------------------------------------------------------------------- SQL files


@cache
def sql_text(name: str) -> str:
    """The text of ``sql/<name>.sql`` (``name`` like ``"overview/accident_totals"``)."""
    path = resources.files("riskdash").joinpath("sql", f"{name}.sql")
    if not path.is_file():
        raise KeyError(f"no SQL file sql/{name}.sql")
    return path.read_text(encoding="utf-8")


def sql_names(group: str) -> list[str]:
    folder = resources.files("riskdash").joinpath("sql", group)
    return sorted(f"{group}/{p.name[:-4]}" for p in folder.iterdir() if p.name.endswith(".sql"))


def _bind(text: str, params: dict[str, Any]) -> dict[str, Any]:
    """Only the parameters the SQL names: DuckDB refuses extra ones."""
    wanted = set(_PARAM.findall(_strip_comments(text)))
    missing = wanted - params.keys()
    if missing:
        raise KeyError(f"query needs parameters {sorted(missing)}")
    return {k: params[k] for k in wanted}


def _strip_comments(text: str) -> str:
    return re.sub(r"--[^\n]*", "", text)


def query(con: duckdb.DuckDBPyConnection, name: str, **params: Any) -> pd.DataFrame:
    """Run the named query with bound parameters and return a (small) DataFrame."""
    text = sql_text(name)
    return con.execute(text, _bind(text, params)).df()


def query_list(con: duckdb.DuckDBPyConnection, name: str, **params: Any) -> pd.DataFrame:
    """query() for a long list (tens of thousands of rows): fetched through Arrow, whose strings become the
    frame's pyarrow-backed strings without a Python object per value — about a third faster than ``.df()``
    at 20,000 rows. The frame equals query()'s for lists of strings, dates and numbers
    (tests/test_integer_keys.py compares them on the demo city)."""
    text = sql_text(name)
    # con.sql() would save one copy of the rows but refuses to run while an earlier execute() on the same
    # connection has an unfinished result (a fetchone()); execute() is what every other query uses
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", "Arrow output on a DB-API result", UserWarning)
        table = con.execute(text, _bind(text, params)).to_arrow_table()
    frame = table.to_pandas(date_as_object=False)
    for column in frame.columns:  # Arrow dates arrive as datetime64[ms]; .df() gives datetime64[us]
        if str(frame[column].dtype) == "datetime64[ms]":
            frame[column] = frame[column].astype("datetime64[us]")
    return frame


def query_one(con: duckdb.DuckDBPyConnection, name: str, **params: Any) -> dict[str, Any]:
    """Run a named query that returns exactly one row, as a dict of Python values."""
    text = sql_text(name)
    cur = con.execute(text, _bind(text, params))
    row = cur.fetchone()
    if row is None:
        raise RuntimeError(f"query {name} returned no row")
    return dict(zip([d[0] for d in cur.description], row))


def query_first(con: duckdb.DuckDBPyConnection, name: str, **params: Any) -> dict[str, Any] | None:
    """The first row of a named query as a dict of Python values, None when it returns none (no pandas: the
    command line's look-ups stay light)."""
    text = sql_text(name)
    cur = con.execute(text, _bind(text, params))
    row = cur.fetchone()
    return None if row is None else dict(zip([d[0] for d in cur.description], row))


# ---------------------------------------------------------------------------------------------- schema

# Forward migrations: version -> file sql/schema/NNN_what.sql (the number is the version). A file written by
# any older release opens in this one: every missing step is applied in order, in one transaction each.
def _migrations() -> dict[int, str]:
    found: dict[int, str] = {}
    for name in sql_names("schema"):
        version = int(name.split("/")[1].split("_")[0])
        if version in found:
            raise RuntimeError(f"two schema migrations numbered {version}: {found[version]}, {name}")
        found[version] = name
    return found


MIGRATIONS: dict[int, str] = _migrations()
SCHEMA_VERSION = max(MIGRATIONS)

# Derived values (grade, hazard state, region tree) are views and macros, never stored columns. They are
# dropped and recreated whenever their text changes, so that no view goes stale after an upgrade. (The stored
# copies of the integer keys, enterprise_no and inspection_no, are identities kept in step at every write:
# see sync_keys below.)
VIEW_FILES = [
    "views/macros",
    "views/data_as_of",
    "views/region_ancestors",
    "views/township_labels",
    "views/township_county_names",
    "views/accidents_graded",
    "views/checklist_applicable",
    "views/zero_report_days",
    "views/scope",
    "views/departments",
    "views/hazard_counts",
    "views/coverage_counts",
    "views/accident_counts",
    "views/accident_list",
    "views/rate_counts",
]
VIEW_NAMES = ["region_ancestors", "township_labels", "township_county_names", "accidents_graded"]
MACRO_NAMES = [
    "accident_grade",
    "accident_grade_criterion",
    "is_larger_risk_involved",
    "hazard_is_done",
    "hazard_state",
    "checklist_deadlines",
    "township_staffing",
    "checklist_applicable",
    "zero_report_days",
    # the scope (views/scope.sql, docs/scope.md): every query starts from these
    "scope_regions",
    "in_scope",
    "scope_townships",
    "scoped_enterprises",
    "scoped_accidents",
    "scoped_accidents_graded",
    "scoped_hazards",
    "scoped_hazards_found",
    "scoped_inspections",
    "scoped_key_sites",
    "region_units",
    # 行业主管部门 (views/departments.sql): the tables by department and the lists narrowed to one
    "sector_department",
    "sector_departments",
    "in_department",
    "latest_event_day",
    "data_as_of",
    "scoped_hazard_counts",  # views/hazard_counts.sql, read by the rectification tables by sector and township
    "scoped_coverage_counts",  # views/coverage_counts.sql, read by the coverage tables by sector and township
    "scoped_accident_counts",  # views/accident_counts.sql, read by the accident tables by sector, type, region
    "scoped_accident_list",  # views/accident_list.sql, read by the lists of larger and 较大涉险 accidents
    "rate_indicator_counts",  # views/rate_counts.sql, read by the rate indicators and the rate targets
]
# derived objects of earlier releases, dropped with the rest so that none outlives its text: hazards_enriched
# and inspections_enriched (read by no query: the scope macros join the enterprise) and filtered_hazards (now
# scoped_hazards_found)
RETIRED_VIEWS = ["hazards_enriched", "inspections_enriched"]
RETIRED_MACROS = ["filtered_hazards"]


def views_fingerprint() -> str:
    text = "\n".join(sql_text(n) for n in VIEW_FILES)
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def schema_version(con: duckdb.DuckDBPyConnection) -> int:
    has_meta = con.execute(
        "select count(*) from information_schema.tables where table_name = 'meta'"
    ).fetchone()[0]
    if not has_meta:
        return 0
    row = con.execute("select value from meta where key = 'schema_version'").fetchone()
    return int(row[0]) if row else 0


def get_meta(con: duckdb.DuckDBPyConnection, key: str) -> str | None:
    row = con.execute("select value from meta where key = $key", {"key": key}).fetchone()
    return row[0] if row else None


def set_meta(con: duckdb.DuckDBPyConnection, key: str, value: str | None) -> None:
    con.execute(
        "insert or replace into meta (key, value) values ($key, $value)", {"key": key, "value": value}
    )


def data_as_of(con: duckdb.DuckDBPyConnection) -> date | None:
    """The day every default period and as-of day derives from (never the clock): the day declared for the
    data (meta data_as_of), else the latest event day, derived from the rows whenever read (macro data_as_of)."""
    return query_one(con, "data/data_as_of")["data_as_of"]


def is_demo(con: duckdb.DuckDBPyConnection) -> bool:
    return get_meta(con, "dataset") == "demo"


def _drop_derived(con: duckdb.DuckDBPyConnection) -> None:
    for view in reversed(VIEW_NAMES + RETIRED_VIEWS):
        con.execute(f"drop view if exists {view}")
    for macro in reversed(MACRO_NAMES + RETIRED_MACROS):
        con.execute(f"drop macro if exists {macro}")
        con.execute(f"drop macro table if exists {macro}")


def migrate(con: duckdb.DuckDBPyConnection, upto: int = SCHEMA_VERSION) -> int:
    """Bring the schema forward to ``upto``; returns the version it started from."""
    start = schema_version(con)
    if start > SCHEMA_VERSION:
        raise RiskdashError(
            f"database schema version {start} is newer than this riskdash ({SCHEMA_VERSION}); upgrade riskdash"
        )
    migrated = False
    for version in sorted(v for v in MIGRATIONS if start < v <= upto):
        con.execute("begin transaction")
        try:
            if not migrated:
                # the derived views and macros go before the first migration (no migration makes one: they are
                # made again at the end, even when unchanged); once, not before each of them (a new database runs
                # every migration: ~100 drops each, a quarter of a second of CPU in all)
                _drop_derived(con)
            migrated = True
            con.execute(sql_text(MIGRATIONS[version]))
            if version == INTEGER_KEYS_VERSION:
                sync_keys(con)
            set_meta(con, "schema_version", str(version))
            con.execute("commit")
        except Exception:
            rollback(con)
            raise
    if start < TOWNSHIP_STATIONS_VERSION <= upto:
        # DuckDB checks a foreign key against the rows as the transaction found them: the checklist items that
        # migration 19 retires can leave only once the deletion of their statuses is committed
        con.execute("begin transaction")
        try:
            con.execute(RETIRE_DUPLICATE_ITEMS)
            con.execute("commit")
        except Exception:
            rollback(con)
            raise
    if start < HAZARD_BASES_VERSION <= upto and con.execute("select count(*) from sectors").fetchone()[0]:
        # the shipped 判定依据 list (reference.HAZARD_BASES) for a database that has its reference data; a new one
        # gets it with the other defaults (create_schema), a restore with its backup's rows
        from riskdash import reference

        reference.fill_hazard_bases(con)
    if upto == SCHEMA_VERSION and (migrated or get_meta(con, "views_fingerprint") != views_fingerprint()):
        con.execute("begin transaction")
        try:
            _drop_derived(con)
            for name in VIEW_FILES:
                con.execute(sql_text(name))
            set_meta(con, "views_fingerprint", views_fingerprint())
            con.execute("commit")
        except Exception:
            rollback(con)
            raise
    return start


# ---------------------------------------------------------------------------------------------- integer keys

# the schema version that gave enterprises and inspections integer keys (sql/schema/009_integer_keys.sql)
INTEGER_KEYS_VERSION = 9
# migration 19 (issue 18): the "四个必须到位" items that duplicated funding, delegated_enforcement and
# full_time_staff leave the checklist (sql/schema/019_township_stations.sql moves their statuses first)
TOWNSHIP_STATIONS_VERSION = 19
RETIRE_DUPLICATE_ITEMS = ("delete from checklist_items where item_code in ('four_staff', 'four_budget', 'four_powers') "
                          "and item_code not in (select item_code from checklist_status)")
# migration 26 (issue 18): the major-hazard criteria list hazard_bases, filled from reference.HAZARD_BASES
HAZARD_BASES_VERSION = 26
# internal columns: not in the import contract, left out of record views, exports and audit entries
INTERNAL_COLUMNS = {"enterprises": ("enterprise_no",), "hazards": ("enterprise_no", "inspection_no"),
                    "inspections": ("enterprise_no", "inspection_no")}
# the columns whose change moves a row's copied numbers
KEY_ID_COLUMNS = ("enterprise_id", "inspection_id")
SYNC_STATEMENTS = ("keys/number_enterprises", "keys/number_inspections", "keys/hazard_enterprise_no",
                   "keys/inspection_enterprise_no", "keys/hazard_inspection_no")


def sync_keys(con: duckdb.DuckDBPyConnection, written: str | None = None) -> None:
    """Number new enterprises and inspections, and bring every copied number (hazards.enterprise_no,
    inspections.enterprise_no, hazards.inspection_no) in step with the id beside it. Every write calls this
    before it commits, naming the table it wrote as ``written`` (None: any); a table that carries no key needs
    nothing (about 0.5 s at scale 20 when there is nothing to do)."""
    if written is not None and written not in INTERNAL_COLUMNS:
        return
    for name in SYNC_STATEMENTS:
        con.execute(sql_text(name))
    set_meta(con, KEYS_FINGERPRINT, keys_fingerprint(con))


# meta key: the keys_fingerprint at the last sync_keys (see keys_out_of_step)
KEYS_FINGERPRINT = "keys_fingerprint"


def keys_fingerprint(con: duckdb.DuckDBPyConnection) -> str:
    """Counts and row-hash sums of the ids and copied numbers of enterprises, inspections and hazards."""
    return con.execute(sql_text("keys/keys_fingerprint")).fetchall()[0][0]  # fetched whole: nothing left open


def key_mismatches(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    """Per stored key column, the rows whose number disagrees with their id (all 0 when in step)."""
    return dict(con.execute(sql_text("keys/key_mismatches")).fetchall())


def public_columns(table: str) -> str:
    """``*`` of ``table`` without its internal columns, for record views, exports and audit entries."""
    hidden = INTERNAL_COLUMNS.get(table)
    return f"* exclude ({', '.join(hidden)})" if hidden else "*"


def create_schema(con: duckdb.DuckDBPyConnection) -> None:
    """A new database: the full schema and the default reference lists."""
    from riskdash import reference

    migrate(con)
    reference.load_defaults(con)


# ---------------------------------------------------------------------------------------------- opening


def _looks_like_duckdb(path: Path) -> bool:
    with path.open("rb") as fh:
        header = fh.read(12)
    return len(header) >= 12 and header[8:12] == _DUCKDB_MAGIC


class DatabaseBusy(RiskdashError):
    """Another connection is writing the file (an import, a restore) and did not finish within the wait."""


# how long a reader (a dashboard page) waits for a write to finish before it says the file is busy; an import
# of hundreds of thousands of rows on the 数据管理 screen takes tens of seconds
READ_WAIT_SECONDS = 180.0


def _is_lock_error(exc: Exception) -> bool:
    text = str(exc)
    # another process holds the file; or, in this process (the dashboard's own write window), a writable
    # connection is open and DuckDB refuses a read-only one beside it until it closes
    return ("Could not set lock" in text or "Conflicting lock" in text
            or "different configuration than existing connections" in text)


def _holder(exc: Exception) -> str:
    match = re.search(r"\(PID (\d+)\)", str(exc))
    return f" (PID {match.group(1)})" if match else ""


def check_file(path: Path) -> None:
    """Refuse a path that exists but is not a DuckDB database, before DuckDB touches it."""
    if path.exists() and path.is_file() and path.stat().st_size > 0 and not _looks_like_duckdb(path):
        raise RiskdashError(f"{path}: not a DuckDB database file (expected a riskdash .duckdb file)")
    if path.exists() and not path.is_file():
        raise RiskdashError(f"{path}: is not a file (expected a riskdash .duckdb file)")


def lock_wait_seconds() -> float:
    """The default wait for a held file: RISKDASH_LOCK_WAIT_SECONDS when it is a number >= 0, else
    LOCK_WAIT_SECONDS."""
    try:
        value = float(os.environ.get(LOCK_WAIT_ENV, ""))
    except ValueError:
        return LOCK_WAIT_SECONDS
    return value if 0 <= value < float("inf") else LOCK_WAIT_SECONDS


def _open_waiting(path: Path, *, read_only: bool, wait_seconds: float | None,
                  on_wait: Callable[[], None] | None = None) -> duckdb.DuckDBPyConnection:
    """duckdb.connect, waiting up to ``wait_seconds`` (None: lock_wait_seconds()) for a lock held by another
    connection (``on_wait`` is called once, when the wait begins, so that a screen can say why it waits); then
    DatabaseBusy."""
    deadline = time.monotonic() + (lock_wait_seconds() if wait_seconds is None else wait_seconds)
    pause = 0.1
    while True:
        try:
            return duckdb.connect(str(path), read_only=read_only)
        except (duckdb.IOException, duckdb.ConnectionException) as exc:
            if _is_lock_error(exc):
                if time.monotonic() < deadline:
                    if on_wait is not None:
                        on_wait()
                        on_wait = None
                    time.sleep(pause)
                    pause = min(pause * 2, 1.0)  # back off: a long import is not polled four times a second
                    continue
                raise DatabaseBusy(
                    f"{path}: the database is held by another process{_holder(exc)}, probably the running "
                    f"dashboard; stop it (or wait) and try again"
                ) from None
            if "not a valid DuckDB database" in str(exc):
                raise RiskdashError(f"{path}: not a DuckDB database file") from None
            raise RiskdashError(f"{path}: cannot open database: {exc}") from None


def ensure_not_held(path: str | os.PathLike, wait_seconds: float | None = None) -> None:
    """Refuse (after waiting) a file that any other process has open, even read-only as the dashboard does.

    Only an exclusive (writable) open can tell; nothing is written or migrated here.
    """
    path = Path(path)
    check_file(path)
    if path.exists() and path.stat().st_size > 0:
        _open_waiting(path, read_only=False, wait_seconds=wait_seconds).close()


def peek_meta(path: str | os.PathLike, wait_seconds: float | None = None) -> dict[str, str] | None:
    """The meta rows of a file whatever its schema version (read-only, nothing migrated); None when the
    file is a DuckDB database without riskdash's meta table."""
    con = _open_waiting(Path(path), read_only=True, wait_seconds=wait_seconds)
    try:
        if not schema_version(con):
            return None
        return dict(con.execute("select key, value from meta").fetchall())
    finally:
        con.close()


def connect(
    path: str | os.PathLike | None = None,
    *,
    read_only: bool = False,
    create: bool = False,
    wait_seconds: float | None = None,
    on_wait: Callable[[], None] | None = None,
) -> duckdb.DuckDBPyConnection:
    """Open a riskdash database with one-line errors for the user's usual mistakes.

    A missing file is created (with the full schema and default reference lists) only when ``create``;
    a file held by another connection is waited for ``wait_seconds`` (None: lock_wait_seconds(); ``on_wait()`` is
    called once when the wait begins) and then refused with DatabaseBusy; a writable open migrates an older schema
    forward.
    """
    path = resolve_db_path(path)
    check_file(path)
    existed = path.exists()
    if not existed:
        refuse_missing_expected(path)
    if not existed and not create:
        raise RiskdashError(
            f"{path}: no database here (run `riskdash demo --db {path}` or `riskdash import` to create one)"
        )
    if not existed:
        path.parent.mkdir(parents=True, exist_ok=True)
    con = _open_waiting(path, read_only=read_only and existed, wait_seconds=wait_seconds, on_wait=on_wait)
    try:
        version = schema_version(con)
        if not existed or version == 0:
            if read_only:
                raise RiskdashError(f"{path}: not a riskdash database (no schema)")
            if existed and _user_tables(con):
                raise RiskdashError(f"{path}: a DuckDB file but not a riskdash database (no meta table)")
            create_schema(con)
        elif not read_only:
            migrate(con)
        elif version < SCHEMA_VERSION or get_meta(con, "views_fingerprint") != views_fingerprint():
            raise RiskdashError(
                f"{path}: schema version {version} needs migrating; open it once without read-only "
                "(e.g. `riskdash serve` does) to upgrade"
            )
        if not read_only:
            rekey(con)
        elif keys_out_of_step(con):
            # rows written by another tool: number them through a short writable open, then read as asked
            con.close()
            writer = _open_waiting(path, read_only=False, wait_seconds=wait_seconds, on_wait=on_wait)
            try:
                rekey(writer)
            finally:
                writer.close()
            con = _open_waiting(path, read_only=True, wait_seconds=wait_seconds, on_wait=on_wait)
    except Exception:
        con.close()
        raise
    return con


def keys_out_of_step(con: duckdb.DuckDBPyConnection) -> bool:
    """Whether a re-key is needed. The common case is cheap: the fingerprint stored by the last sync_keys
    equals the tables' (no row of an id or key column changed since; 0.1–0.2 s at scale 5 against 0.4–0.6 s
    for the full check). Otherwise, a write by another tool, the full check decides (key_mismatches)."""
    return _keys_state(con)[0]


def _keys_state(con: duckdb.DuckDBPyConnection) -> tuple[bool, str, str | None]:
    """(out of step, the tables' fingerprint, the stored one)."""
    stored = get_meta(con, KEYS_FINGERPRINT)
    current = keys_fingerprint(con)
    if stored == current:
        return False, current, stored
    return any(key_mismatches(con).values()), current, stored


def rekey(con: duckdb.DuckDBPyConnection) -> bool:
    """Bring the integer keys in step when rows written by another tool (plain SQL, an ETL job) left them
    out of step; True when it had to. Every open does this: DuckDB's file lock lets no other process write
    while a connection is open, so a row written behind riskdash's back is always found at the next open.
    Keys found in step under a stale fingerprint (a file from before the fingerprint, or rows deleted by
    another tool without breaking a key) get it stored, so that later opens take the cheap path."""
    out_of_step, current, stored = _keys_state(con)
    if not out_of_step:
        if stored != current:
            set_meta(con, KEYS_FINGERPRINT, current)
        return False
    con.execute("begin transaction")
    try:
        sync_keys(con)
        con.execute("commit")
    except Exception:
        rollback(con)
        raise
    return True


# files beside PATH that only exist where a database was: a new empty database must not be made there
EXPECTED_SIGNS = (".wal", ".pre-restore")


def refuse_missing_expected(path: Path) -> None:
    """Refuse to create a database where one was expected: ``path`` is missing but its write-ahead log or a
    restore's kept copy lies beside it (a file moved or deleted by hand, or a crash of an older release's
    restore, which renamed the old file away before moving the new one in)."""
    signs = [path.with_name(path.name + suffix) for suffix in EXPECTED_SIGNS]
    if path.parent.is_dir():  # the dated copies restores keep (records.replaced_copies)
        signs += sorted(p for p in path.parent.iterdir() if p.name.startswith(path.name + ".pre-restore-"))
    for sign in signs:
        if sign.exists():
            raise RiskdashError(
                f"{path}: no database here although {sign.name} is beside it; nothing was written (put the "
                f"database back, or move {sign.name} away if no database belongs here)"
            )


def _user_tables(con: duckdb.DuckDBPyConnection) -> list[str]:
    return [r[0] for r in con.execute("select table_name from information_schema.tables").fetchall()]


def migrate_file(path: str | os.PathLike | None) -> None:
    """Open writable once (creating nothing) so that a later read-only open finds the current schema."""
    connect(path).close()
