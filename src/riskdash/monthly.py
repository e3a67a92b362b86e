"""The monthly documents (issue 19): on the first working day of a month (Monday to Friday, less the holidays and
plus the 调休 working days of the settings holidays and adjusted_workdays: domain.first_working_day), the 月报表 (.xlsx)
and the 通报 (.docx and .pdf) of the month just ended, for the city and for each county, each made as an account
of that region (``--user``: its region bounds everything it reads), into ``OUT/YYYY-MM/``.

The accounts decide who gets documents: the city's as the first enabled admin or city account, a county's as its
first enabled county account (a county without an account gets none, and the result says so). Each document is
made by the same commands an official runs (``riskdash form monthly``, ``riskdash brief``), one process each, so
that a failure of one document leaves the others made and is named in the result (a document that fails is tried
once more). A month is made once:
``OUT/YYYY-MM/DONE`` records it (``--force`` makes it again). The holidays are the administrator's to keep up
(设置 → holidays, adjusted_workdays, from the State Council's notice each November; docs/deploy.md); a year they
do not list counts Saturdays, Sundays and the fixed-date statutory days (1 January, 1–2 May, 1–3 October).
"""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from riskdash import db, domain, reference

HOLIDAY_KEYS = ("holidays", "adjusted_workdays")


@dataclass
class MonthlyResult:
    month: str
    folder: Path
    made: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    skipped: str | None = None


def first_working_day(year: int, month: int, holidays=frozenset(), workdays=frozenset()) -> date:
    return domain.first_working_day(year, month, holidays, workdays)


def holiday_lists(db_path: Path) -> tuple[frozenset[date], frozenset[date]]:
    """(holidays, adjusted working days) of the database's settings (read-only, beside a running dashboard),
    the documented defaults for a key it lacks; a value that does not read is refused in one line."""
    values = {key: value for key, value, *_ in reference.SETTINGS if key in HOLIDAY_KEYS}
    # read-only beside the dashboard; an import writing at 07:00 is waited for as a screen waits for it
    con = db.connect(db_path, read_only=True, wait_seconds=db.READ_WAIT_SECONDS)
    try:
        frame = db.query(con, "jobs/holiday_settings")
    finally:
        con.close()
    values.update(dict(zip(frame["key"], frame["value"])))
    lists = []
    for key in HOLIDAY_KEYS:
        try:
            lists.append(frozenset(domain.parse_day_list(values.get(key))))
        except ValueError as exc:
            raise db.RiskdashError(f"setting {key}: {exc} is not a day (YYYY-MM-DD) or a range "
                                   "(YYYY-MM-DD..YYYY-MM-DD); correct it on 设置") from None
    return lists[0], lists[1]


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
    if not force:
        first = first_working_day(today.year, today.month, *holiday_lists(db_path))
        if today != first:
            result.skipped = f"{today} is not the first working day of the month ({first})"
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
