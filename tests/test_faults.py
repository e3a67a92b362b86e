"""Fault injection: a process killed (SIGKILL) at each named step of restore and backup, injected I/O errors,
a full disk. After any of them the database path holds a whole database, the old or the new one, and every
failure is one line saying whether anything was written.

The kills use db.fault_point: a child process run with RISKDASH_FAULT_AT=<step> kills itself at that step."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from riskdash import db, records
from test_records_backup import contents

# each test kills child processes at every step of a write: left out of the fast tier (scripts/test.sh fast)
pytestmark = pytest.mark.slow


def run_cli(*args: str, fault: str | None = None) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != db.FAULT_ENV}
    if fault:
        env[db.FAULT_ENV] = fault
    return subprocess.run([sys.executable, "-m", "riskdash", *args], capture_output=True, text=True,
                          timeout=300, env=env)


@pytest.fixture()
def old_and_backup(small_db_path: Path, tmp_path: Path):
    """A backup of the small city, and the database at PATH that differs from it by one more hazard."""
    con = db.connect(small_db_path, read_only=True)
    records.backup(con, tmp_path / "bk")
    con.close()
    new = contents(small_db_path)
    con = db.connect(small_db_path)
    records.add(con, "hazards", {"hazard_id": "H-OLD", "enterprise_id": "E1", "found_on": "2025-06-01",
                                 "grade": "general", "deadline": "2025-07-01"}, today=date(2025, 7, 1))
    con.close()
    old = contents(small_db_path)
    assert old != new
    return small_db_path, tmp_path / "bk", old, new


@pytest.mark.parametrize(("step", "holds"), [
    ("restore-table-loaded", "old"),  # killed while the new file is half loaded
    ("restore-built", "old"),  # the new file complete, nothing moved yet
    ("restore-old-copy-synced", "old"),  # the old file's copy written and synced, not yet renamed
    ("restore-old-kept", "old"),  # the old file copied to .pre-restore, the rename not done
    ("restore-swapped", "new"),  # renamed, the folder not yet synced
])
def test_a_restore_killed_at_any_step_leaves_the_old_or_the_new_database(old_and_backup, step, holds):
    path, folder, old, new = old_and_backup
    killed = run_cli("restore", "--db", str(path), "--from", str(folder), fault=step)
    assert killed.returncode == -9, killed.stderr
    assert path.is_file()
    assert contents(path) == (old if holds == "old" else new)
    # the next restore clears what the killed one left and succeeds
    done = run_cli("restore", "--db", str(path), "--from", str(folder))
    assert done.returncode == 0 and done.stderr == "", done.stderr
    assert contents(path) == new
    # the newest kept copy is the database the last restore replaced
    assert contents(records.replaced_copies(path)[0]) == (old if holds == "old" else new)
    assert not path.with_name(path.name + ".restoring").exists()


def test_an_import_killed_after_its_commit_keeps_every_row(small_db_path, tmp_path):
    """Killed between the commit and the close (the checkpoint not done): the rows are in the write-ahead
    log, and the next open applies them."""
    csv = tmp_path / "hazards.csv"
    csv.write_text("hazard_id,enterprise_id,found_on,grade,deadline\n"
                   "HK1,E1,2025-03-01,general,2025-04-01\nHK2,E2,2025-03-02,major,2025-05-01\n", encoding="utf-8")
    killed = run_cli("import", "hazards", str(csv), "--db", str(small_db_path), fault="import-committed")
    assert killed.returncode == -9
    con = db.connect(small_db_path, read_only=True)
    assert con.execute("select hazard_id, enterprise_no from hazards where hazard_id like 'HK%' order by 1").fetchall() \
        == [("HK1", 1), ("HK2", 2)]
    assert db.key_mismatches(con) == dict.fromkeys(db.key_mismatches(con), 0)
    con.close()


@pytest.mark.parametrize("step", ["backup-table-written", "backup-tables-written", "backup-manifest-synced"])
def test_a_backup_killed_before_its_manifest_is_no_backup(small_db_path, tmp_path, step):
    """Killed after its first table, after all of them, or with the manifest written and synced under its
    temporary name: no manifest, refused by restore."""
    killed = run_cli("backup", "--db", str(small_db_path), "--out", str(tmp_path / "bk"), fault=step)
    assert killed.returncode == -9
    written = sorted(p.name for p in (tmp_path / "bk").iterdir())
    parquet = [n for n in written if n.endswith(".parquet")]
    assert parquet and "manifest.json" not in written
    partial = ["manifest.json.partial"] if step == "backup-manifest-synced" else []
    assert sorted(set(written) - set(parquet)) == partial
    assert (len(parquet) == 1) == (step == "backup-table-written")
    before = contents(small_db_path)
    refused = run_cli("restore", "--db", str(small_db_path), "--from", str(tmp_path / "bk"))
    assert refused.returncode == 1
    assert refused.stderr.count("\n") == 1 and "no manifest.json here" in refused.stderr
    assert contents(small_db_path) == before


def test_a_backup_killed_after_its_manifest_rename_is_a_whole_backup(old_and_backup, tmp_path):
    """Killed after the manifest's rename, before the folder is synced: the backup is whole and restores."""
    path, _, old, _ = old_and_backup
    killed = run_cli("backup", "--db", str(path), "--out", str(tmp_path / "bk2"), fault="backup-manifest-renamed")
    assert killed.returncode == -9
    assert "manifest.json" in [p.name for p in (tmp_path / "bk2").iterdir()]
    other = tmp_path / "other.duckdb"
    done = run_cli("restore", "--db", str(other), "--from", str(tmp_path / "bk2"))
    assert done.returncode == 0, done.stderr
    assert contents(other) == old


