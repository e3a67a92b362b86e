"""Streamlit drawing for 设置: one editor per reference kind, saved through the importer.

Validation runs through the session's read-only cursor (temp tables only); the write goes through the write
window (ui/write_window.write_import), which also clears every cache, so that the new values show on every
page at their next run.
"""

from __future__ import annotations

import streamlit as st

from riskdash import db, i18n
from riskdash.importer import KINDS, ImportFailed
from riskdash.metrics import data as reads
from riskdash.screens.settings import view
from riskdash.ui.frame import PageContext
from riskdash.ui.markdown import plain
from riskdash.ui.write_window import default_actor, error_line, write_import

_SAVED = "settings_last_save"


def _version(kind: str) -> int:
    return st.session_state.get(f"settings_version_{kind}", 0)


def last_save(page: PageContext) -> None:
    done = st.session_state.pop(_SAVED, None)
    if done:
        st.success(page.t("settings.saved", **done), icon=":material/check_circle:")


def editor(page: PageContext, kind: str, actor: str) -> None:
    """The stored rows of ``kind`` in an editor, and its 保存 button."""
    t, lang = page.t, page.lang
    title = view.kind_title(kind, lang)
    before = page.load(reads.settings_rows, kind)
    st.caption(t("settings.tab.scope", title=title, rows=len(before)))
    labels = view.column_labels(kind, lang)
    config = {name: st.column_config.Column(text) for name, text in labels.items()}
    edited = st.data_editor(before, key=f"settings_edit_{kind}_{_version(kind)}",
                            num_rows="add" if view.can_add_rows(kind, lang) else "fixed",
                            hide_index=True, width="stretch", column_config=config,
                            column_order=view.shown_columns(kind, lang))
    if not st.button(t("settings.save"), key=f"settings_save_{kind}", type="primary", icon=":material/save:"):
        return
    if not view.has_changes(before, edited):
        st.info(t("settings.unchanged"), icon=":material/info:")
        return
    with view.edits_file(kind, edited) as path:  # one copy, deleted whatever the outcome
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
