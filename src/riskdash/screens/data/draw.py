"""Streamlit drawing for 数据管理: upload → validation table → import; records; exports; backup; the audit
log. Every write goes through the write window (ui/write_window.py)."""

from __future__ import annotations

import shutil
import tempfile
import time
from datetime import date
from functools import partial
from pathlib import Path

import streamlit as st

from riskdash import db, i18n, metrics
from riskdash.importer import ImportFailed, check
from riskdash.metrics import data as reads
from riskdash.pinyin import searchable
from riskdash.screens.data import view
from riskdash.screens.kit import download_name
from riskdash.ui import session, widgets
from riskdash.ui.markdown import plain
from riskdash.ui.write_window import default_actor, error_line, write_import, write_window


UPLOAD_PREFIX = "riskdash-upload-"
STALE_COPY_SECONDS = 24 * 3600
_COPY_KEY = "data_upload_copy"


def upload_copy(upload) -> Path:
    """The one copy on disk of the attached file, which the importer reads: written on the first run that sees
    the upload (keyed by its file_id) and reused by every rerun (each click reruns the page with the file still
    attached). The copy of a file that was replaced is deleted first."""
    held = st.session_state.get(_COPY_KEY)
    if held is not None and held[0] == upload.file_id and Path(held[1]).is_file():
        return Path(held[1])
    discard_upload_copy()
    sweep_stale_copies()
    folder = Path(tempfile.mkdtemp(prefix=UPLOAD_PREFIX))
    path = folder / Path(upload.name).name
    path.write_bytes(upload.getvalue())
    st.session_state[_COPY_KEY] = (upload.file_id, str(path))
    return path


def sweep_stale_copies() -> None:
    """Delete copies older than a day: a session that ended with a file still attached (the tab closed, another
    page opened) never comes back to delete its own, and Streamlit tells no one that a session ended."""
    cutoff = time.time() - STALE_COPY_SECONDS
    for folder in Path(tempfile.gettempdir()).glob(UPLOAD_PREFIX + "*"):
        try:
            if folder.is_dir() and folder.stat().st_mtime < cutoff:
                shutil.rmtree(folder, ignore_errors=True)
        except OSError:
            pass  # another server's sweep got there first


def discard_upload_copy() -> None:
    """Delete this session's upload copy (after its import, or once the file is removed from the uploader)."""
    held = st.session_state.pop(_COPY_KEY, None)
    if held is not None:
        shutil.rmtree(Path(held[1]).parent, ignore_errors=True)


def upload_limit(page) -> int:
    """The upload_max_mb setting (MB); the server's own limit is set from it at launch (ui/launch.py)."""

    return reads.upload_limit_mb(page.con)


def too_big(page, upload, limit_mb: int) -> bool:
    """A file over the limit is refused in one line (nothing copied, nothing written)."""
    if upload.size <= limit_mb * 1024 * 1024:
        return False
    st.error(plain(page.t("data.upload.too_big", name=upload.name, size=f"{upload.size / 1024 / 1024:.1f}",
                          limit=limit_mb)), icon=":material/error:")
    return True


def check_upload(con, kind: str, path: Path, mode: str, label: str):
    """Validation only (nothing written): (rows, problems, total) through the session's read-only cursor, under
    the read guard for all its queries: the file is staged in temp tables on the cursor, which a write window
    opened meanwhile by another session would close under it (session.reading)."""
    with session.reading():
        return check(con, kind, path, mode=mode, file_label=label)


# ---------------------------------------------------------------------------------------------- drawing


def day_text(page) -> str:
    from riskdash import i18n

    return i18n.day(page.data_as_of, page.lang)


