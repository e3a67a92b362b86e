"""``riskdash user`` and ``--user NAME`` on the reading commands (issue 16): an account's region is the
default region and the bound; a region outside it is refused in one line; ``--user`` equals ``--region`` of
the account's region for every ``metrics`` kind."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest
from conftest import CITY, COUNTY_A, COUNTY_B, TOWN_A1, TOWN_B1

from riskdash import accounts, db
from riskdash.cli import main

GOOD = "Safe-pass9"


@pytest.fixture
def riskdash(riskdash_cli):
    """``riskdash(*args, stdin=None)``: in process (fast tier) and as real processes (slow): conftest.riskdash_cli."""
    return riskdash_cli


def run(capsys, *args: str) -> subprocess.CompletedProcess:
    """main() in this process, as the command runs it (a process takes seconds to start on a busy machine)."""
    code = main(list(args))
    captured = capsys.readouterr()
    return subprocess.CompletedProcess(args, code, captured.out, captured.err)


def assert_refused(result: subprocess.CompletedProcess, *fragments: str) -> None:
    assert result.returncode != 0
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    for fragment in fragments:
        assert fragment in lines[0], lines[0]


def test_user_add_passwd_disable_list(small_db_path, riskdash):
    path = str(small_db_path)
    added = riskdash("user", "add", "jia", "--role", "county", "--region", "419901", "--password-stdin",
                     "--db", path, stdin=GOOD + "\n")
    assert added.returncode == 0, added.stderr
    assert json.loads(added.stdout) == {"name": "jia", "role": "county", "region_code": COUNTY_A,
                                        "must_change_password": True}
    assert_refused(riskdash("user", "add", "jia", "--role", "county", "--region", COUNTY_A, "--password-stdin",
                            "--db", path, stdin=GOOD + "\n"), "already exists")
    assert_refused(riskdash("user", "add", "t", "--role", "township", "--password-stdin", "--db", path,
                            stdin=GOOD + "\n"), "--region is required")
    assert_refused(riskdash("user", "add", "t", "--role", "admin", "--password-stdin", "--db", path,
                            stdin="short\n"), "at least 8")
    assert_refused(riskdash("user", "add", "t", "--role", "boss", "--db", path), "--role")
    # no terminal and no --password-stdin: refused, not hung
    assert_refused(riskdash("user", "add", "t", "--role", "admin", "--db", path, stdin=""), "--password-stdin")
    assert riskdash("user", "passwd", "jia", "--password-stdin", "--db", path, stdin="New-pass99\n").returncode == 0
    assert_refused(riskdash("user", "passwd", "nobody", "--password-stdin", "--db", path, stdin=GOOD + "\n"),
                   "no account nobody")
    assert riskdash("user", "disable", "jia", "--db", path).returncode == 0
    listed = json.loads(riskdash("user", "list", "--db", path).stdout)["accounts"]
    assert [(a["name"], a["role"], a["region_code"], a["region_name"], a["disabled"]) for a in listed] == [
        ("jia", "county", COUNTY_A, "甲县", True)]
    con = db.connect(path, read_only=True)
    try:
        row = con.execute("select password_hash from accounts where name = 'jia'").fetchone()[0]
        assert accounts._verify(row, "New-pass99") and not accounts._verify(row, GOOD)
        assert con.execute("select action from audit_log where kind = 'account' order by entry_id").fetchall() == [
            ("account_add",), ("account_password",), ("account_disable",)]
    finally:
        con.close()


@pytest.fixture(scope="module")
def with_accounts(small_city_file, tmp_path_factory):
    """The small city with five accounts, built once for the module: these tests only read it."""
    small_db_path = tmp_path_factory.mktemp("accounts") / "small.duckdb"
    shutil.copyfile(small_city_file, small_db_path)
    con = db.connect(small_db_path)
    try:
        accounts.add_account(con, "cnt", "county", COUNTY_A, GOOD, actor="test")
        accounts.add_account(con, "twn", "township", TOWN_B1, GOOD, actor="test")
        accounts.add_account(con, "vwr", "viewer", COUNTY_B, GOOD, actor="test")
        accounts.add_account(con, "cty", "city", None, GOOD, actor="test")
        accounts.add_account(con, "old", "viewer", TOWN_A1, GOOD, actor="test")
        accounts.disable_account(con, "old", actor="test")
    finally:
        con.close()
    return str(small_db_path)


METRICS = {
    "accidents": ["--from", "2025-01-01", "--to", "2025-06-30"],
    "rectification": ["--from", "2025-01-01", "--to", "2025-06-30", "--as-of", "2025-06-30"],
    "priority": ["--as-of", "2025-06-30"],
    "townships": ["--year", "2025"],
}


@pytest.mark.parametrize("kind", list(METRICS))
@pytest.mark.parametrize(("user", "region"), [("cnt", COUNTY_A), ("twn", TOWN_B1), ("vwr", COUNTY_B),
                                              ("cty", CITY)])
def test_user_equals_region_of_the_accounts_region(with_accounts, kind, user, region, capsys):
    # in process (the same main() the command runs): 32 runs would take a minute as processes
    assert main(["metrics", kind, "--db", with_accounts, *METRICS[kind], "--user", user]) == 0
    as_user = json.loads(capsys.readouterr().out)
    assert main(["metrics", kind, "--db", with_accounts, *METRICS[kind], "--region", region]) == 0
    assert as_user == json.loads(capsys.readouterr().out)


def test_the_whole_city_differs_from_a_county(with_accounts, capsys):
    # the equality above is not vacuous: the county's figures are not the city's
    city = run(capsys, "metrics", "accidents", "--db", with_accounts, *METRICS["accidents"])
    county = run(capsys, "metrics", "accidents", "--db", with_accounts, *METRICS["accidents"], "--user", "cnt")
    assert json.loads(city.stdout)["accidents"] == 3
    assert json.loads(county.stdout)["accidents"] == 2  # A1 (东镇) and A2 (西乡)


@pytest.mark.parametrize("kind", list(METRICS))
def test_a_region_outside_the_account_is_refused(with_accounts, kind, capsys):
    assert_refused(run(capsys, "metrics", kind, "--db", with_accounts, *METRICS[kind], "--user", "cnt",
                            "--region", COUNTY_B), f"--region {COUNTY_B}: outside the region of account cnt")
    assert_refused(run(capsys, "metrics", kind, "--db", with_accounts, *METRICS[kind], "--user", "twn",
                            "--region", CITY), "outside")


def test_a_region_inside_the_account_is_kept(with_accounts, capsys):
    inside = run(capsys, "metrics", "accidents", "--db", with_accounts, *METRICS["accidents"], "--user", "cnt",
                      "--region", TOWN_A1)
    plain = run(capsys, "metrics", "accidents", "--db", with_accounts, *METRICS["accidents"], "--region", TOWN_A1)
    assert json.loads(inside.stdout) == json.loads(plain.stdout)
    assert json.loads(inside.stdout)["accidents"] == 1


def test_unknown_or_disabled_user_is_refused(with_accounts, capsys):
    assert_refused(run(capsys, "metrics", "accidents", "--db", with_accounts, *METRICS["accidents"], "--user", "x"),
                   "--user x: no such account")
    assert_refused(run(capsys, "metrics", "townships", "--db", with_accounts, "--year", "2025", "--user", "old"),
                   "--user old: the account is disabled")


def test_form_and_brief_take_user(with_accounts, tmp_path, capsys):
    out = tmp_path / "form.xlsx"
    refused = run(capsys, "form", "monthly", "--db", with_accounts, "--month", "2025-06", "--user", "twn",
                       "--region", COUNTY_A, "--out", str(out))
    assert_refused(refused, "outside")
    assert not out.exists()
    done = run(capsys, "form", "monthly", "--db", with_accounts, "--month", "2025-06", "--user", "twn",
                    "--out", str(out))
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["region"] == TOWN_B1
    assert_refused(run(capsys, "brief", "--db", with_accounts, "--from", "2025-01-01", "--to", "2025-06-30",
                            "--user", "cnt", "--region", CITY, "--out", str(tmp_path / "b.pptx")), "outside")


def test_serve_listens_on_this_machine_only_until_an_account_exists(small_db_path, monkeypatch, capsys):
    import riskdash.cli as cli

    launched = []
    monkeypatch.setattr(cli.subprocess, "call", lambda command, env: launched.append((command, env)) or 0)
    assert main(["serve", "--db", str(small_db_path), "--address", "0.0.0.0", "--port", "8861"]) == 0
    command, env = launched[-1]
    assert command[command.index("--server.address") + 1] == "127.0.0.1"
    assert env[accounts.LOCAL_ONLY_ENV] == "1"
    assert "no accounts" in capsys.readouterr().err
    con = db.connect(small_db_path)
    try:
        accounts.add_account(con, "adm", "admin", None, GOOD, actor="test")
    finally:
        con.close()
    assert main(["serve", "--db", str(small_db_path), "--address", "0.0.0.0", "--port", "8861"]) == 0
    command, env = launched[-1]
    assert command[command.index("--server.address") + 1] == "0.0.0.0"
    assert env[accounts.LOCAL_ONLY_ENV] == "0"
