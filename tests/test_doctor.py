"""riskdash doctor (issue 19): one line per check with what to do, exit code 1 when a check fails.

Fonts and Chromium are checked against fake fc-list / chromium programs on PATH (so that the test says the same on
any machine); the database, backups and certificate against real files made here.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from datetime import UTC, datetime, timedelta
from pathlib import Path

import duckdb
import pytest

from riskdash import db
from riskdash.commands import doctor

NOW = datetime(2026, 12, 2, 9, 0, 0)


def _program(folder: Path, name: str, text: str, code: int = 0) -> None:
    path = folder / name
    path.write_text(f"#!/bin/sh\ncat <<'EOF'\n{text}\nEOF\nexit {code}\n")
    path.chmod(0o755)


@pytest.fixture()
def fake_path(tmp_path, monkeypatch):
    """PATH holding only a folder of fake programs (plus what the shell scripts need)."""
    folder = tmp_path / "bin"
    folder.mkdir()
    _program(folder, "cat", "")  # replaced below by the real one
    (folder / "cat").unlink()
    (folder / "cat").symlink_to(shutil.which("cat"))
    monkeypatch.setenv("PATH", str(folder))
    return folder


def _backup(folder: Path, created: datetime, tables: dict | None = None) -> Path:
    folder.mkdir(parents=True)
    tables = tables if tables is not None else {"regions": {"rows": 3, "file": "regions.parquet", "sha256": "x"}}
    for info in tables.values():
        (folder / info["file"]).write_bytes(b"PAR1")
    (folder / "manifest.json").write_text(json.dumps({"created_at": created.isoformat(timespec="seconds"),
                                                      "schema_version": 1, "tables": tables}))
    return folder


def _cert(tmp_path: Path, days: int) -> Path:
    cert = tmp_path / f"site-{days}.crt"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", str(days), "-subj",
                    "/CN=test", "-keyout", str(tmp_path / "k.pem"), "-out", str(cert)], check=True,
                   capture_output=True)
    return cert


needs_openssl = pytest.mark.skipif(shutil.which("openssl") is None, reason="openssl is not installed")


def test_fonts_and_chromium_found_and_missing(fake_path):
    assert doctor.check_fonts().state == doctor.FAIL  # no fc-list at all
    _program(fake_path, "fc-list", "DejaVu Sans")
    missing = doctor.check_fonts()
    assert (missing.state, missing.name) == (doctor.FAIL, "fonts") and "fonts-noto-cjk" in missing.todo
    _program(fake_path, "fc-list", "Noto Sans CJK SC,Noto Sans CJK SC Regular\nNoto Serif CJK SC")
    found = doctor.check_fonts()
    assert found.state == doctor.OK and "3 Noto CJK families" in found.detail  # three distinct names listed

    assert doctor.check_chromium().state == doctor.FAIL
    _program(fake_path, "chromium", "boom", code=1)
    broken = doctor.check_chromium()
    assert broken.state == doctor.FAIL and "does not start" in broken.detail
    _program(fake_path, "chromium", "Chromium 156.0 built on Debian")
    assert doctor.check_chromium() == doctor.Check(doctor.OK, "chromium", "Chromium 156.0 built on Debian")


def test_database_checks(small_db_path, tmp_path):
    checks = doctor.check_database(small_db_path)
    assert [(c.state, c.name) for c in checks] == [(doctor.OK, "database"), (doctor.OK, "keys")]
    assert f"schema {db.SCHEMA_VERSION}" in checks[0].detail

    # a key copied wrongly by another tool
    con = duckdb.connect(str(small_db_path))
    con.execute("update hazards set enterprise_no = enterprise_no + 1000 where hazard_id in ('H1', 'H2')")
    con.close()
    keys = doctor.check_database(small_db_path)[1]
    assert keys.state == doctor.FAIL and "hazards.enterprise_no 2" in keys.detail

    # an older schema
    con = duckdb.connect(str(small_db_path))
    con.execute("update meta set value = '3' where key = 'schema_version'")
    con.close()
    old = doctor.check_database(small_db_path)[0]
    assert old.state == doctor.FAIL and f"schema 3, this version needs {db.SCHEMA_VERSION}" in old.detail

    broken = tmp_path / "broken.duckdb"
    broken.write_bytes(b"not a database at all" * 100)
    (check,) = doctor.check_database(broken)
    assert check.state == doctor.FAIL and "does not open" in check.detail and "restore" in check.todo

    (none,) = doctor.check_database(tmp_path / "none.duckdb")
    assert none.state == doctor.FAIL and "no database" in none.detail


def test_backup_age(tmp_path):
    folder = tmp_path / "backups"
    assert doctor.check_backups(None, NOW).state == doctor.SKIP
    assert doctor.check_backups(folder, NOW).state == doctor.FAIL  # no folder
    folder.mkdir()
    assert doctor.check_backups(folder, NOW).state == doctor.FAIL  # empty
    _backup(folder / "old", NOW - timedelta(days=3))
    stale = doctor.check_backups(folder, NOW)
    assert stale.state == doctor.FAIL and "72 h ago" in stale.detail
    # a newer backup that is incomplete (a table file missing) does not count
    newer = _backup(folder / "incomplete", NOW - timedelta(hours=2))
    (newer / "regions.parquet").unlink()
    assert doctor.check_backups(folder, NOW).state == doctor.FAIL
    _backup(folder / "fresh", NOW - timedelta(hours=5))
    fresh = doctor.check_backups(folder, NOW)
    assert fresh.state == doctor.OK and "2026-12-02 04:00 (5 h ago, 2 in" in fresh.detail


def test_real_backup_counts_as_good(small_db_path, tmp_path, riskdash_cli):
    # in process (fast tier) and as a real process (slow): conftest.riskdash_cli
    out = tmp_path / "backups" / "b1"
    run = riskdash_cli("backup", "--db", str(small_db_path), "--out", str(out))
    assert run.returncode == 0, run.stderr
    check = doctor.check_backups(out.parent, datetime.now())
    assert check.state == doctor.OK and "0 h ago, 1 in" in check.detail


@needs_openssl
def test_certificate_expiry(tmp_path):
    assert doctor.check_certificate(None, NOW).state == doctor.SKIP
    assert doctor.check_certificate(tmp_path / "none.crt", NOW).state == doctor.FAIL
    now = datetime.now(UTC).replace(tzinfo=None)
    assert doctor.check_certificate(_cert(tmp_path, 400), now).state == doctor.OK
    assert doctor.check_certificate(_cert(tmp_path, 20), now).state == doctor.WARN
    soon = doctor.check_certificate(_cert(tmp_path, 3), now)
    assert soon.state == doctor.FAIL and "install.sh --cert" in soon.todo
    expired = doctor.check_certificate(_cert(tmp_path, 1), now + timedelta(days=2))
    assert expired.state == doctor.FAIL and "(expired)" in expired.detail
    junk = tmp_path / "junk.crt"
    junk.write_text("-----BEGIN CERTIFICATE-----\nnope\n-----END CERTIFICATE-----\n")
    assert doctor.check_certificate(junk, now).state == doctor.FAIL


@needs_openssl
def test_command_lines_and_exit_code(small_db_path, tmp_path, riskdash_cli):
    """The whole command from a config file: one line per check, a summary, exit 1 when one fails (in process
    in the fast tier, as a real process in the whole suite: conftest.riskdash_cli)."""
    backups = tmp_path / "backups"
    _backup(backups / "b", datetime.now() - timedelta(hours=1))
    cert = _cert(tmp_path, 400)
    config = tmp_path / "riskdash.toml"
    config.write_text(f'[database]\npath = "{small_db_path}"\n[backup]\ndir = "{backups}"\n'
                      f'[tls]\ncertificate = "{cert}"\n')
    env = {k: v for k, v in os.environ.items() if k != db.ENV_DB}
    run = riskdash_cli("doctor", "--config", str(config), env=env)
    lines = run.stdout.splitlines()
    states = {line.split()[1]: line.split()[0] for line in lines[:-1]}
    assert set(states) == {"fonts", "chromium", "disk", "database", "keys", "backups", "jobs", "timers", "cert"}
    assert states["jobs"] == "SKIP"  # no scheduled job has run on this file
    assert states["database"] == states["keys"] == states["backups"] == states["cert"] == "OK"
    assert all(state in ("OK", "WARN", "FAIL", "SKIP") for state in states.values())
    failed = [name for name, state in states.items() if state == "FAIL"]
    assert run.returncode == (1 if failed else 0), run.stdout
    assert lines[-1].startswith(f"{len(states) - len(failed)} of {len(states)} checks passed")

    # the same with a database that does not open: exit 1, the line says what to do
    (tmp_path / "bad.duckdb").write_bytes(b"x" * 4096)
    run = riskdash_cli("doctor", "--config", str(config), "--db", str(tmp_path / "bad.duckdb"), env=env)
    assert run.returncode == 1
    (line,) = [l for l in run.stdout.splitlines() if l.split()[1] == "database"]
    assert line.startswith("FAIL") and "→ restore the last good backup" in line
    assert "Traceback" not in run.stderr


def test_the_newest_run_of_each_job(tmp_path):
    from riskdash import jobs

    path = tmp_path / "x.duckdb"
    assert doctor.check_jobs(path).state == doctor.SKIP
    jobs.record_run(path, "backup", False, "disk full", datetime(2026, 11, 27, 2), datetime(2026, 11, 27, 2, 1))
    jobs.record_run(path, "backup", True, "nightly", datetime(2026, 11, 28, 2), datetime(2026, 11, 28, 2, 5))
    jobs.record_run(path, "monthly", True, "9 documents", datetime(2026, 11, 2, 7), datetime(2026, 11, 2, 7, 3))
    check = doctor.check_jobs(path)
    assert (check.state, check.detail) == (doctor.OK, "last runs: backup ok 2026-11-28 02:05, monthly ok 2026-11-02 07:03")
    jobs.record_run(path, "monthly", False, "no enabled admin or city account", datetime(2026, 12, 1, 7),
                    datetime(2026, 12, 1, 7, 0, 4))
    check = doctor.check_jobs(path)
    assert check.state == doctor.FAIL
    assert check.detail == "the last monthly run failed (2026-12-01 07:00): no enabled admin or city account"
    assert "riskdash schedule run monthly" in check.line()


# `systemctl show -p Id,LoadState,ActiveState,NextElapseUSecRealtime,LastTriggerUSec` as systemd 252 prints it
SHOW = """Id=riskdash-backup.timer
LoadState=loaded
ActiveState=active
NextElapseUSecRealtime=Thu 2026-12-03 02:07:33 UTC
LastTriggerUSec=n/a