def check_and_import(page, kind: str, mode: str, actor: str, upload, limit_mb: int) -> None:
    from riskdash.importer.export import to_csv_bytes

    t = page.t
    if too_big(page, upload, limit_mb):
        discard_upload_copy()
        return
    path = upload_copy(upload)
    rows, problems, total = check_upload(page.con, kind, path, mode, upload.name)
    if total:
        st.error(t("data.check.failed", total=total, rows=rows), icon=":material/error:")
        frame = view.problems_frame(problems, page.lang)
        st.dataframe(frame, hide_index=True, width="stretch", placeholder=i18n.DASH)
        stem = upload.name.rsplit(".", 1)[0]
        st.download_button(t("data.check.download"), partial(to_csv_bytes, frame),  # built when clicked
                           file_name=download_name(t("data.check.file", name=stem), page.region_name, "csv", page.lang,
                                                   as_of=date.today()),
                           mime="text/csv", icon=":material/download:", on_click="ignore")
        return
    st.success(t("data.check.passed", rows=rows), icon=":material/check_circle:")
    if st.button(t("data.import.run", rows=rows), type="primary", icon=":material/upload:"):
        try:
            result = write_import(kind, path, mode, actor or default_actor(), upload.name)
        except ImportFailed as failed:
            st.error(plain(str(failed)), icon=":material/error:")
            return
        except db.RiskdashError as exc:
            if not (isinstance(exc, db.IOFailure) and exc.written):
                st.error(plain(error_line(exc, page.lang)), icon=":material/error:")
                return
            # committed before the disk failed: the rows are in, so the file is done with like any import
            discard_upload_copy()
            st.session_state.pop("data_last_import", None)
            st.session_state["data_last_record"] = (False, error_line(exc, page.lang))
        else:
            discard_upload_copy()
            st.session_state["data_last_import"] = result.as_json()
        # a new uploader: the imported file is not checked again (it would now meet its own rows)
        st.session_state["data_upload_round"] = st.session_state.get("data_upload_round", 0) + 1
        st.rerun()


def upload_key() -> str:
    return f"data_import_file_{st.session_state.get('data_upload_round', 0)}"


def last_import(page) -> None:
    done = st.session_state.get("data_last_import")
    if done:
        st.success(plain(view.import_done_text(done, page.lang)), icon=":material/check_circle:")


def _deferred(build):
    """Download data made only when the button is clicked (a whole table is too big to build on every run).
    Streamlit runs the callable on its own thread, so it reads through a cursor of its own."""

    def data() -> bytes:
        _, con = session.new_cursor(session.open_database())
        try:
            return build(con)
        finally:
            con.close()

    return data


def export_panel(page) -> None:
    from riskdash.importer.export import (
        EXPORT_TABLES,
        export_table,
        to_csv_bytes,
        to_xlsx_bytes,
    )
    from riskdash.ui import login

    if not login.whole_city_only(page.lang):  # whole tables: not for an account bounded by a region
        return

    table = st.selectbox(page.t("data.export.table"), EXPORT_TABLES, key="data_export_table")
    name = table_title(table, page.lang)
    left, right = st.columns(2)

    def whole(con):
        return _labelled(con, export_table(con, table), table, page.lang)

    left.download_button(page.t("data.export.csv"), _deferred(lambda con: to_csv_bytes(whole(con))),
                         file_name=download_name(name, page.region_name, "csv", page.lang, as_of=page.data_as_of),
                         mime="text/csv", icon=":material/download:", key="data_export_csv")
    right.download_button(page.t("data.export.xlsx"),
                          _deferred(lambda con: to_xlsx_bytes(whole(con), name[:31])),
                          file_name=download_name(name, page.region_name, "xlsx", page.lang, as_of=page.data_as_of),
                          icon=":material/download:", key="data_export_xlsx")


def _labelled(con, frame, table: str, lang: str):
    """The screen's export of ``table``: Chinese headers and names in Chinese (screens.data.view.export_frame)."""
    return view.export_frame(frame, table, reads.enum_choices(con), lang)


def table_title(table: str, lang: str) -> str:
    """A table's name in the interface language (an import kind's title; else the table's own name)."""
    kind = view.kind_of(table)
    if kind is None:
        return i18n.t("data.audit.file_name", lang) if table == "audit_log" else table
    return kind.title_zh if lang == "zh" else kind.title_en


# ---------------------------------------------------------------------------------------------- records
# A form's write goes straight to the write window: records.add / edit / hazard_action check and write in
# one transaction there, so a refused record has written nothing.


