"""Backups and restores on the 数据管理 screen are audit entries with the account as actor (issue 16): the
backup download writes its entry once the .zip is built; a restore's message says where the replaced
database is kept."""

from __future__ import annotations

import io
import json
import zipfile

from riskdash import db, i18n, records


def test_the_screen_backup_download_is_audited_with_its_actor(small_db_path, monkeypatch):
    from riskdash.screens.data import draw

    monkeypatch.setenv(db.ENV_DB, str(small_db_path))
    data = draw._audited_backup("boss")()
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert records.MANIFEST in archive.namelist()
        manifest = json.loads(archive.read(records.MANIFEST))
    manifest_rows = sum(t["rows"] for t in manifest["tables"].values())
    con = db.connect(small_db_path, read_only=True)
    try:
        entries = con.execute("select actor, action, row_count from audit_log where action = 'backup'").fetchall()
    finally:
        con.close()
    assert entries == [("boss", "backup", manifest_rows)]


def test_the_restored_message_names_the_kept_copy(small_db_path, tmp_path):
    con = db.connect(small_db_path, read_only=True)
    records.backup(con, tmp_path / "bk")
    con.close()
    result = records.restore(small_db_path, tmp_path / "bk", actor="boss")
    for lang in ("zh", "en"):
        text = i18n.t("data.backup.restored", lang, **result)
        assert result["previous"] in text and result["previous"].endswith(records.replaced_copies(small_db_path)[0].name)


def test_a_setting_change_on_the_screen_has_the_logged_in_account_as_actor(small_db_path, monkeypatch):
    """The settings editor saves through write_import: the logged-in admin is the actor, not the typed name."""
    from riskdash import accounts
    from riskdash.screens.settings import view as settings
    from riskdash.ui import login, write_window

    con = db.connect(small_db_path)
    try:
        accounts.add_account(con, "boss", "admin", None, "Safe-pass9", actor="test", must_change_password=False)
        before = con.execute("select key, value from settings order by key").df()
    finally:
        con.close()
    monkeypatch.setenv(db.ENV_DB, str(small_db_path))
    monkeypatch.setattr(login, "current_account_name", lambda: "boss")
    edited = before.copy()
    edited.loc[edited["key"] == "due_soon_days", "value"] = "10"
    with settings.edits_file("settings", edited) as path:
        write_window.write_import("settings", path, settings.MODE, "typed name", "设置")
    con = db.connect(small_db_path, read_only=True)
    try:
        log = con.execute("select actor, action, record_key from audit_log where kind = 'settings' "
                          "order by entry_id").fetchall()
    finally:
        con.close()
    assert log == [("boss", "update", "due_soon_days"), ("boss", "import", None)]
