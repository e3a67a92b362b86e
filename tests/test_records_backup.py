"""Full backup (Parquet + manifest) and restore: the round trip gives every table back; a damaged, newer or
mismatched backup is refused with the database untouched; the CLI prints one JSON line."""

from __future__ import annotations

import io
import json
import subprocess
import sys
import warnings
import zipfile
from datetime import date
from pathlib import Path

import pytest

from conftest import fill_small_city, held, new_database, prepared_database
from riskdash import db, records

SKIP_META = ("views_fingerprint",)


def contents(path: Path) -> dict:
    """Every table's rows, sorted (the audit entries of restores and backups left out)."""
    con = db.connect(path, read_only=True)
    try:
        out = {}
        for (table,) in con.execute("select table_name from duckdb_tables() where not temporary").fetchall():
            where = " where action not in ('restore', 'backup')" if table == "audit_log" else ""
            where = f" where key not in {SKIP_META!r}".replace(",)", ")") if table == "meta" else where
            out[table] = sorted(map(repr, con.execute(f"select * from {table}{where}").fetchall()))
        return out
    finally:
        con.close()


def add_hazard_h100(con) -> None:
    """A form-added hazard (so audit ids exist), its description a formula an export must neutralise."""
    records.add(con, "hazards", {"hazard_id": "H100", "enterprise_id": "E1", "found_on": "2025-06-01",
                                 "grade": "major", "deadline": "2025-07-01",
                                 "description": "=HYPERLINK(\"x\"); drop table hazards"}, today=date(2025, 7, 1))


@pytest.fixture()
def filled(tmp_path: Path) -> Path:
    """The small city with an import-like audit entry and a form-added hazard (so audit ids exist): copied from
    one prepared once per process (the add cost ~0.2 s of CPU a test)."""
    return prepared_database(tmp_path / "small.duckdb", fill_small_city, add_hazard_h100)


_RUN = []  # the runner of the current test, set by the cli fixture


@pytest.fixture
def cli(riskdash_cli):
    """A test taking it runs its commands in process (fast tier) and as real processes (slow): conftest.riskdash_cli."""
    _RUN[:] = [riskdash_cli]
    yield riskdash_cli
    _RUN.clear()


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return _RUN[0](*args)


def test_round_trip_into_a_fresh_database_gives_every_table_back(filled, tmp_path):
    con = db.connect(filled, read_only=True)
    manifest = records.backup(con, tmp_path / "bk")
    con.close()
    assert manifest["schema_version"] == db.SCHEMA_VERSION
    assert manifest["tables"]["hazards"]["rows"] == 9 and manifest["tables"]["regions"]["rows"] == 6
    fresh = tmp_path / "fresh.duckdb"
    result = records.restore(fresh, tmp_path / "bk", actor="restorer")
    assert result["previous"] is None and result["rows"] == sum(t["rows"] for t in manifest["tables"].values())
    assert contents(fresh) == contents(filled)
    con = db.connect(fresh)
    try:
        entry = con.execute("select actor, action, row_count from audit_log where action = 'restore'").fetchall()
        assert entry == [("restorer", "restore", result["rows"])]
        # new entries after a restore never reuse a restored id
        top = con.execute("select max(entry_id) from audit_log").fetchone()[0]
        records.edit(con, "hazards", "H100", {"category": "设备"}, today=date(2025, 7, 1))
        assert con.execute("select max(entry_id) from audit_log").fetchone()[0] == top + 1
        assert db.data_as_of(con) == date(2025, 7, 5)
    finally:
        con.close()


def test_restore_over_an_existing_database_keeps_the_old_file(filled, tmp_path):
    con = db.connect(filled, read_only=True)
    records.backup(con, tmp_path / "bk")
    con.close()
    other = tmp_path / "other.duckdb"
    con = db.connect(new_database(other))
    con.execute("insert into regions values ('419900000000', '别的市', 'city', null, null, null)")
    con.close()
    result = records.restore(other, tmp_path / "bk")
    assert result["previous"] == str(records.replaced_copies(other)[0])
    assert Path(result["previous"]).name.startswith("other.duckdb.pre-restore-")
    assert result["kept"] == [result["previous"]]
    assert contents(other) == contents(filled)
    assert contents(Path(result["previous"]))["regions"] == ["('419900000000', '别的市', 'city', None, None, None)"]
    assert not (tmp_path / "other.duckdb.restoring").exists()


def _backup(filled: Path, folder: Path) -> Path:
    con = db.connect(filled, read_only=True)
    records.backup(con, folder)
    con.close()
    return folder


def _refused(target: Path, folder: Path, match: str) -> None:
    before = contents(target)
    with pytest.raises(db.RiskdashError, match=match):
        records.restore(target, folder)
    assert contents(target) == before
    assert not target.with_name(target.name + ".restoring").exists()
    assert records.replaced_copies(target) == []


