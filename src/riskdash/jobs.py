"""The scheduled jobs' shared ground (issue 19): the job list, the server's config file, and the run log that
the 数据管理 screen and the audit log read.

The run log. Every run of a scheduled job that did something (a backup; the monthly documents, or a failure)
appends one JSON line to ``<database>.jobs.jsonl`` beside the database file (e.g.
/var/lib/riskdash/riskdash.duckdb.jobs.jsonl): its id, the job, ok or failed, when it started and ended, and what
it did or why it failed. A side file, because the job runs in its own process while the dashboard holds the
database open (DuckDB lets a second process write a file only when nobody else has it open), and a failure must
be recorded even when the database itself is the cause.

A failure also goes into the audit log (action ``job_failed``, actor ``riskdash-schedule``, the run's id as the
file name): the job tries a short writable open itself; when the dashboard holds the file, the dashboard's next
write (ui/write_window: an import, a record, an edit, a setting saved) copies every failed run not yet in the audit log
into it — by the run's id, so an entry is never copied twice. The
screen shows the last runs of each job from the file, and whether a failure is in the audit log yet.
"""

from __future__ import annotations

import fcntl
import json
import os
import shutil
import subprocess
import tomllib
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from riskdash import db

ACTOR = "riskdash-schedule"
ACTION = "job_failed"
SUFFIX = ".jobs.jsonl"
KEEP_RUNS = 1000          # lines kept in the run log (a few years of nightly backups)
# the job's short wait for a writable open before it leaves the entry to the dashboard: None, db.lock_wait_seconds()
# (5 s, or RISKDASH_LOCK_WAIT_SECONDS)
AUDIT_WAIT_SECONDS: float | None = None


@dataclass(frozen=True)
class Job:
    name: str
    calendar: str  # systemd OnCalendar
    what: str


# the monthly timer fires on each of the first 12 days at 07:00; the job itself acts only on the first working
# day (monthly.first_working_day, with the holiday settings), e.g. 8 October 2026 after the National Day week
JOBS = (Job("backup", "*-*-* 02:00:00", "nightly backup, verified by a test restore; keeps 7 daily, 4 weekly, "
                                        "12 monthly (每日备份)"),
        Job("monthly", "*-*-01..12 07:00:00", "monthly 月报表 and 通报 (.docx, .pdf) of the city and each county, "
                                              "on the first working day (每月报表与通报)"))


def timer_name(job: Job) -> str:
    return f"riskdash-{job.name}.timer"


@dataclass(frozen=True)
class TimerState:
    """One timer as systemd reports it (``systemctl show``): loaded, active, its next and last trigger."""
    timer: str
    loaded: bool
    active: bool
    next: str  # e.g. "Thu 2026-12-03 02:07:33 UTC"; "" when none is due
    last: str  # "" when it has never fired


TIMER_PROPERTIES = ("Id", "LoadState", "ActiveState", "NextElapseUSecRealtime", "LastTriggerUSec")


def parse_timer_show(text: str) -> dict[str, TimerState]:
    """``systemctl show -p Id,LoadState,… A.timer B.timer`` (blocks of KEY=value, a blank line between units)."""
    states = {}
    for block in text.strip().split("\n\n"):
        fields = dict(line.split("=", 1) for line in block.splitlines() if "=" in line)
        if not fields.get("Id"):
            continue
        when = {key: "" if fields.get(key, "") in ("", "n/a", "0") else fields[key]
                for key in ("NextElapseUSecRealtime", "LastTriggerUSec")}
        states[fields["Id"]] = TimerState(fields["Id"], fields.get("LoadState") == "loaded",
                                          fields.get("ActiveState") == "active", when["NextElapseUSecRealtime"],
                                          when["LastTriggerUSec"])
    return states


def timer_states() -> dict[str, TimerState] | None:
    """Every job's timer as systemd reports it; None where systemd is not running (a container, a test, a PC)."""
    if not Path("/run/systemd/system").is_dir() or shutil.which("systemctl") is None:
        return None
    try:
        out = subprocess.run(["systemctl", "show", "-p", ",".join(TIMER_PROPERTIES),
                              *(timer_name(job) for job in JOBS)], capture_output=True, text=True, timeout=20,
                             check=False).stdout
    except (OSError, subprocess.TimeoutExpired):
        return None
    return parse_timer_show(out)


def load_config(path: str | None) -> dict:
    """riskdash.toml (``path``, else $RISKDASH_CONFIG); {} when there is none."""
    path = path or os.environ.get("RISKDASH_CONFIG")
    if not path or not Path(path).exists():
        return {}
    try:
        with open(path, "rb") as handle:
            return tomllib.load(handle)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise db.RiskdashError(f"{path}: cannot read the config file ({exc})") from None


