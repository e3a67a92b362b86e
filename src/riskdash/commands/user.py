"""``riskdash user add NAME --role ROLE [--region CODE] [--password-stdin] | passwd NAME [--password-stdin] |
set NAME [--role ROLE] [--region CODE] | disable NAME | list`` (README's command line; issue 16; ``set`` is
additive to the contract, docs/accounts.md).

The command line runs as the database file's owner, who is admin: these are the way to add the first admin.
Without ``--password-stdin`` the password is asked for at the terminal, twice. An account added or a password
set here must be changed at the account's first login. One JSON line out on success; a refusal is one line on
standard error and writes nothing.
"""

from __future__ import annotations

import getpass
import sys

from riskdash import db


def register(commands, metrics) -> None:
    from riskdash.accounts import ROLES

    user = commands.add_parser("user", help="accounts: add, set a password, disable, list (登录账号)")
    sub = user.add_subparsers(dest="user_command", required=True, metavar="add|passwd|set|disable|list")
    add = sub.add_parser("add", help="add an account (its password must be changed at the first login)")
    add.add_argument("name", metavar="NAME")
    add.add_argument("--role", required=True, choices=list(ROLES), metavar="ROLE", help=", ".join(ROLES))
    add.add_argument("--region", help="the account's region (required for county, township and viewer)")
    passwd = sub.add_parser("passwd", help="set an account's password (to be changed at its next login)")
    passwd.add_argument("name", metavar="NAME")
    for parser in (add, passwd):
        parser.add_argument("--password-stdin", action="store_true",
                            help="read the password from the first line of standard input")
    change = sub.add_parser("set", help="change an account's role or region (never the last admin's role)")
    change.add_argument("name", metavar="NAME")
    change.add_argument("--role", choices=list(ROLES), metavar="ROLE", help=", ".join(ROLES))
    change.add_argument("--region", help="the account's region (required for county, township and viewer)")
    disable = sub.add_parser("disable", help="disable an account (it can no longer log in)")
    disable.add_argument("name", metavar="NAME")
    listing = sub.add_parser("list", help="every account with its role, region and state (JSON)")
    for parser, handler in ((add, cmd_add), (passwd, cmd_passwd), (change, cmd_set), (disable, cmd_disable),
                            (listing, cmd_list)):
        parser.add_argument("--db")
        parser.set_defaults(handler=handler)


def read_password(from_stdin: bool) -> str:
    """The first line of standard input, or asked twice at the terminal."""
    if from_stdin:
        line = sys.stdin.readline()
        if not line:
            raise db.RiskdashError("--password-stdin: standard input is empty")
        return line.rstrip("\r\n")
    if not sys.stdin.isatty():
        raise db.RiskdashError("no terminal to ask for the password: pass it with --password-stdin")
    first = getpass.getpass("密码 Password: ")
    if getpass.getpass("再次输入 Again: ") != first:
        raise db.RiskdashError("the two passwords differ; nothing written")
    return first


def _actor() -> str:
    from riskdash.importer import actor_default

    return actor_default()  # the file's owner at the command line


def cmd_add(args) -> int:
    from riskdash import accounts
    from riskdash.commands import print_json

    password = read_password(args.password_stdin)
    con = db.connect(args.db)
    try:
        account = accounts.add_account(con, args.name, args.role, args.region, password, actor=_actor())
    finally:
        con.close()
    print_json({"name": account.name, "role": account.role, "region_code": account.region_code,
                "must_change_password": account.must_change_password})
    return 0


def cmd_passwd(args) -> int:
    from riskdash import accounts
    from riskdash.commands import print_json

    password = read_password(args.password_stdin)
    con = db.connect(args.db)
    try:
        accounts.set_password(con, args.name, password, actor=_actor())
    finally:
        con.close()
    print_json({"name": args.name, "must_change_password": True})
    return 0


def cmd_set(args) -> int:
    from riskdash import accounts
    from riskdash.commands import print_json

    con = db.connect(args.db)
    try:
        account, changed = accounts.set_account(con, args.name, args.role, args.region, actor=_actor())
    finally:
        con.close()
    print_json({"name": account.name, "role": account.role, "region_code": account.region_code,
                "changed": changed})
    return 0


def cmd_disable(args) -> int:
    from riskdash import accounts
    from riskdash.commands import print_json

    con = db.connect(args.db)
    try:
        accounts.disable_account(con, args.name, actor=_actor())
    finally:
        con.close()
    print_json({"name": args.name, "disabled": True})
    return 0


def cmd_list(args) -> int:
    from riskdash import accounts
    from riskdash.commands import print_json

    con = db.connect(args.db, read_only=True)
    try:
        rows = accounts.list_accounts(con)
    finally:
        con.close()
    print_json({"accounts": rows})
    return 0
