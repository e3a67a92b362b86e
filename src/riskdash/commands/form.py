"""``riskdash form monthly --db PATH --month YYYY-MM [--region CODE] --out FILE.xlsx`` (README.md, "Command line").

Writes the 月报表 《工矿企业安全生产事故隐患排查治理情况月报表》 — the same file as the 隐患治理 screen's button —
for 1 January to the report month, as of its last day (or the data's as-of day in the month still running),
and prints one JSON line ``{"out", "report_period", "from", "as_of", "region", "unit", "sectors"}``. The file is
written beside the target under a temporary name and renamed into place: a failure leaves neither a half-written
file nor a damaged earlier one, and its one line says that nothing was written.
"""

from __future__ import annotations

import argparse
import os
import tempfile
from datetime import date
from pathlib import Path

from riskdash import db

NOTHING_WRITTEN = "nothing written"


def month(text: str) -> date:
    """YYYY-MM as the first day of that month."""
    parts = text.strip().split("-")
    if len(parts) == 2 and len(parts[0]) == 4 and parts[0].isdigit() and parts[1].isdigit() and len(parts[1]) <= 2:
        year, number = int(parts[0]), int(parts[1])
        if 1 <= number <= 12 and year >= 1900:
            return date(year, number, 1)
    raise argparse.ArgumentTypeError(f"expected a month YYYY-MM, got {text!r}; {NOTHING_WRITTEN}")


def register(commands, metrics) -> None:
    from riskdash.commands import add_user_option

    form = commands.add_parser("form", help="write a statistics form (统计报表) as .xlsx")
    forms = form.add_subparsers(dest="form", required=True)  # the parent's class: one-line usage errors
    monthly = forms.add_parser("monthly", help="《工矿企业安全生产事故隐患排查治理情况月报表》 for a month")
    monthly.add_argument("--db")
    monthly.add_argument("--month", type=month, required=True, help="the report month, YYYY-MM")
    monthly.add_argument("--region", help="region code (default the top region)")
    add_user_option(monthly)
    monthly.add_argument("--out", required=True, help="FILE.xlsx")
    monthly.set_defaults(handler=cmd_form_monthly)


def _check_out(out: Path) -> None:
    if out.suffix.lower() != ".xlsx":
        raise db.RiskdashError(f"--out {out}: expected a .xlsx file")
    if out.is_dir():
        raise db.RiskdashError(f"--out {out}: is a folder")
    if not out.parent.is_dir():
        raise db.RiskdashError(f"--out {out}: folder {out.parent} does not exist")
    if not os.access(out.parent, os.W_OK) or (out.exists() and not os.access(out, os.W_OK)):
        raise db.RiskdashError(f"--out {out}: not writable")


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def cmd_form_monthly(args) -> int:
    try:
        return _form_monthly(args)
    except db.RiskdashError as exc:
        raise db.RiskdashError(f"{exc}; {NOTHING_WRITTEN}") from None


def _form_monthly(args) -> int:
    from riskdash.commands import account_region_from, print_json, region_from
    from riskdash.exports import monthly_form
    from riskdash.filters import Filters, month_end

    out = Path(args.out)
    _check_out(out)
    con = db.connect(args.db, read_only=True)
    try:
        region = region_from(args, con)
        filters = Filters(start=date(args.month.year, 1, 1), end=month_end(args.month.year, args.month.month),
                          region_code=region, as_of=month_end(args.month.year, args.month.month),
                          account_region=account_region_from(args, con))
        try:
            data, header = monthly_form.monthly_form_xlsx(con, filters, args.month)
        except db.RiskdashError as exc:
            raise db.RiskdashError(f"--month {args.month:%Y-%m}: {exc}") from None
    finally:
        con.close()
    handle, temp_name = tempfile.mkstemp(prefix=f".{out.stem}-", suffix=out.suffix, dir=out.parent)
    temp = Path(temp_name)
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
        os.chmod(temp, 0o666 & ~_umask())  # mkstemp makes it private; the form is an ordinary file
        os.replace(temp, out)
    except OSError as exc:
        raise db.RiskdashError(f"--out {out}: {exc.strerror or exc}") from None
    finally:
        temp.unlink(missing_ok=True)
    print_json({"out": str(out), "report_period": monthly_form.report_period_text(header.month),
                "from": header.start.isoformat(), "as_of": header.as_of.isoformat(), "region": region,
                "unit": header.unit, "sectors": len(header.sectors)})
    return 0
