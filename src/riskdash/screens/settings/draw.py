"""Streamlit drawing for 设置: one editor per reference kind, saved through the importer.

Validation runs through the session's read-only cursor (temp tables only); the write goes through the write
window (ui/write_window.write_import), which also clears every cache, so that the new values show on every
page at their next run.
"""

from __future__ import annotations

import math

import pandas as pd
import streamlit as st

from riskdash import db, i18n
from riskdash.importer import KINDS, ImportFailed
from riskdash.metrics import data as reads
from riskdash.screens.settings import view
from riskdash.ui import session
from riskdash.ui.frame import PageContext
from riskdash.ui.markdown import plain
from riskdash.ui.widgets import (
    CELL_PAD_PX,
    NARROW_CHAR_PX,
    NARROW_PX,
    fit,
    narrow,
    text_px,
    widest_px,
)
from riskdash.ui.write_window import default_actor, error_line, write_import

_SAVED = "settings_last_save"


def _version(kind: str) -> int:
    return st.session_state.get(f"settings_version_{kind}", 0)


def last_save(page: PageContext) -> None:
    done = st.session_state.pop(_SAVED, None)
    if done:
        st.success(page.t("settings.saved", **done), icon=":material/check_circle:")


def one_line(sizing: pd.DataFrame, columns) -> pd.DataFrame:
    """``sizing`` (``view.sizing_frame``) with each of ``columns`` (the coded ones, picked in a select box, whose
    cell the grid draws on one line, never wrapped) as a run of unbreakable characters of its name's measured
    width, so that ``fit`` gives the column its whole name rather than a wrapped width (issue 17 item 7: "Recent
    accident deaths (deca…" cut at 179 px in English)."""
    out = sizing.copy()
    for column in columns:
        if column in out:
            out[column] = ["x" * math.ceil(text_px(v) / NARROW_CHAR_PX) for v in out[column]]
    return out


def words_fit(sizing: pd.DataFrame, widths: dict[str, int]) -> bool:
    """Whether every English word of ``sizing``'s text columns fits its column's width (``widths``, column
    name → px): the grid breaks English only between words, so a longer word is cut at the cell's border (the
    checklist's "Supervision" at 84 px beside the Chinese names, issue 17 item 7)."""
    for name, width in widths.items():
        words = {w for v in sizing[name] if isinstance(v, str) and narrow(v) for w in v.split()}
        if words and widest_px(words) + CELL_PAD_PX > width:
            return False
    return True


def editor(page: PageContext, kind: str, actor: str) -> None:
    """The stored rows of ``kind`` in an editor, and its 保存 button."""
    t, lang = page.t, page.lang
    title = view.kind_title(kind, lang)
    before = page.load(reads.settings_rows, kind)
    st.caption(t("settings.tab.scope", title=title, rows=len(before)))
    labels = view.editor_labels(kind, lang)
    shown = view.shown_columns(kind, lang)
    key = f"settings_edit_{kind}_{_version(kind)}"
    # the labels (not the stored column names) sized to the page at 1024 px, long text wrapped (issue 17 item 7);
    # an editor that cannot fit whole is shown one themed view of its columns at a time
    sectors = page.load(reads.settings_rows, "sectors") if kind == "hazard-bases" else None
    coded = view.code_names(kind, lang, sectors)  # a code shown by its name, saved as the code (issue 17 item 10)
    sizing = one_line(view.sizing_frame(before, kind, lang, sectors), coded)  # a select box: one line
    views = view.editor_views(kind, lang)
    lines = {"max_lines": view.max_lines(kind, lang)} if view.max_lines(kind, lang) else {}
    whole = fit(sizing[shown].rename(columns=labels), **lines)["column_config"]
    if views and (sum(c["width"] for c in whole.values()) > NARROW_PX + len(whole)  # each width is rounded up
                  or not words_fit(sizing[shown], {name: whole[labels[name]]["width"] for name in shown})):
        shown = _editor_view(page, kind, views, key)
    sized = fit(sizing[shown].rename(columns=labels), **lines)
    widths = {name: sized["column_config"][labels[name]]["width"] for name in shown}
    helps = view.column_help(kind, lang)
    config = {name: st.column_config.Column(text, width=widths.get(name), help=plain(helps[name]) if name in helps
                                            else None) for name, text in labels.items()}
    for column, names in coded.items():  # picked by its name (工矿商贸, 危险化学品…), stored as its code
        config[column] = st.column_config.SelectboxColumn(
            labels[column], width=widths.get(column), options=view.options(names, before[column]),
            help=plain(helps[column]) if column in helps else None,
            format_func=lambda code, names=names: names.get(code, str(code)))
    edited = st.data_editor(before, key=key,
                            num_rows="add" if view.can_add_rows(kind, lang) else "fixed",
                            hide_index=True, width="stretch", column_config=config, column_order=shown,
                            **({"row_height": sized["row_height"]} if "row_height" in sized else {}))
    saving = st.button(t("settings.save"), key=f"settings_save_{kind}", type="primary", icon=":material/save:")
    if kind == "settings" and not view.can_add_rows(kind, lang):
        _add_setting(page, before, actor)  # no view holds the key and the value: a new setting is picked by its 说明
    if not saving:
        return
    if not view.has_changes(before, edited):
        st.info(t("settings.unchanged"), icon=":material/info:")
        return
    _save(page, kind, edited, actor)


