"""The 数据管理 screen's write window (ui/write_window.py): an I/O error while the screen writes is one line
that says whether anything was written, and after a restore or an import every later page load, on any page,
reads the new file (no connection or cursor to the old one survives the swap)."""

from __future__ import annotations

import time
from datetime import date
from pathlib import Path

import duckdb
import pytest
from conftest import open_page

from riskdash import db, records
from test_records_backup import contents

APP = Path(__file__).resolve().parents[1] / "app.py"
# three new hazards of the small city (tests/conftest.py)
HAZARDS = ("hazard_id,enterprise_id,found_on,grade,deadline\n"
           "HW1,E1,2025-03-01,general,2025-04-01\nHW2,E2,2025-03-02,major,2025-05-01\n"
           "HW3,E1,2025-03-03,general,2025-04-03\n").encode()
KEPT = "the change had been committed and is kept"


def counts(path: Path) -> dict[str, int]:
    con = db.connect(path, read_only=True)
    try:
        return {t: con.execute(f"select count(*) from {t}").fetchone()[0]
                for t in ("accidents", "enterprises", "hazards", "inspections")}
    finally:
        con.close()


def screen_counts(app) -> dict[str, int]:
    """The 数据管理 screen's table of row counts (title -> rows)."""
    frame = app.table[-1].value
    return dict(zip(frame.iloc[:, 0], frame.iloc[:, 1].astype(int)))


def open_data_page(path: Path, monkeypatch):
    monkeypatch.setenv(db.ENV_DB, str(path))
    app = open_page("data", timeout=120)
    assert not app.exception, app.exception
    return app


def click(app, label: str):
    next(b for b in app.button if b.label == label).click().run()
    assert not app.exception, app.exception
    return app


def uploader(app, label: str):
    return next(u for u in app.get("file_uploader") if u.label == label)


# ---------------------------------------------------------------------------------------------- a restore


def test_after_a_restore_on_the_screen_every_page_reads_the_restored_file(small_db_path, monkeypatch):
    """The backup holds fewer rows than the file it replaces; another user's session had its pages open on the
    old file. After the restore, both sessions' next page loads show the backup's rows, never the old file's."""
    con = db.connect(small_db_path, read_only=True)
    backup = records.backup_zip(con)
    con.close()
    restored = counts(small_db_path)
    con = db.connect(small_db_path)
    for i in (1, 2, 3):
        records.add(con, "hazards", {"hazard_id": f"H-OLD{i}", "enterprise_id": "E1", "found_on": "2025-06-01",
                                     "grade": "general", "deadline": "2025-07-01"}, today=date(2025, 7, 1))
    con.close()
    old = counts(small_db_path)
    assert old["hazards"] == restored["hazards"] + 3
    app = open_data_page(small_db_path, monkeypatch)
    other = open_data_page(small_db_path, monkeypatch)
    assert screen_counts(app)["隐患"] == old["hazards"]
    uploader(app, "上传备份 .zip 以恢复").set_value(("backup.zip", backup, "application/zip"))
    app.run()
    app.checkbox(key="data_restore_confirm").check().run()
    click(app, "恢复")
    assert [e.value for e in app.error] == []
    assert counts(small_db_path) == restored
    for session in (app, other):
        session.switch_page("pages/overview.py").run()
        assert not session.exception, session.exception
        session.switch_page("pages/data.py").run()
        assert not session.exception, session.exception
        assert screen_counts(session)["隐患"] == restored["hazards"]


def test_a_restore_after_a_re_key_at_open_reads_the_restored_file(small_db_path, monkeypatch):
    """A row written by another tool is numbered at the dashboard's first open (a short writable open), which
    changes the file under the connection just cached; the restore must close that connection too."""
    con = db.connect(small_db_path, read_only=True)
    backup = records.backup_zip(con)
    con.close()
    restored = counts(small_db_path)
    plain_sql = duckdb.connect(str(small_db_path))
    plain_sql.execute("insert into hazards (hazard_id, enterprise_id, found_on, grade, deadline) "
                      "values ('H-SQL', 'E1', date '2025-06-01', 'general', date '2025-07-01')")
    plain_sql.close()
    other = open_data_page(small_db_path, monkeypatch)  # opened first: its cursor is on the re-keying open's file
    app = open_data_page(small_db_path, monkeypatch)
    app.switch_page("pages/overview.py").run()
    app.switch_page("pages/data.py").run()
    assert screen_counts(app)["隐患"] == restored["hazards"] + 1
    uploader(app, "上传备份 .zip 以恢复").set_value(("backup.zip", backup, "application/zip"))
    app.run()
    app.checkbox(key="data_restore_confirm").check().run()
    click(app, "恢复")
    assert [e.value for e in app.error] == []
    assert counts(small_db_path) == restored
    for session in (app, other):
        session.switch_page("pages/overview.py").run()
        session.switch_page("pages/data.py").run()
        assert not session.exception, session.exception
        assert screen_counts(session)["隐患"] == restored["hazards"]