Id=riskdash-monthly.timer
LoadState=not-found
ActiveState=inactive
NextElapseUSecRealtime=
LastTriggerUSec=n/a
"""


def test_timer_states_read_from_systemctl_show():
    from riskdash.jobs import TimerState, parse_timer_show

    assert parse_timer_show(SHOW) == {
        "riskdash-backup.timer": TimerState("riskdash-backup.timer", True, True, "Thu 2026-12-03 02:07:33 UTC", ""),
        "riskdash-monthly.timer": TimerState("riskdash-monthly.timer", False, False, "", ""),
    }
    fired = SHOW.replace("LastTriggerUSec=n/a", "LastTriggerUSec=Wed 2026-12-02 02:03:11 UTC", 1)
    assert parse_timer_show(fired)["riskdash-backup.timer"].last == "Wed 2026-12-02 02:03:11 UTC"


def test_timers_check_and_schedule_list_words(monkeypatch, capsys):
    from riskdash import jobs
    from riskdash.commands import schedule

    monkeypatch.setattr(jobs, "timer_states", lambda: None)
    assert doctor.check_timers().state == doctor.SKIP
    schedule.cmd_list(None)
    assert capsys.readouterr().out.count("[systemd not running here]") == 2

    monkeypatch.setattr(jobs, "timer_states", lambda: jobs.parse_timer_show(SHOW))
    check = doctor.check_timers()
    assert (check.state, check.detail) == (doctor.WARN, "not scheduled: riskdash-monthly.timer")
    schedule.cmd_list(None)
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].endswith("[next Thu 2026-12-03 02:07:33 UTC; last never]") and lines[1].endswith("[not installed]")

    inactive = SHOW.replace("LoadState=not-found\nActiveState=inactive", "LoadState=loaded\nActiveState=inactive")
    monkeypatch.setattr(jobs, "timer_states", lambda: jobs.parse_timer_show(inactive))
    assert doctor.check_timers().state == doctor.WARN  # installed but not enabled is not scheduled
    both = inactive.replace("ActiveState=inactive", "ActiveState=active")
    monkeypatch.setattr(jobs, "timer_states", lambda: jobs.parse_timer_show(both))
    check = doctor.check_timers()
    assert check.state == doctor.OK and "riskdash-backup.timer (next Thu 2026-12-03 02:07:33 UTC)" in check.detail
