"""Streamlit drawing for 设置: one editor per reference kind, saved through the importer.

Validation runs through the session's read-only cursor (temp tables only); the write goes through the 数据管理
screen's exclusive write window (ui/data_page.write_import), which also clears every cache, so that the new
values show on every page at their next run.
"""

from __future__ import annotations

import streamlit as st

from riskdash import db, i18n
from riskdash.importer import KINDS, ImportFailed
from riskdash.ui import data_page, settings
from riskdash.ui.markdown import plain

_SAVED = "settings_last_save"


@st.cache_data(max_entries=64, ttl=600, show_spinner=False)
def current_rows(db_key: str, kind: str, _con):
    return settings.current_rows(_con, kind)


def _version(kind: str) -> int:
    return st.session_state.get(f"settings_version_{kind}", 0)


def last_save(page) -> None:
    done = st.session_state.pop(_SAVED, None)
    if done:
        st.success(page.t("settings.saved", **done), icon=":material/check_circle:")


def editor(page, kind: str, actor: str) -> None:
    """The stored rows of ``kind`` in an editor, and its 保存 button."""
    t, lang = page.t, page.lang
    title = settings.kind_title(kind, lang)
    before = current_rows(page.db_key, kind, page.con)
    st.caption(t("settings.tab.scope", title=title, rows=len(before)))
    labels = settings.column_labels(kind, lang)
    config = {name: st.column_config.Column(text) for name, text in labels.items()}
    edited = st.data_editor(before, key=f"settings_edit_{kind}_{_version(kind)}", num_rows="add",
                            hide_index=True, width="stretch", column_config=config)
    if not st.button(t("settings.save"), key=f"settings_save_{kind}", type="primary", icon=":material/save:"):
        return
    if not settings.has_changes(before, edited):
        st.info(t("settings.unchanged"), icon=":material/info:")
        return
    with settings.edits_file(kind, edited) as path:  # one copy, deleted whatever the outcome
        rows, problems, total = settings.check_edits(page.con, kind, path)
        if total:
            _refused(page, rows, problems, total)
            return
        try:
            result = data_page.write_import(kind, path, settings.MODE, actor or data_page.default_actor(),
                                            settings.label(kind))
        except ImportFailed as failed:
            _refused(page, failed.rows, failed.problems, failed.total)
            return
        except db.RiskdashError as exc:
            st.error(plain(data_page.error_line(exc, page.lang)), icon=":material/error:")
            return
    st.session_state[_SAVED] = {"title": title, "inserted": result.inserted, "updated": result.updated,
                                "unchanged": result.unchanged}
    st.session_state[f"settings_version_{kind}"] = _version(kind) + 1  # a fresh editor over the new rows
    st.rerun()


def _refused(page, rows: int, problems, total: int) -> None:
    st.error(page.t("settings.failed", total=total, rows=rows), icon=":material/error:")
    st.dataframe(settings.problems_frame(problems, page.lang), hide_index=True, width="stretch", placeholder=i18n.DASH)


def kinds() -> tuple[str, ...]:
    return tuple(k for k in settings.EDITABLE if k in KINDS)
