"""The monthly documents (issue 19): on the first working day (Monday to Friday) of a month, the 月报表 (.xlsx)
and the 通报 (.docx and .pdf) of the month just ended, for the city and for each county, each made as an account
of that region (``--user``: its region bounds everything it reads), into ``OUT/YYYY-MM/``.

The accounts decide who gets documents: the city's as the first enabled admin or city account, a county's as its
first enabled county account (a county without an account gets none, and the result says so). Each document is
made by the same commands an official runs (``riskdash form monthly``, ``riskdash brief``), one process each, so
that a failure of one document leaves the others made and is named in the result (a document that fails is tried
once more). A month is made once:
``OUT/YYYY-MM/DONE`` records it (``--force`` makes it again). The public holidays of the year are not known here:
when the 1st working day is a holiday, the documents come a few days early; run the job by hand if that matters.
"""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from riskdash import db


@dataclass
class MonthlyResult:
    month: str
    folder: Path
    made: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    skipped: str | None = None


def first_working_day(year: int, month: int) -> date:
    day = date(year, month, 1)
    while day.weekday() >= 5:
        day += timedelta(days=1)
    return day


def previous_month(today: date) -> tuple[date, date]:
    """(1 January of the report month's year, the report month's last day) for the month before ``today``."""
    last = today.replace(day=1) - timedelta(days=1)
    return date(last.year, 1, 1), last


def _riskdash(*args: str, timeout: float = 900) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "riskdash", *args], capture_output=True, text=True,
                          timeout=timeout, check=False)


def accounts_by_region(db_path: Path) -> list[tuple[str, str, str]]:
    """(account, region label, region code or '') per region that gets documents: the city first."""
    run = _riskdash("user", "list", "--db", str(db_path))
    if run.returncode != 0:
        raise db.RiskdashError(f"cannot list the accounts: {run.stderr.strip()}")
    accounts = [a for a in json.loads(run.stdout)["accounts"] if not a.get("disabled")]
    chosen: dict[str, tuple[str, str, str]] = {}
    for account in accounts:
        if account["role"] in ("admin", "city") and "city" not in chosen:
            chosen["city"] = (account["name"], "全市", "")
        elif account["role"] == "county" and account.get("region_code") and account["region_code"] not in chosen:
            chosen[account["region_code"]] = (account["name"], account.get("region_name") or account["region_code"],
                                              account["region_code"])
    if "city" not in chosen:
        raise db.RiskdashError("no enabled admin or city account: the city's documents need one "
                               "(riskdash user add NAME --role city)")
    return [chosen["city"], *sorted(v for k, v in chosen.items() if k != "city")]


def run(db_path: Path, out: Path, today: date, force: bool = False) -> MonthlyResult:
    start, end = previous_month(today)
    month = f"{end:%Y-%m}"
    folder = out / month
    result = MonthlyResult(month, folder)
    if not force and today != first_working_day(today.year, today.month):
        result.skipped = f"{today} is not the first working day of the month ({first_working_day(today.year, today.month)})"
        return result
    if not force and (folder / "DONE").exists():
        result.skipped = f"{month} was made already ({folder / 'DONE'})"
        return result
    folder.mkdir(parents=True, exist_ok=True)
    for account, label, _code in accounts_by_region(db_path):
        stem = f"{label}_{end:%Y%m}"
        jobs = [(f"{stem}_月报表.xlsx", ["form", "monthly", "--month", month]),
                (f"{stem}_通报.docx", ["brief", "--from", start.isoformat(), "--to", end.isoformat()]),
                (f"{stem}_通报.pdf", ["brief", "--from", start.isoformat(), "--to", end.isoformat()])]
        for name, args in jobs:
            command = (*args, "--db", str(db_path), "--user", account, "--out", str(folder / name))
            made = _riskdash(*command)
            if made.returncode != 0:  # once more: Chromium's chart export can fail on a loaded machine
                made = _riskdash(*command)
            if made.returncode == 0:
                result.made.append(name)
            else:
                line = (made.stderr.strip().splitlines() or ["no message"])[-1]
                result.failed.append(f"{name}: {line}")
    if not result.failed:
        (folder / "DONE").write_text(f"{today.isoformat()} {len(result.made)} documents\n", encoding="utf-8")
    return result
