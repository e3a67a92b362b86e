"""Evidence files of hazards and inspections (issue 18, riskdash/evidence.py): recognised by content, bounded in
size, stored once by their SHA-256 beside the database, written file-first, carried by backup and restore and
checked there by SHA-256; the region and role of the acting account bound the upload."""

from __future__ import annotations

import io
import json
import zipfile
from datetime import date
from pathlib import Path

import pytest
from conftest import TOWN_A1

from riskdash import accounts, db, evidence, records
from riskdash.accounts import Account


def tiny_png() -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (2, 2), (200, 30, 30)).save(buffer, "PNG")
    return buffer.getvalue()


def tiny_jpeg() -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (2, 2), (30, 200, 30)).save(buffer, "JPEG")
    return buffer.getvalue()


# a whole one-page PDF written by hand (objects, cross-reference table, trailer)
TINY_PDF = (b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
            b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 72 72]>>endobj\nxref\n0 4\n0000000000 65535 f \n"
            b"0000000009 00000 n \n0000000052 00000 n \n0000000101 00000 n \ntrailer<</Size 4/Root 1 0 R>>\n"
            b"startxref\n158\n%%EOF\n")


def rows(con) -> list[tuple]:
    return con.execute("select record_kind, record_id, role, sha256, media_type, bytes, file_name from evidence "
                       "order by evidence_id").fetchall()


def store_files(store: Path) -> list[str]:
    return sorted(p.relative_to(store).as_posix() for p in store.rglob("*") if p.is_file())


@pytest.fixture()
def con(small_con):
    small_con.execute("insert into inspections (inspection_id, inspected_on, enterprise_id, level) values "
                      "('I1', '2025-01-05', 'E1', 'township'), ('I3', '2025-03-01', 'E4', 'self')")
    db.sync_keys(small_con)
    return small_con


def test_sniff_reads_the_content_not_the_name():
    assert evidence.sniff(tiny_png()) == "image/png"
    assert evidence.sniff(tiny_jpeg()) == "image/jpeg"
    assert evidence.sniff(TINY_PDF) == "application/pdf"
    assert evidence.sniff(b"just text pretending to be a photo") is None
    assert evidence.sniff(b"GIF89a\x01\x00") is None


def test_png_jpeg_and_pdf_are_stored_by_their_sha256_beside_the_database(con, small_db_path):
    store = evidence.store_for(small_db_path)
    png, jpeg = tiny_png(), tiny_jpeg()
    first = records.attach(con, "hazard", "H1", "整改前", png, "现场.png", actor="t")
    records.attach(con, "hazard", "H1", "after", jpeg, "IMG_0001.JPG", actor="t")
    records.attach(con, "inspection", "I1", "acceptance", TINY_PDF, "验收单.pdf", actor="t")
    assert first.entry_id is not None and first.after["media_type"] == "image/png"
    import hashlib

    sha = {name: hashlib.sha256(data).hexdigest() for name, data in (("png", png), ("jpg", jpeg), ("pdf", TINY_PDF))}
    assert rows(con) == [("hazard", "H1", "before", sha["png"], "image/png", len(png), "现场.png"),
                         ("hazard", "H1", "after", sha["jpg"], "image/jpeg", len(jpeg), "IMG_0001.JPG"),
                         ("inspection", "I1", "acceptance", sha["pdf"], "application/pdf", len(TINY_PDF), "验收单.pdf")]
    assert store == small_db_path.with_name("small.duckdb.evidence")
    assert store_files(store) == sorted(f"{s[:2]}/{s[2:]}.{ext}" for ext, s in sha.items())
    assert (store / f"{sha['pdf'][:2]}/{sha['pdf'][2:]}.pdf").read_bytes() == TINY_PDF
    # each upload has its audit entry
    logged = con.execute("select actor, action, kind, table_name from audit_log where table_name = 'evidence'").fetchall()
    assert logged == [("t", "insert", "evidence", "evidence")] * 3
    listed = evidence.for_record(con, "hazard", "H1")
    assert list(listed["role"]) == ["before", "after"] and list(listed["bytes"]) == [len(png), len(jpeg)]


def test_a_jpg_that_is_text_is_refused_in_one_line_and_nothing_is_written(con, small_db_path):
    with pytest.raises(records.RecordRefused) as refused:
        records.attach(con, "hazard", "H1", "after", b"not a photo at all\n", "照片.jpg", actor="t")
    assert "\n" not in str(refused.value) and "照片.jpg" in str(refused.value) and "content" in str(refused.value)
    assert "按文件内容判断" in refused.value.message("zh")
    assert rows(con) == []
    assert not evidence.store_for(small_db_path).exists()


