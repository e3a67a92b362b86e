"""The monthly job (issue 19): on the first working day of a month, the 月报表 and the 通报 (.docx, .pdf) of the
month just ended for the city and each county that has an account, each made as that account; once a month."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date

import openpyxl
import pytest

from riskdash import monthly


def _run(*args):
    return subprocess.run([sys.executable, "-m", "riskdash", *args], capture_output=True, text=True, check=False)


def test_first_working_day_and_report_month():
    assert monthly.first_working_day(2026, 8) == date(2026, 8, 3)    # 1 August 2026 is a Saturday
    assert monthly.first_working_day(2027, 5) == date(2027, 5, 3)    # 1 May 2027 is a Saturday
    assert monthly.first_working_day(2026, 12) == date(2026, 12, 1)  # a Tuesday
    assert monthly.previous_month(date(2026, 12, 1)) == (date(2026, 1, 1), date(2026, 11, 30))
    assert monthly.previous_month(date(2027, 1, 4)) == (date(2026, 1, 1), date(2026, 12, 31))


def test_without_a_city_account_it_fails_in_one_line(small_db_path, tmp_path, riskdash_cli):
    # in process in the fast tier, as a real `python -m riskdash` process in the whole suite (conftest.riskdash_cli)
    run = riskdash_cli("schedule", "run", "monthly", "--db", str(small_db_path), "--reports", str(tmp_path / "r"),
                       "--today", "2026-12-01")
    assert run.returncode == 1 and len(run.stderr.strip().splitlines()) == 1
    assert "no enabled admin or city account" in run.stderr
    assert "no enabled admin or city account" in (tmp_path / "r" / "FAILED-monthly.txt").read_text()


@pytest.mark.slow
def test_documents_per_region_as_its_account(tmp_path):
    from shared_demo import demo_city  # `riskdash demo --today 2026-11-28`, built once per test process

    path = demo_city(tmp_path / "demo.duckdb")  # a copy: no demo build of its own (~6 s of CPU as a process)
    accounts = json.loads(_run("user", "list", "--db", str(path)).stdout)["accounts"]
    counties = {a["region_name"] for a in accounts if a["role"] == "county" and not a["disabled"]}
    assert counties, "the demo city has a county account"
    reports = tmp_path / "reports"

    not_today = _run("schedule", "run", "monthly", "--db", str(path), "--reports", str(reports), "--today",
                     "2026-12-02")
    assert not_today.returncode == 0 and "not the first working day" in json.loads(not_today.stdout)["skipped"]
    assert not (reports / "2026-11").exists()

    run = _run("schedule", "run", "monthly", "--db", str(path), "--reports", str(reports), "--today", "2026-12-01")
    assert run.returncode == 0, run.stderr
    out = json.loads(run.stdout)
    expected = sorted(f"{label}_202611_{kind}" for label in ["全市", *counties]
                      for kind in ("月报表.xlsx", "通报.docx", "通报.pdf"))
    assert sorted(out["made"]) == expected
    folder = reports / "2026-11"
    assert sorted(p.name for p in folder.iterdir()) == sorted([*expected, "DONE"])
    assert all((folder / name).stat().st_size > 1000 for name in expected)
    # each county's 月报表 is that county's (填报单位 names it); the city's names no county
    for county in counties:
        text = " ".join(str(c.value) for row in openpyxl.load_workbook(folder / f"{county}_202611_月报表.xlsx")
                        .active.iter_rows() for c in row if c.value is not None)
        assert county in text and "2026年11月" in text
    city = " ".join(str(c.value) for row in openpyxl.load_workbook(folder / "全市_202611_月报表.xlsx").active
                    .iter_rows(max_row=6) for c in row if c.value is not None)
    assert not any(county in city for county in counties)

    again = _run("schedule", "run", "monthly", "--db", str(path), "--reports", str(reports), "--today", "2026-12-01")
    assert again.returncode == 0 and "made already" in json.loads(again.stdout)["skipped"]
