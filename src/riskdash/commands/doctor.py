"""``riskdash doctor``: one screen of checks for the administrator of an intranet server (issue 19).

Each check prints one line: its state (OK, WARN, FAIL or SKIP), what it looked at, and for WARN and FAIL what to
do. The exit code is 1 when any check fails, else 0. It only reads: the database is opened read-only by DuckDB
itself (no migration, no re-keying), so it runs while the dashboard serves.

Where it looks: ``--config`` (default $RISKDASH_CONFIG, which the installed ``riskdash`` sets to
/etc/riskdash/riskdash.toml) gives the database, the backups folder and the certificate; ``--db``, ``--backups``
and ``--cert`` override them.
"""

from __future__ import annotations

import json
import os
import shutil
import ssl
import subprocess
import sys
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from riskdash import jobs
from riskdash.jobs import JOBS, load_config, timer_name

OK, WARN, FAIL, SKIP = "OK", "WARN", "FAIL", "SKIP"
MIN_FREE_BYTES = 2 * 1024**3     # below this (or twice the database) a backup or an import may not fit
BACKUP_MAX_AGE = timedelta(hours=36)   # a nightly backup, with a margin
CERT_WARN_DAYS = 30
CERT_FAIL_DAYS = 7


@dataclass(frozen=True)
class Check:
    state: str
    name: str
    detail: str
    todo: str = ""

    def line(self) -> str:
        text = f"{self.state:<4}  {self.name:<10} {self.detail}"
        return f"{text} → {self.todo}" if self.todo and self.state in (WARN, FAIL) else text


def register(commands, metrics) -> None:
    doctor = commands.add_parser("doctor", help="check the server: fonts, Chromium, disk, database, backups, "
                                                "timers, certificate (one line each)")
    doctor.add_argument("--config", help="riskdash.toml (default $RISKDASH_CONFIG)")
    doctor.add_argument("--db")
    doctor.add_argument("--backups", metavar="DIR", help="the folder of the nightly backups")
    doctor.add_argument("--cert", metavar="FILE", help="the HTTPS certificate (PEM)")
    doctor.set_defaults(handler=cmd_doctor)


def cmd_doctor(args) -> int:
    from riskdash import db

    config = load_config(args.config)
    db_path = Path(args.db or os.environ.get(db.ENV_DB) or config.get("database", {}).get("path")
                   or db.DEFAULT_DB)
    backups = args.backups or config.get("backup", {}).get("dir")
    cert = args.cert or config.get("tls", {}).get("certificate")
    checks = run_checks(db_path, Path(backups) if backups else None, Path(cert) if cert else None)
    for check in checks:
        sys.stdout.write(check.line() + "\n")
    failed = [c.name for c in checks if c.state == FAIL]
    sys.stdout.write(f"{len(checks) - len(failed)} of {len(checks)} checks passed"
                     + (f"; failed: {', '.join(failed)}\n" if failed else "\n"))
    return 1 if failed else 0


def run_checks(db_path: Path, backups: Path | None, cert: Path | None, now: datetime | None = None) -> list[Check]:
    now = now or datetime.now()
    return [check_fonts(), check_chromium(), check_disk(db_path), *check_database(db_path),
            check_backups(backups, now), check_jobs(db_path), check_timers(),
            check_certificate(cert, datetime.now(UTC).replace(tzinfo=None))]


