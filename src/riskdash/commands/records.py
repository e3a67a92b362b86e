"""Records from the command line (additive to the contract in README.md, "Command line"), one JSON line out on success:

- ``riskdash backup --db PATH --out DIR [--user NAME]``: every table as Parquet plus manifest.json; an audit
  entry records it (the backup itself only reads, and works while the dashboard serves the file; the entry is
  then left out with a note on standard error)
- ``riskdash restore --db PATH --from DIR [--user NAME]``: all or nothing; the replaced database is kept as a
  dated ``PATH.pre-restore-YYYYMMDD-HHMMSS`` (the last 5; ``previous`` and ``kept`` in the output say where);
  refused while another process (the dashboard) holds the file
- ``riskdash record add KIND --set COLUMN=VALUE ... [--user NAME]`` (accidents, inspections, hazards)
- ``riskdash record edit KIND ID --set COLUMN=VALUE ...`` (also enterprises, key-sites); an empty VALUE
  clears the field
- ``riskdash record hazard ACTION HAZARD_ID --on DAY [--level county|city|province]``: rectify, verify,
  supervise, delist

``--user NAME`` on import, record, backup and restore (issue 16): in a database with accounts the command acts
as that account — its role (a viewer writes nothing; reference data, backup and restore are the admin's) and
its region bound every row, and it is the actor of the audit entries; an unknown or disabled account is
refused in one line. Without ``--user`` the command line is the file's owner (admin) and the actor is the OS
user. In a database without accounts ``--user`` only names the actor, as before accounts existed.

A refused record prints one line on standard error and exits 1; nothing is written.
"""

from __future__ import annotations


def register(commands, metrics) -> None:
    from riskdash.commands import day
    from riskdash.records import ACTIONS, FORM_KINDS, RECORD_KINDS, SUPERVISION_LEVELS

    backup = commands.add_parser("backup", help="full backup: every table as Parquet plus a manifest (JSON)")
    backup.add_argument("--db")
    backup.add_argument("--out", required=True, metavar="DIR", help="a new (or empty) directory")
    backup.add_argument("--user", metavar="NAME", help="back up as this account (the admin's; the audit's actor)")
    backup.set_defaults(handler=cmd_backup)

    restore = commands.add_parser("restore", help="replace the database by a backup, all or nothing (JSON)")
    restore.add_argument("--db")
    restore.add_argument("--from", dest="source", required=True, metavar="DIR")
    restore.add_argument("--user", metavar="NAME",
                         help="restore as this account (an admin; the audit's actor; default the OS user)")
    restore.set_defaults(handler=cmd_restore)

    record = commands.add_parser("record", help="add or edit one record, or a step of a hazard's rectification")
    sub = record.add_subparsers(dest="record_command", required=True, metavar="add|edit|hazard")
    add = sub.add_parser("add", help="add an accident, an inspection or a hazard (the import's checks)")
    add.add_argument("kind", choices=FORM_KINDS, metavar="KIND", help=", ".join(FORM_KINDS))
    edit = sub.add_parser("edit", help="change fields of one record (the import's checks), audited")
    edit.add_argument("kind", choices=RECORD_KINDS, metavar="KIND", help=", ".join(RECORD_KINDS))
    edit.add_argument("key", metavar="ID")
    for parser in (add, edit):
        parser.add_argument("--set", dest="values", action="append", default=[], metavar="COLUMN=VALUE",
                            help="a column (English name) and its value, as in an import file")
    hazard = sub.add_parser("hazard", help="rectify, verify, supervise (挂牌督办) or delist one hazard")
    hazard.add_argument("action", choices=ACTIONS, metavar="ACTION", help=", ".join(ACTIONS))
    hazard.add_argument("key", metavar="HAZARD_ID")
    hazard.add_argument("--on", type=day, required=True, help="the day it was done (YYYY-MM-DD)")
    hazard.add_argument("--level", choices=SUPERVISION_LEVELS, help="supervision level (supervise only)")
    for parser in (add, edit, hazard):
        parser.add_argument("--db")
        parser.add_argument("--user", metavar="NAME",
                            help="write as this account: its role and region bound the write (default the "
                                 "file's owner; the actor the OS user)")
    record.set_defaults(handler=cmd_record)


