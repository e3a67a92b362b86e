"""The demo city's accounts (issue 16): an admin, one county, one township in that county and one viewer,
their demo-only passwords printed by `riskdash demo`, each able to log in with the printed password."""

from __future__ import annotations

import re

from riskdash import accounts, db


def test_demo_prints_its_accounts_and_each_logs_in(tmp_path, riskdash_cli):
    path = tmp_path / "demo.duckdb"
    result = riskdash_cli("demo", "--db", str(path), "--scale", "0.05", "--today", "2025-06-30")
    assert result.returncode == 0, result.stderr
    printed = re.findall(r"demo account (\S+) \((\w+)(?: (\d{12}))?\) password (\S+) \(demo only\)", result.stderr)
    assert [(name, role) for name, role, _, _ in printed] == [
        ("admin", "admin"), ("county", "county"), ("township", "township"), ("viewer", "viewer")]
    con = db.connect(path)
    try:
        levels = dict(con.execute("select region_code, level from regions").fetchall())
        parents = dict(con.execute("select region_code, parent_code from regions").fetchall())
        regions = {name: code or None for name, _, code, _ in printed}
        assert regions["admin"] is None
        assert levels[regions["county"]] == "county"
        assert (levels[regions["township"]], parents[regions["township"]]) == ("township", regions["county"])
        assert levels[regions["viewer"]] == "county"
        for name, _, _, password in printed:
            login = accounts.authenticate(con, name, password)
            assert login.ok, name
            assert login.account.must_change_password is False  # the README's run command works in one step
            assert accounts.account_scope(login.account) == regions[name]
        assert accounts.authenticate(con, "admin", "Demo-View1!").reason == "wrong"
    finally:
        con.close()
