"""数据管理 Data management: import a file (checked before anything is written), export any table, the audit log."""

import streamlit as st

from riskdash import ui
from riskdash.ui import data, data_page

page = ui.start_page("data")
t, lang = page.t, page.lang

ui.section(t("data.import.heading"), t("data.import.scope"))
data_page.last_import(page)
kind = st.selectbox(t("data.import.kind"), data.import_kinds(), format_func=lambda k: data.kind_label(k, lang))
mode = st.radio(t("data.import.mode"), ["append", "upsert"], horizontal=True,
                format_func=lambda m: t(f"data.mode.{m}"))
actor = st.text_input(t("data.import.actor"), value=data_page.default_actor())
st.download_button(t("data.import.template"), data_page.template(kind), file_name=f"template-{kind}.xlsx",
                   icon=":material/download:")
upload = st.file_uploader(t("data.import.file"), type=["csv", "xlsx"])
if upload is not None:
    data_page.check_and_import(page, kind, mode, actor, upload)

ui.section(t("data.export.heading"), t("data.export.scope", day=data_page.day_text(page)))
data_page.export_panel(page)

ui.section(t("data.audit.heading"), t("data.audit.scope"))
data_page.audit_panel(page)
