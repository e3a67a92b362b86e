"""``riskdash import KIND FILE --db PATH [--mode append|upsert] [--as-of D] [--sheet NAME] [--user NAME]``.

``--user NAME`` (a database with accounts): the import acts as that account — its role and region bound the
rows (commands/records.acting_account); without it the command line is the file's owner.

On success one JSON object on standard output (rows inserted, updated, data_as_of). On failure nothing is
written and standard error carries one line for a single problem, else a summary line and one line per
problem (file, row, column, value, what was expected).
"""

from __future__ import annotations

import sys


def register(commands, metrics) -> None:
    from riskdash.importer.spec import KINDS

    parser = commands.add_parser("import", help="import a CSV or .xlsx file (all rows or none)")
    parser.add_argument("kind", choices=list(KINDS), metavar="KIND",
                        help=f"one of: {', '.join(KINDS)}")
    parser.add_argument("file", metavar="FILE")
    parser.add_argument("--db")
    parser.add_argument("--mode", choices=["append", "upsert"], default="append",
                        help="append refuses ids already in the database; upsert updates them")
    parser.add_argument("--as-of", dest="as_of", metavar="YYYY-MM-DD",
                        help="declare the day the data is complete to (data_as_of, from which every default "
                             "period is counted; not after today). Without it an import of a main table drops "
                             "any earlier declaration and data_as_of is derived whenever read: the latest event "
                             "day in the records (an accident, an inspection, a hazard found, rectified, "
                             "verified, supervised or delisted; deadlines do not count)")
    parser.add_argument("--sheet", help="the .xlsx sheet to read (default the first)")
    parser.add_argument("--user", metavar="NAME",
                        help="import as this account: its role and region bound the rows (default the file's "
                             "owner; the actor the OS user)")
    parser.set_defaults(handler=cmd_import)


def cmd_import(args) -> int:
    from pathlib import Path

    from riskdash import db
    from riskdash.commands import day, print_json
    from riskdash.importer import ImportFailed, import_file

    as_of = None
    if args.as_of:
        try:
            as_of = day(args.as_of)
        except Exception as exc:
            raise db.RiskdashError(f"--as-of: {exc}") from None
    path = Path(args.file)
    if not path.is_file():
        raise db.RiskdashError(f"{path}: no such file")
    target = db.resolve_db_path(args.db)
    created = not target.exists()
    con = db.connect(target, create=True)
    if created:  # only import and demo create a database, and they say so
        sys.stderr.write(f"riskdash import: created a new database at {target}\n")
    try:
        from riskdash.commands.records import acting_account

        account = acting_account(args, con)
        result = import_file(con, args.kind, path, mode=args.mode, actor=args.user, as_of=as_of,
                             sheet=args.sheet, file_label=str(path), account=account)
        db.note_commit()  # import_file returns only after its commit
        db.fault_point("import-committed")
    except ImportFailed as failed:
        lines = failed.lines()
        sys.stderr.write(f"riskdash import: {lines[0]}\n")
        sys.stderr.writelines(f"  {line}\n" for line in lines[1:])
        return 1
    finally:
        con.close()
    print_json(result.as_json())
    return 0