def _pairs(items: list[str]) -> dict:
    from riskdash import db

    values = {}
    for item in items:
        name, sep, value = item.partition("=")
        if not sep or not name.strip():
            raise db.RiskdashError(f"--set {item!r}: expected COLUMN=VALUE")
        values[name.strip()] = value
    return values


def acting_account(args, con, *, admin_only: str | None = None):
    """The account ``--user NAME`` names in a database with accounts (None without --user: the file's owner,
    or in a database without accounts, where --user only names the actor). ``admin_only`` names the operation
    when only an admin may do it (backup, restore): any other account is refused in one line."""
    from riskdash import accounts

    name = getattr(args, "user", None)
    if not name or not accounts.has_any_account(con):
        return None
    account = accounts.account_for(con, name)
    if admin_only and not account.is_admin:
        raise accounts.AccountError(f"--user {name}: {admin_only} is the admin's ({account.name} is "
                                    f"{account.role}); nothing written",
                                    f"账号{account.name}不是管理员，不能{admin_only}，未写入任何数据")
    return account


def cmd_backup(args) -> int:
    import sys

    from riskdash import db, records
    from riskdash.commands import print_json
    from riskdash.importer import actor_default

    con = db.connect(args.db, read_only=True)
    try:
        account = acting_account(args, con, admin_only="backup")
        manifest = records.backup(con, args.out)
    finally:
        con.close()
    actor = account.name if account else (args.user or actor_default())
    try:
        records.audit_backup(db.resolve_db_path(args.db), actor, args.out, manifest)
        audited = True
    except db.DatabaseBusy:  # the dashboard holds the file: the backup is whole, its log entry left out
        sys.stderr.write("riskdash backup: done; the database is held by another process (the dashboard), so "
                         "the backup is not in the audit log\n")
        audited = False
    print_json({"db": str(db.resolve_db_path(args.db)), "out": args.out,
                "schema_version": manifest["schema_version"], "data_as_of": manifest["data_as_of"],
                "tables": len(manifest["tables"]),
                "rows": sum(t["rows"] for t in manifest["tables"].values()),
                "evidence_files": (manifest.get("evidence") or {}).get("files", 0), "audited": audited})
    return 0


def cmd_restore(args) -> int:
    from pathlib import Path

    from riskdash import accounts, db, records
    from riskdash.commands import print_json

    path = db.resolve_db_path(args.db)
    records.read_manifest(Path(args.source))  # a bad backup is refused before waiting
    db.ensure_not_held(path)
    account = None
    if path.exists():  # the account is one of the database being replaced
        con = db.connect(path, read_only=True)
        try:
            account = acting_account(args, con, admin_only="restore")
        finally:
            con.close()
    with accounts.acting_as(account):
        print_json(records.restore(path, args.source, actor=args.user))
    return 0


def cmd_record(args) -> int:
    from riskdash import accounts, db, records
    from riskdash.commands import print_json

    con = db.connect(args.db)
    try:
        account = acting_account(args, con)
        with accounts.acting_as(account):
            if args.record_command == "add":
                result = records.add(con, args.kind, _pairs(args.values), actor=args.user)
            elif args.record_command == "edit":
                if not args.values:
                    raise db.RiskdashError("record edit: nothing to change (give --set COLUMN=VALUE)")
                result = records.edit(con, args.kind, args.key, _pairs(args.values), actor=args.user)
            else:
                result = records.hazard_action(con, args.key, args.action, args.on, level=args.level,
                                               actor=args.user)
        db.fault_point("record-committed")
    finally:
        con.close()
    print_json({k: ({c: records.json_value(v) for c, v in val.items()} if isinstance(val, dict) else val)
                for k, val in result.as_json().items()})
    return 0