def _flash(page, text: str, ok: bool = True) -> None:
    st.session_state["data_last_record"] = (ok, text)
    st.rerun()


def last_record(page) -> None:
    done = st.session_state.pop("data_last_record", None)
    if done:
        ok, text = done
        if ok:
            st.success(plain(text), icon=":material/check_circle:")
        else:
            st.error(plain(text), icon=":material/error:")


def _refused_message(page, refused) -> None:

    st.error(plain(page.t("data.record.refused", message=view.refused_text(refused, page.lang))),
             icon=":material/error:")
    if refused.problems and refused.total > 1:
        st.dataframe(view.refused_problems_frame(refused.problems, page.lang), hide_index=True, width="stretch", placeholder=i18n.DASH)


def _write_record(page, write) -> None:
    """``write(con, check_only)``: checked first through the session's read-only cursor (a refusal is shown in
    place, the shared connection untouched), then written in the write window and the page rerun."""
    from riskdash.records import RecordRefused

    try:
        with session.reading():  # its temp tables kept on the cursor until the check is done (check_upload)
            checked = write(page.con, True)
    except RecordRefused as refused:
        _refused_message(page, refused)
        return
    if checked is not None and checked.entry_id is None and not checked.after:
        st.info(plain(view.result_text(checked, page.lang)), icon=":material/info:")
        return
    try:
        result = write_window(lambda con: write(con, False))
    except RecordRefused as refused:  # the data changed between the check and the write
        _flash(page, page.t("data.record.refused", message=view.refused_text(refused, page.lang)), ok=False)
    except db.RiskdashError as exc:
        _flash(page, error_line(exc, page.lang), ok=False)
    else:
        _flash(page, view.result_text(result, page.lang))


def _field(page, kind: str, column, current, key: str, disabled: bool = False, example: bool = True):
    """One input of a record form; returns its value as the text an import file would carry."""
    from datetime import date as _date


    label = view.column_label(kind, column.name, page.lang)
    if column.type == "enum":
        choices = view.enum_options(reads.enum_choices(page.con), column.enum, page.lang)
        codes = [None, *[c for c, _ in choices]]
        names = dict(choices)
        index = codes.index(current) if current in codes else 0
        return st.selectbox(label, codes, index=index, key=key, disabled=disabled,
                            format_func=lambda c: page.t("data.form.choose") if c is None else f"{names[c]}")
    if column.type == "date":
        value = _date.fromisoformat(current) if current else None
        picked = st.date_input(label, value=value, min_value=_date(1900, 1, 1), max_value=_date(2100, 12, 31),
                               format="YYYY-MM-DD", key=key, disabled=disabled)
        return picked.isoformat() if picked else None
    if column.type == "bool":
        options = [None, "true", "false"]
        names = {None: page.t("data.form.choose"), "true": page.t("data.form.yes"), "false": page.t("data.form.no")}
        return st.selectbox(label, options, index=options.index(current) if current in options else 0, key=key,
                            format_func=names.get, disabled=disabled)
    if column.type == "region" and not disabled:
        return _pick(page, label, view.region_choices(page.load(metrics.regions), view.region_levels(column.ref),
                                                      page.filters.account_region), current, key)
    if column.ref == "enterprise" and not disabled:
        found = page.load(reads.enterprise_choices, page.filters.region_code, page.filters.account_region)
        if len(found) <= view.PICK_LIMIT:
            return _pick(page, label, view.enterprise_labels(found), current, key)
        # too many to list: the number is typed (a township chosen in the sidebar narrows the list)
        return st.text_input(label, value=current or "", key=key, help=page.t("data.form.pick_narrow"),
                             placeholder=(column.example or None) if example else None) or None
    help_text = page.t("data.form.time_hint") if column.type == "timestamp" else None
    return st.text_input(label, value=current or "", key=key, disabled=disabled, help=help_text,
                         placeholder=(column.example or None) if example else None) or None


def _pick(page, label: str, labels: dict[str, str], current, key: str):
    """A searchable select (type a part of the name or the code) over ``labels``; a stored value no longer
    offered stays as its own choice, so that an edit never changes it unseen."""
    codes = [None, *labels]
    if current and current not in labels:
        codes.append(current)
    return st.selectbox(label, codes, index=codes.index(current) if current in codes else 0, key=key,
                        format_func=lambda c: page.t("data.form.choose") if c is None else labels.get(c, c),
                        placeholder=page.t("data.form.choose"))


