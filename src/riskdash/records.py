"""Records kept by hand on the 数据管理 screen: forms, edits, the rectification closed loop, backup and restore.

Every write here goes through the importer's checks (one record is staged exactly as a file row would be,
so a form shows the same messages and keeps the same rules as an import) and writes, in one transaction,
the change and its audit-log entry (table, key, before and after of the changed columns).

Rules of the rectification closed loop (整改闭环) for one hazard, checked by ``action_problem`` (pure):

- rectify (整改完成): not already rectified;
- verify (验收销号): only a rectified hazard, not already verified (a general hazard may be verified too;
  a major hazard counts as done only once verified);
- supervise (挂牌督办): major hazards only, at county, city or province level, not already under
  supervision, not once verified (a closed hazard is not listed);
- delist (摘牌): only a hazard under supervision, already verified, not already delisted.
- Dates never go backwards: an action's date is on or after every date already recorded on the hazard
  (found, rectified, verified, supervised), and never after today (the machine's date). It may be after
  data_as_of: a rectification reported today is news the data did not hold yet, and data_as_of then moves
  forward to it, as an import would move it.

Backup is one Parquet file per table plus manifest.json (schema version, row counts, SHA-256 of each
file). Restore builds a new database file beside the old one in one transaction, checks every count against
the manifest, and only then replaces the file by one atomic rename (the old one copied first to a dated
``<name>.pre-restore-YYYYMMDD-HHMMSS``, the last ``KEEP_REPLACED`` kept): all or nothing, the path holds the
old or the new database at every instant, and a restore can always be undone — a second restore cannot
overwrite the only copy of the real data.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import re
import shutil
import tempfile
import zipfile
import zlib
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import duckdb

from riskdash import accounts, db, i18n
from riskdash.importer import core
from riskdash.importer.spec import KINDS, Kind

FORM_KINDS = ("accidents", "inspections", "hazards")
RECORD_KINDS = ("accidents", "inspections", "hazards", "enterprises", "key-sites")
ACTIONS = ("rectify", "verify", "supervise", "delist")
SUPERVISION_LEVELS = ("county", "city", "province")
# days of events (not deadlines or filing dates): a form may not put them after today
EVENT_DAYS = {"accidents": ("occurred_at", "reported_at"), "inspections": ("inspected_on",),
              "hazards": ("found_on", "rectified_on", "verified_on", "supervised_on", "delisted_on")}
BACKUP_FORMAT = "riskdash-backup"
MANIFEST = "manifest.json"
MANIFEST_MAX_BYTES = 1024 * 1024
# the databases restores replaced: the newest KEEP_REPLACED dated copies are kept beside the file
KEEP_REPLACED = 5
REPLACED_SUFFIX = ".pre-restore"
_REPLACED_NAME = re.compile(r"\.pre-restore-(\d{8}-\d{6})(?:-(\d+))?")


class RecordRefused(db.RiskdashError):
    """Nothing was written. ``code`` is a text key data.rule.<code>, or ``problems`` the importer's."""

    def __init__(self, code: str | None = None, values: dict | None = None, problems: list | None = None,
                 total: int = 0):
        self.code = code
        self.values = values or {}
        self.problems = problems or []
        self.total = total or len(self.problems)
        super().__init__(self.message("en"))

    def message(self, lang: str = "en") -> str:
        if self.problems:
            first = self.problems[0].line(lang)
            more = self.total - 1
            return first if not more else first + i18n.t("data.rule.more", lang, n=more)
        return i18n.t(f"data.rule.{self.code}", lang, **self.values)


@dataclass
class RecordResult:
    action: str  # insert | update | rectify | verify | supervise | delist
    table: str
    key: str
    before: dict | None  # the changed columns before (None for a new record)
    after: dict | None  # the changed columns after (the whole row for a new record)
    entry_id: int | None  # the audit-log entry, None when nothing changed

    def as_json(self) -> dict:
        return {"action": self.action, "table": self.table, "key": self.key, "before": self.before,
                "after": self.after, "audit_entry": self.entry_id}


# ---------------------------------------------------------------------------------------------- values


def json_value(value):
    if isinstance(value, datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return float(value)
    return value


def _json(row: dict | None) -> str | None:
    return None if row is None else json.dumps({k: json_value(v) for k, v in row.items()}, ensure_ascii=False)


def text_value(kind: Kind, name: str, value, row: dict) -> str | None:
    """A stored value as the text a file would carry, so that an unchanged field passes the same checks."""
    if value is None:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime):
        if kind.table == "accidents" and name == "occurred_at" and row.get("has_time") is False:
            return value.date().isoformat()  # a date-only accident stays date-only
        return value.strftime("%Y-%m-%d %H:%M:%S")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float):
        return repr(value)
    return str(value)


def _kind(kind_name: str, allowed: tuple[str, ...]) -> Kind:
    if kind_name not in allowed:
        raise db.RiskdashError(f"unknown record kind {kind_name!r} (expected one of {', '.join(allowed)})")
    return KINDS[kind_name]


def load(con: duckdb.DuckDBPyConnection, kind_name: str, key: str) -> dict | None:
    """One record by its id, as stored: the contract's columns, not the internal keys (None when there is none)."""
    kind = _kind(kind_name, RECORD_KINDS)
    cur = con.execute(f'select {db.public_columns(kind.table)} from {kind.table} where "{kind.key[0]}" = $key',
                      {"key": key})
    row = cur.fetchone()
    return None if row is None else dict(zip([d[0] for d in cur.description], row))


def _typed_row(con: duckdb.DuckDBPyConnection) -> dict:
    cur = con.execute("select * exclude (_row) from import_typed")
    row = cur.fetchone()
    return {name: value for name, value in zip([d[0] for d in cur.description], row)
            if not name.endswith("__raw")}


