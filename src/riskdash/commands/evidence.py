"""Evidence files from the command line (additive to the contract in README.md, "Command line"; docs/records.md
"Evidence"), one JSON line out on success:

- ``riskdash evidence add (--hazard ID | --inspection ID) --role before|after|acceptance FILE [--db PATH]
  [--user NAME]``: a JPEG, PNG or PDF (recognised by its content) attached to the record in a role (整改前 /
  整改后 / 验收 are accepted too); the same content attached again in the same role changes nothing
- ``riskdash evidence list (--hazard ID | --inspection ID) [--db PATH]``: the record's files
- ``riskdash evidence check [--db PATH]``: every file the table points at read back against its SHA-256, and
  the files no row points at (orphans: harmless, an upload whose row was not written); exits 1 when a file is
  missing or damaged

``--user NAME`` acts as that account, as ``riskdash record`` does: a viewer writes nothing, a bounded account
only within its region. A refusal is one line on standard error, exit 1; nothing is written.
"""

from __future__ import annotations


def register(commands, metrics) -> None:
    evidence = commands.add_parser("evidence", help="attach, list or check the evidence files of hazards and "
                                                    "inspections (photos, PDF)")
    sub = evidence.add_subparsers(dest="evidence_command", required=True, metavar="add|list|check")
    add = sub.add_parser("add", help="attach a JPEG, PNG or PDF to a hazard or an inspection")
    add.add_argument("file", metavar="FILE")
    add.add_argument("--role", required=True, help="before (整改前), after (整改后) or acceptance (验收)")
    add.add_argument("--user", metavar="NAME", help="write as this account (its role and region bound the write)")
    listing = sub.add_parser("list", help="the evidence files of one record")
    for parser in (add, listing):
        which = parser.add_mutually_exclusive_group(required=True)
        which.add_argument("--hazard", metavar="ID")
        which.add_argument("--inspection", metavar="ID")
    check = sub.add_parser("check", help="read every evidence file back against its SHA-256; list orphans")
    for parser in (add, listing, check):
        parser.add_argument("--db")
    evidence.set_defaults(handler=cmd_evidence)


def _record(args) -> tuple[str, str]:
    return ("hazard", args.hazard) if args.hazard else ("inspection", args.inspection)


def cmd_evidence(args) -> int:
    from pathlib import Path

    from riskdash import accounts, db, evidence, records
    from riskdash.commands import print_json
    from riskdash.commands.records import acting_account

    if args.evidence_command == "add":
        source = Path(args.file)
        if not source.is_file():
            raise db.RiskdashError(f"{source}: no such file")
        data = source.read_bytes()
        con = db.connect(args.db)
        try:
            account = acting_account(args, con)
            kind, key = _record(args)
            with accounts.acting_as(account):
                result = records.attach(con, kind, key, args.role, data, source.name, actor=args.user)
        finally:
            con.close()
        print_json({"record_kind": kind, "record_id": key, "stored": result.entry_id is not None,
                    **(result.after or {}), "audit_entry": result.entry_id})
        return 0
    con = db.connect(args.db, read_only=True)
    try:
        if args.evidence_command == "list":
            kind, key = _record(args)
            frame = evidence.for_record(con, kind, key)
            print_json({"record_kind": kind, "record_id": key, "files": [
                {k: records.json_value(v) for k, v in row.items()} for row in frame.to_dict("records")]})
            return 0
        store = evidence.store_for(db.resolve_db_path(args.db))
        found = evidence.verify(con, store)
    finally:
        con.close()
    print_json({"store": str(store), "files": found.files, "missing": found.missing, "damaged": found.damaged,
                "orphans": found.orphans})
    return 1 if found.missing or found.damaged else 0
