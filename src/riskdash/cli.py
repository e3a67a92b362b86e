"""The ``riskdash`` command line (a contract: product.md, "The command line").

``metrics``, ``grade`` and ``bench`` print one JSON object on standard output. A failure exits non-zero with
one clear line on standard error and changes nothing.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path

from riskdash import db

APP_PATH = Path(__file__).resolve().parents[2] / "app.py"


class UsageError(db.RiskdashError):
    pass


# ---------------------------------------------------------------------------------------------- argument types


def _count(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number ≥ 0, got {text!r}") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"expected a whole number ≥ 0, got {text}")
    return value


def _money(text: str) -> Decimal:
    try:
        value = Decimal(text)
    except InvalidOperation:
        raise argparse.ArgumentTypeError(f"expected a number of 万元 ≥ 0, got {text!r}") from None
    if not value.is_finite() or value < 0:
        raise argparse.ArgumentTypeError(f"expected a number of 万元 ≥ 0, got {text}")
    return value


def day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a date YYYY-MM-DD, got {text!r}") from None


def _scale(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a number > 0, got {text!r}") from None
    if not value > 0:
        raise argparse.ArgumentTypeError(f"expected a number > 0, got {text}")
    return value


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage error is one line on stderr and exit code 2."""

    def error(self, message: str) -> None:  # noqa: D401
        sys.stderr.write(f"riskdash {self.prog.split()[-1]}: {message}\n")
        raise SystemExit(2)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="riskdash", description="Work-safety risk analytics dashboard (安全生产风险分析)")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    serve = sub.add_parser("serve", help="run the dashboard")
    serve.add_argument("--db")
    serve.add_argument("--port", type=int, default=8501)
    serve.add_argument("--address", default="0.0.0.0", help="listen address (default all interfaces)")

    demo = sub.add_parser("demo", help="build the demo city database (演示数据)")
    demo.add_argument("--db")
    demo.add_argument("--scale", type=_scale, default=1.0)
    demo.add_argument("--seed", type=int, default=42)
    demo.add_argument("--today", type=day)
    demo.add_argument("--force", action="store_true", help="replace a database that is not a demo")

    grade = sub.add_parser("grade", help="grade an accident (国务院令第493号 Art. 3)")
    grade.add_argument("--deaths", type=_count, required=True)
    grade.add_argument("--missing", type=_count, default=0)
    grade.add_argument("--serious-injuries", type=_count, required=True)
    grade.add_argument("--loss-wan", type=_money, required=True)

    metrics = sub.add_parser("metrics", help="print a metric as JSON")
    msub = metrics.add_subparsers(dest="metric", required=True, parser_class=_Parser)
    acc = msub.add_parser("accidents")
    rect = msub.add_parser("rectification")
    for p in (acc, rect):
        p.add_argument("--db")
        p.add_argument("--from", dest="start", type=day, required=True)
        p.add_argument("--to", dest="end", type=day, required=True)
        p.add_argument("--region")
        p.add_argument("--industry")
    rect.add_argument("--as-of", dest="as_of", type=day, required=True)

    bench = sub.add_parser("bench", help="time the registered queries (JSON)")
    bench.add_argument("--scale", type=_scale, default=1.0)
    bench.add_argument("--db", help="benchmark database (built when missing)")
    bench.add_argument("--runs", type=int, default=7)
    bench.add_argument("--rebuild", action="store_true", help="rebuild the benchmark database")
    bench.add_argument("--only", action="append", metavar="PREFIX",
                       help="time only the queries and tasks whose name starts with PREFIX (repeatable)")
    bench.add_argument("--no-pandas", action="store_true", help="skip the pandas peers")
    for name, handler in (("serve", cmd_serve), ("demo", cmd_demo), ("grade", cmd_grade), ("bench", cmd_bench)):
        sub.choices[name].set_defaults(handler=handler)
    acc.set_defaults(handler=cmd_metrics)
    rect.set_defaults(handler=cmd_metrics)
    _register_command_modules(sub, msub)
    return parser


def _register_command_modules(commands, metrics) -> None:
    """Commands that screens contribute (riskdash/commands/*.py)."""
    import importlib
    import pkgutil

    import riskdash.commands as package

    for info in sorted(pkgutil.iter_modules(package.__path__), key=lambda m: m.name):
        importlib.import_module(f"riskdash.commands.{info.name}").register(commands, metrics)


# ---------------------------------------------------------------------------------------------- commands


def print_json(obj) -> None:
    sys.stdout.write(json.dumps(obj, ensure_ascii=False, default=str) + "\n")


def cmd_grade(args) -> int:
    from riskdash.domain import grade_accident

    result = grade_accident(args.deaths, args.serious_injuries, args.loss_wan, missing=args.missing)
    print_json(result.as_json())
    return 0


def cmd_serve(args) -> int:
    path = db.resolve_db_path(args.db).resolve()
    # migrate once (writable), so that the dashboard's read-only connection finds the current schema
    db.migrate_file(path)
    env = {**os.environ, db.ENV_DB: str(path)}
    command = [
        sys.executable, "-m", "riskdash.ui.launch", "run", str(APP_PATH),
        "--server.port", str(args.port),
        "--server.address", args.address,
        "--server.headless", "true",
        "--browser.gatherUsageStats", "false",
        "--global.developmentMode", "false",
        # an intranet server: no "Deploy" button, no file watching of the installed code
        "--client.toolbarMode", "minimal",
        "--server.fileWatcherType", "none",
    ]
    return subprocess.call(command, env=env)


def cmd_demo(args) -> int:
    from riskdash.demo import build_demo

    today = args.today or date.today()
    path = db.resolve_db_path(args.db)
    summary = build_demo(path, scale=args.scale, seed=args.seed, today=today, force=args.force)
    sys.stderr.write(f"riskdash demo: built {path} ({summary.get('seconds', 0):.1f} s)\n")
    return 0


def region_from(args, con) -> str:
    """--region padded and checked (an unknown code is an error), or the top region when none is given."""
    from riskdash import metrics
    from riskdash.filters import pad_region_code

    if args.region:
        region = pad_region_code(args.region)
        metrics.check_region(con, region)
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
    return Filters(start=args.start, end=args.end, region_code=region, as_of=as_of, industry=args.industry)


def cmd_metrics(args) -> int:
    from riskdash import metrics

    con = db.connect(args.db, read_only=True)
    try:
        filters = filters_from(args, con)
        if args.metric == "accidents":
            result = metrics.accidents_summary(con, filters)
            result.pop("larger_and_above_deaths", None)
            result["previous"].pop("larger_and_above_deaths", None)
            if result["target"] is not None:
                result["target"].pop("deaths_incl_missing", None)  # for the texts, not in the contract
        else:
            result = metrics.rectification_totals(con, filters)
            result.pop("overdue_major", None)
    finally:
        con.close()
    print_json(result)
    return 0


def cmd_bench(args) -> int:
    from riskdash.bench import run_bench

    print_json(run_bench(scale=args.scale, db_path=args.db, runs=args.runs, rebuild=args.rebuild,
                         only=args.only, pandas=not args.no_pandas))
    return 0


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    start = db.commit_count()
    try:
        return args.handler(args)
    except db.RiskdashError as exc:
        sys.stderr.write(f"riskdash {args.command}: {exc}\n")
        return 1
    except db.IO_ERRORS as exc:  # a full disk or a failing one: one line, and whether the write was kept
        failure = db.IOFailure(db.failure_text(exc), written=db.commit_count() > start)
        sys.stderr.write(f"riskdash {args.command}: {failure}\n")
        return 1
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    raise SystemExit(main())