def test_a_file_over_the_setting_is_refused(con, small_db_path):
    con.execute("update settings set value = '1' where key = 'evidence_max_mb'")
    big = tiny_png() + b"\0" * (1024 * 1024)  # a PNG's start, one MB and a little more in all
    with pytest.raises(records.RecordRefused) as refused:
        records.attach(con, "hazard", "H1", "after", big, "big.png", actor="t")
    assert refused.value.code == "evidence_too_big" and refused.value.values["limit"] == 1
    assert rows(con) == [] and not evidence.store_for(small_db_path).exists()
    exact = tiny_png() + b"\0" * (1024 * 1024 - len(tiny_png()))  # exactly the limit: accepted
    assert records.attach(con, "hazard", "H1", "after", exact, "edge.png", actor="t").entry_id is not None
    assert [r[5] for r in rows(con)] == [1024 * 1024]


def test_an_empty_file_an_unknown_role_and_an_unknown_record_are_refused(con):
    with pytest.raises(records.RecordRefused, match="empty"):
        records.attach(con, "hazard", "H1", "after", b"", "a.png", actor="t")
    with pytest.raises(records.RecordRefused, match="role"):
        records.attach(con, "hazard", "H1", "整改中", tiny_png(), "a.png", actor="t")
    with pytest.raises(records.RecordRefused, match="no record 'H404'"):
        records.attach(con, "hazard", "H404", "after", tiny_png(), "a.png", actor="t")
    assert rows(con) == []


def test_the_same_content_twice_is_stored_once(con, small_db_path):
    png = tiny_png()
    records.attach(con, "hazard", "H1", "after", png, "a.png", actor="t")
    again = records.attach(con, "hazard", "H1", "after", png, "a-copy.png", actor="t")
    assert again.entry_id is None  # the same record and role: nothing new
    records.attach(con, "hazard", "H2", "before", png, "b.png", actor="t")  # another record: a row, one file
    assert [(r[1], r[2]) for r in rows(con)] == [("H1", "after"), ("H2", "before")]
    assert len(store_files(evidence.store_for(small_db_path))) == 1


def test_the_file_is_written_before_its_row(con, small_db_path, monkeypatch):
    """A failure after the file is written and before the commit leaves a harmless orphan, never a row."""
    def broken(*args, **kwargs):
        raise db.RiskdashError("disk trouble")

    monkeypatch.setattr(evidence, "insert_row", broken)
    with pytest.raises(db.RiskdashError, match="disk trouble"):
        records.attach(con, "hazard", "H1", "after", tiny_png(), "a.png", actor="t")
    assert rows(con) == []
    found = evidence.verify(con, evidence.store_for(small_db_path))
    assert (found.files, found.missing, found.damaged, len(found.orphans)) == (0, [], [], 1)


def test_a_step_of_the_loop_carries_its_file(con):
    """整改完成 with the 整改后 photo, 验收销号 with the 验收 record: step, row and audit entries in one transaction
    (H2: general, open, found 2025-02-01; H5: general, open, found 2025-06-20)."""
    today = date(2025, 7, 1)
    records.hazard_action(con, "H2", "rectify", date(2025, 2, 9), actor="t", today=today,
                          attachment=(tiny_jpeg(), "after.jpg"))
    records.hazard_action(con, "H2", "verify", date(2025, 2, 12), actor="t", today=today,
                          attachment=(TINY_PDF, "验收.pdf"))
    assert [(r[1], r[2], r[4]) for r in rows(con)] == [("H2", "after", "image/jpeg"),
                                                       ("H2", "acceptance", "application/pdf")]
    assert con.execute("select rectified_on, verified_on from hazards where hazard_id = 'H2'").fetchone() == (
        date(2025, 2, 9), date(2025, 2, 12))
    logged = con.execute("select kind, table_name from audit_log where record_key = 'H2' or table_name = 'evidence' "
                         "order by entry_id").fetchall()
    assert logged == [("rectify", "hazards"), ("evidence", "evidence"), ("verify", "hazards"), ("evidence", "evidence")]
    # a text file refuses the whole step: the hazard stays as it was
    with pytest.raises(records.RecordRefused):
        records.hazard_action(con, "H5", "rectify", date(2025, 6, 25), actor="t", today=today,
                              attachment=(b"hello", "x.jpg"))
    assert con.execute("select rectified_on from hazards where hazard_id = 'H5'").fetchone() == (None,)
    # supervise and delist take no file
    with pytest.raises(records.RecordRefused):
        records.hazard_action(con, "H4", "supervise", date(2025, 6, 25), level="city", actor="t", today=today,
                              attachment=(tiny_png(), "x.png"))
    assert len(rows(con)) == 2


