"""A restore can always be undone (issue 16): the database a restore replaces is kept as a dated copy
``PATH.pre-restore-YYYYMMDD-HHMMSS`` (the newest 5 kept), so restoring an emptied backup twice cannot
overwrite the only copy of the real data; the restore's audit entry is written into the restored database
and names the kept copy."""

from __future__ import annotations

import json
import shutil
from datetime import datetime
from pathlib import Path

import pytest
from test_records_backup import contents

from riskdash import db, records


def _count(path: Path, table: str) -> int:
    con = db.connect(path, read_only=True)
    try:
        return con.execute(f"select count(*) from {table}").fetchone()[0]
    finally:
        con.close()


@pytest.fixture(scope="module")
def emptied_backup(small_city_file: Path, tmp_path_factory) -> Path:
    """A backup of the small city with every hazard deleted (what a careless or hostile upload would hold): made
    once for the module (a restore only reads its folder), its files read-only so that none is changed."""
    folder = tmp_path_factory.mktemp("emptied")
    copy = folder / "emptied.duckdb"
    shutil.copy(small_city_file, copy)
    con = db.connect(copy)
    con.execute("delete from hazards")
    records.backup(con, folder / "emptied-bk")
    con.close()
    for file in (folder / "emptied-bk").rglob("*"):
        if file.is_file():
            file.chmod(0o444)
    return folder / "emptied-bk"


def test_restoring_an_emptied_backup_twice_keeps_the_real_data(small_db_path, emptied_backup):
    original = contents(small_db_path)
    hazards = _count(small_db_path, "hazards")
    assert hazards > 0
    first = records.restore(small_db_path, emptied_backup, actor="admin1")
    second = records.restore(small_db_path, emptied_backup, actor="admin1")
    assert _count(small_db_path, "hazards") == 0
    kept = records.replaced_copies(small_db_path)
    # both replaced databases are kept, newest first, and the second restore lists them both
    assert [str(p) for p in kept] == [second["previous"], first["previous"]] == second["kept"]
    assert all(p.name.startswith(small_db_path.name + ".pre-restore-") for p in kept)
    # the original data is whole in the older copy; the newer one is the emptied database
    assert contents(kept[1]) == original and _count(kept[1], "hazards") == hazards
    assert _count(kept[0], "hazards") == 0
    # the restored database records who restored it and where the replaced database was kept
    con = db.connect(small_db_path, read_only=True)
    try:
        entries = con.execute("select actor, after_json from audit_log where action = 'restore' "
                              "order by entry_id").fetchall()
    finally:
        con.close()
    assert entries[-1][0] == "admin1"
    assert json.loads(entries[-1][1])["replaced_kept_as"] == second["previous"]


def _older_copies(path: Path, n: int) -> list[Path]:
    """``n`` copies kept by earlier restores (dated 2020, oldest first), as those restores would have named
    them: a restore costs ~0.8 s of CPU, writing these nothing."""
    copies = [records.replaced_copy_name(path, datetime(2020, 1, day)) for day in range(1, n + 1)]
    for copy in copies:
        copy.write_bytes(b"earlier")
    return copies


def test_only_the_newest_five_copies_are_kept(small_db_path, emptied_backup):
    # 7 copies in all: 4 left by earlier restores, then 3 restores now; after the 6th and the 7th the oldest go
    older = _older_copies(small_db_path, 4)
    results = [records.restore(small_db_path, emptied_backup) for _ in range(3)]
    kept = records.replaced_copies(small_db_path)
    assert len(kept) == records.KEEP_REPLACED == 5
    assert [str(p) for p in kept] == [r["previous"] for r in reversed(results)] + [str(older[3]), str(older[2])]
    assert not older[0].exists() and not older[1].exists()
    assert all(Path(r["previous"]).exists() for r in results)


def test_nothing_older_is_removed_before_the_new_copy_is_synced(small_db_path, emptied_backup, monkeypatch):
    _older_copies(small_db_path, 4)
    records.restore(small_db_path, emptied_backup)  # the fifth copy: one restore's own
    before = records.replaced_copies(small_db_path)
    assert len(before) == 5

    def fail(step):
        if step == "restore-old-copy-synced":
            raise OSError(28, "No space left on device")

    monkeypatch.setattr(db, "fault_point", fail)
    with pytest.raises(db.RiskdashError):
        records.restore(small_db_path, emptied_backup)
    assert records.replaced_copies(small_db_path) == before
    assert not [p for p in small_db_path.parent.iterdir() if p.name.endswith(".partial")]


def test_a_second_in_the_same_second_gets_its_own_name(tmp_path):
    path = tmp_path / "x.duckdb"

    now = datetime(2026, 1, 2, 3, 4, 5)
    first = records.replaced_copy_name(path, now)
    first.write_bytes(b"1")
    second = records.replaced_copy_name(path, now)
    second.write_bytes(b"2")
    assert (first.name, second.name) == ("x.duckdb.pre-restore-20260102-030405",
                                         "x.duckdb.pre-restore-20260102-030405-1")
    (tmp_path / "x.duckdb.pre-restore").write_bytes(b"old release")  # not listed, never removed
    assert records.replaced_copies(path) == [second, first]


def test_the_copy_just_made_is_kept_even_with_a_clock_set_back(small_db_path, emptied_backup):
    for day in range(1, 6):  # five copies dated in the future (a clock since set back)
        records.replaced_copy_name(small_db_path, datetime(2099, 1, day)).write_bytes(b"later")
    result = records.restore(small_db_path, emptied_backup)
    kept = records.replaced_copies(small_db_path)
    assert len(kept) == 5 and Path(result["previous"]) in kept
    assert _count(Path(result["previous"]), "hazards") > 0  # the real data, just replaced
