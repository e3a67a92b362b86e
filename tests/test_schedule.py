"""The nightly backup job and its timer (issue 19): backup, verification by a test restore, retention (7 daily,
4 weekly, 12 monthly), the failure record doctor reads, and the systemd unit files."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import time
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from riskdash import db, nightly, records
from riskdash.commands import doctor, schedule


def _days(first: date, last: date) -> list[datetime]:
    return [datetime(d.year, d.month, d.day, 2, 0) for d in
            (first + timedelta(days=i) for i in range((last - first).days + 1))]


def test_retention_keeps_7_daily_4_weekly_12_monthly():
    times = _days(date(2026, 9, 1), date(2026, 11, 30))  # 2026-11-30 is a Monday
    kept = {t.date() for t in nightly.to_keep(times)}
    daily = {date(2026, 11, d) for d in range(24, 31)}
    weekly = {date(2026, 11, 30), date(2026, 11, 29), date(2026, 11, 22), date(2026, 11, 15)}
    monthly = {date(2026, 11, 30), date(2026, 10, 31), date(2026, 9, 30)}
    assert kept == daily | weekly | monthly
    assert len(kept) == 11


def test_retention_over_two_years_keeps_twelve_months():
    times = _days(date(2025, 1, 1), date(2026, 12, 31))
    kept = nightly.to_keep(times)
    months = sorted({(t.year, t.month) for t in kept})
    assert months[0] == (2026, 1) and len(months) == 12
    assert nightly.to_keep([]) == set()
    one = [datetime(2026, 1, 1, 2)]
    assert nightly.to_keep(one, daily=0, weekly=0, monthly=0) == set(one)  # the newest is always kept


_RUN = []  # the runner of the current test, set by the cli fixture


@pytest.fixture
def cli(riskdash_cli):
    """A test taking it runs its commands in process (fast tier) and as real processes (slow): conftest.riskdash_cli."""
    _RUN[:] = [riskdash_cli]
    yield riskdash_cli
    _RUN.clear()


def _run(*args, env=None):
    return _RUN[0](*args, env=env)


def test_nightly_backup_verifies_and_prunes(small_db_path, tmp_path, cli):
    backups = tmp_path / "backups"
    # older nightly folders (empty stand-ins: only their names count for the retention) and a manual backup
    for day in range(1, 21):
        (backups / f"nightly-2026-11-{day:02d}-020000").mkdir(parents=True)
    (backups / "manual-2026-01-01").mkdir()
    (backups / "pre-upgrade-20260101-000000-from-x").mkdir()
    run = _run("schedule", "run", "backup", "--db", str(small_db_path), "--backups", str(backups),
               "--now", "2026-11-21T02:00:00")
    assert run.returncode == 0, run.stderr
    out = json.loads(run.stdout)
    con = db.connect(small_db_path, read_only=True)
    tables = [r[0] for r in con.execute("select table_name from information_schema.tables where table_schema = "
                                        "'main' and table_type = 'BASE TABLE'").fetchall()
              if r[0] not in records.NOT_BACKED_UP]  # the login tokens stay out of every backup
    rows = sum(con.execute(f'select count(*) from "{t}"').fetchone()[0] for t in tables)
    con.close()
    assert (out["job"], out["verified"], out["tables"], out["rows"]) == ("backup", True, len(tables), rows)
    assert out["out"] == str(backups / "nightly-2026-11-21-020000")
    # 21 nightly backups from 1 to 21 November 2026 (21st a Saturday): 7 daily (15-21), weeks 47 (21),
    # 46 (15), 45 (8), 44 (1), month 11 (21) → kept 15-21, 8, 1
    left = sorted(p.name for p in backups.iterdir())
    kept_days = [1, 8, 15, 16, 17, 18, 19, 20, 21]
    assert left == sorted([f"nightly-2026-11-{d:02d}-020000" for d in kept_days]
                          + ["manual-2026-01-01", "pre-upgrade-20260101-000000-from-x"])
    assert len(out["deleted"]) == 21 - len(kept_days)
    assert doctor.check_backups(backups, datetime.now()).state == doctor.OK


def test_a_backup_that_does_not_restore_is_refused(small_db_path, tmp_path, monkeypatch, cli):
    backups = tmp_path / "backups"
    good = _run("schedule", "run", "backup", "--db", str(small_db_path), "--backups", str(backups))
    assert good.returncode == 0, good.stderr
    # the next night, a backup whose file is cut short: the test restore refuses it
    from riskdash import records

    real_backup = records.backup

    def short_backup(con, out):
        manifest = real_backup(con, out)
        info = manifest["tables"]["regions"]
        (Path(out) / info["file"]).write_bytes(b"PAR1 not parquet")
        return manifest

    monkeypatch.setattr(records, "backup", short_backup)
    with pytest.raises(db.RiskdashError):
        nightly.run(small_db_path, backups, now=datetime(2030, 1, 1, 2))
    assert not (backups / "nightly-2030-01-01-020000").exists()  # removed, the older one kept
    assert len([p for p in backups.iterdir() if p.name.startswith("nightly-")]) == 1


def test_failure_is_one_line_and_recorded_for_doctor(small_db_path, tmp_path, cli):
    backups = tmp_path / "backups"
    good = _run("schedule", "run", "backup", "--db", str(small_db_path), "--backups", str(backups))
    assert good.returncode == 0, good.stderr
    missing = tmp_path / "gone.duckdb"
    bad = _run("schedule", "run", "backup", "--db", str(missing), "--backups", str(backups))
    assert bad.returncode == 1 and len(bad.stderr.strip().splitlines()) == 1 and "Traceback" not in bad.stderr
    assert bad.stderr.startswith("riskdash schedule: ")
    failed = backups / "FAILED-backup.txt"
    assert "no database here" in failed.read_text()
    check = doctor.check_backups(backups, datetime.now())
    assert check.state == doctor.FAIL and "the last scheduled backup failed" in check.detail
    # a backup folder is named by the second (nightly-YYYY-MM-DD-HHMMSS) and one of the same second is refused:
    # in process the three runs can fall within one second (CI at c6cfd4f)
    time.sleep(1.1)
    again = _run("schedule", "run", "backup", "--db", str(small_db_path), "--backups", str(backups))
    assert again.returncode == 0 and not failed.exists()


def test_run_reads_the_config(small_db_path, tmp_path, cli):
    backups = tmp_path / "b"
    config = tmp_path / "riskdash.toml"
    config.write_text(f'[database]\npath = "{small_db_path}"\n[backup]\ndir = "{backups}"\n')
    env = {k: v for k, v in os.environ.items() if k != db.ENV_DB} | {"RISKDASH_CONFIG": str(config)}
    run = _run("schedule", "run", "backup", env=env)
    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout)["out"].startswith(str(backups / "nightly-"))
    none = _run("schedule", "run", "backup", "--config", str(tmp_path / "none.toml"), "--db", str(small_db_path),
                env={k: v for k, v in env.items() if k != "RISKDASH_CONFIG"})
    assert none.returncode == 1 and "no backups folder" in none.stderr


def test_units_and_list(tmp_path, cli):
    prefix = tmp_path / "opt"
    (prefix / "bin").mkdir(parents=True)
    (prefix / "bin" / "riskdash").write_text("#!/bin/sh\n")
    (prefix / "bin" / "riskdash").chmod(0o755)
    run = _run("schedule", "units", "--out", str(tmp_path / "units"), "--prefix", str(prefix), "--conf", "/etc/rd",
               "--user", "rd")
    assert run.returncode == 0, run.stderr
    service = (tmp_path / "units" / "riskdash-backup.service").read_text()
    timer = (tmp_path / "units" / "riskdash-backup.timer").read_text()
    assert f"ExecStart={prefix}/bin/riskdash schedule run backup" in service
    assert "User=rd" in service and "Environment=RISKDASH_CONFIG=/etc/rd/riskdash.toml" in service
    assert "Type=oneshot" in service
    assert "OnCalendar=*-*-* 02:00:00" in timer and "Persistent=true" in timer and "WantedBy=timers.target" in timer
    if shutil.which("systemd-analyze"):
        verify = subprocess.run(["systemd-analyze", "verify", *map(str, sorted((tmp_path / "units").iterdir()))],
                                capture_output=True,
                                text=True, check=False)
        assert verify.returncode == 0, verify.stderr
    listed = _run("schedule", "list")
    assert listed.returncode == 0
    assert listed.stdout.startswith("riskdash-backup.timer") and "*-*-* 02:00:00" in listed.stdout
    assert [j.name for j in schedule.JOBS] == ["backup", "monthly"]
    monthly_timer = (tmp_path / "units" / "riskdash-monthly.timer").read_text()
    assert "OnCalendar=*-*-01..12 07:00:00" in monthly_timer  # the first working day is as late as the 9th
    assert f"ExecStart={prefix}/bin/riskdash schedule run monthly" in (tmp_path / "units" /
                                                                     "riskdash-monthly.service").read_text()