def _record_fields(page, kind: str, current: dict | None, prefix: str) -> dict:
    from riskdash.importer import KINDS

    spec = KINDS[kind]
    values = {}
    locked = spec.key if current is not None else ()  # an edit's key stays as it is
    for wide, row in view.form_rows(spec.columns, locked=locked):
        for column, cell in zip(row, [st.container()] if wide else st.columns(3)):
            with cell:
                # examples help an empty form; in an edit a grey example would pass for a stored value
                values[column.name] = _field(page, kind, column, (current or {}).get(column.name),
                                             f"{prefix}_{kind}_{column.name}", disabled=column.name in locked,
                                             example=current is None)
    return values


def add_panel(page, actor: str) -> None:
    from riskdash import records

    kind = st.selectbox(page.t("data.add.kind"), records.FORM_KINDS, key="data_add_kind",
                        format_func=lambda k: view.kind_label(k, page.lang))
    with st.form(f"data_add_form_{kind}"):
        values = _record_fields(page, kind, None, "data_add")
        submitted = st.form_submit_button(page.t("data.add.submit"), type="primary", icon=":material/save:")
    if submitted:
        _write_record(page, lambda con, check: records.add(con, kind, values, actor=actor or default_actor(),
                                                           check_only=check))


def edit_panel(page, actor: str) -> None:
    from riskdash import records
    from riskdash.importer import KINDS

    left, right = st.columns([1, 2])
    kind = left.selectbox(page.t("data.edit.kind"), records.RECORD_KINDS, key="data_edit_kind",
                          format_func=lambda k: view.kind_label(k, page.lang))
    found = (page.load(reads.enterprise_choices, page.filters.region_code, page.filters.account_region)
             if kind == "enterprises" else None)
    if found is not None and len(found) <= view.PICK_LIMIT:
        with right:  # an enterprise is found by name, number or township, not typed
            key = _pick(page, page.t("data.edit.enterprise"), view.enterprise_labels(found), None,
                        "data_edit_enterprise") or ""
    else:
        key = right.text_input(page.t("data.edit.key"), key="data_edit_key").strip()
    if not key:
        return
    row = records.load(page.con, kind, key)
    if row is None:
        st.warning(plain(page.t("data.edit.missing", table=view.kind_label(kind, page.lang), id=key)), icon=":material/search_off:")
        return
    with st.expander(page.t("data.col.stored")):
        stored = view.record_frame(row, kind, page.lang)
        st.dataframe(stored, hide_index=True, width="stretch", placeholder=i18n.DASH)
        _table_button(page, stored, page.t("data.edit.file", table=table_title(kind, page.lang), id=key))
    if kind in EVIDENCE_KINDS:  # the record card's evidence (issue 18): 整改前/整改后 photos, 验收 records
        _evidence(page, EVIDENCE_KINDS[kind], key, f"data_edit_evidence_{kind}", actor)
    spec = KINDS[kind]
    current = {c.name: records.text_value(spec, c.name, row.get(c.name), row) for c in spec.columns}
    with st.form(f"data_edit_form_{kind}_{key}"):
        values = _record_fields(page, kind, current, f"data_edit_{key}")
        submitted = st.form_submit_button(page.t("data.edit.submit"), type="primary", icon=":material/save:")
    if submitted:
        changes = {c: v for c, v in values.items() if c not in spec.key and (v or None) != (current.get(c) or None)}
        _write_record(page, lambda con, check: records.edit(con, kind, key, changes, actor=actor or default_actor(),
                                                            check_only=check))


# record kinds of the forms → the evidence's record_kind (riskdash/evidence.py)
EVIDENCE_KINDS = {"hazards": "hazard", "inspections": "inspection"}


