"""``riskdash metrics priority --db PATH --as-of D [--top N] [--region CODE]`` (README.md, "Command line")."""

from __future__ import annotations

from riskdash import db


def register(commands, metrics) -> None:
    from riskdash.commands import add_user_option, count, day

    parser = metrics.add_parser("priority", help="enterprises ranked by risk score as of a day (JSON)")
    parser.add_argument("--db")
    parser.add_argument("--as-of", dest="as_of", type=day, required=True)
    parser.add_argument("--top", type=count, default=50)
    parser.add_argument("--region")
    add_user_option(parser)
    parser.set_defaults(handler=cmd_priority)


def cmd_priority(args) -> int:
    from dataclasses import replace

    from riskdash.commands import account_region_from, print_json, region_from
    from riskdash.metrics import priority

    con = db.connect(args.db, read_only=True)
    try:
        region = region_from(args, con)
        filters = replace(priority.as_of_filters(con, args.as_of, region),
                          account_region=account_region_from(args, con))
        result = priority.priority_sites(con, filters, top=args.top)
    finally:
        con.close()
    print_json(result)
    return 0