def test_a_viewer_cannot_upload_and_a_township_only_in_its_region(con):
    viewer = Account("v", "viewer", TOWN_A1)
    town = Account("t1", "township", TOWN_A1)
    with accounts.acting_as(viewer), pytest.raises(accounts.AccountError, match="read-only"):
        records.attach(con, "hazard", "H1", "after", tiny_png(), "a.png")
    with accounts.acting_as(town), pytest.raises(accounts.AccountError, match="outside the region"):
        records.attach(con, "hazard", "H6", "after", tiny_png(), "a.png")  # E4, town B1
    with accounts.acting_as(town), pytest.raises(accounts.AccountError, match="outside the region"):
        records.attach(con, "inspection", "I3", "after", tiny_png(), "a.png")  # E4, town B1
    assert rows(con) == []
    with accounts.acting_as(town):
        records.attach(con, "hazard", "H1", "after", tiny_png(), "a.png")  # E1, town A1
        records.attach(con, "inspection", "I1", "before", tiny_jpeg(), "b.jpg")
    assert [(r[1], r[2]) for r in rows(con)] == [("H1", "after"), ("I1", "before")]
    assert con.execute("select distinct uploaded_by from evidence").fetchall() == [("t1",)]


# ---------------------------------------------------------------------------------------------- backup and restore


def _attached(con) -> dict[str, bytes]:
    files = {"png": tiny_png(), "jpg": tiny_jpeg(), "pdf": TINY_PDF}
    records.attach(con, "hazard", "H1", "before", files["png"], "a.png", actor="t")
    records.attach(con, "hazard", "H1", "after", files["jpg"], "b.jpg", actor="t")
    records.attach(con, "inspection", "I1", "acceptance", files["pdf"], "c.pdf", actor="t")
    records.attach(con, "hazard", "H2", "after", files["jpg"], "b.jpg", actor="t")  # same file, another record
    return files


def test_backup_then_restore_into_a_fresh_file_brings_the_files_back(con, small_db_path, tmp_path):
    files = _attached(con)
    manifest = records.backup(con, tmp_path / "bk")
    assert manifest["evidence"] == {"files": 3, "bytes": sum(len(v) for v in files.values())}
    assert sorted(p.name for p in (tmp_path / "bk").glob("evidence-*")) == sorted(
        evidence.flat_name(evidence.sha256(d), evidence.sniff(d)) for d in files.values())
    fresh = tmp_path / "fresh" / "restored.duckdb"
    result = records.restore(fresh, tmp_path / "bk", actor="r")
    assert result["evidence_files"] == 3
    new = db.connect(fresh, read_only=True)
    try:
        assert rows(new) == rows(con)
        found = evidence.verify(new, evidence.store_for(fresh))
        assert (found.files, found.missing, found.damaged, found.orphans) == (3, [], [], [])
        for data in files.values():
            assert evidence.read(evidence.store_for(fresh), evidence.sha256(data), evidence.sniff(data)) == data
    finally:
        new.close()


def test_the_zip_of_the_screen_carries_the_files_too(con, tmp_path):
    _attached(con)
    data = records.backup_zip(con)
    names = zipfile.ZipFile(io.BytesIO(data)).namelist()
    assert sum(n.startswith("evidence-") for n in names) == 3
    fresh = tmp_path / "z.duckdb"
    assert records.restore_zip(fresh, data, actor="r")["evidence_files"] == 3
    assert len(store_files(evidence.store_for(fresh))) == 3


def test_a_tampered_file_in_a_backup_refuses_the_restore(con, tmp_path):
    files = _attached(con)
    records.backup(con, tmp_path / "bk")
    victim = tmp_path / "bk" / evidence.flat_name(evidence.sha256(files["pdf"]), "application/pdf")
    victim.write_bytes(files["pdf"].replace(b"72 72", b"99 99"))
    fresh = tmp_path / "fresh.duckdb"
    with pytest.raises(db.RiskdashError, match="does not match its SHA-256"):
        records.restore(fresh, tmp_path / "bk", actor="r")
    assert not fresh.exists()
    victim.unlink()  # and a missing one too
    with pytest.raises(db.RiskdashError, match="is missing"):
        records.restore(fresh, tmp_path / "bk", actor="r")
    assert not fresh.exists()