# ---------------------------------------------------------------------------------------------- I/O errors


def attach_hazards(app):
    app.selectbox(key="data_import_kind").set_value("hazards").run()
    uploader(app, "选择文件").set_value(("hazards.csv", HAZARDS, "text/csv"))
    app.run()
    assert "校验通过：3 行均符合要求。" in [s.value for s in app.success]
    return app


def test_a_disk_error_before_the_import_commits_is_one_line_and_nothing_is_written(small_db_path, monkeypatch):
    before = contents(small_db_path)
    app = attach_hazards(open_data_page(small_db_path, monkeypatch))

    def full_disk(con, written=None):
        raise duckdb.IOException('IO Error: Could not write file "small.duckdb.wal": No space left on device')

    monkeypatch.setattr(db, "sync_keys", full_disk)  # inside the import's transaction, before its commit
    click(app, "导入这 3 行")
    assert [e.value for e in app.error] == [
        '磁盘读写出错：I/O error: Could not write file "small.duckdb.wal": No space left on device；'
        '未写入任何数据']
    assert contents(small_db_path) == before
    assert screen_counts(app)["隐患"] == len(before["hazards"])  # the page went on reading after the failure
    monkeypatch.undo()
    monkeypatch.setenv(db.ENV_DB, str(small_db_path))
    click(app, "导入这 3 行")  # the file is still attached: once the disk is fixed, the same click imports it
    assert [e.value for e in app.error] == []
    assert counts(small_db_path)["hazards"] == len(before["hazards"]) + 3


def test_a_disk_error_after_the_import_committed_says_the_rows_are_kept(small_db_path, monkeypatch):
    before = counts(small_db_path)
    app = attach_hazards(open_data_page(small_db_path, monkeypatch))
    monkeypatch.setenv(db.FAULT_ENV, "import-committed:eio")  # the checkpoint after the commit fails
    click(app, "导入这 3 行")
    assert [e.value for e in app.error] == [
        '磁盘读写出错：I/O error: Could not write file "import-committed": Input/output error；'
        '此前写入已提交并保留（下次打开时读入）']
    assert counts(small_db_path)["hazards"] == before["hazards"] + 3
    assert screen_counts(app)["隐患"] == before["hazards"] + 3
    assert [b.label for b in app.button if b.label.startswith("导入这")] == []  # the file is done with


# ---------------------------------------------------------------------------------------------- readers


def test_a_query_running_when_the_window_closes_its_connection_waits_and_reads_the_new_rows(
        small_db_path, monkeypatch):
    """Another user's page load is mid-way when an import's write window closes the shared connection: its
    next query waits for the window to close (as a page load does) and then reads the written rows."""
    import threading

    from riskdash.ui import session, write_window

    monkeypatch.setenv(db.ENV_DB, str(small_db_path))
    reader = session.session_cursor(session.open_database())
    count = "select count(*) from hazards"
    before = reader.execute(count).fetchone()[0]

    def waiting() -> bool:  # the other query waits for the window (session.reading)
        deadline = time.monotonic() + 60
        while session._guard.waiting == 0:
            if time.monotonic() > deadline:
                return False
            time.sleep(0.01)
        return True

    seen: list = []
    other = threading.Thread(target=lambda: seen.append(reader.execute(count).fetchone()[0]))

    def write(con):
        other.start()  # its cursor is already closed: the query meets the closed connection
        assert waiting()  # it waits for the window instead of failing
        return records.add(con, "hazards", {"hazard_id": "H-WIN", "enterprise_id": "E1", "found_on": "2025-06-01",
                                            "grade": "general", "deadline": "2025-07-01"}, today=date(2025, 7, 1))

    write_window.write_window(write)
    other.join(60)
    assert seen == [before + 1]
    assert reader.execute(count).fetchone()[0] == before + 1
