"""``--user NAME`` on the writing commands (issue 16): ``import``, ``record``, ``backup`` and ``restore`` act as
that account — its role and region bound the write, refused with the row number and nothing written — and it
is the actor of the audit entry; backups and restores are the admin's and are audited. Without ``--user`` the
command line is the file's owner and the actor is the OS user."""

from __future__ import annotations

import getpass
import json
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import COUNTY_A, TOWN_B1, fill_small_city, prepared_database

from riskdash import accounts, db, records
from riskdash.cli import main

GOOD = "Safe-pass9"


def run(capsys, *args: str) -> subprocess.CompletedProcess:
    code = main([str(a) for a in args])
    captured = capsys.readouterr()
    return subprocess.CompletedProcess(args, code, captured.out, captured.err)


def refused(result: subprocess.CompletedProcess, *fragments: str) -> str:
    assert result.returncode != 0 and result.stdout == "", result.stdout
    for fragment in fragments:
        assert fragment in result.stderr, result.stderr
    return result.stderr


def add_four_accounts(con) -> None:
    accounts.add_account(con, "adm", "admin", None, GOOD, actor="test")
    accounts.add_account(con, "cnt", "county", COUNTY_A, GOOD, actor="test")
    accounts.add_account(con, "twn", "township", TOWN_B1, GOOD, actor="test")
    accounts.add_account(con, "vwr", "viewer", COUNTY_A, GOOD, actor="test")


@pytest.fixture()
def path(small_db_path: Path) -> Path:
    # the small city with the accounts, copied from a file made once per process (an argon2 hash is ~0.2 s of CPU)
    small_db_path.unlink()
    return prepared_database(small_db_path, fill_small_city, add_four_accounts)


