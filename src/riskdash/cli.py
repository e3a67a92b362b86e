"""The ``riskdash`` command line (a contract: README.md, "Command line").

``metrics``, ``grade`` and ``bench`` print one JSON object on standard output. A failure exits non-zero with
one clear line on standard error and changes nothing.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path

from riskdash import db
from riskdash.commands import add_user_option, count, day, filters_from, print_json, scale

APP_PATH = Path(__file__).resolve().parents[2] / "app.py"


# ---------------------------------------------------------------------------------------------- argument types


def _money(text: str) -> Decimal:
    try:
        value = Decimal(text)
    except InvalidOperation:
        raise argparse.ArgumentTypeError(f"expected a number of 万元 ≥ 0, got {text!r}") from None
    if not value.is_finite() or value < 0:
        raise argparse.ArgumentTypeError(f"expected a number of 万元 ≥ 0, got {text}")
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
    demo.add_argument("--scale", type=scale, default=1.0)
    demo.add_argument("--seed", type=int, default=42)
    demo.add_argument("--today", type=day)
    demo.add_argument("--force", action="store_true", help="replace a database that is not a demo")

    grade = sub.add_parser("grade", help="grade an accident (国务院令第493号 Art. 3)")
    grade.add_argument("--deaths", type=count, required=True)
    grade.add_argument("--missing", type=count, default=0)
    grade.add_argument("--serious-injuries", type=count, required=True)
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
        add_user_option(p)
    rect.add_argument("--as-of", dest="as_of", type=day, required=True)

    for name, handler in (("serve", cmd_serve), ("demo", cmd_demo), ("grade", cmd_grade)):
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


def cmd_grade(args) -> int:
    from riskdash.domain import grade_accident

    result = grade_accident(args.deaths, args.serious_injuries, args.loss_wan, missing=args.missing)
    print_json(result.as_json())
    return 0


def cmd_serve(args) -> int:
    path = db.resolve_db_path(args.db).resolve()
    # migrate once (writable), so that the dashboard's read-only connection finds the current schema
    db.migrate_file(path)
    address = args.address
    from riskdash import accounts

    local_only = not accounts.database_has_accounts(path)
    if local_only:  # no account can log in yet: this machine only, until an admin is added (issue 16)
        address = "127.0.0.1"
        sys.stderr.write(f"riskdash serve: no accounts in {path}: listening on 127.0.0.1 only; add the first "
                         f"admin with `riskdash user add NAME --role admin --db {path}` and restart\n")
    env = {**os.environ, db.ENV_DB: str(path), accounts.LOCAL_ONLY_ENV: "1" if local_only else "0"}
    command = [
        sys.executable, "-m", "riskdash.ui.launch", "run", str(APP_PATH),
        "--server.port", str(args.port),
        "--server.address", address,
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
    for account in summary.get("accounts", []):  # DEMO-ONLY passwords (README "Demo accounts")
        region = f" {account['region_code']}" if account["region_code"] else ""
        sys.stderr.write(f"riskdash demo: demo account {account['name']} ({account['role']}{region}) "
                         f"password {account['password']} (demo only)\n")
    return 0


def cmd_metrics(args) -> int:
    from riskdash import metrics

    con = db.connect(args.db, read_only=True)
    try:
        filters = filters_from(args, con)
        if args.metric == "accidents":
            result = metrics.accidents_summary(con, filters)
            for key in ("larger_and_above_deaths", "risk_involved", "fatal_general", "fatal_general_deaths"):
                result.pop(key, None)  # for the texts (通报), not in the contract
                result["previous"].pop(key, None)
            if result["target"] is not None:
                result["target"].pop("deaths_incl_missing", None)  # for the texts, not in the contract
        else:
            result = metrics.rectification_totals(con, filters)
            result.pop("overdue_major", None)
    finally:
        con.close()
    print_json(result)
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
