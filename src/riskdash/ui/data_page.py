"""Streamlit drawing for 数据管理: upload → validation table → import; exports; the audit log.

Writing from the dashboard. The dashboard serves through one read-only connection shared by every session
(ui/session.py), so that `riskdash metrics` can read the file beside it, and DuckDB refuses a second,
writable connection to the same file in the same process. An import on the screen therefore opens a short
exclusive write window: validate first through the session's read-only cursor (temp tables only), then,
under a process-wide lock, close the shared connection (which closes every session's cursor), open the file
writable, import in one transaction, close it, and drop the cached connection so that the next run of every
page reopens it read-only. A page that runs during those seconds shows the one-line database error once.
"""

from __future__ import annotations

import tempfile
import threading
from pathlib import Path

import streamlit as st

from riskdash import db
from riskdash.importer import ImportFailed, ImportResult, import_file, validate
from riskdash.ui import session

_WRITE_LOCK = threading.Lock()


def save_upload(upload) -> Path:
    folder = Path(tempfile.mkdtemp(prefix="riskdash-upload-"))
    path = folder / Path(upload.name).name
    path.write_bytes(upload.getvalue())
    return path


def check_upload(con, kind: str, path: Path, mode: str, label: str):
    """Validation only (nothing written): (rows, problems, total) through the session's read-only cursor."""
    staged, problems, total = validate(con, kind, path, mode=mode, file_label=label)
    for table in ("import_stage", "import_typed"):
        con.execute(f"drop table if exists {table}")
    return staged.rows, problems, total


def write_import(kind: str, path: Path, mode: str, actor: str, label: str) -> ImportResult:
    """The exclusive write window (see the module docstring); raises ImportFailed or db.RiskdashError."""
    with _WRITE_LOCK:
        database = session.open_database()
        with database.lock:
            database.connection.close()
        session._open.clear()
        try:
            con = db.connect(database.path, wait_seconds=db.LOCK_WAIT_SECONDS)
            try:
                return import_file(con, kind, path, mode=mode, actor=actor, file_label=label)
            finally:
                con.close()
        finally:
            st.cache_data.clear()


# ---------------------------------------------------------------------------------------------- drawing


def default_actor() -> str:
    from riskdash.importer import actor_default

    return actor_default()


@st.cache_data(max_entries=32, show_spinner=False)
def template(kind: str) -> bytes:
    from riskdash.importer import KINDS
    from riskdash.importer.export import template_xlsx

    return template_xlsx(KINDS[kind])


def day_text(page) -> str:
    from riskdash import i18n

    return i18n.day(page.data_as_of, page.lang)


def check_and_import(page, kind: str, mode: str, actor: str, upload) -> None:
    from riskdash.importer.export import to_csv_bytes
    from riskdash.ui.data import problems_frame

    t = page.t
    path = save_upload(upload)
    rows, problems, total = check_upload(page.con, kind, path, mode, upload.name)
    if total:
        st.error(t("data.check.failed", total=total, rows=rows), icon=":material/error:")
        frame = problems_frame(problems, page.lang)
        st.dataframe(frame, hide_index=True, width="stretch")
        st.download_button(t("data.check.download"), to_csv_bytes(frame), file_name=f"problems-{upload.name}.csv",
                           mime="text/csv", icon=":material/download:")
        return
    st.success(t("data.check.passed", rows=rows), icon=":material/check_circle:")
    if st.button(t("data.import.run", rows=rows), type="primary", icon=":material/upload:"):
        try:
            result = write_import(kind, path, mode, actor or default_actor(), upload.name)
        except ImportFailed as failed:
            st.error(str(failed), icon=":material/error:")
            return
        except db.RiskdashError as exc:
            st.error(str(exc), icon=":material/error:")
            return
        st.session_state["data_last_import"] = result.as_json()
        st.rerun()


def last_import(page) -> None:
    done = st.session_state.get("data_last_import")
    if done:
        st.success(page.t("data.import.done", **done), icon=":material/check_circle:")


def export_panel(page) -> None:
    from riskdash.importer.export import EXPORT_TABLES, export_table, to_csv_bytes, to_xlsx_bytes

    table = st.selectbox(page.t("data.export.table"), EXPORT_TABLES, key="data_export_table")
    frame = export_table(page.con, table)
    st.caption(page.t("data.export.rows", rows=len(frame)))
    left, right = st.columns(2)
    left.download_button(page.t("data.export.csv"), to_csv_bytes(frame), file_name=f"{table}.csv",
                         mime="text/csv", icon=":material/download:")
    right.download_button(page.t("data.export.xlsx"), to_xlsx_bytes(frame, table), file_name=f"{table}.xlsx",
                          icon=":material/download:")


def audit_panel(page) -> None:
    from riskdash.importer.export import to_csv_bytes

    frame = db.query(page.con, "data/audit_entries", limit=500)
    if frame.empty:
        st.info(page.t("data.audit.empty"), icon=":material/info:")
        return
    st.dataframe(frame, hide_index=True, width="stretch")
    st.download_button(page.t("data.audit.download"), to_csv_bytes(frame), file_name="audit_log.csv",
                       mime="text/csv", icon=":material/download:")
