"""``riskdash metrics townships --db PATH --year YYYY [--region CODE]`` (README.md, "Command line")."""

from __future__ import annotations

import argparse

from riskdash import db


def _year(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a year YYYY, got {text!r}") from None
    if not 1990 <= value <= 2100:
        raise argparse.ArgumentTypeError(f"expected a year between 1990 and 2100, got {text}")
    return value


def register(commands, metrics) -> None:
    from riskdash.commands import add_user_option

    parser = metrics.add_parser("townships", help="township assessment scores for a year, ranked (JSON)")
    parser.add_argument("--db")
    parser.add_argument("--year", type=_year, required=True)
    parser.add_argument("--region")
    add_user_option(parser)
    parser.set_defaults(handler=cmd_townships)


def cmd_townships(args) -> int:
    from dataclasses import replace

    from riskdash.commands import account_region_from, print_json, region_from
    from riskdash.metrics import campaigns

    con = db.connect(args.db, read_only=True)
    try:
        region = region_from(args, con)
        filters = replace(campaigns.filters_for_year(con, args.year, region),
                          account_region=account_region_from(args, con))
        result = campaigns.townships(con, filters)
    finally:
        con.close()
    print_json(result)
    return 0
