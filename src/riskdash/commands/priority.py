"""``riskdash metrics priority --db PATH --as-of D [--top N] [--region CODE]`` (README.md, "Command line")."""

from __future__ import annotations

from riskdash import db


def register(commands, metrics) -> None:
    from riskdash.commands import count, day

    parser = metrics.add_parser("priority", help="enterprises ranked by risk score as of a day (JSON)")
    parser.add_argument("--db")
    parser.add_argument("--as-of", dest="as_of", type=day, required=True)
    parser.add_argument("--top", type=count, default=50)
    parser.add_argument("--region")
    parser.set_defaults(handler=cmd_priority)


def cmd_priority(args) -> int:
    from riskdash.commands import print_json, region_from
    from riskdash.metrics import priority

    con = db.connect(args.db, read_only=True)
    try:
        region = region_from(args, con)
        result = priority.priority_sites(con, priority.as_of_filters(con, args.as_of, region), top=args.top)
    finally:
        con.close()
    print_json(result)
    return 0
