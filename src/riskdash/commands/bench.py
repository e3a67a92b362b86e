"""``riskdash bench [--scale F] [--db PATH] [--runs N] [--rebuild] [--only PREFIX ...] [--no-pandas] [--user NAME]``: the one
door into the bench wing (riskdash.bench), which nothing else in the product imports."""

from __future__ import annotations

from riskdash.commands import print_json, scale


def register(commands, metrics) -> None:
    bench = commands.add_parser("bench", help="time the registered queries (JSON)")
    bench.add_argument("--scale", type=scale, default=1.0)
    bench.add_argument("--db", help="benchmark database (built when missing)")
    bench.add_argument("--runs", type=int, default=7)
    bench.add_argument("--rebuild", action="store_true", help="rebuild the benchmark database")
    bench.add_argument("--only", action="append", metavar="PREFIX",
                       help="time only the queries and tasks whose name starts with PREFIX (repeatable); "
                            "browser/ (or browser/first/, browser/warm/...) times the screens in headless "
                            "Chromium beside a bare Streamlit page, --runs server starts each "
                            "(docs/bench-browser.md)")
    bench.add_argument("--no-pandas", action="store_true", help="skip the pandas peers")
    bench.add_argument("--user", metavar="NAME",
                       help="time every query as this account reads it: its region bounds the filters")
    bench.set_defaults(handler=cmd_bench)


def cmd_bench(args) -> int:
    from riskdash.bench import run_bench

    print_json(run_bench(scale=args.scale, db_path=args.db, runs=args.runs, rebuild=args.rebuild,
                         only=args.only, pandas=not args.no_pandas, user=args.user))
    return 0
