"""The write window: the dashboard's only path that writes the database (imports, record edits, the hazard
loop, settings, 零报告, backup restore).

The dashboard serves through one read-only connection shared by every session (ui/session.py), so that
`riskdash metrics` can read the file beside it, and DuckDB refuses a second, writable connection to the same
file in the same process. A write on a screen therefore opens a short exclusive write window: validate first
through the session's read-only cursor (temp tables only), then, under a process-wide lock, close every
connection the process opened on the file (which closes every session's cursor; session.begin_write), open
the file writable, write in one transaction, close it, and drop the cached connections and results so that
the next run of every page reopens it read-only and reads what was written (after a restore too: no
connection to the old file survives the swap). The window first waits for the reads running to finish (it
never closes a connection under one: session.reading); a page load that runs during those seconds waits (a
notice says so if it waits long) and then shows the new data: an open waits for the window, and a cursor
whose connection the window closed moves to the new one and runs its query again (session.Reader). A failing disk is one line saying whether the write was kept
(db.io_guard, error_line).
"""

from __future__ import annotations

from pathlib import Path

from riskdash import db, i18n, jobs
from riskdash.importer import ImportResult, actor_default, import_file
from riskdash.ui import session

_WRITE_LOCK = session.WRITE_LOCK  # shared with session.write_keeping_cache (the login's writes)


def write_window(write, *, connect: bool = True, login: bool = False):
    """The exclusive write window (see the module docstring): ``write(con)`` on a writable connection, or
    ``write(path)`` with the file closed by everyone when ``connect`` is false (a restore replaces the file).
    The logged-in account must be allowed to write (a viewer is not; a restore is the admin's), unless the
    write is only an audit entry (``login``: a backup download's entry), which keeps the cached results
    (session.write_keeping_cache, as the login's own writes do)."""
    if login:
        return session.write_keeping_cache(write)
    from riskdash.ui.login import check_may_write

    check_may_write(restore=not connect)
    with _WRITE_LOCK:
        path = session.database_path()
        session.begin_write()
        try:
            with db.io_guard():
                if not connect:
                    from riskdash.accounts import acting_as, get_account
                    from riskdash.ui.login import current_account_name

                    # a restore (admin only, checked above): the admin is its actor; read before the swap
                    name = current_account_name()
                    account = None
                    if name:
                        reader = db.connect(path, read_only=True)
                        try:
                            account = get_account(reader, name)
                        finally:
                            reader.close()
                    with acting_as(account):
                        return write(path)
                con = db.connect(path, wait_seconds=db.LOCK_WAIT_SECONDS)
                try:
                    from riskdash.accounts import acting_as
                    from riskdash.ui.login import current_account

                    # the importer and the record forms read the acting account: its region bounds the
                    # rows, its name is the actor (accounts.acting)
                    with acting_as(current_account(con)):
                        result = write(con)
                    # failed scheduled jobs logged beside the file while the dashboard held it (riskdash.jobs)
                    jobs.carry_failures_quietly(con, path)
                    return result
                finally:
                    con.close()
        finally:
            session.end_write()


def error_line(exc: db.RiskdashError, lang: str) -> str:
    """The one line shown for a write that failed: a failing disk (db.IOFailure) in the interface language,
    saying whether the write was kept; any other refusal in its own words."""
    from riskdash.accounts import AccountError

    if isinstance(exc, AccountError):
        return exc.text(lang)
    if isinstance(exc, db.IOFailure):
        return i18n.t("data.io.failed.kept" if exc.written else "data.io.failed.none", lang, what=exc.what)
    return str(exc)


def write_import(kind: str, path: Path, mode: str, actor: str, label: str) -> ImportResult:
    """An import in the write window; raises ImportFailed or db.RiskdashError (db.IOFailure for a failing disk,
    saying whether the rows were committed)."""

    def write(con):
        from riskdash.ui.login import current_account

        # a logged-in account is the actor, whatever a form's field says, and its region bounds the rows
        account = current_account(con)
        result = import_file(con, kind, path, mode=mode, actor=account.name if account else actor,
                             file_label=label, account=account)
        db.note_commit()  # import_file returns only after its commit
        db.fault_point("import-committed")
        return result

    return write_window(write)


def default_actor() -> str:
    """Who a write is recorded as: the logged-in account (issue 16); the OS user only where the database has
    no account yet (served on this machine alone)."""
    from riskdash.ui.login import current_account_name

    return current_account_name() or actor_default()
