"""数据管理 Data management: import a file (checked before anything is written), add records, the hazard
rectification loop, edit any record, export tables and filtered views, backup and restore, the audit log."""

import streamlit as st

from riskdash import ui
from riskdash.ui import data, data_page

page = ui.start_page("data")
t, lang = page.t, page.lang

data_page.last_import(page)
data_page.last_record(page)
actor = st.text_input(t("data.import.actor"), value=data_page.default_actor())
tab_import, tab_add, tab_flow, tab_edit, tab_export, tab_audit = st.tabs(
    [t("data.tab.import"), t("data.tab.add"), t("data.tab.flow"), t("data.tab.edit"), t("data.tab.export"),
     t("data.tab.audit")])

with tab_import:
    ui.section(t("data.import.heading"), t("data.import.scope"))
    kind = st.selectbox(t("data.import.kind"), data.import_kinds(), format_func=lambda k: data.kind_label(k, lang),
                        key="data_import_kind")
    mode = st.radio(t("data.import.mode"), ["append", "upsert"], horizontal=True,
                    format_func=lambda m: t(f"data.mode.{m}"))
    st.download_button(t("data.import.template"), data_page.template(kind), file_name=f"template-{kind}.xlsx",
                       icon=":material/download:")
    limit_mb = data_page.upload_limit(page)
    upload = st.file_uploader(t("data.import.file"), type=["csv", "xlsx"], key=data_page.upload_key(),
                              max_upload_size=limit_mb)
    if upload is None:
        data_page.discard_upload_copy()
    else:
        data_page.check_and_import(page, kind, mode, actor, upload, limit_mb)
    data_page.counts_panel(page)

with tab_add:
    ui.section(t("data.add.heading"), t("data.add.scope"))
    data_page.add_panel(page, actor)

with tab_flow:
    ui.section(t("data.flow.heading"), t("data.flow.scope"))
    data_page.flow_panel(page, actor)

with tab_edit:
    ui.section(t("data.edit.heading"), t("data.edit.scope"))
    data_page.edit_panel(page, actor)

with tab_export:
    ui.section(t("data.view.heading"), "")
    data_page.view_export_panel(page)
    ui.section(t("data.export.heading"), t("data.export.scope", day=data_page.day_text(page)))
    data_page.export_panel(page)
    ui.section(t("data.backup.heading"), t("data.backup.scope"))
    data_page.backup_panel(page, actor)

with tab_audit:
    ui.section(t("data.audit.heading"), t("data.audit.scope"))
    data_page.audit_panel(page)