def _run(command: list[str], timeout: float = 20) -> subprocess.CompletedProcess | None:
    try:
        return subprocess.run(command, capture_output=True, text=True, timeout=timeout, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return None


def check_fonts() -> Check:
    todo = "install fonts-noto-cjk (the bundle's install.sh does; else apt-get install fonts-noto-cjk)"
    if shutil.which("fc-list") is None:
        return Check(FAIL, "fonts", "fc-list not found (fontconfig), so no CJK font can be found", todo)
    listed = _run(["fc-list", ":lang=zh", "family"])
    families = sorted({f.strip() for line in (listed.stdout if listed else "").splitlines()
                       for f in line.split(",") if "Noto Sans CJK" in f or "Noto Serif CJK" in f})
    if not families:
        return Check(FAIL, "fonts", "no Noto CJK font (charts, PDFs and exports would show boxes)", todo)
    return Check(OK, "fonts", f"{len(families)} Noto CJK families, e.g. {families[0]}")


def check_chromium() -> Check:
    todo = "install chromium (the bundle's install.sh does; else apt-get install chromium)"
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            run = _run([path, "--version"], timeout=30)
            if run is None or run.returncode != 0:
                return Check(FAIL, "chromium", f"{path} does not start ({(run.stderr.strip() if run else 'timed out')[:120]})",
                             todo)
            return Check(OK, "chromium", run.stdout.strip() or path)
    return Check(FAIL, "chromium", "no chromium on PATH (chart images in the briefing and exports need it)", todo)


def check_disk(db_path: Path) -> Check:
    folder = db_path.parent if db_path.parent.exists() else Path(".")
    free = shutil.disk_usage(folder).free
    size = db_path.stat().st_size if db_path.exists() else 0
    need = max(MIN_FREE_BYTES, 2 * size)
    detail = f"{free / 1024**3:.1f} GB free in {folder.resolve()} (database {size / 1024**2:.0f} MB)"
    if free < need:
        return Check(FAIL, "disk", detail, f"free at least {need / 1024**3:.1f} GB (old backups in the backups "
                                           "folder, journalctl --vacuum-size=200M)")
    return Check(OK, "disk", detail)


def check_database(db_path: Path) -> list[Check]:
    import duckdb

    from riskdash import db

    if not db_path.exists():
        return [Check(FAIL, "database", f"{db_path}: no database",
                      "set [database] path in riskdash.toml, or restore a backup (riskdash restore)")]
    try:
        con = duckdb.connect(str(db_path), read_only=True)
    except duckdb.Error as exc:
        text = str(exc).splitlines()[0][:160]
        if "lock" in text.lower():
            return [Check(WARN, "database", f"{db_path}: held by a writing process ({text})",
                          "run doctor again when the import or restore is done")]
        return [Check(FAIL, "database", f"{db_path}: does not open ({text})",
                      "restore the last good backup (riskdash restore --from DIR); see docs/deploy.md")]
    try:
        version = db.schema_version(con)
        tables = [r[0] for r in con.execute("select table_name from information_schema.tables "
                                            "where table_schema = 'main' and table_type = 'BASE TABLE'").fetchall()]
        rows = sum(con.execute(f'select count(*) from "{t}"').fetchone()[0] for t in tables)
        checks = []
        if version == 0:
            return [Check(FAIL, "database", f"{db_path}: not a riskdash database (no schema)",
                          "point [database] path at the right file")]
        if version < db.SCHEMA_VERSION:
            checks.append(Check(FAIL, "database", f"schema {version}, this version needs {db.SCHEMA_VERSION}",
                                "restart the service (riskdash serve migrates), or re-run install.sh"))
        elif version > db.SCHEMA_VERSION:
            checks.append(Check(FAIL, "database", f"schema {version} is newer than this riskdash "
                                                  f"({db.SCHEMA_VERSION})", "install the newer bundle again"))
        else:
            checks.append(Check(OK, "database", f"{db_path} opens; schema {version}; {len(tables)} tables, "
                                                f"{rows} rows read"))
        if version >= db.INTEGER_KEYS_VERSION:
            mismatches = {k: v for k, v in db.key_mismatches(con).items() if v}
            if mismatches:
                listed = ", ".join(f"{k} {v}" for k, v in sorted(mismatches.items()))
                checks.append(Check(FAIL, "keys", f"integer keys out of step: {listed}",
                                    "restart the service (its first open re-keys); if it stays, restore a backup"))
            else:
                checks.append(Check(OK, "keys", "integer keys in step with the record ids"))
        if "evidence" in tables:  # a line once there is evidence (rows, or the folder beside the file)
            from riskdash import evidence

            if evidence.store_for(db_path).exists() or con.execute("select count(*) from evidence").fetchone()[0]:
                checks.append(check_evidence(con, db_path))
        return checks
    except duckdb.Error as exc:
        return [Check(FAIL, "database", f"{db_path}: reading failed ({str(exc).splitlines()[0][:160]})",
                      "restore the last good backup (riskdash restore --from DIR); see docs/deploy.md")]
    finally:
        con.close()


def check_evidence(con, db_path: Path) -> Check:
    """The evidence files (riskdash/evidence.py): every file a row points at read back against its SHA-256 (a
    missing or damaged one fails: a backup refuses it); files no row points at (orphans, an upload whose row was
    not written) are harmless and only counted."""
    from riskdash import evidence

    store = evidence.store_for(db_path)
    found = evidence.verify(con, store)
    orphans = f"; {len(found.orphans)} orphan files without a row (harmless; e.g. {found.orphans[0]})" \
        if found.orphans else ""
    if found.missing or found.damaged:
        first = (found.missing + found.damaged)[0]
        return Check(FAIL, "evidence", f"{len(found.missing)} missing and {len(found.damaged)} damaged of "
                                       f"{found.files} files in {store} (e.g. {first}){orphans}",
                     "copy the files back from the last good backup (evidence-<sha256>.* beside its manifest) "
                     "into the folder, or restore it; `riskdash evidence check` lists them all")
    return Check(OK, "evidence", f"{found.files} files in {store} match their SHA-256{orphans}")


def _backup_time(folder: Path) -> datetime | None:
    """When a backup folder was made, when it is complete (manifest.json and every table file it lists)."""
    try:
        manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
        tables = manifest["tables"]
        files = [t.get("file") for t in tables.values()] if isinstance(tables, dict) else []
        if any(f and not (folder / f).exists() for f in files):
            return None
        return datetime.fromisoformat(manifest["created_at"])
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


def check_backups(backups: Path | None, now: datetime) -> Check:
    if backups is None:
        return Check(SKIP, "backups", "no backups folder configured ([backup] dir in riskdash.toml)")
    if not backups.is_dir():
        return Check(FAIL, "backups", f"{backups}: no such folder",
                     f"make one (riskdash backup --out {backups}/manual-$(date +%F))")
    made = [t for t in (_backup_time(p) for p in backups.iterdir() if p.is_dir()) if t is not None]
    if not made:
        return Check(FAIL, "backups", f"no complete backup in {backups}",
                     f"make one now: riskdash backup --out {backups}/manual-$(date +%F)")
    last = max(made)
    age = now - last
    failures = sorted(backups.glob("FAILED-*.txt"))
    if failures:
        text = failures[0].read_text(encoding="utf-8", errors="replace").strip().splitlines()[0][:200]
        return Check(FAIL, "backups", f"the last scheduled backup failed: {text}",
                     "read journalctl -u riskdash-backup, fix the cause, run: riskdash schedule run backup")
    hours = age.total_seconds() / 3600
    detail = f"last good backup {last:%Y-%m-%d %H:%M} ({hours:.0f} h ago, {len(made)} in {backups})"
    if age > BACKUP_MAX_AGE:
        return Check(FAIL, "backups", detail, "check the backup timer (systemctl list-timers; journalctl -u "
                                              "riskdash-backup) and make one now (riskdash backup)")
    return Check(OK, "backups", detail)


def check_jobs(db_path: Path) -> Check:
    """The newest run of each scheduled job in the run log beside the database (riskdash.jobs)."""
    from riskdash import jobs

    runs = jobs.last_runs(jobs.read_runs(db_path), per_job=1)
    if not runs:
        return Check(SKIP, "jobs", f"no scheduled job has run yet ({jobs.runs_path(db_path)})")
    failed = [r for r in runs if not r.get("ok")]
    if failed:
        run = failed[0]
        return Check(FAIL, "jobs", f"the last {run['job']} run failed ({str(run.get('ended') or run['started'])[:16].replace('T', ' ')}): "
                                   f"{str(run.get('what') or '')[:160]}",
                     f"read journalctl -u riskdash-{run['job']}, fix the cause, run: riskdash schedule run "
                     f"{run['job']} (数据管理 → 操作日志 → 定时任务 lists the runs)")
    return Check(OK, "jobs", "last runs: " + ", ".join(f"{r['job']} ok {str(r.get('ended') or r['started'])[:16]}"
                                                       .replace("T", " ") for r in runs))


def check_timers() -> Check:
    states = jobs.timer_states()
    if states is None:
        return Check(SKIP, "timers", "systemd is not running here")
    missing = [timer_name(j) for j in JOBS if not (timer_name(j) in states and states[timer_name(j)].active)]
    if missing:
        return Check(WARN, "timers", f"not scheduled: {', '.join(missing)}",
                     "enable them: systemctl enable --now " + " ".join(missing))
    return Check(OK, "timers", "scheduled: " + ", ".join(
        f"{timer_name(j)} (next {states[timer_name(j)].next or 'none due'})" for j in JOBS))


def _not_after(cert: Path) -> datetime | None:
    try:
        decoded = ssl._ssl._test_decode_cert(str(cert))  # the standard library's PEM reader
        return datetime.strptime(decoded["notAfter"], "%b %d %H:%M:%S %Y %Z")
    except (AttributeError, KeyError, ValueError, OSError, ssl.SSLError):
        pass
    run = _run(["openssl", "x509", "-noout", "-enddate", "-in", str(cert)])
    if run and run.returncode == 0 and "=" in run.stdout:
        try:
            return datetime.strptime(run.stdout.split("=", 1)[1].strip(), "%b %d %H:%M:%S %Y %Z")
        except ValueError:
            return None
    return None


def check_certificate(cert: Path | None, now: datetime) -> Check:
    """``now`` in UTC (a certificate's dates are GMT)."""
    todo = "put the site's certificate in place (install.sh --cert FILE --key FILE), or delete it and re-run " \
           "install.sh for a new self-signed one"
    if cert is None:
        return Check(SKIP, "cert", "no certificate configured ([tls] certificate in riskdash.toml)")
    if not cert.exists():
        return Check(FAIL, "cert", f"{cert}: missing", todo)
    end = _not_after(cert)
    if end is None:
        return Check(FAIL, "cert", f"{cert}: not a readable PEM certificate", todo)
    days = (end - now).total_seconds() / 86400
    detail = f"{cert.name} valid until {end:%Y-%m-%d}" + (f" ({days:.0f} days)" if days >= 0 else " (expired)")
    if days < CERT_FAIL_DAYS:
        return Check(FAIL, "cert", detail, todo)
    if days < CERT_WARN_DAYS:
        return Check(WARN, "cert", detail, todo)
    return Check(OK, "cert", detail)