def test_a_tampered_file_in_the_store_is_found_and_refuses_a_backup(con, small_db_path, tmp_path):
    files = _attached(con)
    store = evidence.store_for(small_db_path)
    name = evidence.relative_name(evidence.sha256(files["png"]), "image/png")
    (store / name).write_bytes(files["png"][:-1] + b"\x00")
    found = evidence.verify(con, store)
    assert (found.missing, found.damaged) == ([], [name])
    with pytest.raises(db.RiskdashError, match="does not match its SHA-256"):
        records.backup(con, tmp_path / "bk")
    assert not (tmp_path / "bk").exists()


def test_an_old_backup_without_evidence_still_restores(tmp_path):
    """A backup as a release of schema 21 wrote it (no evidence table, no evidence in the manifest) restores, and
    the restored file has the evidence table (empty) and the setting."""
    import duckdb

    old = duckdb.connect(str(tmp_path / "old.duckdb"))
    db.migrate(old, upto=21)
    old.execute("insert into regions values ('419900000000', '示例市', 'city', null, null, null)")
    folder = tmp_path / "bk"
    folder.mkdir()
    tables = {}
    for table in records._tables(old):
        file = folder / f"{table}.parquet"
        old.execute(f"copy (select * from {table}) to '{file}' (format parquet)")
        tables[table] = {"rows": old.execute(f"select count(*) from {table}").fetchone()[0], "file": file.name,
                         "sha256": evidence.file_sha256(file)}
    old.close()
    assert "evidence" not in tables
    (folder / "manifest.json").write_text(json.dumps(
        {"format": "riskdash-backup", "format_version": 1, "schema_version": 21, "data_as_of": None,
         "created_at": "2026-11-01T08:00:00", "tables": tables}), encoding="utf-8")
    result = records.restore(tmp_path / "restored.duckdb", folder, actor="r")
    assert (result["evidence_files"], result["backup_schema_version"]) == (0, 21)
    restored = db.connect(tmp_path / "restored.duckdb", read_only=True)
    try:
        assert restored.execute("select count(*) from evidence").fetchone()[0] == 0
        assert restored.execute("select region_code from regions").fetchall() == [("419900000000",)]
    finally:
        restored.close()


# ---------------------------------------------------------------------------------------------- command line


def test_the_command_line_adds_lists_and_checks(small_db_path, tmp_path, riskdash_cli):
    run_cli = riskdash_cli  # in process (fast tier) and as a real process (slow)
    photo = tmp_path / "after.jpg"
    photo.write_bytes(tiny_jpeg())
    fake = tmp_path / "fake.jpg"
    fake.write_text("text, not a photo", encoding="utf-8")
    added = run_cli("evidence", "add", "--hazard", "H1", "--role", "整改后", str(photo), "--db", str(small_db_path))
    assert added.returncode == 0, added.stderr
    out = json.loads(added.stdout)
    assert (out["record_id"], out["role"], out["media_type"], out["stored"]) == ("H1", "after", "image/jpeg", True)
    refused = run_cli("evidence", "add", "--hazard", "H1", "--role", "after", str(fake), "--db", str(small_db_path))
    assert refused.returncode == 1 and refused.stderr.count("\n") == 1 and "fake.jpg" in refused.stderr
    listed = json.loads(run_cli("evidence", "list", "--hazard", "H1", "--db", str(small_db_path)).stdout)
    assert [(f["role"], f["file_name"]) for f in listed["files"]] == [("after", "after.jpg")]
    checked = run_cli("evidence", "check", "--db", str(small_db_path))
    assert checked.returncode == 0 and json.loads(checked.stdout)["files"] == 1
    store = evidence.store_for(small_db_path)
    next(p for p in store.rglob("*.jpg")).write_bytes(b"\xff\xd8\xff broken")
    checked = run_cli("evidence", "check", "--db", str(small_db_path))
    assert checked.returncode == 1 and len(json.loads(checked.stdout)["damaged"]) == 1


def test_doctor_reports_missing_damaged_and_orphan_files(con, small_db_path):
    from riskdash.commands import doctor

    # (a database without evidence has no line: tests/test_doctor.py's exact list)
    files = _attached(con)
    store = evidence.store_for(small_db_path)
    (store / "00").mkdir()
    (store / "00" / "orphan.png").write_bytes(files["png"])  # an upload whose row was never written
    con.close()
    (line,) = [c for c in doctor.check_database(small_db_path) if c.name == "evidence"]
    assert line.state == doctor.OK and "3 files" in line.detail and "1 orphan files" in line.detail
    (store / evidence.relative_name(evidence.sha256(files["pdf"]), "application/pdf")).unlink()
    (line,) = [c for c in doctor.check_database(small_db_path) if c.name == "evidence"]
    assert line.state == doctor.FAIL and "1 missing and 0 damaged of 3 files" in line.detail