def _audit(con, actor: str, action: str, kind: str, table: str, key: str, before: dict | None,
           after: dict | None) -> int:
    return con.execute(
        "insert into audit_log (actor, action, kind, table_name, record_key, before_json, after_json, row_count) "
        "values ($actor, $action, $kind, $table, $key, $before, $after, 1) returning entry_id",
        {"actor": actor, "action": action, "kind": kind, "table": table, "key": key,
         "before": _json(before), "after": _json(after)},
    ).fetchone()[0]


def _advance_as_of(con: duckdb.DuckDBPyConnection) -> None:
    """data_as_of moves forward to a recorded event after the day declared for the data: the declaration
    is dropped and data_as_of is derived from the rows from then on (db.data_as_of), as after an import."""
    latest = db.query_one(con, "data/latest_event_day")["latest_day"]
    declared = db.get_meta(con, "data_as_of")
    if declared and latest is not None and latest > date.fromisoformat(declared):
        db.set_meta(con, "data_as_of", None)


def _day_text(day: date | None) -> str | None:
    return day.isoformat() if day else None


def _checked(con, kind: Kind, row: dict, mode: str, label: str, today: date, days: tuple[str, ...]) -> dict:
    """The importer's checks on one row, then the forms' own: no event after today. Returns the typed row."""
    staged, problems, total = core.validate_rows(con, kind.name, [row], mode=mode, label=label)
    if total:
        raise RecordRefused(problems=[_no_row(p) for p in problems], total=total)
    typed = _typed_row(con)
    for name in days:
        value = typed.get(name)
        day = value.date() if isinstance(value, datetime) else value
        if day is not None and day > today:
            raise RecordRefused("future", {"column": name, "value": day.isoformat(), "today": today.isoformat()})
    return typed


def _no_row(problem: core.Problem) -> core.Problem:
    """A form has no spreadsheet row: the message names the record instead."""
    from dataclasses import replace

    return replace(problem, row=None)


# ---------------------------------------------------------------------------------------------- forms


def _refuse_outside_account(con: duckdb.DuckDBPyConnection, kind: Kind, label: str) -> None:
    """A form's row (staged as import_typed) by the dashboard's acting account (issue 16): the account must be
    allowed to write the kind, and the row — and the stored row an edit changes — must lie in its region."""
    account = accounts.acting()
    accounts.check_may_write(account, kind.name)
    outside = core._rows_outside_account(con, kind, None, account, label)
    if outside:
        raise RecordRefused(problems=[_no_row(problem) for problem in outside])


@db.io_guarded
def add(con: duckdb.DuckDBPyConnection, kind_name: str, values: dict, *, actor: str | None = None,
        today: date | None = None, check_only: bool = False) -> RecordResult | None:
    """A new accident, inspection or hazard from a form: the import's checks (append mode: a duplicate id
    is refused), then the row and its audit entry (before null, after the row) in one transaction.
    ``check_only``: the checks alone, nothing written (works on a read-only connection); returns None."""
    kind = _kind(kind_name, FORM_KINDS)
    actor = accounts.actor_for(actor) or core.actor_default()  # the logged-in account in the dashboard
    today = today or date.today()
    row = {c.name: values.get(c.name) for c in kind.columns}
    key_text = str(values.get(kind.key[0]) or "").strip()
    label = f"{kind.table} {key_text or '?'}"
    con.execute("begin transaction")
    try:
        typed = _checked(con, kind, row, "append", label, today, EVENT_DAYS.get(kind.table, ()))
        _refuse_outside_account(con, kind, label)
        if check_only:
            con.execute("rollback")
            return None
        key = typed[kind.key[0]]
        columns = [c.name for c in kind.columns] + (["has_time"] if kind.table == "accidents" else [])
        names = ", ".join(f'"{c}"' for c in columns)
        con.execute(f"insert into {kind.table} ({names}) select {names} from import_typed")
        db.sync_keys(con, kind.table)
        after = load(con, kind_name, key)
        entry = _audit(con, actor, "insert", kind.name, kind.table, key, None, after)
        _advance_as_of(con)
        con.execute("commit")
    except BaseException:
        db.rollback(con)
        raise
    finally:
        core.drop_temp_tables(con, kind)
    db.note_commit()
    return RecordResult("insert", kind.table, key, None, after, entry)


# ---------------------------------------------------------------------------------------------- edits


@db.io_guarded
def edit(con: duckdb.DuckDBPyConnection, kind_name: str, key: str, changes: dict, *,
         actor: str | None = None, today: date | None = None, check_only: bool = False) -> RecordResult:
    """Change fields of one record: the stored row with ``changes`` applied goes through the import's checks
    (upsert mode); only the changed columns are written and audited. A broken rule refuses the whole edit."""
    kind = _kind(kind_name, RECORD_KINDS)
    actor = accounts.actor_for(actor) or core.actor_default()  # the logged-in account in the dashboard
    today = today or date.today()
    key_col = kind.key[0]
    columns = {c.name for c in kind.columns}
    unknown = sorted(set(changes) - columns)
    if unknown:
        raise RecordRefused("unknown_column", {"column": ", ".join(unknown), "table": kind.table})
    if key_col in changes and str(changes[key_col]).strip() != key:
        raise RecordRefused("key_change", {"column": key_col})
    before = load(con, kind_name, key)
    if before is None:
        raise RecordRefused("not_found", {"table": kind.table, "id": key})
    row = {c.name: text_value(kind, c.name, before.get(c.name), before) for c in kind.columns}
    row.update({k: v for k, v in changes.items() if k != key_col})
    label = f"{kind.table} {key}"
    con.execute("begin transaction")
    try:
        typed = _checked(con, kind, row, "upsert", label, today, ())
        _refuse_outside_account(con, kind, label)
        changed = [c for c in typed if c != key_col and c in before and typed[c] != before[c]]
        moved = [c for c in changed if c in EVENT_DAYS.get(kind.table, ())]
        for name in moved:  # an edit may not move an event past today either
            value = typed[name]
            day = value.date() if isinstance(value, datetime) else value
            if day is not None and day > today:
                raise RecordRefused("future", {"column": name, "value": day.isoformat(),
                                               "today": today.isoformat()})
        if not changed or check_only:
            con.execute("rollback")
            return RecordResult("update", kind.table, key, {c: before[c] for c in changed},
                                {c: typed[c] for c in changed}, None)
        sets = ", ".join(f'"{c}" = t."{c}"' for c in changed)
        con.execute(f'update {kind.table} set {sets} from import_typed t '
                    f'where {kind.table}."{key_col}" = t."{key_col}"')
        if set(changed) & set(db.KEY_ID_COLUMNS):  # only an id's change moves a copied number
            db.sync_keys(con, kind.table)
        after_row = load(con, kind_name, key)
        old = {c: before[c] for c in changed}
        new = {c: after_row[c] for c in changed}
        entry = _audit(con, actor, "update", kind.name, kind.table, key, old, new)
        _advance_as_of(con)
        con.execute("commit")
    except BaseException:
        db.rollback(con)  # already rolled back when nothing changed
        raise
    finally:
        core.drop_temp_tables(con, kind)
    db.note_commit()
    return RecordResult("update", kind.table, key, old, new, entry)