def test_a_damaged_file_is_refused_and_nothing_changes(filled, tmp_path):
    folder = _backup(filled, tmp_path / "bk")
    (folder / "hazards.parquet").write_bytes(b"PAR1 broken")
    _refused(filled, folder, "does not match the manifest")


def test_counts_are_checked_against_the_manifest(filled, tmp_path):
    folder = _backup(filled, tmp_path / "bk")
    manifest = json.loads((folder / "manifest.json").read_text())
    manifest["tables"]["hazards"]["rows"] = 8
    (folder / "manifest.json").write_text(json.dumps(manifest))
    _refused(filled, folder, "9 rows, the manifest says 8")


def test_a_newer_schema_a_missing_table_and_a_missing_manifest_are_refused(filled, tmp_path):
    folder = _backup(filled, tmp_path / "bk")
    manifest = json.loads((folder / "manifest.json").read_text())
    (folder / "manifest.json").write_text(json.dumps({**manifest, "schema_version": db.SCHEMA_VERSION + 1}))
    _refused(filled, folder, "newer than this riskdash")
    tables = dict(manifest["tables"])
    del tables["hazards"]
    (folder / "manifest.json").write_text(json.dumps({**manifest, "tables": tables}))
    _refused(filled, folder, "missing: hazards")
    (folder / "manifest.json").write_text(" " * (1024 * 1024 + 1))
    _refused(filled, folder, "^.*manifest.json: 1 MB, not a riskdash backup manifest$")
    (folder / "manifest.json").unlink()
    _refused(filled, folder, "no manifest.json")


def _rewrite(folder: Path, table: str, select: str) -> None:
    """Replace one table's Parquet file by ``select`` over its rows (as ``t``), the manifest made to match."""
    import duckdb

    file = folder / f"{table}.parquet"
    changed = folder / f"{table}.new.parquet"
    con = duckdb.connect()
    con.execute(f"create table t as select * from read_parquet('{file}')")
    con.execute(f"copy ({select}) to '{changed}' (format parquet)")
    rows = con.execute(f"select count(*) from read_parquet('{changed}')").fetchone()[0]
    con.close()
    changed.replace(file)
    _match_manifest(folder, table, rows)


def _match_manifest(folder: Path, table: str, rows: int | None = None) -> None:
    manifest = json.loads((folder / "manifest.json").read_text())
    manifest["tables"][table]["sha256"] = records._sha256(folder / f"{table}.parquet")
    if rows is not None:
        manifest["tables"][table]["rows"] = rows
    (folder / "manifest.json").write_text(json.dumps(manifest))


BAD_BACKUPS = [
    ("check", "hazards", "select * replace (found_on + 400 as found_on) from t",
     "hazards.parquet: table hazards: CHECK constraint failed on table \"hazards\" with expression "
     "CHECK((deadline >= found_on)); nothing was restored"),
    ("foreign key", "hazards", "select * replace ('NOPE' as enterprise_id) from t",
     "hazards.parquet: table hazards: Violates foreign key constraint because key \"enterprise_id: NOPE\" does "
     "not exist in the referenced table; nothing was restored"),
    ("key", "regions", "select * from t union all select * from t where level = 'city'",
     "regions.parquet: table regions: PRIMARY KEY or UNIQUE constraint violation: duplicate key "
     "\"419900000000\"; nothing was restored"),
    ("extra column", "enterprises", "select *, 'x' as owner_note from t",
     "enterprises.parquet: table enterprises has columns this schema does not know (owner_note); "
     "nothing was restored"),
]


@pytest.mark.parametrize(("why", "table", "select", "message"), BAD_BACKUPS, ids=[b[0] for b in BAD_BACKUPS])
def test_a_bad_table_is_refused_in_one_line_naming_it(filled, tmp_path, why, table, select, message, cli):
    folder = _backup(filled, tmp_path / "bk")
    _rewrite(folder, table, select)
    before = contents(filled)
    with pytest.raises(db.RiskdashError) as err:
        records.restore(filled, folder)
    assert str(err.value) == message
    assert contents(filled) == before
    assert not filled.with_name(filled.name + ".restoring").exists()
    # the command line: the same one line, nothing else
    result = run_cli("restore", "--db", str(filled), "--from", str(folder))
    assert (result.returncode, result.stdout, result.stderr) == (1, "", f"riskdash restore: {message}\n")
    assert contents(filled) == before