# ------------------------------------------------------------------------------------------------- run log


def runs_path(db_path: str | os.PathLike) -> Path:
    path = Path(db_path).resolve()
    return path.with_name(path.name + SUFFIX)


def record_run(db_path: str | os.PathLike, job: str, ok: bool, what: str, started: datetime,
               ended: datetime | None = None) -> dict:
    """Append one run to the log (under an exclusive lock, keeping the last KEEP_RUNS lines); the run."""
    ended = ended or datetime.now()
    run = {"id": f"{job}-{started:%Y%m%dT%H%M%S}-{os.getpid()}", "job": job, "ok": ok,
           "started": started.isoformat(timespec="seconds"), "ended": ended.isoformat(timespec="seconds"),
           "what": " ".join(str(what).split())[:500]}
    path = runs_path(db_path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "a+", encoding="utf-8") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        handle.write(json.dumps(run, ensure_ascii=False) + "\n")
        handle.flush()
        handle.seek(0)
        lines = handle.readlines()
        if len(lines) > KEEP_RUNS:
            handle.seek(0)
            handle.truncate()
            handle.writelines(lines[-KEEP_RUNS:])
        os.fsync(handle.fileno())
    return run


def read_runs(db_path: str | os.PathLike) -> list[dict]:
    """Every run in the log, oldest first; a line that is not a run (a torn write) is passed over."""
    try:
        text = runs_path(db_path).read_text(encoding="utf-8", errors="replace")
    except OSError:
        return []
    runs = []
    for line in text.splitlines():
        try:
            run = json.loads(line)
        except ValueError:
            continue
        if isinstance(run, dict) and {"id", "job", "ok", "started"} <= run.keys():
            runs.append(run)
    return runs


def last_runs(runs: list[dict], per_job: int = 5) -> list[dict]:
    """The newest ``per_job`` runs of each job, newest first, jobs in JOBS order (then any other)."""
    order = {job.name: index for index, job in enumerate(JOBS)}
    shown: dict[str, list[dict]] = {}
    for run in sorted(runs, key=lambda r: str(r["started"]), reverse=True):
        kept = shown.setdefault(str(run["job"]), [])
        if len(kept) < per_job:
            kept.append(run)
    return [run for job in sorted(shown, key=lambda j: (order.get(j, len(order)), j)) for run in shown[job]]


# ----------------------------------------------------------------------------------------------- audit log


def logged_run_ids(con) -> set[str]:
    """The ids of the failed runs already in the audit log."""
    return {str(v) for v in db.query(con, "jobs/logged_job_failures", action=ACTION)["file_name"]}


def carry_failures(con, db_path: str | os.PathLike) -> int:
    """Copy every failed run of the log that the audit log lacks into it (on a writable connection); how many."""
    runs = [r for r in read_runs(db_path) if not r.get("ok")]
    if not runs:
        return 0
    logged = logged_run_ids(con)
    missing = [r for r in runs if str(r["id"]) not in logged]
    for run in missing:
        con.execute(db.sql_text("jobs/job_failure_entry"),
                    {"actor": ACTOR, "action": ACTION, "job": str(run["job"]), "run_id": str(run["id"]),
                     "logged_at": datetime.fromisoformat(str(run.get("ended") or run["started"])),
                     "detail": json.dumps({"started": run["started"], "ended": run.get("ended"),
                                           "what": run.get("what")}, ensure_ascii=False)})
    return len(missing)


def carry_failures_quietly(con, db_path: str | os.PathLike) -> int:
    """carry_failures after a write of the dashboard's (ui/write_window): a run log that cannot be read or an
    entry that cannot be written is left for the next write, and never fails the write just made."""
    try:
        return carry_failures(con, db_path)
    except Exception:  # noqa: BLE001 - the user's write is committed; the entry waits for the next one
        return 0


def record_failure(db_path: str | os.PathLike, job: str, what: str, started: datetime,
                   wait_seconds: float | None = AUDIT_WAIT_SECONDS) -> tuple[dict, bool]:
    """A failed run: into the run log first, then into the audit log if the database opens for writing within
    ``wait_seconds``. (the run, whether it is in the audit log now). Never raises for the audit part: the
    failure being recorded matters more than how."""
    run = record_run(db_path, job, False, what, started)
    try:
        con = db.connect(db_path, wait_seconds=wait_seconds)
    except (db.RiskdashError, *db.IO_ERRORS):
        return run, False
    try:
        con.execute("begin transaction")
        carry_failures(con, db_path)
        con.execute("commit")
        return run, True
    except Exception:  # noqa: BLE001 - a database that cannot take the entry: the run log has it
        db.rollback(con)
        return run, False
    finally:
        con.close()