def _editor_view(page: PageContext, kind: str, views: dict[str, list[str]], key: str) -> list[str]:
    """The segmented control over an editor's themed views and the chosen view's columns. Switching views draws
    a fresh editor: with unsaved edits the control is locked (save them first), so none is lost."""
    state = st.session_state.get(key)
    pending = isinstance(state, dict) and any(state.get(part) for part in ("edited_rows", "added_rows", "deleted_rows"))
    names = list(views)
    choice = st.segmented_control(page.t("settings.view.label"), names, default=names[0], required=True,
                                  key=f"settings_view_{kind}", disabled=pending) or names[0]
    if pending:
        st.caption(page.t("settings.view.pending"))
    return views[choice]


def _add_setting(page: PageContext, before, actor: str) -> None:
    """A known setting the table lacks, chosen by its 说明, with its value (the default offered): saved at once
    through the same checks as the editor."""
    missing = view.missing_settings(before)
    with st.expander(page.t("settings.add.heading"), icon=":material/add:"):
        if not missing:
            st.caption(page.t("settings.add.none"))
            return
        by_key = {row[0]: row for row in missing}
        key = st.selectbox(page.t("settings.add.pick"), list(by_key), key="settings_add_key",
                           format_func=lambda k: by_key[k][2] if page.lang == "zh" else f"{k}: {by_key[k][3]}")
        # the default value offered; blank keeps it
        value = st.text_input(page.t("settings.add.value"), key="settings_add_value", placeholder=by_key[key][1])
        submitted = st.button(page.t("settings.add.submit"), key="settings_add_submit", icon=":material/add:")
    if submitted:
        _save(page, "settings", view.with_setting(before, by_key[key], (value or "").strip() or by_key[key][1]), actor)


def _save(page: PageContext, kind: str, edited, actor: str) -> None:
    """Check ``edited`` as an import file of ``kind`` (upsert) and write it; refused rows are listed."""
    title = view.kind_title(kind, page.lang)
    with view.edits_file(kind, edited) as path:  # one copy, deleted whatever the outcome
        with session.reading():  # the check's temp tables kept on the cursor (data.draw.check_upload)
            rows, problems, total = view.check_edits(page.con, kind, path)
        if total:
            _refused(page, rows, problems, total)
            return
        try:
            result = write_import(kind, path, view.MODE, actor or default_actor(),
                                  view.label(kind))
        except ImportFailed as failed:
            _refused(page, failed.rows, failed.problems, failed.total)
            return
        except db.RiskdashError as exc:
            st.error(plain(error_line(exc, page.lang)), icon=":material/error:")
            return
    st.session_state[_SAVED] = {"title": title, "inserted": result.inserted, "updated": result.updated,
                                "unchanged": result.unchanged}
    st.session_state[f"settings_version_{kind}"] = _version(kind) + 1  # a fresh editor over the new rows
    st.rerun()


def _refused(page: PageContext, rows: int, problems, total: int) -> None:
    st.error(page.t("settings.failed", total=total, rows=rows), icon=":material/error:")
    st.dataframe(view.problems_frame(problems, page.lang), hide_index=True, width="stretch", placeholder=i18n.DASH)


def kinds() -> tuple[str, ...]:
    return tuple(k for k in view.EDITABLE if k in KINDS)