def test_a_corrupt_parquet_file_that_matches_its_manifest_is_refused(filled, tmp_path):
    folder = _backup(filled, tmp_path / "bk")
    (folder / "hazards.parquet").write_bytes(b"PAR1 not really a parquet file PAR1")
    _match_manifest(folder, "hazards")
    before = contents(filled)
    with pytest.raises(db.RiskdashError) as err:
        records.restore(filled, folder)
    message = str(err.value)
    assert message.startswith("hazards.parquet: table hazards cannot be read (")
    assert message.endswith("); nothing was restored") and "\n" not in message
    assert contents(filled) == before


@pytest.mark.parametrize("existing", [False, True])
def test_a_failed_backup_leaves_no_partial_files(filled, tmp_path, monkeypatch, existing):
    folder = tmp_path / "bk"
    if existing:
        folder.mkdir()  # an empty folder given by the user stays, empty
    calls = []

    def failing_sha256(path):
        calls.append(path)
        if len(calls) == 3:
            raise OSError("disk full")
        return "x"

    monkeypatch.setattr(records, "_sha256", failing_sha256)
    con = db.connect(filled)
    try:
        with pytest.raises(db.IOFailure, match="^I/O error: disk full; nothing was written$"):
            records.backup(con, folder)
    finally:
        con.close()
    assert len(calls) == 3 and calls[0].parent == folder  # two tables were written before the failure
    assert (folder.is_dir() and not any(folder.iterdir())) if existing else not folder.exists()


def test_backup_refuses_a_directory_that_is_not_empty(filled, tmp_path):
    (tmp_path / "bk").mkdir()
    (tmp_path / "bk" / "x.txt").write_text("x")
    con = db.connect(filled, read_only=True)
    try:
        with pytest.raises(db.RiskdashError, match="not an empty directory"):
            records.backup(con, tmp_path / "bk")
    finally:
        con.close()


def test_zip_round_trip(filled, tmp_path):
    con = db.connect(filled, read_only=True)
    data = records.backup_zip(con)
    con.close()
    names = zipfile.ZipFile(io.BytesIO(data)).namelist()
    assert "manifest.json" in names and "hazards.parquet" in names
    target = tmp_path / "z.duckdb"
    records.restore_zip(target, data)
    assert contents(target) == contents(filled)
    with pytest.raises(db.RiskdashError, match="not a .zip"):
        records.restore_zip(target, b"not a zip")


