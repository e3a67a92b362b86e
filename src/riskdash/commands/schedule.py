"""Scheduled jobs on an intranet server (issue 19), run by systemd timers that install.sh installs:

- ``riskdash schedule list``: the jobs, when they run, and (where systemd runs) the timer's next and last run
- ``riskdash schedule run backup [--backups DIR] [--now YYYY-MM-DDTHH:MM:SS]``: the nightly backup, verified by
  restoring it into a temporary file, then the retention (riskdash.nightly); one JSON line; a failure is one line
  on standard error, exit 1, and the file ``FAILED-backup.txt`` in the backups folder (removed by the next good
  run; ``riskdash doctor`` shows it)
- ``riskdash schedule run monthly [--reports DIR] [--today YYYY-MM-DD] [--force]``: on the first working day of
  a month, the documents of the month just ended (riskdash.monthly) into ``[reports] dir``; other days it says why
  it did nothing; a document that fails is named, exit 1, and ``FAILED-monthly.txt`` in the reports folder
- ``riskdash schedule units --out DIR --prefix DIR --conf DIR --user NAME``: writes the .service and .timer files

Every run that did something, and every failure, is one line of the run log beside the database
(``<database>.jobs.jsonl``), which the 数据管理 screen lists; a failure goes into the audit log too, at once when the
database opens for writing within a few seconds, else at the dashboard's next write (riskdash.jobs).

The backups folder is ``[backup] dir`` of the config file ($RISKDASH_CONFIG) unless ``--backups`` names one.
"""

from __future__ import annotations

import json
import sys
from datetime import date, datetime
from pathlib import Path

from riskdash import jobs
from riskdash.jobs import JOBS, Job, load_config, timer_name  # noqa: F401 - the job list lives in riskdash.jobs

FAILED = "FAILED-{job}.txt"


def register(commands, metrics) -> None:
    schedule = commands.add_parser("schedule", help="the scheduled jobs (systemd timers): list, run one, units")
    sub = schedule.add_subparsers(dest="schedule_command", required=True, metavar="list|run|units")
    sub.add_parser("list", help="the jobs and their timers")
    run = sub.add_parser("run", help="run one job now (what its timer runs)")
    run.add_argument("job", choices=[j.name for j in JOBS])
    run.add_argument("--db")
    run.add_argument("--config", help="riskdash.toml (default $RISKDASH_CONFIG)")
    run.add_argument("--backups", metavar="DIR")
    run.add_argument("--now", type=datetime.fromisoformat, help="backup: the time to name it by (tests)")
    run.add_argument("--reports", metavar="DIR", help="monthly: the shared folder for the documents")
    run.add_argument("--today", type=date.fromisoformat, help="monthly: the day to act as (default today)")
    run.add_argument("--force", action="store_true", help="monthly: make the documents whatever the day")
    units = sub.add_parser("units", help="write the systemd .service and .timer files")
    units.add_argument("--out", required=True, metavar="DIR")
    units.add_argument("--prefix", default="/opt/riskdash")
    units.add_argument("--conf", default="/etc/riskdash")
    units.add_argument("--user", default="riskdash")
    schedule.set_defaults(handler=cmd_schedule)


def cmd_schedule(args) -> int:
    return {"list": cmd_list, "run": cmd_run, "units": cmd_units}[args.schedule_command](args)


def _timer_words(state: jobs.TimerState | None) -> str:
    if state is None or not state.loaded:
        return "not installed"
    if not state.active:
        return "installed, not active (systemctl enable --now " + state.timer + ")"
    return f"next {state.next or 'none due'}; last {state.last or 'never'}"


def cmd_list(args) -> int:
    states = jobs.timer_states()
    for job in JOBS:
        timer = timer_name(job)
        where = "systemd not running here" if states is None else _timer_words(states.get(timer))
        sys.stdout.write(f"{timer:<26} {job.calendar:<16} {job.what} [{where}]\n")
    return 0


def cmd_run(args) -> int:
    """Run one job; every run that does something, and every failure, goes into the run log beside the
    database, and a failure into the audit log too (riskdash.jobs), besides FAILED-<job>.txt for doctor."""
    from riskdash import db

    started = datetime.now()
    config = load_config(args.config)
    db_path = db.resolve_db_path(args.db or config.get("database", {}).get("path"))
    try:
        summary = _run_monthly(args, config, db_path) if args.job == "monthly" else _run_backup(args, config, db_path)
    except (db.RiskdashError, *db.IO_ERRORS) as exc:
        try:
            jobs.record_failure(db_path, args.job, db.failure_text(exc), started)
        except OSError as log_error:  # the run log's folder is not writable: the journal still has the line
            sys.stderr.write(f"riskdash schedule: the run log {jobs.runs_path(db_path)} could not be written "
                             f"({log_error})\n")
        raise
    if summary is not None:
        try:
            jobs.record_run(db_path, args.job, True, summary, started)
        except OSError as log_error:
            sys.stderr.write(f"riskdash schedule: the run log {jobs.runs_path(db_path)} could not be written "
                             f"({log_error})\n")
    return 0