def _evidence(page, kind: str, record_id: str, key: str, actor: str) -> None:
    """A record's evidence files, and the upload form for an account that may record (ui/evidence.py)."""
    from riskdash.ui import evidence as shown

    with st.container(border=True, key=key):
        shown.flash()
        shown.evidence_list(page, kind, record_id, key)
        shown.upload_form(page, kind, record_id, key, actor or default_actor())


def flow_panel(page, actor: str) -> None:
    from datetime import date as _date

    from riskdash import records

    towns = reads.townships(page.con, page.filters.region_code, page.filters.account_region)
    left, right = st.columns(2)
    hazard_id = None
    if not towns.empty:
        # named with the county (城关街道 is in several), searchable by name, pinyin initials or code
        names = {code: " ".join(v for v in (county, name) if isinstance(v, str))
                 for code, county, name in zip(towns["region_code"], towns["county_name"], towns["name"])}
        town = left.selectbox(page.t("data.flow.township"), list(names), key="data_flow_town",
                              format_func=lambda c: searchable(names[c], c))
        listed = records.open_hazards(page.con, town, limit=50)
        if listed.empty:
            left.info(page.t("data.flow.none_open"), icon=":material/task_alt:")
        else:
            rows = {r["hazard_id"]: r for r in listed.to_dict("records")}
            hazard_id = left.selectbox(page.t("data.flow.open", n=len(rows)), list(rows), key="data_flow_pick",
                                       format_func=lambda h: view.hazard_choice_label(rows[h], page.lang))
    typed = right.text_input(page.t("data.flow.by_id"), key="data_flow_id").strip()
    hazard_id = typed or hazard_id
    if not hazard_id:
        return
    row = records.load(page.con, "hazards", hazard_id)
    if row is None:
        st.warning(plain(page.t("data.edit.missing", table=view.kind_label("hazards", page.lang), id=hazard_id)), icon=":material/search_off:")
        return
    today = _date.today()
    # plain text: the description is the user's data, never markdown
    st.text(page.t("data.flow.current", id=hazard_id, grade=page.t(f"data.flow.grade.{row['grade']}"),
                       enterprise=view.enterprise_words(records.load(page.con, "enterprises", row["enterprise_id"]),
                                                        row["enterprise_id"]),
                       description=row.get("description") or "—"))
    steps, form_side = st.columns([1, 1])
    with steps:
        loop = view.hazard_steps(row, page.lang)
        st.dataframe(loop, hide_index=True, width="stretch")
        _table_button(page, loop, page.t("data.flow.file", id=hazard_id))
    offered = view.offered_actions(row, today)
    if not offered:
        form_side.success(page.t("data.flow.closed"), icon=":material/task_alt:")
        _evidence(page, "hazard", hazard_id, "data_flow_evidence", actor)
        return
    with form_side:
        from riskdash.ui.evidence import step_attachment

        action = st.radio(page.t("data.flow.action"), offered, horizontal=True, key=f"data_flow_action_{hazard_id}",
                          format_func=lambda a: page.t(f"data.flow.action.{a}"))
        with st.form(f"data_flow_form_{hazard_id}_{action}"):
            on = st.date_input(page.t("data.flow.on"), value=today, min_value=_date(1900, 1, 1),
                               max_value=_date(2100, 12, 31), format="YYYY-MM-DD")
            level = None
            if action == "supervise":
                level = st.selectbox(page.t("data.flow.level"), records.SUPERVISION_LEVELS, index=1,
                                     format_func=lambda v: page.t(f"data.flow.level.{v}"))
            # 整改完成 carries its 整改后 photo, 验收销号 its 验收 record (optional; issue 18)
            upload = step_attachment(page, action, f"data_flow_{hazard_id}_{action}")
            submitted = st.form_submit_button(page.t("data.flow.submit"), type="primary", icon=":material/save:")
    _evidence(page, "hazard", hazard_id, "data_flow_evidence", actor)
    if submitted:
        attachment = (upload.getvalue(), upload.name) if upload is not None else None
        _write_record(page, lambda con, check: records.hazard_action(
            con, hazard_id, action, on, level=level, actor=actor or default_actor(), check_only=check,
            attachment=attachment))