@pytest.mark.parametrize("beside", [".pre-restore", ".pre-restore-20250701-120000", ".wal"])
def test_a_missing_database_is_not_silently_replaced_by_an_empty_one(small_db_path, tmp_path, beside):
    """Where a database was (its kept copy or its write-ahead log lies beside the path), no command creates
    a new empty one: each says so in one line and writes nothing."""
    path = tmp_path / "city.duckdb"
    shutil.copy(small_db_path, path.with_name(path.name + beside))
    csv = tmp_path / "regions.csv"
    csv.write_text("region_code,name,level,parent_code\n419900000000,示例市,city,\n", encoding="utf-8")
    for args in (["import", "regions", str(csv), "--db", str(path)],
                 ["record", "add", "hazards", "--db", str(path), "--set", "hazard_id=H9"],
                 ["backup", "--db", str(path), "--out", str(tmp_path / "bk")],
                 ["metrics", "accidents", "--db", str(path), "--from", "2025-01-01", "--to", "2025-06-30"]):
        result = run_cli(*args)
        assert result.returncode == 1, args
        assert result.stderr.count("\n") == 1 and "nothing was written" in result.stderr, result.stderr
        assert f"{beside[1:]}" in result.stderr
        assert not path.exists()


def test_an_import_into_a_new_path_says_it_created_the_database(tmp_path):
    path = tmp_path / "new.duckdb"
    csv = tmp_path / "regions.csv"
    csv.write_text("region_code,name,level,parent_code\n419900000000,示例市,city,\n", encoding="utf-8")
    result = run_cli("import", "regions", str(csv), "--db", str(path))
    assert result.returncode == 0, result.stderr
    assert result.stderr == f"riskdash import: created a new database at {path}\n"
    assert path.is_file()


# ---------------------------------------------------------------------------------------------- I/O errors


def one_line(result: subprocess.CompletedProcess, command: str, ending: str) -> str:
    """The failure's single line on standard error (exit 1, nothing on standard output)."""
    assert (result.returncode, result.stdout) == (1, ""), result.stderr
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr, result.stderr
    assert result.stderr.startswith(f"riskdash {command}: ") and result.stderr.endswith(f"; {ending}\n"), result.stderr
    return result.stderr


KEPT = "the change had been committed and is kept (in the file or its write-ahead log, which the next open reads)"
HAZARD = ["--set", "hazard_id=H-NEW", "--set", "enterprise_id=E1", "--set", "found_on=2025-06-01",
          "--set", "grade=general", "--set", "deadline=2025-07-01"]


def hazards_csv(folder: Path, rows: int) -> Path:
    lines = ["hazard_id,enterprise_id,found_on,grade,deadline,description"]
    lines += [f"HX{i:06d},E1,2025-03-01,general,2025-04-01,隐患描述第{i}项" for i in range(rows)]
    path = folder / "hazards.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_an_io_error_after_the_import_committed_says_the_rows_are_kept(small_db_path, tmp_path):
    """An EIO at the checkpoint after the commit (simulated at that step): one line, and the rows are there."""
    csv = hazards_csv(tmp_path, 3)
    result = run_cli("import", "hazards", str(csv), "--db", str(small_db_path), fault="import-committed:eio")
    line = one_line(result, "import", KEPT)
    assert 'I/O error: Could not write file "import-committed": Input/output error' in line
    con = db.connect(small_db_path, read_only=True)
    assert con.execute("select count(*) from hazards where hazard_id like 'HX%'").fetchone()[0] == 3
    con.close()


def test_an_io_error_after_a_record_committed_says_it_is_kept(small_db_path):
    result = run_cli("record", "add", "hazards", "--db", str(small_db_path), *HAZARD, fault="record-committed:eio")
    one_line(result, "record", KEPT)
    con = db.connect(small_db_path, read_only=True)
    assert con.execute("select count(*) from hazards where hazard_id = 'H-NEW'").fetchone()[0] == 1
    con.close()


@pytest.mark.parametrize(("step", "holds"), [("restore-table-loaded", "old"), ("restore-old-kept", "old"),
                                             ("restore-swapped", "new")])
def test_an_io_error_during_a_restore_says_whether_it_was_done(old_and_backup, step, holds):
    path, folder, old, new = old_and_backup
    result = run_cli("restore", "--db", str(path), "--from", str(folder), fault=f"{step}:eio")
    one_line(result, "restore", "nothing was written" if holds == "old" else KEPT)
    assert contents(path) == (old if holds == "old" else new)
    assert sorted(p.name for p in path.parent.iterdir() if p.name.startswith(path.name)) == sorted(
        [path.name] + [p.name for p in records.replaced_copies(path)])
    assert len(records.replaced_copies(path)) == (0 if step == "restore-table-loaded" else 1)


