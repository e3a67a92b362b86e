"""Command-line commands, one module per command family, and what they share.

Each module defines ``register(commands, metrics)``: ``commands`` is the top-level subparsers object
(``riskdash import ...``), ``metrics`` the one under ``riskdash metrics`` (``riskdash metrics priority``).
A parser it adds sets ``handler=<function(args) -> int>`` with ``set_defaults``. The argument types and the
JSON printing they share live here (``riskdash.cli`` imports the modules, so they never import it back);
errors for the user are ``riskdash.db.RiskdashError``.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date

from riskdash import db


def count(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number ≥ 0, got {text!r}") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"expected a whole number ≥ 0, got {text}")
    return value


def day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a date YYYY-MM-DD, got {text!r}") from None


def scale(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a number > 0, got {text!r}") from None
    if not value > 0:
        raise argparse.ArgumentTypeError(f"expected a number > 0, got {text}")
    return value


def print_json(obj) -> None:
    sys.stdout.write(json.dumps(obj, ensure_ascii=False, default=str) + "\n")


def add_user_option(parser) -> None:
    """``--user NAME`` on a reading command: it then sees exactly what that account sees (issue 16)."""
    parser.add_argument("--user", metavar="NAME", help="read as this account: its region bounds everything")


def account_from(args, con):
    """The account ``--user`` names (None without it), or one line saying why not."""
    name = getattr(args, "user", None)
    if not name:
        return None
    from riskdash import accounts

    return accounts.account_for(con, name)


def account_region_from(args, con) -> str | None:
    """The region ``--user``'s account is bounded by (Filters.account_region); None without a bound."""
    from riskdash import accounts

    return accounts.account_scope(account_from(args, con))


def region_from(args, con) -> str:
    """--region padded and checked (an unknown code is an error), or the top region when none is given; with
    --user, the account's region by default and a region outside it refused (never widened)."""
    from riskdash import metrics
    from riskdash.filters import pad_region_code

    region = None
    if args.region:
        region = pad_region_code(args.region)
        metrics.check_region(con, region)
    account = account_from(args, con)
    if account is not None:
        from riskdash import accounts

        region = accounts.region_for(con, account, region)
    if region:
        return region
    root = metrics.root_region(con)
    if root is None:
        raise db.RiskdashError("the database has no regions yet (import regions first)")
    return root["region_code"]


def filters_from(args, con):
    from riskdash import metrics
    from riskdash.filters import Filters

    region = region_from(args, con)
    if args.industry:
        codes = set(metrics.sectors(con)["code"])
        if args.industry not in codes:
            raise db.RiskdashError(f"--industry {args.industry}: unknown sector code (expected one of {', '.join(sorted(codes))})")
    if args.end < args.start:
        raise db.RiskdashError(f"--to {args.end} is before --from {args.start}")
    as_of = getattr(args, "as_of", None) or args.end
    return Filters(start=args.start, end=args.end, region_code=region, as_of=as_of, industry=args.industry,
                   account_region=account_region_from(args, con))