def view_export_panel(page) -> None:
    from riskdash import i18n
    from riskdash.importer import KINDS
    from riskdash.importer.export import to_csv_bytes, to_xlsx_bytes

    table = st.selectbox(page.t("data.export.table"), reads.VIEW_TABLES, key="data_view_table",
                         format_func=lambda k: KINDS[k].title_zh if page.lang == "zh" else KINDS[k].title_en)
    f = page.filters
    st.caption(plain(page.t("data.view.scope", start=i18n.day(f.start, page.lang), end=i18n.day(f.end, page.lang),
                            region=page.region_name, sector=page.sector_name, day=day_text(page),
                            table=KINDS[table].title_zh if page.lang == "zh" else KINDS[table].title_en)))
    title = KINDS[table].title_zh if page.lang == "zh" else KINDS[table].title_en
    left, right = st.columns(2)

    def selected(con):
        return _labelled(con, reads.filtered_view(con, table, f), table, page.lang)

    left.download_button(page.t("data.export.csv"), _deferred(lambda con: to_csv_bytes(selected(con))),
                         file_name=download_name(title, page.region_name, "csv", page.lang, period=(f.start, f.end)),
                         mime="text/csv", icon=":material/download:", key="data_view_csv")
    right.download_button(page.t("data.export.xlsx"),
                          _deferred(lambda con: to_xlsx_bytes(selected(con), title[:31])),
                          file_name=download_name(title, page.region_name, "xlsx", page.lang, period=(f.start, f.end)),
                          icon=":material/download:", key="data_view_xlsx")


def _audited_backup(actor: str):
    """The backup .zip, built when the button is clicked, then its audit entry (the account as actor) written in
    the write window: a download that cannot be logged fails rather than leave no trace."""
    from riskdash import records

    def data() -> bytes:
        taken = {}
        zipped = _deferred(lambda con: records.backup_zip(con, taken))()
        write_window(lambda con: records.log_backup(con, actor, "riskdash-backup.zip (download)", taken["manifest"]),
                     login=True)  # the session's admin check was made before the button was drawn
        return zipped

    return data


def backup_panel(page, actor: str) -> None:
    from riskdash import records
    from riskdash.ui import login

    if not login.admin_only(page.lang):  # backup download and restore are the admin's (issue 16)
        return

    st.download_button(page.t("data.backup.download"),
                       _audited_backup(login.current_account_name() or actor or default_actor()),
                       file_name=download_name(page.t("data.backup.file_name"), page.region_name, "zip", page.lang,
                                               as_of=date.today()),
                       mime="application/zip", icon=":material/download:",
                       key="data_backup_download")
    limit_mb = upload_limit(page)
    upload = widgets.file_uploader(page.t("data.backup.file"), ["zip"], "data_restore_file", limit_mb, page.lang)
    if upload is None or too_big(page, upload, limit_mb):
        return
    sure = st.checkbox(page.t("data.backup.confirm"), key="data_restore_confirm")
    if st.button(page.t("data.backup.restore"), type="primary", disabled=not sure, icon=":material/restore:",
                 key="data_restore_run"):
        payload = upload.getvalue()
        try:
            result = write_window(lambda path: records.restore_zip(path, payload, actor=actor or default_actor()),
                                  connect=False)
        except db.RiskdashError as exc:
            if isinstance(exc, db.IOFailure) and exc.written:  # swapped in before the disk failed: every page
                _flash(page, error_line(exc, page.lang), ok=False)  # reloads on the new file (rerun, shown then)
            st.error(plain(error_line(exc, page.lang)), icon=":material/error:")
            return
        _flash(page, page.t("data.backup.restored", **result))