@pytest.fixture()
def small_disk(tmp_path: Path):
    """A 12 MB tmpfs (the small city's file takes about 9.5 MB), unmounted after the test."""
    disk = tmp_path / "disk"
    disk.mkdir()
    if os.geteuid() != 0:
        pytest.skip("a full disk is simulated with a small tmpfs, which only root may mount")
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=12m", "tmpfs", str(disk)],
                             capture_output=True, text=True)
    if mounted.returncode != 0:
        pytest.skip(f"this machine refuses to mount a tmpfs (a container without CAP_SYS_ADMIN?): "
                    f"{mounted.stderr.strip()}")
    try:
        yield disk
    finally:
        subprocess.run(["umount", str(disk)], check=True)


def fill(disk: Path) -> None:
    """Take every free byte of ``disk``."""
    with (disk / "filler").open("wb") as fh:
        try:
            while True:
                fh.write(b"\0" * 65536)
                fh.flush()
        except OSError:
            pass


def test_a_full_disk_fails_every_write_in_one_line_and_changes_nothing(small_db_path, small_disk, tmp_path):
    path = small_disk / "city.duckdb"
    shutil.copy(small_db_path, path)
    before = contents(path)
    # an import larger than the free space
    result = run_cli("import", "hazards", str(hazards_csv(tmp_path, 60000)), "--db", str(path))
    assert "No space left on device" in one_line(result, "import", "nothing was written")
    assert contents(path) == before
    fill(small_disk)
    result = run_cli("record", "add", "hazards", "--db", str(path), *HAZARD)
    assert "No space left on device" in one_line(result, "record", "nothing was written")
    assert contents(path) == before
    result = run_cli("backup", "--db", str(path), "--out", str(small_disk / "bk"))
    assert "No space left on device" in one_line(result, "backup", "nothing was written")
    assert not (small_disk / "bk").exists()
    con = db.connect(small_db_path, read_only=True)
    records.backup(con, tmp_path / "bk")
    con.close()
    result = run_cli("restore", "--db", str(path), "--from", str(tmp_path / "bk"))
    assert "No space left on device" in one_line(result, "restore", "nothing was written")
    assert contents(path) == before
    assert sorted(p.name for p in small_disk.iterdir()) in (["city.duckdb", "filler"],
                                                            ["city.duckdb", "city.duckdb.wal", "filler"])


# ---------------------------------------------------------------------------------------------- readers


def test_a_page_load_during_another_users_write_waits_and_then_shows_the_data(small_db_path, monkeypatch):
    """Another user's import on the 数据管理 screen holds a writable connection in the dashboard's own process;
    a page load meanwhile waits (its first pause releases the writer here) and then shows the page."""
    from streamlit.testing.v1 import AppTest

    from riskdash import i18n
    from riskdash.ui import session

    monkeypatch.setenv(db.ENV_DB, str(small_db_path))
    writer = db.connect(small_db_path)
    pauses: list[float] = []

    class Clock:
        monotonic = staticmethod(session.time.monotonic)

        @staticmethod
        def sleep(seconds: float) -> None:
            pauses.append(seconds)
            writer.close()  # the import is done

    monkeypatch.setattr(session, "time", Clock)
    app = Path(__file__).resolve().parents[1] / "app.py"
    at = AppTest.from_file(str(app), default_timeout=120).run()
    assert pauses == [0.1]
    assert not at.exception and [e.value for e in at.error] == []
    assert at.title[0].value == i18n.t("page.overview", "zh")
    assert i18n.t("db.busy", "zh") not in [e.value for e in at.info]  # the notice is gone once the data shows


@pytest.mark.parametrize("step", ["restore-table-loaded", "restore-old-copy-synced", "restore-old-kept",
                                  "restore-swapped"])
def test_a_restore_over_a_database_with_its_log_killed_at_any_step(old_and_backup, tmp_path, step):
    """The old database's last import is still only in its write-ahead log (its process killed after the
    commit): a restore killed at any step leaves PATH the old database with the logged rows, or the new one."""
    path, folder, _, new = old_and_backup
    logged = run_cli("import", "hazards", str(hazards_csv(tmp_path, 2)), "--db", str(path), fault="import-committed")
    assert logged.returncode == -9 and path.with_name(path.name + ".wal").exists()
    killed = run_cli("restore", "--db", str(path), "--from", str(folder), fault=step)
    assert killed.returncode == -9, killed.stderr
    con = db.connect(path, read_only=True)
    hx = con.execute("select count(*) from hazards where hazard_id like 'HX%'").fetchone()[0]
    con.close()
    assert hx == (0 if step == "restore-swapped" else 2)
    if step == "restore-swapped":
        assert contents(path) == new
    done = run_cli("restore", "--db", str(path), "--from", str(folder))
    assert done.returncode == 0 and done.stderr == "", done.stderr
    assert contents(path) == new
