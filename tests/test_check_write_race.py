"""A check before a write keeps its temp tables while another session writes (issue 17): the data screen's
upload check, a record form's check and 专项行动's forms stage the file on the session's read-only cursor and
check it over several queries. A write window opened by another session between two of those queries used to
close the cursor's connection under it (its temp tables with it), and the check failed with "Table
import_stage does not exist". The check now holds the read guard (session.reading) for all its queries: the
window waits for it, then writes."""

from __future__ import annotations

import shutil
import threading
import time
from pathlib import Path

from riskdash.importer import core
from riskdash.screens.data import draw
from riskdash.ui import session

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "import" / "enterprises.csv"
PAUSE = 0.8  # seconds between the check's staging and its next query: a window asked for meanwhile


def _check(path: Path):
    database = session.open_database()
    _, reader = session.new_cursor(database)
    try:
        return draw.check_upload(reader, "enterprises", path, "append", "enterprises.csv")
    finally:
        reader.close()


def test_a_write_window_waits_for_a_check_between_its_queries(dashboard_db, tmp_path, monkeypatch):
    upload = tmp_path / "enterprises.csv"
    shutil.copyfile(FIXTURE, upload)
    alone = _check(upload)  # the same check with no window anywhere near it
    assert alone[0] > 0

    staged = threading.Event()
    real_enum_maps = core._enum_maps

    def pausing(con, kind, staged_rows):  # after the file is staged on the cursor, before it is read again
        real_enum_maps(con, kind, staged_rows)
        staged.set()
        time.sleep(PAUSE)

    monkeypatch.setattr(core, "_enum_maps", pausing)
    got: dict = {}

    def checker():
        try:
            got["result"] = _check(upload)
        except Exception as exc:  # noqa: BLE001 - the test's finding
            got["error"] = f"{type(exc).__name__}: {exc}"
        got["done"] = time.monotonic()

    def writer():
        staged.wait(30)
        session.begin_write()  # another session's import or record write
        got["window"] = time.monotonic()
        session.end_write()

    threads = [threading.Thread(target=checker), threading.Thread(target=writer)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert "error" not in got, got["error"]
    assert got["result"] == alone
    # the window began only once the check had made its last query
    assert got["window"] >= got["done"] - 0.05
