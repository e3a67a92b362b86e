"""Uploads on the 数据管理 screen: one copy on disk per attached file, whatever the reruns, deleted after the
import or once the file is removed; the size limit follows the upload_max_mb setting, on the page and for the
server (ui/launch.py)."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from conftest import open_page

from riskdash import db
from riskdash.screens.data.draw import UPLOAD_PREFIX

APP = Path(__file__).resolve().parents[1] / "app.py"
HAZARDS = (Path(__file__).resolve().parent / "fixtures" / "import" / "hazards.csv").read_bytes()


@pytest.fixture()
def temp(tmp_path, monkeypatch) -> Path:
    """A temp folder of the test's own, so that the copies counted are this test's."""
    folder = tmp_path / "tmp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


@pytest.fixture()
def at(small_db_path, monkeypatch, temp):
    monkeypatch.setenv(db.ENV_DB, str(small_db_path))
    app = open_page("data")
    assert not app.exception, app.exception
    app.selectbox(key="data_import_kind").set_value("hazards")
    next(r for r in app.radio if r.label == "导入方式").set_value("upsert").run()
    return app


def copies(temp: Path) -> list[str]:
    return sorted(f"{p.parent.name.startswith(UPLOAD_PREFIX)}:{p.name}" for p in temp.rglob("*") if p.is_file())


def uploader(app):
    return next(u for u in app.get("file_uploader") if u.label == "选择文件")


def set_setting(path: Path, value: str) -> None:
    con = db.connect(path)
    try:
        con.execute("update settings set value = ? where key = 'upload_max_mb'", [value])
    finally:
        con.close()


def test_one_copy_whatever_the_reruns_deleted_after_the_import(at, temp, small_db_path):
    assert copies(temp) == []
    uploader(at).set_value(("hazards.csv", HAZARDS, "text/csv"))
    at.run()
    assert not at.exception, at.exception
    assert "校验通过：3 行均符合要求。" in [s.value for s in at.success]
    assert copies(temp) == ["True:hazards.csv"]
    for _ in range(5):  # every click reruns the page with the file still attached
        at.text_input[0].input(f"甲{_}").run()
    assert copies(temp) == ["True:hazards.csv"]
    next(b for b in at.button if b.label == "导入这 3 行").click().run()
    assert not at.exception, at.exception
    assert copies(temp) == []
    con = db.connect(small_db_path, read_only=True)
    try:
        assert con.execute("select count(*) from audit_log where action = 'import'").fetchone() == (1,)
    finally:
        con.close()


def test_a_removed_or_replaced_file_leaves_no_copy(at, temp):
    uploader(at).set_value(("hazards.csv", HAZARDS, "text/csv"))
    at.run()
    assert copies(temp) == ["True:hazards.csv"]
    uploader(at).set_value(("again.csv", HAZARDS, "text/csv"))
    at.run()
    assert copies(temp) == ["True:again.csv"]
    uploader(at).clear()
    at.run()
    assert not at.exception, at.exception
    assert copies(temp) == []


def test_copies_left_by_ended_sessions_are_swept_after_a_day(at, temp):
    import os
    import time

    from riskdash.screens.data.draw import STALE_COPY_SECONDS

    for name, age in (("old", STALE_COPY_SECONDS + 60), ("recent", STALE_COPY_SECONDS - 60)):
        folder = temp / f"{UPLOAD_PREFIX}{name}"
        folder.mkdir()
        (folder / f"{name}.csv").write_text("x", encoding="utf-8")
        os.utime(folder, (time.time() - age, time.time() - age))
    uploader(at).set_value(("hazards.csv", HAZARDS, "text/csv"))
    at.run()
    assert copies(temp) == ["True:hazards.csv", "True:recent.csv"]


def test_a_file_over_the_setting_is_refused_in_one_line(small_db_path, monkeypatch, temp):
    set_setting(small_db_path, "1")
    monkeypatch.setenv(db.ENV_DB, str(small_db_path))
    app = open_page("data")
    big = HAZARDS + b"x" * (1024 * 1024 + 1 - len(HAZARDS))
    uploader(app).set_value(("big.csv", big, "text/csv"))
    app.run()
    assert not app.exception, app.exception
    # in plain words: no setting key on screen (issue 17 item 8)
    assert [e.value for e in app.error] == [
        "文件 big.csv 为 1.0 MB，超过上传上限 1 MB（上限可在“设置”中修改），未读取、未写入任何数据"]
    assert copies(temp) == []
    assert [b.label for b in app.button if b.label.startswith("导入这")] == []
    uploader(app).set_value(("small.csv", big[: 1024 * 1024], "text/csv"))  # exactly the limit: read
    app.run()
    assert [e.value for e in app.error if "超过上传上限" in e.value] == []


def test_a_backup_over_the_setting_is_refused_before_a_restore_is_offered(small_db_path, monkeypatch, temp):
    set_setting(small_db_path, "1")
    monkeypatch.setenv(db.ENV_DB, str(small_db_path))
    app = open_page("data")
    restore = next(u for u in app.get("file_uploader") if u.label == "上传备份 .zip 以恢复")  # not an evidence upload
    restore.set_value(("backup.zip", b"PK" + b"x" * (1024 * 1024), "application/zip"))
    app.run()
    assert not app.exception, app.exception
    assert [e.value for e in app.error] == [
        "文件 backup.zip 为 1.0 MB，超过上传上限 1 MB（上限可在“设置”中修改），未读取、未写入任何数据"]
    assert [b for b in app.button if b.key == "data_restore_run"] == []


def test_the_server_limit_follows_the_setting(small_db_path, monkeypatch, tmp_path):
    from riskdash.ui.launch import upload_limit_args

    monkeypatch.setenv(db.ENV_DB, str(small_db_path))
    assert upload_limit_args(["run", "app.py"]) == ["--server.maxUploadSize", "200"]
    set_setting(small_db_path, "35")
    assert upload_limit_args(["run", "app.py", "--server.port", "8661"]) == ["--server.maxUploadSize", "35"]
    assert upload_limit_args(["run", "app.py", "--server.maxUploadSize", "9"]) == []
    monkeypatch.setenv(db.ENV_DB, str(tmp_path / "none.duckdb"))
    assert upload_limit_args(["run", "app.py"]) == ["--server.maxUploadSize", "200"]


def test_migration_13_gives_an_existing_file_the_setting(small_db_path):
    con = db.connect(small_db_path)
    try:
        con.execute("delete from settings where key = 'upload_max_mb'")
        db.set_meta(con, "schema_version", "12")
    finally:
        con.close()
    con = db.connect(small_db_path)  # migrates
    try:
        assert con.execute("select value from settings where key = 'upload_max_mb'").fetchall() == [("200",)]
        assert db.schema_version(con) == db.SCHEMA_VERSION >= 13
    finally:
        con.close()
