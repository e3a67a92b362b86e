"""``riskdash record add|edit|hazard``: one JSON line on success; a refusal is one line on standard error,
exit 1, nothing written."""

from __future__ import annotations

import json
from datetime import date

from riskdash import db


def hazard(path, hazard_id: str):
    con = db.connect(path, read_only=True)
    try:
        return con.execute("select grade, deadline, rectified_on, verified_on from hazards where hazard_id = $h",
                           {"h": hazard_id}).fetchone()
    finally:
        con.close()


def test_add_edit_and_the_loop_from_the_command_line(small_db_path, riskdash_cli):
    run_cli = riskdash_cli  # in process (fast tier) and as real processes (slow): conftest.riskdash_cli
    db_arg = ("--db", str(small_db_path))
    out = run_cli("record", "add", "hazards", *db_arg, "--user", "cli", "--set", "hazard_id=H100",
                  "--set", "enterprise_id=E1", "--set", "found_on=2025-06-01", "--set", "grade=重大",
                  "--set", "deadline=2025-06-30")
    assert out.returncode == 0, out.stderr
    line = json.loads(out.stdout)
    assert (line["action"], line["key"], line["after"]["grade"], line["before"]) == ("insert", "H100", "major", None)
    out = run_cli("record", "edit", "hazards", "H100", *db_arg, "--set", "deadline=2025-05-31")
    assert out.returncode == 1 and out.stdout == ""
    lines = out.stderr.splitlines()
    assert len(lines) == 1 and lines[0].endswith(
        "hazards H100: column deadline: value '2025-05-31': a deadline on or after found_on")
    assert hazard(small_db_path, "H100")[1] == date(2025, 6, 30)
    out = run_cli("record", "hazard", "verify", "H100", *db_arg, "--on", "2025-06-10")
    assert out.returncode == 1 and "not rectified" in out.stderr
    out = run_cli("record", "hazard", "rectify", "H100", *db_arg, "--on", "2025-06-10")
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout)["after"] == {"rectified_on": "2025-06-10"}
    assert hazard(small_db_path, "H100") == ("major", date(2025, 6, 30), date(2025, 6, 10), None)
    out = run_cli("record", "hazard", "supervise", "H1", *db_arg, "--on", "2025-06-10", "--level", "city")
    assert out.returncode == 1 and "only a major hazard" in out.stderr
