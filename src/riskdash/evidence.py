"""Evidence files of hazards and inspections (issue 18, "检查有痕迹、问题整改有结果"): 整改前 / 整改后 photos and
验收 records, as JPEG, PNG or PDF.

Storage (docs/records.md "Evidence"): the bytes live beside the database, content-addressed — the folder
``<db file>.evidence/`` holds ``ab/cdef….jpg``, named by the file's SHA-256 (its first two hex digits a
sub-folder) and the extension of its type; the ``evidence`` table (schema 24) says which record each file
belongs to, in which role, who uploaded it and when. The same content uploaded twice is stored once.

Order of writing: the file first (a temporary name in the same folder, synced, then one atomic rename), then
its row and the audit entry in one transaction. A crash between the two leaves a file without a row — harmless,
listed by ``riskdash doctor`` as an orphan (``orphans``) — never a row without its file.

Type and size: recognised by content (the magic bytes at its start), never by its name; anything else, an
empty file or one over the setting ``evidence_max_mb`` is refused in one line and nothing is written.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import duckdb

from riskdash import db

RECORD_KINDS = ("hazard", "inspection")
RECORD_TABLES = {"hazard": ("hazards", "hazard_id"), "inspection": ("inspections", "inspection_id")}
ROLES = ("before", "after", "acceptance")  # 整改前, 整改后, 验收
ROLE_ZH = {"before": "整改前", "after": "整改后", "acceptance": "验收"}
ROLE_EN = {"before": "Before rectification", "after": "After rectification", "acceptance": "Acceptance"}
MEDIA_TYPES = {"image/jpeg": ".jpg", "image/png": ".png", "application/pdf": ".pdf"}
STORE_SUFFIX = ".evidence"
DEFAULT_MAX_MB = 10
SETTING = "evidence_max_mb"


class EvidenceRefused(db.RiskdashError):
    """Nothing was written; ``code`` is a text key data.rule.<code> with ``values``."""

    def __init__(self, code: str, values: dict | None = None):
        self.code = code
        self.values = values or {}
        super().__init__(self.message("en"))

    def message(self, lang: str = "en") -> str:
        from riskdash import i18n

        return i18n.t(f"data.rule.{self.code}", lang, **self.values)


def role_code(text: str) -> str:
    """A role as given (before / 整改前, after / 整改后, acceptance / 验收) → its code; refused otherwise."""
    value = (text or "").strip()
    for code in ROLES:
        if value in (code, ROLE_ZH[code]):
            return code
    raise EvidenceRefused("evidence_role", {"role": value, "roles": ", ".join(f"{c}/{ROLE_ZH[c]}" for c in ROLES)})


def sniff(data: bytes) -> str | None:
    """The media type a file's content says it is (JPEG, PNG or PDF), None for anything else."""
    if data[:3] == b"\xff\xd8\xff":
        return "image/jpeg"
    if data[:8] == b"\x89PNG\r\n\x1a\n":
        return "image/png"
    if data[:5] == b"%PDF-":
        return "application/pdf"
    return None


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        while block := fh.read(1 << 20):
            digest.update(block)
    return digest.hexdigest()


def store_for(db_path: str | os.PathLike) -> Path:
    """The evidence folder of the database at ``db_path``: ``<name>.evidence`` beside it."""
    path = Path(db_path)
    return path.with_name(path.name + STORE_SUFFIX)


def database_path(con: duckdb.DuckDBPyConnection) -> Path:
    """The file ``con`` is open on (the evidence folder is named after it)."""
    return Path(con.execute("select path from duckdb_databases() where database_name = current_database()")
                .fetchone()[0])


def relative_name(sha: str, media_type: str) -> str:
    """``ab/cdef….jpg``: the place of a file in the evidence folder."""
    return f"{sha[:2]}/{sha[2:]}{MEDIA_TYPES[media_type]}"


def flat_name(sha: str, media_type: str) -> str:
    """The file's name in a backup (a flat folder): ``evidence-<sha256>.jpg``."""
    return f"evidence-{sha}{MEDIA_TYPES[media_type]}"


def max_bytes(con: duckdb.DuckDBPyConnection) -> int:
    """The setting evidence_max_mb in bytes (its default where the row is missing or not a whole number)."""
    row = con.execute("select value from settings where key = $key", {"key": SETTING}).fetchone()
    try:
        mb = int(str(row[0]).strip()) if row else DEFAULT_MAX_MB
    except ValueError:
        mb = DEFAULT_MAX_MB
    return max(mb, 1) * 1024 * 1024


@dataclass(frozen=True)
class Checked:
    sha256: str
    media_type: str
    bytes: int