def audit_panel(page) -> None:
    from riskdash.importer.export import to_csv_bytes, to_xlsx_bytes

    choices = reads.audit_choices(page.con)
    if choices.empty:
        st.info(page.t("data.audit.empty"), icon=":material/info:")
        return
    every = page.t("data.audit.all")
    cols = st.columns(5)

    def pick(col, label, values, key):
        return col.selectbox(label, view.audit_options(values), key=key,
                             format_func=lambda v: every if v is None else view.audit_word(v, page.lang))

    table = pick(cols[0], page.t("data.audit.filter.table"), choices["table_name"], "data_audit_table")
    kind = pick(cols[1], page.t("data.audit.filter.kind"), choices["kind"], "data_audit_kind")
    action = pick(cols[2], page.t("data.audit.filter.action"), choices["action"], "data_audit_action")
    start = cols[3].date_input(page.t("data.audit.filter.start"), value=None, format="YYYY-MM-DD",
                               key="data_audit_start")
    end = cols[4].date_input(page.t("data.audit.filter.end"), value=None, format="YYYY-MM-DD", key="data_audit_end")
    # read-only; an account bounded by a region sees the writes of its region's accounts (issue 16)
    raw = reads.audit_entries(page.con, table=table, kind=kind, action=action, start=start, end=end, limit=500,
                              account_region=page.filters.account_region)
    frame = view.audit_display(raw, page.lang)
    st.caption(page.t("data.audit.shown", n=len(frame)))
    # one themed view of its columns at a time, the entry's whole text in its card (issue 17 item 7)
    event = widgets.view_table(frame, view.audit_views(frame, page.lang), "data_audit_view",
                               page.t("data.audit.view_label"), download=False, selectable=True)
    _audit_card(page, frame, list(getattr(getattr(event, "selection", None), "rows", []) or []))
    left, right = st.columns(2)
    audit_name = page.t("data.audit.file_name")
    # both built when clicked (callables), not on every run of the page
    left.download_button(page.t("data.audit.download"), partial(to_csv_bytes, frame),
                         file_name=download_name(audit_name, page.region_name, "csv", page.lang, as_of=date.today()),
                         mime="text/csv", icon=":material/download:", key="data_audit_csv", on_click="ignore")
    right.download_button(page.t("data.audit.download_xlsx"), partial(to_xlsx_bytes, frame, "audit_log"),
                          file_name=download_name(audit_name, page.region_name, "xlsx", page.lang, as_of=date.today()),
                          icon=":material/download:", key="data_audit_xlsx", on_click="ignore")


def _audit_card(page, frame, rows: list[int]) -> None:
    """The selected audit entry, every field (修改前 and 修改后 whole, as text), or the hint to select one."""
    import pandas as pd

    from riskdash.ui.markdown import plain_frame

    if not rows or rows[0] >= len(frame):
        st.caption(":material/touch_app: " + page.t("data.audit.hint"))
        return
    fields = view.audit_fields(frame, rows[0])
    with st.container(border=True, key="data_audit_record"):
        st.markdown(f"**:material/history: {plain(page.t('data.audit.entry', id=fields[0][1]))}**")
        # st.table reads Markdown in every cell: the values are data
        st.table(plain_frame(pd.DataFrame(fields, columns=["", " "]).set_index("")))


def jobs_panel(page) -> None:
    """The scheduled jobs' last runs (riskdash.jobs: the run log beside the database) and, for each failure,
    whether the audit log has it yet; for accounts not bounded by a region (the server is theirs)."""
    from riskdash import jobs

    runs = jobs.last_runs(jobs.read_runs(session.database_path()))
    if not runs:
        st.caption(page.t("data.jobs.empty"))
        return
    for line in view.last_failures(runs, page.lang):
        st.error(line, icon=":material/error:")
    logged = jobs.logged_run_ids(page.con)
    table = view.job_runs_table(runs, logged, page.lang)
    st.dataframe(table, hide_index=True, width="stretch", placeholder=i18n.DASH)
    _table_button(page, table, page.t("data.jobs.file"))


def counts_panel(page) -> None:

    with st.container(key="data_counts"):
        st.caption(page.t("data.counts.heading"))
        table = view.counts_table(reads.table_counts(page.con), page.lang)
        st.table(view.counts_shown(table), hide_index=True, width="content")
        _table_button(page, table, page.t("data.counts.file"))


def _table_button(page, frame, what: str) -> None:
    """The table's own download: the .xlsx every screen's tables give (ui.widgets.table_download), named for it,
    the scope and the as-of day, its title, scope and as-of lines above a frozen header."""
    from riskdash.ui.widgets import table_download

    table_download(frame, what)
