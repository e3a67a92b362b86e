"""The nightly backup (issue 19): a full backup (records.backup), verified by restoring it into a temporary file
and comparing every table's count with the manifest, then the retention of nightly backups — the newest backup of
each of the 7 most recent days, 4 most recent ISO weeks and 12 most recent months that have one (as restic's
keep-daily / keep-weekly / keep-monthly). Only folders named ``nightly-*`` are ever deleted: backups taken by hand,
before an upgrade or before a restore are the administrator's to keep.
"""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from riskdash import db

PREFIX = "nightly-"
STAMP = "%Y-%m-%d-%H%M%S"
KEEP_DAILY, KEEP_WEEKLY, KEEP_MONTHLY = 7, 4, 12


@dataclass(frozen=True)
class Result:
    folder: Path
    tables: int
    rows: int
    kept: list[str]
    deleted: list[str]


def when(folder: Path) -> datetime | None:
    """The time in a nightly backup folder's name, None for another folder."""
    if not folder.name.startswith(PREFIX):
        return None
    try:
        return datetime.strptime(folder.name[len(PREFIX):], STAMP)
    except ValueError:
        return None


def to_keep(times: list[datetime], daily: int = KEEP_DAILY, weekly: int = KEEP_WEEKLY,
            monthly: int = KEEP_MONTHLY) -> set[datetime]:
    """The times to keep: the newest of each of the ``daily`` most recent days (``weekly`` ISO weeks,
    ``monthly`` months) that have a backup; the newest of all is always kept."""
    keep: set[datetime] = set()
    ordered = sorted(times, reverse=True)
    for count, bucket in ((daily, lambda t: t.date()), (weekly, lambda t: t.isocalendar()[:2]),
                          (monthly, lambda t: (t.year, t.month))):
        seen = []
        for moment in ordered:
            key = bucket(moment)
            if key not in seen:
                if len(seen) == count:
                    break
                seen.append(key)
                keep.add(moment)
    if ordered:
        keep.add(ordered[0])
    return keep


def verify(folder: Path) -> tuple[int, int]:
    """Restore the backup into a temporary file and compare each table's count with the manifest (the restore
    adds one audit entry of its own). (tables, rows) when they agree; RiskdashError when not."""
    from riskdash import records

    manifest = records.read_manifest(folder)
    listed = {name: info["rows"] for name, info in manifest["tables"].items()}
    with tempfile.TemporaryDirectory(prefix="riskdash-verify-") as tmp:
        target = Path(tmp) / "verify.duckdb"
        records.restore(target, folder, actor="riskdash-nightly")
        con = db.connect(target, read_only=True)
        try:
            counts = {name: con.execute(f'select count(*) from "{name}"').fetchone()[0] for name in listed}
        finally:
            con.close()
    expected = {**listed, "audit_log": listed.get("audit_log", 0) + 1} if "audit_log" in listed else listed
    wrong = {name: (counts[name], expected[name]) for name in listed if counts[name] != expected[name]}
    if wrong:
        text = ", ".join(f"{name} {got} (manifest {want})" for name, (got, want) in sorted(wrong.items()))
        raise db.RiskdashError(f"{folder}: the restored copy differs from the manifest: {text}")
    return len(listed), sum(listed.values())


def run(db_path: Path, backups: Path, now: datetime | None = None) -> Result:
    """Back up, verify, then apply the retention. A backup that fails its check is removed and nothing else is
    deleted (the older good ones stay)."""
    from riskdash import records

    now = now or datetime.now()
    con = db.connect(db_path, read_only=True)  # first: a missing database is the failure to name
    try:
        backups.mkdir(parents=True, exist_ok=True)
        folder = backups / f"{PREFIX}{now.strftime(STAMP)}"
        if folder.exists():  # another run's folder, left as it is
            raise db.RiskdashError(f"{folder} exists already")
        try:
            records.backup(con, folder)
        except BaseException:
            shutil.rmtree(folder, ignore_errors=True)
            raise
    finally:
        con.close()
    try:
        tables, rows = verify(folder)
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    nightly = {when(p): p for p in backups.iterdir() if p.is_dir() and when(p) is not None}
    keep = to_keep(list(nightly))
    deleted = []
    for moment, path in sorted(nightly.items()):
        if moment not in keep:
            shutil.rmtree(path)
            deleted.append(path.name)
    return Result(folder, tables, rows, sorted(nightly[m].name for m in keep), deleted)