# ---------------------------------------------------------------------------------------------- closed loop


@dataclass(frozen=True)
class HazardDates:
    hazard_id: str
    grade: str
    found_on: date
    rectified_on: date | None = None
    verified_on: date | None = None
    supervision_level: str = "none"
    supervised_on: date | None = None
    delisted_on: date | None = None

    @classmethod
    def from_row(cls, row: dict) -> HazardDates:
        return cls(row["hazard_id"], row["grade"], row["found_on"], row["rectified_on"], row["verified_on"],
                   row["supervision_level"] or "none", row["supervised_on"], row["delisted_on"])

    def latest(self) -> tuple[str, date]:
        """The latest date recorded on the hazard and its column: no action may go before it."""
        recorded = [(c, getattr(self, c)) for c in ("found_on", "rectified_on", "verified_on", "supervised_on")
                    if getattr(self, c) is not None]
        return max(recorded, key=lambda cv: cv[1])


def action_problem(h: HazardDates, action: str, on: date, today: date,
                   level: str | None = None) -> tuple[str, dict] | None:
    """Why ``action`` on day ``on`` is refused (a data.rule.<code> and its values), or None when allowed."""
    if action not in ACTIONS:
        return "unknown_action", {"action": action}
    if action == "rectify":
        if h.rectified_on is not None:
            return "already_rectified", {"day": h.rectified_on.isoformat()}
    elif action == "verify":
        if h.rectified_on is None:
            return "verify_not_rectified", {}
        if h.verified_on is not None:
            return "already_verified", {"day": h.verified_on.isoformat()}
    elif action == "supervise":
        if h.grade != "major":
            return "supervise_major_only", {}
        if level not in SUPERVISION_LEVELS:
            return "supervise_level", {"level": level or ""}
        if h.supervision_level != "none":
            return "already_supervised", {"level": h.supervision_level}
        if h.verified_on is not None:
            return "supervise_closed", {"day": h.verified_on.isoformat()}
    elif action == "delist":
        if h.supervision_level == "none":
            return "delist_not_supervised", {}
        if h.delisted_on is not None:
            return "already_delisted", {"day": h.delisted_on.isoformat()}
        if h.verified_on is None:
            return "delist_not_verified", {}
    if on > today:
        return "action_future", {"day": on.isoformat(), "today": today.isoformat()}
    column, latest = h.latest()
    if on < latest:
        return "backwards", {"day": on.isoformat(), "column": column, "latest": latest.isoformat()}
    return None


def action_changes(action: str, on: date, level: str | None = None) -> dict:
    """The columns an allowed action sets."""
    return {"rectify": {"rectified_on": on}, "verify": {"verified_on": on},
            "supervise": {"supervision_level": level, "supervised_on": on},
            "delist": {"delisted_on": on}}[action]


@db.io_guarded
def hazard_action(con: duckdb.DuckDBPyConnection, hazard_id: str, action: str, on: date, *,
                  level: str | None = None, actor: str | None = None, today: date | None = None,
                  check_only: bool = False, attachment: tuple[bytes, str] | None = None) -> RecordResult | None:
    """One step of the closed loop for one hazard, with its audit entry (before/after of the changed columns).
    ``attachment`` (bytes, file name): an evidence file of the step — 整改后 for rectify, 验收 for verify —
    checked with the step (type by content, size) and written with it: the file first, then the step, the
    evidence row and both audit entries in one transaction (riskdash/evidence.py)."""
    from riskdash import evidence

    actor = accounts.actor_for(actor) or core.actor_default()  # the logged-in account in the dashboard
    today = today or date.today()
    checked = None
    if attachment is not None:
        if action not in STEP_ROLES:
            raise RecordRefused("evidence_step", {"action": action})
        checked = _checked_file(con, attachment[0], attachment[1])
    con.execute("begin transaction")
    try:
        row = load(con, "hazards", hazard_id)
        if row is None:
            raise RecordRefused("not_found", {"table": "hazards", "id": hazard_id})
        accounts.check_may_write(accounts.acting(), "hazards")
        accounts.check_hazard_in_scope(con, accounts.acting(), hazard_id)
        refused = action_problem(HazardDates.from_row(row), action, on, today, level)
        if refused:
            raise RecordRefused(*refused)
        if check_only:
            con.execute("rollback")
            return None
        changes = action_changes(action, on, level)
        sets = ", ".join(f'"{c}" = ${c}' for c in changes)
        con.execute(f"update hazards set {sets} where hazard_id = $hazard_id", {**changes, "hazard_id": hazard_id})
        after = load(con, "hazards", hazard_id)
        before = {c: row[c] for c in changes}
        new = {c: after[c] for c in changes}
        entry = _audit(con, actor, "update", action, "hazards", hazard_id, before, new)
        if checked is not None:
            _attach_in_transaction(con, "hazard", hazard_id, STEP_ROLES[action], attachment[0], attachment[1],
                                   checked, actor)
        _advance_as_of(con)
        con.execute("commit")
    except BaseException:
        db.rollback(con)
        raise
    db.note_commit()
    return RecordResult(action, "hazards", hazard_id, before, new, entry)