def check(data: bytes, file_name: str, limit: int) -> Checked:
    """The content's type and size checked (nothing written): one clear refusal or the file's identity."""
    name = Path(file_name or "").name or "?"
    if not data:
        raise EvidenceRefused("evidence_empty", {"name": name})
    if len(data) > limit:
        raise EvidenceRefused("evidence_too_big", {"name": name, "size": f"{len(data) / 1024 / 1024:.1f}",
                                                   "limit": limit // (1024 * 1024)})
    media = sniff(data)
    if media is None:
        raise EvidenceRefused("evidence_type", {"name": name})
    return Checked(sha256(data), media, len(data))


def put(store: Path, data: bytes, checked: Checked) -> Path:
    """The bytes into the store under their SHA-256 name: a temporary file in the same folder, synced, then one
    rename (the name holds the whole file or nothing). A file already there with the right content is kept."""
    target = store / relative_name(checked.sha256, checked.media_type)
    if target.is_file() and target.stat().st_size == checked.bytes and file_sha256(target) == checked.sha256:
        return target  # the same content uploaded before: stored once
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, partial = tempfile.mkstemp(prefix=".partial-", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        db.fault_point("evidence-file-synced")
        os.replace(partial, target)
    except BaseException:
        Path(partial).unlink(missing_ok=True)
        raise
    db.fsync_dir(target.parent)
    return target


def copy_in(store: Path, source: Path, sha: str, media_type: str) -> Path:
    """A file of a backup into the store (restore): its content checked against its SHA-256 name first."""
    data = source.read_bytes()
    if sha256(data) != sha:
        raise db.RiskdashError(f"{source}: does not match its SHA-256 (changed or damaged); nothing was restored")
    return put(store, data, Checked(sha, media_type, len(data)))


def record_exists(con: duckdb.DuckDBPyConnection, kind: str, record_id: str) -> bool:
    table, key = RECORD_TABLES[kind]
    return con.execute(f"select count(*) from {table} where {key} = $id", {"id": record_id}).fetchone()[0] > 0


def insert_row(con: duckdb.DuckDBPyConnection, kind: str, record_id: str, role: str, checked: Checked,
               file_name: str | None, actor: str, at: datetime | None = None) -> int | None:
    """The row (inside the caller's transaction); None when the record already has this content in this role."""
    found = con.execute("select evidence_id from evidence where record_kind = $kind and record_id = $id "
                        "and role = $role and sha256 = $sha",
                        {"kind": kind, "id": record_id, "role": role, "sha": checked.sha256}).fetchone()
    if found:
        return None
    new_id = con.execute("select coalesce(max(evidence_id), 0) + 1 from evidence").fetchone()[0]
    con.execute(
        "insert into evidence (evidence_id, record_kind, record_id, role, sha256, media_type, bytes, file_name, "
        "uploaded_by, uploaded_at) values ($eid, $kind, $id, $role, $sha, $media, $bytes, $name, $actor, $at)",
        {"eid": new_id, "kind": kind, "id": record_id, "role": role, "sha": checked.sha256,
         "media": checked.media_type, "bytes": checked.bytes, "name": Path(file_name or "").name or None,
         "actor": actor, "at": at or datetime.now().replace(microsecond=0)})
    return new_id


def for_record(con: duckdb.DuckDBPyConnection, kind: str, record_id: str):
    """The evidence of one record, oldest first (a DataFrame; the record card's list)."""
    return db.query(con, "data/record_evidence", kind=kind, record_id=record_id)


def files(con: duckdb.DuckDBPyConnection):
    """Every distinct file the evidence table points at: sha256, media_type, bytes (a DataFrame)."""
    return db.query(con, "data/evidence_files")


def read(store: Path, sha: str, media_type: str) -> bytes | None:
    """A stored file's bytes (for a download or an image), None when it is missing."""
    path = store / relative_name(sha, media_type)
    return path.read_bytes() if path.is_file() else None


@dataclass
class StoreCheck:
    files: int  # distinct files the table points at
    missing: list[str]  # their names, absent from the store
    damaged: list[str]  # present but not matching their SHA-256
    orphans: list[str]  # files in the store no row points at (harmless: an upload whose row was not written)


def verify(con: duckdb.DuckDBPyConnection, store: Path) -> StoreCheck:
    """Every file the table points at read back and hashed; every file in the store no row points at listed."""
    wanted = files(con)
    names = {relative_name(s, m): s for s, m in zip(wanted["sha256"], wanted["media_type"])}
    missing, damaged = [], []
    for name, sha in sorted(names.items()):
        path = store / name
        if not path.is_file():
            missing.append(name)
        elif file_sha256(path) != sha:
            damaged.append(name)
    orphans = []
    if store.is_dir():
        for path in sorted(store.glob("*/*")):
            name = path.relative_to(store).as_posix()
            if path.is_file() and name not in names:
                orphans.append(name)
    return StoreCheck(len(names), missing, damaged, orphans)
