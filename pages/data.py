"""数据管理 Data management: import a file (checked before anything is written), add records, the hazard
rectification loop, edit any record, export tables and filtered views, backup and restore, the audit log."""

import streamlit as st

from riskdash import ui
from riskdash.screens.data import draw, view
from riskdash.screens.kit import download_name
from riskdash.ui.login import current_account_name
from riskdash.ui.write_window import default_actor

page = ui.start_page("data")
t, lang = page.t, page.lang

draw.last_import(page)
draw.last_record(page)
# the logged-in account is the operator of every write (accounts.actor_for): shown, never typed over
actor = st.text_input(t("data.import.actor"), value=default_actor(),
                      disabled=current_account_name() is not None)
# the open tab is kept by the server (a key, on_change): a write reruns the page with its result line above the
# tabs, which made them a new element that the browser opened on its first tab (issue 17 item 11); the language
# switch keeps it too (ui.kept_tabs)
tab_import, tab_add, tab_flow, tab_edit, tab_export, tab_audit = ui.kept_tabs(
    [t("data.tab.import"), t("data.tab.add"), t("data.tab.flow"), t("data.tab.edit"), t("data.tab.export"),
     t("data.tab.audit")], "data_tab")

with tab_import:
    ui.section(t("data.import.heading"), t("data.import.scope"))
    kind = st.selectbox(t("data.import.kind"), view.import_kinds(), format_func=lambda k: view.kind_label(k, lang),
                        key="data_import_kind")
    mode = st.radio(t("data.import.mode"), ["append", "upsert"], horizontal=True,
                    format_func=lambda m: t(f"data.mode.{m}"))
    ui.template_button(t("data.import.template"), kind,
                       download_name(t("data.import.template_file", kind=draw.table_title(kind, lang)), "", "xlsx", lang),
                       "data_import_template")
    limit_mb = draw.upload_limit(page)
    upload = ui.file_uploader(t("data.import.file"), ["csv", "xlsx"], draw.upload_key(), limit_mb, lang)
    if upload is None:
        draw.discard_upload_copy()
    else:
        draw.check_and_import(page, kind, mode, actor, upload, limit_mb)
    draw.counts_panel(page)

with tab_add:
    ui.section(t("data.add.heading"), t("data.add.scope"))
    draw.add_panel(page, actor)

with tab_flow:
    ui.section(t("data.flow.heading"), t("data.flow.scope"))
    draw.flow_panel(page, actor)

with tab_edit:
    ui.section(t("data.edit.heading"), t("data.edit.scope"))
    draw.edit_panel(page, actor)

with tab_export:
    ui.section(t("data.view.heading"), "")
    draw.view_export_panel(page)
    ui.section(t("data.export.heading"), t("data.export.scope", day=draw.day_text(page)))
    draw.export_panel(page)
    ui.section(t("data.backup.heading"), t("data.backup.scope"))
    draw.backup_panel(page, actor)

with tab_audit:
    ui.section(t("data.audit.heading"), t("data.audit.scope"))
    draw.audit_panel(page)
    if page.filters.account_region is None:  # the server's jobs: for the city and the admin
        ui.section(t("data.jobs.heading"), t("data.jobs.scope"))
        draw.jobs_panel(page)