# the evidence a step of the closed loop carries: 整改后 photos with 整改完成, the 验收 record with 验收销号
STEP_ROLES = {"rectify": "after", "verify": "acceptance"}


def _checked_file(con: duckdb.DuckDBPyConnection, data: bytes, file_name: str):
    """An evidence file's type (by content) and size checked; a refusal is a RecordRefused as every form's."""
    from riskdash import evidence

    try:
        return evidence.check(data, file_name, evidence.max_bytes(con))
    except evidence.EvidenceRefused as refused:
        raise RecordRefused(refused.code, refused.values) from None


def _attach_in_transaction(con: duckdb.DuckDBPyConnection, kind: str, record_id: str, role: str, data: bytes,
                           file_name: str, checked, actor: str) -> tuple[int, int] | None:
    """The file into the store (before its row: a crash leaves a harmless file, never a row without one), then
    the row and its audit entry in the caller's transaction: (evidence id, audit entry id). None when the record
    had this file in this role already."""
    from riskdash import evidence

    evidence.put(evidence.store_for(evidence.database_path(con)), data, checked)
    new_id = evidence.insert_row(con, kind, record_id, role, checked, file_name, actor)
    if new_id is None:
        return None
    row = {"record_kind": kind, "record_id": record_id, "role": role, "sha256": checked.sha256,
           "media_type": checked.media_type, "bytes": checked.bytes, "file_name": Path(file_name or "").name or None}
    return new_id, _audit(con, actor, "insert", "evidence", "evidence", str(new_id), None, row)


@db.io_guarded
def attach(con: duckdb.DuckDBPyConnection, kind: str, record_id: str, role: str, data: bytes, file_name: str, *,
           actor: str | None = None, check_only: bool = False) -> RecordResult | None:
    """An evidence file (JPEG, PNG or PDF, by content; at most the setting evidence_max_mb) attached to a hazard or
    an inspection in a role (before 整改前, after 整改后, acceptance 验收). The acting account must be allowed to
    record the kind and the record must lie in its region (as a form's write). The same content attached again in
    the same role is stored once and changes nothing (entry_id None). ``check_only``: the checks alone."""
    from riskdash import evidence

    if kind not in evidence.RECORD_KINDS:
        raise RecordRefused("evidence_kind", {"kind": kind, "kinds": ", ".join(evidence.RECORD_KINDS)})
    try:
        role = evidence.role_code(role)
    except evidence.EvidenceRefused as refused:
        raise RecordRefused(refused.code, refused.values) from None
    table = evidence.RECORD_TABLES[kind][0]
    actor = accounts.actor_for(actor) or core.actor_default()  # the logged-in account in the dashboard
    account = accounts.acting()
    accounts.check_may_write(account, table)
    if not evidence.record_exists(con, kind, record_id):
        raise RecordRefused("not_found", {"table": table, "id": record_id})
    if kind == "hazard":
        accounts.check_hazard_in_scope(con, account, record_id)
    else:
        accounts.check_inspection_in_scope(con, account, record_id)
    checked = _checked_file(con, data, file_name)
    if check_only:
        return None
    con.execute("begin transaction")
    try:
        written = _attach_in_transaction(con, kind, record_id, role, data, file_name, checked, actor)
        if written is None:
            con.execute("rollback")
            return RecordResult("attach", "evidence", record_id, None, None, None)
        con.execute("commit")
    except BaseException:
        db.rollback(con)
        raise
    db.note_commit()
    after = {"evidence_id": written[0], "role": role, "sha256": checked.sha256, "media_type": checked.media_type,
             "bytes": checked.bytes}
    return RecordResult("attach", "evidence", record_id, None, after, written[1])


def open_hazards(con: duckdb.DuckDBPyConnection, region: str, limit: int = 50, account_region: str | None = None):
    """Hazards of a region's enterprises whose loop is not closed yet (the rectification flow's short list),
    within the account's region when one is given (docs/scope.md)."""
    return db.query(con, "data/open_hazards", region=region, account_region=account_region, limit=limit)


# ---------------------------------------------------------------------------------------------- backup


# tables a backup leaves out (and a restore leaves empty): the dashboard's login tokens (schema 29): a restore
# ends every kept login, and a logged-out token never comes back with an older backup
NOT_BACKED_UP = frozenset({"login_tokens"})