def _zip(members: list[tuple[zipfile.ZipInfo | str, bytes]]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive, warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # one case puts a name in twice on purpose
        for info, payload in members:
            archive.writestr(info, payload)
    return buffer.getvalue()


def _hostile(filled: Path) -> dict[str, tuple[bytes, str]]:
    """Archives made from a real backup with one thing wrong each, and the refusal each must get."""
    con = db.connect(filled, read_only=True)
    real = records.backup_zip(con)
    con.close()
    with zipfile.ZipFile(io.BytesIO(real)) as src:
        files = [(name, src.read(name)) for name in src.namelist()]
    link = zipfile.ZipInfo("regions.parquet")
    link.external_attr = (0o120777 << 16)
    manifest = json.loads(dict(files)["manifest.json"])
    renamed = {**manifest, "tables": {**manifest["tables"],
                                      "regions": {**manifest["tables"]["regions"], "file": "../regions.parquet"}}}
    as_list = {**manifest, "tables": list(manifest["tables"])}
    text_rows = {**manifest, "tables": {**manifest["tables"],
                                        "regions": {**manifest["tables"]["regions"], "rows": "6"}}}
    others = [f for f in files if f[0] != "manifest.json"]
    refused = "backup .zip refused: "
    end = "; nothing was restored"
    return {
        "zip slip": (_zip([*files, ("../../evil.parquet", b"x")]),
                     f"{refused}'../../evil.parquet' is a path, not a bare file name (a backup holds no folders){end}"),
        "absolute path": (_zip([*files, ("/tmp/evil.parquet", b"x")]),
                          f"{refused}'/tmp/evil.parquet' is an absolute path (a backup holds bare file names){end}"),
        "symlink": (_zip([*[f for f in files if f[0] != "regions.parquet"], (link, b"/etc/passwd")]),
                    f"{refused}'regions.parquet' is a symbolic link{end}"),
        "unknown file": (_zip([*files, ("evil.sh", b"echo")]),
                         f"{refused}'evil.sh' is not a file of a backup (manifest.json, <table>.parquet and "
                         f"evidence-<sha256>.jpg|png|pdf){end}"),
        "twice": (_zip([*files, ("regions.parquet", b"x")]), f"{refused}'regions.parquet' is in the archive twice{end}"),
        "too many members": (_zip([*files, *[(f"t{i}.parquet", b"") for i in range(64)]]),
                             f"{refused}{len(files) + 64} files in the archive (a backup has at most 64){end}"),
        "no manifest": (_zip(others), f"{refused}no manifest.json in the archive (not a riskdash backup){end}"),
        "manifest names a path": (_zip([*others, ("manifest.json", json.dumps(renamed).encode())]),
                                  "manifest.json: table regions: '../regions.parquet' is not a file name of a backup "
                                  "(<table>.parquet beside the manifest)"),
        "manifest tables a list": (_zip([*others, ("manifest.json", json.dumps(as_list).encode())]),
                                   "manifest.json: no list of tables"),
        "manifest rows as text": (_zip([*others, ("manifest.json", json.dumps(text_rows).encode())]),
                                  "manifest.json: table regions: expected its file, rows (a whole number) and sha256"),
    }


@pytest.mark.parametrize("case", ["zip slip", "absolute path", "symlink", "unknown file", "twice", "too many members",
                                  "no manifest", "manifest names a path", "manifest tables a list",
                                  "manifest rows as text"])
def test_a_hostile_zip_is_refused_in_one_line_and_nothing_changes(filled, tmp_path, case):
    data, message = _hostile(filled)[case]
    before = contents(filled)
    with pytest.raises(db.RiskdashError) as err:
        records.restore_zip(filled, data)
    text = str(err.value)
    # the manifest's own refusals name the unpacked file, in a temporary folder
    assert text == message or (message.startswith("manifest.json") and text.endswith(f"/{message}")), text
    assert contents(filled) == before
    assert sorted(p.name for p in filled.parent.iterdir() if p.name.startswith(filled.name)) == [filled.name]


def test_a_zip_bomb_is_refused_before_it_is_read(filled, tmp_path):
    """200 MB of zeros in a 0.2 MB archive: refused from its directory, in a process that stays small."""
    bomb = tmp_path / "bomb.zip"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("manifest.json", "{}")
        with archive.open("hazards.parquet", "w", force_zip64=True) as member:
            for _ in range(200):
                member.write(bytes(1024 * 1024))
    size = bomb.stat().st_size
    assert size < 1024 * 1024
    script = ("import sys; from pathlib import Path; from riskdash import db, records\n"
              "try:\n    records.restore_zip(sys.argv[1], Path(sys.argv[2]).read_bytes())\n"
              "except db.RiskdashError as exc:\n    print(exc)\n"
              # VmHWM, not ru_maxrss, which keeps the forking pytest process's size across exec
              "print(next(int(l.split()[1]) for l in open('/proc/self/status') if l.startswith('VmHWM:')))\n")
    before = contents(filled)
    result = subprocess.run([sys.executable, "-c", script, str(filled), str(bomb)], capture_output=True, text=True,
                            timeout=300)
    message, peak_kb = result.stdout.splitlines()
    total = 200 * 1024 * 1024 + 2
    assert message == (f"backup .zip refused: it would expand {total / size:.0f} times its size, "
                       f"{total / 1024 ** 2:.0f} MB from {size / 1024 ** 2:.1f} MB (a backup expands at most 20 "
                       "times); nothing was restored")
    assert int(peak_kb) < 1024 * 1024  # under 1 GB (ru_maxrss is in KB)
    assert contents(filled) == before


def test_cli_backup_and_restore_print_one_json_line(filled, tmp_path, cli):
    out = run_cli("backup", "--db", str(filled), "--out", str(tmp_path / "bk"))
    assert out.returncode == 0, out.stderr
    line = json.loads(out.stdout)
    assert line["schema_version"] == db.SCHEMA_VERSION and line["tables"] >= 20 and line["rows"] > 0
    restored = tmp_path / "r.duckdb"
    out = run_cli("restore", "--db", str(restored), "--from", str(tmp_path / "bk"), "--user", "cli")
    assert out.returncode == 0, out.stderr
    assert len(out.stdout.splitlines()) == 1 and json.loads(out.stdout)["rows"] == line["rows"]
    assert contents(restored) == contents(filled)
    bad = run_cli("restore", "--db", str(restored), "--from", str(tmp_path))
    assert bad.returncode != 0 and bad.stderr.count("\n") == 1 and "no manifest.json" in bad.stderr


@pytest.mark.slow  # real child processes hold the file for seconds: left out of the fast tier
def test_cli_restore_is_refused_while_the_dashboard_holds_the_file(filled, tmp_path, cli, monkeypatch):
    monkeypatch.setenv(db.LOCK_WAIT_ENV, "0.5")  # the refusal, not the default 5 s wait (tests/test_db.py)
    assert run_cli("backup", "--db", str(filled), "--out", str(tmp_path / "bk")).returncode == 0
    before = contents(filled)
    with held(filled, read_only=True):
        out = run_cli("restore", "--db", str(filled), "--from", str(tmp_path / "bk"))
    assert out.returncode != 0 and "held by another process" in out.stderr
    assert contents(filled) == before
