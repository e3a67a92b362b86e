"""Streamlit helpers of the 隐患治理 page: the lists with their downloads, the sector names, the form's line.
The page reads its metrics itself, through ``page.load``."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from riskdash import i18n, metrics
from riskdash.screens.kit import download_name
from riskdash.ui.frame import PageContext


def list_with_downloads(table: pd.DataFrame, name: str, title: str, csv_label: str, xlsx_label: str,
                        empty: str, page: PageContext) -> None:
    """A sortable table (click a heading) and its CSV and .xlsx downloads (formula-looking text escaped), named
    for the list, the scope and the as-of day (逾期未销号重大隐患_绿阳区_截至2026年11月28日.xlsx)."""
    from riskdash.exports.rectification_lists import list_csv, list_xlsx

    if table.empty:
        st.info(empty, icon=":material/check_circle:")
        return
    st.dataframe(table, hide_index=True, width="stretch", placeholder=i18n.DASH)
    left, right = st.columns(2)
    left.download_button(csv_label, list_csv(table), file_name=list_file_name(page, title, "csv"), mime="text/csv",
                         icon=":material/download:", key=f"rect_csv_{name}")
    right.download_button(xlsx_label, list_xlsx({title: table}, {title: sheet_title(page, title)}),
                          file_name=list_file_name(page, title, "xlsx"),
                          mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                          icon=":material/download:", key=f"rect_xlsx_{name}")


def sheet_title(page: PageContext, what: str) -> str:
    """The title line of an exported list: what, the scope and the as-of day (逾期隐患清单 · 绿阳区 · 截至…)."""
    day = i18n.day(page.filters.as_of, page.lang)
    return " · ".join([what, page.region_name, f"截至{day}" if page.lang == "zh" else f"as of {day}"])


def list_file_name(page: PageContext, what: str, ext: str) -> str:
    return download_name(what, page.region_name, ext, page.lang, as_of=page.filters.as_of)


def sector_names(page: PageContext) -> dict[str, tuple[str, str]]:
    sectors = page.load(metrics.sectors)
    return {code: (zh, en) for code, zh, en in zip(sectors["code"], sectors["name_zh"], sectors["name_en"])}


def form_scope(page: PageContext, header) -> str:
    """The monthly form's line: reporting unit, 1 January to the form's as-of day (the report month's last day,
    or the data's as-of day in the month still running), the sector."""
    return i18n.t("rectification.form_scope", page.lang, region=header.unit,
                  period=i18n.period(header.start, header.as_of, page.lang),
                  as_of=i18n.day(header.as_of, page.lang), sector=page.sector_name)