def _tables(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Every base table but NOT_BACKED_UP, parents before the tables whose foreign keys point at them."""
    names = sorted(r[0] for r in con.execute(
        "select table_name from duckdb_tables() where database_name = current_database() "
        "and schema_name = 'main' and not temporary").fetchall() if r[0] not in NOT_BACKED_UP)
    parents = {n: set() for n in names}
    for table, ref in con.execute(
            "select table_name, referenced_table from duckdb_constraints() where constraint_type = 'FOREIGN KEY' "
            "and database_name = current_database()").fetchall():
        if table in parents and ref and ref != table:
            parents[table].add(ref)
    order: list[str] = []
    while len(order) < len(names):
        ready = [n for n in names if n not in order and parents[n] <= set(order)]
        if not ready:
            raise db.RiskdashError("foreign keys form a cycle; cannot order the tables")
        order.extend(ready)
    return order


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        while block := fh.read(1 << 20):
            digest.update(block)
    return digest.hexdigest()


def _sql_path(path: Path) -> str:
    return "'" + str(path).replace("'", "''") + "'"


@db.io_guarded
def backup(con: duckdb.DuckDBPyConnection, out_dir: str | os.PathLike) -> dict:
    """Every table to ``out_dir/<table>.parquet`` from one snapshot, and manifest.json; returns the manifest."""
    out = Path(out_dir)
    if out.exists() and (not out.is_dir() or any(out.iterdir())):
        raise db.RiskdashError(f"{out}: exists and is not an empty directory; choose a new one")
    created = not out.exists()
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    try:
        con.execute("begin transaction")  # one snapshot: every table as of the same moment
        try:
            tables = {}
            for table in _tables(con):
                file = out / f"{table}.parquet"
                written.append(file)
                con.execute(f"copy (select * from {table}) to {_sql_path(file)} (format parquet)")
                rows = con.execute(f"select count(*) from {table}").fetchone()[0]
                tables[table] = {"rows": rows, "file": file.name, "sha256": _sha256(file)}
                db.fault_point("backup-table-written")
            manifest = {"format": BACKUP_FORMAT, "format_version": 1, "schema_version": db.schema_version(con),
                        "data_as_of": _day_text(db.data_as_of(con)),
                        "created_at": datetime.now().isoformat(timespec="seconds"), "tables": tables}
            if "evidence" in tables:
                manifest["evidence"] = _backup_evidence(con, out, written)
        finally:
            db.rollback(con)  # read only: nothing to keep
        db.fault_point("backup-tables-written")
        # the manifest last, whole or absent (a temporary name, then a rename): a folder without one is no
        # backup, and a restore refuses it
        partial = out / (MANIFEST + ".partial")
        written.extend([partial, out / MANIFEST])
        with partial.open("w", encoding="utf-8") as fh:
            fh.write(json.dumps(manifest, ensure_ascii=False, indent=2))
            fh.flush()
            os.fsync(fh.fileno())
        db.fault_point("backup-manifest-synced")
        os.replace(partial, out / MANIFEST)
        db.fault_point("backup-manifest-renamed")
        db.fsync_dir(out)
    except BaseException:
        # a half-written backup must not look like one: remove what this call wrote (the folder was empty)
        for file in written:
            file.unlink(missing_ok=True)
        if created:
            shutil.rmtree(out, ignore_errors=True)
        raise
    return manifest


def _backup_evidence(con: duckdb.DuckDBPyConnection, out: Path, written: list[Path]) -> dict:
    """Every evidence file the snapshot's rows point at, copied flat beside the tables (evidence-<sha256>.jpg),
    each read back against its SHA-256 first: a missing or damaged file refuses the backup in one line (it would
    be a row without its file after a restore; `riskdash doctor` names them). Returns the manifest's counts."""
    from riskdash import evidence

    store = evidence.store_for(evidence.database_path(con))
    listed = evidence.files(con)
    total = 0
    for sha, media in zip(listed["sha256"], listed["media_type"]):
        source = store / evidence.relative_name(sha, media)
        if not source.is_file():
            raise db.RiskdashError(f"{source}: evidence file missing (its row is in the evidence table); no backup "
                                   "written — run `riskdash doctor`")
        target = out / evidence.flat_name(sha, media)
        written.append(target)
        shutil.copyfile(source, target)
        if evidence.file_sha256(target) != sha:
            raise db.RiskdashError(f"{source}: evidence file does not match its SHA-256 (changed or damaged); no "
                                   "backup written — run `riskdash doctor`")
        total += target.stat().st_size
    return {"files": len(listed), "bytes": total}


def _restore_evidence(con: duckdb.DuckDBPyConnection, folder: Path, manifest: dict, store: Path) -> int:
    """The evidence files of a backup into the store of the database being restored, before its rows are
    committed: every file the restored evidence table points at must be in the backup and match its SHA-256;
    their number must be the manifest's. Returns the number of files."""
    from riskdash import evidence

    listed = evidence.files(con)
    expected = (manifest.get("evidence") or {}).get("files", 0)
    if len(listed) != expected:
        raise db.RiskdashError(f"{folder}: the evidence table points at {len(listed)} files, the manifest says "
                               f"{expected}; nothing was restored")
    for sha, media in zip(listed["sha256"], listed["media_type"]):
        source = folder / evidence.flat_name(sha, media)
        if not source.is_file():
            raise db.RiskdashError(f"{folder}: evidence file {source.name} is missing; nothing was restored")
        evidence.copy_in(store, source, sha, media)
    return len(listed)


@db.io_guarded
def audit_backup(path: str | os.PathLike, actor: str, target: str, manifest: dict) -> None:
    """The audit entry of a backup taken (``riskdash backup`` or the screen's download), written after it in
    its own short writable open of ``path`` (raises db.DatabaseBusy when another process holds the file)."""
    con = db.connect(path, wait_seconds=1)
    try:
        log_backup(con, actor, target, manifest)
    finally:
        con.close()


def log_backup(con: duckdb.DuckDBPyConnection, actor: str, target: str, manifest: dict) -> None:
    """One audit entry: a backup of ``manifest`` (its rows, tables, data_as_of) to ``target`` by ``actor``."""
    con.execute(
        "insert into audit_log (actor, action, file_name, row_count, after_json) "
        "values ($actor, 'backup', $file, $rows, $detail)",
        {"actor": actor, "file": str(target), "rows": sum(t["rows"] for t in manifest["tables"].values()),
         "detail": json.dumps({"created_at": manifest.get("created_at"), "tables": len(manifest["tables"]),
                               "schema_version": manifest["schema_version"],
                               "data_as_of": manifest.get("data_as_of")}, ensure_ascii=False)})
    db.note_commit()


def read_manifest(folder: Path) -> dict:
    path = folder / MANIFEST
    if not path.is_file():
        raise db.RiskdashError(f"{folder}: no {MANIFEST} here (not a riskdash backup)")
    if path.stat().st_size > MANIFEST_MAX_BYTES:  # a few kilobytes in a real backup: never read a huge one
        raise db.RiskdashError(f"{path}: {path.stat().st_size / 1024 ** 2:.0f} MB, not a riskdash backup manifest")
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except ValueError as exc:
        raise db.RiskdashError(f"{path}: not valid JSON ({exc})") from None
    if not isinstance(manifest, dict) or manifest.get("format") != BACKUP_FORMAT:
        raise db.RiskdashError(f"{path}: not a riskdash backup manifest")
    version = manifest.get("schema_version")
    if not isinstance(version, int) or version < 1:
        raise db.RiskdashError(f"{path}: no schema version")
    if version > db.SCHEMA_VERSION:
        raise db.RiskdashError(f"{folder}: backup of schema version {version}, newer than this riskdash "
                               f"({db.SCHEMA_VERSION}); upgrade riskdash")
    tables = manifest.get("tables")
    if not isinstance(tables, dict) or not tables:
        raise db.RiskdashError(f"{path}: no list of tables")
    for table, info in tables.items():
        if not (isinstance(info, dict) and isinstance(info.get("file"), str) and isinstance(info.get("sha256"), str)
                and type(info.get("rows")) is int and info["rows"] >= 0):
            raise db.RiskdashError(f"{path}: table {table}: expected its file, rows (a whole number) and sha256")
        if not _FLAT_NAME.fullmatch(info["file"]):
            raise db.RiskdashError(f"{path}: table {table}: {info['file']!r} is not a file name of a backup "
                                   "(<table>.parquet beside the manifest)")
        file = folder / info["file"]
        if not file.is_file() or file.parent != folder:
            raise db.RiskdashError(f"{folder}: {info.get('file')} listed in the manifest is missing")
        if _sha256(file) != info.get("sha256"):
            raise db.RiskdashError(f"{file}: does not match the manifest (changed or damaged)")
    found = manifest.get("evidence")  # absent in a backup older than schema 24: no evidence files
    if found is not None and not (isinstance(found, dict) and type(found.get("files")) is int
                                  and found["files"] >= 0):
        raise db.RiskdashError(f"{path}: evidence: expected the number of files (a whole number)")
    return manifest


def _remove_db_files(path: Path) -> None:
    for p in (path, path.with_name(path.name + ".wal")):
        if p.exists():
            p.unlink()


@db.io_guarded
def restore(path: str | os.PathLike, from_dir: str | os.PathLike, *, actor: str | None = None) -> dict:
    """Replace the database at ``path`` by the backup in ``from_dir``, all or nothing.

    A new file is built beside ``path``: the schema at the backup's version, every table loaded in one
    transaction, each count checked against the manifest, an audit entry, then migrated to the current
    version. Only then does it replace ``path``: the old file is kept as a dated copy
    ``<name>.pre-restore-YYYYMMDD-HHMMSS`` (the newest ``KEEP_REPLACED`` are kept; older ones are removed
    only once the new copy is written and synced). The audit entry is written into the restored database
    (with the kept copy's name), so the restored file says who restored it and where the replaced data is.
    The caller makes sure nobody holds ``path`` open.
    """
    path = db.resolve_db_path(path)
    folder = Path(from_dir)
    manifest = read_manifest(folder)
    actor = accounts.actor_for(actor) or core.actor_default()  # the logged-in account in the dashboard
    building = path.with_name(path.name + ".restoring")
    _remove_db_files(building)
    for stale in path.parent.glob("*.partial") if path.parent.is_dir() else ():
        if stale.name.startswith(path.name + REPLACED_SUFFIX):  # a kept copy a killed restore left half written
            stale.unlink(missing_ok=True)
    kept_as = replaced_copy_name(path) if path.exists() else None
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        con = duckdb.connect(str(building))
    except BaseException:
        _remove_db_files(building)  # a full disk can fail the new file's very first write
        raise
    try:
        db.migrate(con, upto=manifest["schema_version"])
        tables = _tables(con)
        listed = manifest["tables"]
        if set(listed) != set(tables):
            missing = sorted(set(tables) - set(listed))
            extra = sorted(set(listed) - set(tables))
            raise db.RiskdashError(f"{folder}: the backup's tables do not match schema version "
                                   f"{manifest['schema_version']} (missing: {', '.join(missing) or '-'}; "
                                   f"unknown: {', '.join(extra) or '-'})")
        con.execute("begin transaction")
        try:
            keep = dict(con.execute("select key, value from meta").fetchall())
            con.execute("delete from meta")
            total = 0
            for table in tables:
                file = folder / listed[table]["file"]
                _load_table(con, table, file)
                db.fault_point("restore-table-loaded")
                rows = con.execute(f"select count(*) from {table}").fetchone()[0]
                if rows != listed[table]["rows"]:
                    raise db.RiskdashError(f"{file}: {rows} rows, the manifest says {listed[table]['rows']}; "
                                           "nothing was restored")
                total += rows
            evidence_files = 0
            if "evidence" in tables:  # the files first, then the rows' commit (evidence.py)
                from riskdash import evidence

                evidence_files = _restore_evidence(con, folder, manifest, evidence.store_for(path))
            if manifest["schema_version"] >= db.INTEGER_KEYS_VERSION:  # older backups: the migration does it
                db.sync_keys(con)
            for key in ("schema_version", "views_fingerprint"):  # this file's own, not the backup's
                if key in keep:
                    db.set_meta(con, key, keep[key])
            # new audit entries must not reuse the restored ids
            top = con.execute("select coalesce(max(entry_id), 0) from audit_log").fetchone()[0]
            if top:
                con.execute(f"select max(nextval('audit_log_seq')) from range({int(top)})")
            con.execute(
                "insert into audit_log (actor, action, file_name, row_count, after_json) "
                "values ($actor, 'restore', $file, $rows, $manifest)",
                {"actor": actor, "file": str(folder), "rows": total,
                 "manifest": json.dumps({"created_at": manifest.get("created_at"),
                                         "schema_version": manifest["schema_version"],
                                         "replaced_kept_as": str(kept_as) if kept_as else None},
                                        ensure_ascii=False)})
            con.execute("commit")
        except BaseException:
            db.rollback(con)
            raise
        db.migrate(con)
        data_as_of = _day_text(db.data_as_of(con))
    except BaseException:
        con.close()
        _remove_db_files(building)
        raise
    con.close()
    db.fault_point("restore-built")
    try:
        previous = _swap_in(building, path, kept_as)
    except BaseException:
        if building.exists():  # not swapped in: the database at path is the old one, untouched
            _remove_db_files(building)
        raise
    return {"db": str(path), "from": str(folder), "schema_version": db.SCHEMA_VERSION,
            "backup_schema_version": manifest["schema_version"], "tables": len(listed), "rows": total,
            "evidence_files": evidence_files,
            "data_as_of": data_as_of, "previous": str(previous) if previous else None,
            "kept": [str(p) for p in replaced_copies(path)]}


def replaced_copies(path: str | os.PathLike) -> list[Path]:
    """The databases earlier restores replaced, kept beside ``path`` as ``<name>.pre-restore-YYYYMMDD-HHMMSS``
    (``-N`` added for a second restore in the same second), newest first. A ``<name>.pre-restore`` of an
    older release is not listed and never removed."""
    path = Path(path)
    found = []
    if path.parent.is_dir():
        for p in path.parent.iterdir():
            if not p.name.startswith(path.name):
                continue
            match = _REPLACED_NAME.fullmatch(p.name[len(path.name):])
            if match and p.is_file():
                found.append(((match.group(1), int(match.group(2) or 0)), p))
    return [p for _, p in sorted(found, reverse=True)]


def replaced_copy_name(path: Path, now: datetime | None = None) -> Path:
    """A new dated name for the database a restore is about to replace (never one that exists)."""
    stamp = (now or datetime.now()).strftime("%Y%m%d-%H%M%S")
    candidate = path.with_name(f"{path.name}{REPLACED_SUFFIX}-{stamp}")
    n = 0
    while candidate.exists() or candidate.with_name(candidate.name + ".partial").exists():
        n += 1
        candidate = path.with_name(f"{path.name}{REPLACED_SUFFIX}-{stamp}-{n}")
    return candidate


def _prune_replaced(path: Path, made: Path | None, keep: int = KEEP_REPLACED) -> None:
    """Remove the kept copies beyond the newest ``keep`` (called only once the new copy ``made`` is synced;
    ``made`` itself is never removed, even if a clock set back gave it an older name)."""
    others = [p for p in replaced_copies(path) if p != made]
    for old in others[keep - 1 if made is not None else keep:]:
        try:
            old.unlink()
        except OSError:
            pass  # still beside the file: the next restore tries again; the restore itself is done


def _problem(exc: Exception) -> str:
    """DuckDB's message as one line, without its 'Constraint Error:' style prefix."""
    text = " ".join(part.strip() for part in str(exc).splitlines() if part.strip())
    return text.split(": ", 1)[1] if text.split(": ", 1)[0].endswith("Error") else text


def _load_table(con: duckdb.DuckDBPyConnection, table: str, file: Path) -> None:
    """One table of a backup into the new file; a refusal names the table and the problem in one line."""
    try:
        have = [r[0] for r in con.execute(f"describe select * from read_parquet({_sql_path(file)})").fetchall()]
    except duckdb.Error as exc:
        raise db.RiskdashError(f"{file.name}: table {table} cannot be read ({_problem(exc)}); nothing was "
                               "restored") from None
    columns = [r[0] for r in con.execute(
        "select column_name from information_schema.columns where table_name = $t and table_schema = 'main'",
        {"t": table}).fetchall()]
    extra = [c for c in have if c not in columns]
    if extra:
        raise db.RiskdashError(f"{file.name}: table {table} has columns this schema does not know "
                               f"({', '.join(extra)}); nothing was restored")
    try:
        con.execute(f"insert into {table} by name select * from read_parquet({_sql_path(file)})")
    except duckdb.Error as exc:
        raise db.RiskdashError(f"{file.name}: table {table}: {_problem(exc)}; nothing was restored") from None


def _copy_durably(source: Path, target: Path, step: str) -> None:
    """``source`` copied to ``target`` through a temporary name: ``target`` is whole or untouched. ``step``
    names the fault point between the synced copy and its rename (tests/test_faults.py)."""
    partial = target.with_name(target.name + ".partial")
    try:
        with source.open("rb") as src, partial.open("wb") as dst:
            shutil.copyfileobj(src, dst, 1 << 20)
            dst.flush()
            os.fsync(dst.fileno())
        db.fault_point(step)
        os.replace(partial, target)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise


def _swap_in(building: Path, path: Path, kept_as: Path | None = None) -> Path | None:
    """Move the built file onto ``path`` so that ``path`` holds the old or the new database at every
    instant: the old file is first copied to ``kept_as`` (a dated ``<name>.pre-restore-…``, the restore's
    undo; through a temporary name, synced), then ONE atomic rename puts the new one in its place, and the
    folder is synced so that the rename survives a power cut. Only then are kept copies beyond the newest
    ``KEEP_REPLACED`` removed. Returns the kept copy (None when there was no database at ``path``)."""
    with building.open("rb+") as fh:
        os.fsync(fh.fileno())
    previous = None
    if path.exists():
        wal = path.with_name(path.name + ".wal")
        if wal.exists():  # an old write-ahead log would be replayed onto the new file: fold it in first
            duckdb.connect(str(path)).close()
        previous = kept_as if kept_as is not None and not kept_as.exists() else replaced_copy_name(path)
        _copy_durably(path, previous, "restore-old-copy-synced")
        db.fsync_dir(path.parent)  # the copy's name durable before anything older is removed
        db.fault_point("restore-old-kept")
    os.replace(building, path)
    db.note_commit()  # the restore is done from here on, whatever fails after
    db.fault_point("restore-swapped")
    db.fsync_dir(path.parent)
    _prune_replaced(path, previous)
    return previous


# ------------------------------------------------------------------------------------ zip (the screen)


def backup_zip(con: duckdb.DuckDBPyConnection, taken: dict | None = None) -> bytes:
    """The whole backup as one .zip (the screen's download); its manifest put in ``taken["manifest"]``."""
    with tempfile.TemporaryDirectory(prefix="riskdash-backup-") as tmp:
        folder = Path(tmp) / "backup"
        manifest = backup(con, folder)
        if taken is not None:
            taken["manifest"] = manifest
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            for file in sorted(folder.iterdir()):
                archive.write(file, file.name)
        return buffer.getvalue()


# Bounds checked on an uploaded backup .zip before any member is read. Parquet is compressed already, so a
# real backup zips at about 1:1 (the manifest a little better); a zip bomb is refused by its declared sizes.
ZIP_MAX_MEMBERS = 64
ZIP_MAX_RATIO = 20
ZIP_MAX_BYTES = 16 * 1024 ** 3
_FLAT_NAME = re.compile(r"[a-z0-9_]+\.parquet")
# evidence files (evidence.flat_name): any number of them beside the tables, up to ZIP_MAX_EVIDENCE
_EVIDENCE_NAME = re.compile(r"evidence-[0-9a-f]{64}\.(?:jpg|png|pdf)")
ZIP_MAX_EVIDENCE = 1_000_000


def _zip_refused(problem: str) -> db.RiskdashError:
    return db.RiskdashError(f"backup .zip refused: {problem}; nothing was restored")


def _check_members(archive: zipfile.ZipFile, size: int, into: Path) -> list[zipfile.ZipInfo]:
    """Every member checked from the archive's directory alone (nothing decompressed yet)."""
    members = archive.infolist()
    evidence_files = sum(1 for info in members if _EVIDENCE_NAME.fullmatch(info.filename))
    if len(members) - evidence_files > ZIP_MAX_MEMBERS:
        raise _zip_refused(f"{len(members) - evidence_files} files in the archive (a backup has at most "
                           f"{ZIP_MAX_MEMBERS})")
    if evidence_files > ZIP_MAX_EVIDENCE:
        raise _zip_refused(f"{evidence_files} evidence files in the archive (a backup has at most {ZIP_MAX_EVIDENCE})")
    seen: set[str] = set()
    for info in members:
        name = info.filename
        if name.startswith(("/", "\\")) or re.match(r"[A-Za-z]:", name):
            raise _zip_refused(f"{name!r} is an absolute path (a backup holds bare file names)")
        if "/" in name or "\\" in name or name in (".", ".."):
            raise _zip_refused(f"{name!r} is a path, not a bare file name (a backup holds no folders)")
        if (info.external_attr >> 16) & 0o170000 == 0o120000:
            raise _zip_refused(f"{name!r} is a symbolic link")
        if info.flag_bits & 0x1:
            raise _zip_refused(f"{name!r} is encrypted")
        if name != MANIFEST and not _FLAT_NAME.fullmatch(name) and not _EVIDENCE_NAME.fullmatch(name):
            raise _zip_refused(f"{name!r} is not a file of a backup (manifest.json, <table>.parquet and "
                               "evidence-<sha256>.jpg|png|pdf)")
        if name in seen:
            raise _zip_refused(f"{name!r} is in the archive twice")
        seen.add(name)
    if MANIFEST not in seen:
        raise _zip_refused(f"no {MANIFEST} in the archive (not a riskdash backup)")
    total = sum(info.file_size for info in members)
    if total > ZIP_MAX_BYTES:
        raise _zip_refused(f"it would expand to {total / 1024 ** 3:.1f} GB (at most {ZIP_MAX_BYTES // 1024 ** 3} GB)")
    if total > ZIP_MAX_RATIO * max(size, 1):
        raise _zip_refused(f"it would expand {total / max(size, 1):.0f} times its size, {total / 1024 ** 2:.0f} MB "
                           f"from {size / 1024 ** 2:.1f} MB (a backup expands at most {ZIP_MAX_RATIO} times)")
    free = shutil.disk_usage(into).free
    if total > free:
        raise _zip_refused(f"it would expand to {total / 1024 ** 2:.0f} MB and the temporary folder has "
                           f"{free / 1024 ** 2:.0f} MB free")
    return members


def unpack_zip(data: bytes, into: Path) -> Path:
    """An uploaded backup .zip into ``into``: its directory checked first (bare file names of a backup only —
    no paths, absolute names or links —, at most ZIP_MAX_MEMBERS files, ZIP_MAX_RATIO times its size), then
    each member streamed to disk, never whole in memory. Any refusal is one line; nothing is restored."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise db.RiskdashError("not a .zip file (expected a riskdash backup)") from None
    with archive:
        for info in _check_members(archive, len(data), into):
            try:
                with archive.open(info) as src, (into / info.filename).open("wb") as dst:
                    shutil.copyfileobj(src, dst, 1 << 20)
            except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError) as exc:
                raise _zip_refused(f"{info.filename!r} is damaged ({exc})") from None
    return into


def restore_zip(path: str | os.PathLike, data: bytes, *, actor: str | None = None) -> dict:
    with tempfile.TemporaryDirectory(prefix="riskdash-restore-") as tmp:
        return restore(path, unpack_zip(data, Path(tmp)), actor=actor)