def _run_backup(args, config, db_path: Path) -> str:
    from riskdash import db, nightly

    backups = args.backups or config.get("backup", {}).get("dir")
    if not backups:
        raise db.RiskdashError("no backups folder: give --backups DIR or [backup] dir in riskdash.toml")
    backups = Path(backups)
    failed = backups / FAILED.format(job=args.job)
    try:
        result = nightly.run(db_path, backups, now=args.now)
    except (db.RiskdashError, *db.IO_ERRORS) as exc:
        _record_failure(failed, f"{args.job}: {exc}")
        raise
    failed.unlink(missing_ok=True)
    sys.stdout.write(json.dumps({"job": args.job, "out": str(result.folder), "tables": result.tables,
                                 "rows": result.rows, "verified": True, "kept": len(result.kept),
                                 "deleted": result.deleted}, ensure_ascii=False) + "\n")
    return (f"{result.folder.name}: {result.tables} tables, {result.rows} rows, verified; kept {len(result.kept)}, "
            f"deleted {len(result.deleted)}")


def _run_monthly(args, config, db_path: Path) -> str | None:
    """The summary of the documents made; None on a day it did nothing (not recorded as a run)."""
    from riskdash import db, monthly

    reports = args.reports or config.get("reports", {}).get("dir")
    if not reports:
        raise db.RiskdashError("no reports folder: give --reports DIR or [reports] dir in riskdash.toml")
    reports = Path(reports)
    failed = reports / FAILED.format(job="monthly")
    try:
        result = monthly.run(db_path, reports, args.today or date.today(), force=args.force)
    except (db.RiskdashError, *db.IO_ERRORS) as exc:
        _record_failure(failed, f"monthly: {exc}")
        raise
    if result.failed:
        _record_failure(failed, f"monthly {result.month}: {len(result.failed)} failed: " + "; ".join(result.failed))
        raise db.RiskdashError(f"{len(result.failed)} of {len(result.failed) + len(result.made)} documents for "
                               f"{result.month} failed: {result.failed[0]}")
    if result.skipped is None:
        failed.unlink(missing_ok=True)
    sys.stdout.write(json.dumps({"job": "monthly", "month": result.month, "out": str(result.folder),
                                 "made": result.made, "skipped": result.skipped}, ensure_ascii=False) + "\n")
    return None if result.skipped is not None else f"{result.month}: {len(result.made)} documents in {result.folder}"


def _record_failure(path: Path, text: str) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"{datetime.now().isoformat(timespec='seconds')} {text}\n", encoding="utf-8")
    except OSError:
        pass


def unit_files(prefix: str, conf: str, user: str) -> dict[str, str]:
    files = {}
    for job in JOBS:
        base = f"riskdash-{job.name}"
        files[f"{base}.service"] = (
            f"# written by install.sh (riskdash schedule units)\n[Unit]\nDescription=riskdash {job.what}\n"
            f"After=local-fs.target\n\n[Service]\nType=oneshot\nUser={user}\nGroup={user}\n"
            f"Environment=RISKDASH_CONFIG={conf}/riskdash.toml\n"
            f"ExecStart={prefix}/bin/riskdash schedule run {job.name}\n"
            f"StandardOutput=journal\nStandardError=journal\nSyslogIdentifier={base}\n"
            "Nice=10\nIOSchedulingClass=idle\n")
        files[f"{base}.timer"] = (
            f"# written by install.sh (riskdash schedule units)\n[Unit]\nDescription=riskdash {job.what}\n\n"
            f"[Timer]\nOnCalendar={job.calendar}\nPersistent=true\nRandomizedDelaySec=10min\n\n"
            "[Install]\nWantedBy=timers.target\n")
    return files


def cmd_units(args) -> int:
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    for name, text in unit_files(args.prefix, args.conf, args.user).items():
        (out / name).write_text(text, encoding="utf-8")
        sys.stdout.write(f"{out / name}\n")
    return 0