def rows(path: Path, sql: str) -> list[tuple]:
    con = db.connect(path, read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def hazard_ids(path: Path) -> list[str]:
    return [r[0] for r in rows(path, "select hazard_id from hazards order by hazard_id")]


def write_csv(folder: Path, lines: list[str]) -> Path:
    file = folder / "hazards.csv"
    file.write_text("\n".join(["hazard_id,enterprise_id,found_on,grade,deadline"] + lines) + "\n", encoding="utf-8")
    return file


def test_import_as_a_township_is_bounded_by_its_region(path, tmp_path, capsys):
    before = hazard_ids(path)
    # row 3 of the file (E1 lies in 东镇, county A) is outside township B1: refused by its row, nothing written
    mixed = write_csv(tmp_path, ["HT1,E4,2025-06-01,general,2025-07-01", "HT2,E1,2025-06-01,general,2025-07-01"])
    err = refused(run(capsys, "import", "hazards", mixed, "--db", path, "--user", "twn"), "row 3")
    assert "row 2" not in err
    assert hazard_ids(path) == before
    inside = write_csv(tmp_path, ["HT1,E4,2025-06-01,general,2025-07-01"])
    done = run(capsys, "import", "hazards", inside, "--db", path, "--user", "twn")
    assert done.returncode == 0, done.stderr
    assert hazard_ids(path) == sorted(before + ["HT1"])
    assert rows(path, "select actor from audit_log where action = 'import'") == [("twn",)]


def test_import_of_reference_data_and_by_a_viewer_are_refused(path, tmp_path, capsys):
    regions = tmp_path / "regions.csv"
    regions.write_text("region_code,name,level,parent_code\n419903000000,新县,county,419900000000\n",
                       encoding="utf-8")
    refused(run(capsys, "import", "regions", regions, "--db", path, "--user", "cnt"), "admin")
    inside = write_csv(tmp_path, ["HV1,E1,2025-06-01,general,2025-07-01"])
    refused(run(capsys, "import", "hazards", inside, "--db", path, "--user", "vwr"), "read-only")
    refused(run(capsys, "import", "hazards", inside, "--db", path, "--user", "nobody"), "no such account")
    assert "HV1" not in hazard_ids(path)
    assert rows(path, "select count(*) from regions where region_code = '419903000000'") == [(0,)]


def test_record_as_an_account_and_without_one(path, capsys):
    values = ["--set", "enterprise_id=E1", "--set", "found_on=2025-06-01", "--set", "grade=general",
              "--set", "deadline=2025-07-01"]
    refused(run(capsys, "record", "add", "hazards", "--db", path, "--user", "twn", "--set", "hazard_id=HR1",
                *values), "outside")
    refused(run(capsys, "record", "add", "hazards", "--db", path, "--user", "vwr", "--set", "hazard_id=HR1",
                *values), "read-only")
    refused(run(capsys, "record", "hazard", "rectify", "H2", "--on", "2025-06-30", "--db", path, "--user", "twn"),
            "outside")
    assert "HR1" not in hazard_ids(path)
    done = run(capsys, "record", "add", "hazards", "--db", path, "--user", "cnt", "--set", "hazard_id=HR1", *values)
    assert done.returncode == 0, done.stderr
    owner = run(capsys, "record", "add", "hazards", "--db", path, "--set", "hazard_id=HR2", *values)
    assert owner.returncode == 0, owner.stderr
    assert rows(path, "select record_key, actor from audit_log where table_name = 'hazards' and action = 'insert' "
                      "order by entry_id") == [("HR1", "cnt"), ("HR2", getpass.getuser())]


def test_backup_and_restore_are_the_admins_and_audited(path, tmp_path, capsys):
    refused(run(capsys, "backup", "--db", path, "--out", tmp_path / "no", "--user", "cnt"), "admin")
    assert not (tmp_path / "no").exists()
    done = run(capsys, "backup", "--db", path, "--out", tmp_path / "bk", "--user", "adm")
    assert done.returncode == 0, done.stderr
    out = json.loads(done.stdout)
    assert out["audited"] is True
    assert rows(path, "select actor, file_name, row_count from audit_log where action = 'backup'") == [
        ("adm", str(tmp_path / "bk"), out["rows"])]
    owner = run(capsys, "backup", "--db", path, "--out", tmp_path / "bk2")
    assert owner.returncode == 0, owner.stderr
    assert rows(path, "select actor from audit_log where action = 'backup' order by entry_id")[-1] == (
        getpass.getuser(),)

    before = hazard_ids(path)
    refused(run(capsys, "restore", "--db", path, "--from", tmp_path / "bk", "--user", "twn"), "admin")
    assert records.replaced_copies(path) == []
    restored = run(capsys, "restore", "--db", path, "--from", tmp_path / "bk", "--user", "adm")
    assert restored.returncode == 0, restored.stderr
    result = json.loads(restored.stdout)
    assert result["previous"] == str(records.replaced_copies(path)[0]) and result["kept"] == [result["previous"]]
    assert hazard_ids(path) == before
    # the restore's entry is in the restored database, the admin its actor, the replaced copy named
    entry = rows(path, "select actor, after_json from audit_log where action = 'restore'")
    assert [e[0] for e in entry] == ["adm"]
    assert json.loads(entry[0][1])["replaced_kept_as"] == result["previous"]


def test_without_accounts_user_only_names_the_actor(small_db_path, tmp_path, capsys):
    plain = tmp_path / "plain.duckdb"
    shutil.copy(small_db_path, plain)
    csv = write_csv(tmp_path, ["HP1,E1,2025-06-01,general,2025-07-01"])
    done = run(capsys, "import", "hazards", csv, "--db", plain, "--user", "王五")
    assert done.returncode == 0, done.stderr
    assert rows(plain, "select actor from audit_log where action = 'import'") == [("王五",)]


def test_a_backup_while_the_dashboard_holds_the_file_is_whole_and_says_it_is_not_logged(path, tmp_path, capsys):
    from conftest import held

    with held(path, read_only=True):
        done = run(capsys, "backup", "--db", path, "--out", tmp_path / "bk", "--user", "adm")
    assert done.returncode == 0
    assert json.loads(done.stdout)["audited"] is False
    assert done.stderr.count("\n") == 1 and "not in the audit log" in done.stderr
    assert (tmp_path / "bk" / records.MANIFEST).is_file()
    assert rows(path, "select count(*) from audit_log where action = 'backup'") == [(0,)]
