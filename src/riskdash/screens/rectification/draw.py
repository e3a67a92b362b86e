"""Streamlit helpers of the 隐患治理 page: the start of its tabs' fragment, the lists with their downloads, the
sector names, the form's line. The page reads its metrics itself, through ``page.load``."""

from __future__ import annotations

from functools import partial

import pandas as pd
import streamlit as st

from riskdash import i18n, metrics
from riskdash.screens.kit import download_name
from riskdash.ui.frame import PageContext
from riskdash.ui.widgets import (
    fit,
    fitted,
    keep_row,
    kept,
    kept_row,
    selected_row,
    table_download,
)

TABS_KEY = "rect_tab"  # the open tab (its label; ui.kept_tabs keeps its place through the language switch)



def list_with_downloads(table: pd.DataFrame, name: str, title: str, csv_label: str, xlsx_label: str,
                        empty: str, page: PageContext, hazard_ids: list[str] | None = None,
                        enterprises: pd.DataFrame | None = None, views: dict[str, list[str]] | None = None) -> None:
    """A sortable table (click a heading) and its CSV and .xlsx downloads (formula-looking text escaped), named
    for the list, the scope and the as-of day (逾期未销号重大隐患_绿阳区_截至2026年11月28日.xlsx). A list of
    hazards (``hazard_ids``, one per row) opens the selected row's record below the table; a list of enterprises
    (``enterprises``: enterprise_id and enterprise_name, one per row) opens the enterprise's hazards and inspections.
    ``views``: a list too wide for the page is shown one themed view of its columns at a time (``view.list_views``;
    the downloads keep every column)."""
    from riskdash.exports.rectification_lists import list_csv, list_xlsx

    if table.empty:
        st.info(empty, icon=":material/check_circle:")
        return
    if enterprises is not None:
        _enterprise_list(page, table, enterprises, f"rect_list_{name}")
    elif hazard_ids is None:
        drawn, sized = fitted(table)
        st.dataframe(drawn, hide_index=True, width="stretch", placeholder=i18n.DASH, **sized)
    else:
        _hazard_list(page, table, hazard_ids, f"rect_list_{name}", views)
    # both files are built when clicked (a callable ``data``: Streamlit runs it on its own thread, so it gets
    # only values, never the page or the session), not on every run of the page (issue 17)
    left, right = st.columns(2)
    left.download_button(csv_label, partial(list_csv, table), file_name=list_file_name(page, title, "csv"),
                         mime="text/csv", icon=":material/download:", key=f"rect_csv_{name}", on_click="ignore")
    right.download_button(xlsx_label, partial(list_xlsx, {title: table}, {title: sheet_lines(page, title)}),
                          file_name=list_file_name(page, title, "xlsx"),
                          mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                          icon=":material/download:", key=f"rect_xlsx_{name}", on_click="ignore")


def sheet_lines(page: PageContext, what: str) -> list[str]:
    """The lines above an exported list, as above every table's .xlsx (ui.widgets.table_download): its title,
    the scope (region, sector, period) and the as-of day."""
    scope = page.scope
    return [what, page.t("table.scope", region=scope.region, sector=scope.sector, period=scope.period),
            page.t("table.as_of", as_of=scope.as_of)]


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


def _hazard_list(page: PageContext, table: pd.DataFrame, hazard_ids: list[str], key: str,
                 views: dict[str, list[str]] | None = None) -> None:
    """The list with one selectable row (``views``: one themed view of its columns at a time); the selected
    hazard's record card below it (as the accident lists do), kept while the tab is closed (ui.widgets.kept_row)."""
    from riskdash.metrics import rectification as rect
    from riskdash.screens.rectification import view
    from riskdash.ui.markdown import plain, plain_frame
    from riskdash.ui.widgets import view_table

    if views:
        event = view_table(table, views, f"{key}_view", page.t("rectification.view_label"), download=False,
                           selectable=True, ids=hazard_ids)
        row = selected_row(event, len(hazard_ids))  # noted by view_table
    else:
        drawn, sized = fitted(table, selectable=True)
        event = st.dataframe(drawn, hide_index=True, width="stretch", placeholder=i18n.DASH,
                             **kept_row(key, hazard_ids), **sized)
        row = keep_row(key, hazard_ids, event)
    if row is None:
        st.caption(":material/touch_app: " + page.t("rectification.record_hint"))
        return
    hazard_id = hazard_ids[row]
    record = page.load(rect.hazard_record, hazard_id, page.filters.as_of)
    if record is None:
        return
    sector = record.get("industry_name_zh" if page.lang == "zh" else "industry_name_en")
    with st.container(border=True, key=f"{key}_record"):
        st.markdown(f"**:material/description: {plain(page.t('rectification.record', id=hazard_id))}**")
        fields = view.hazard_record_fields(record, sector, page.lang)
        # st.table reads Markdown in every cell: the enterprise and the description are data
        st.table(plain_frame(pd.DataFrame(fields, columns=["", " "]).set_index("")))
        # its evidence (issue 18): 整改前/整改后 photos and 验收 records, uploaded in 数据管理's rectification loop
        from riskdash.ui.evidence import evidence_list

        evidence_list(page, "hazard", hazard_id, f"{key}_evidence")


def _enterprise_list(page: PageContext, table: pd.DataFrame, enterprises: pd.DataFrame, key: str) -> None:
    """The list with one selectable row; the selected enterprise's record below it: its hazards and its
    inspections up to the as-of day (the lists of 重点防控's enterprise card), kept while the tab is closed."""
    from riskdash.metrics import priority
    from riskdash.screens.priority import view as priority_view
    from riskdash.ui.markdown import plain

    ids = enterprises["enterprise_id"].to_list()
    drawn, sized = fitted(table, selectable=True)
    event = st.dataframe(drawn, hide_index=True, width="stretch", placeholder=i18n.DASH, **kept_row(key, ids),
                         **sized)
    row = keep_row(key, ids, event)
    if row is None:
        st.caption(":material/touch_app: " + page.t("rectification.enterprise_hint"))
        return
    chosen = enterprises.iloc[row]
    enterprise_id, as_of = chosen["enterprise_id"], page.filters.as_of
    with st.container(border=True, key=f"{key}_record"):
        heading = page.t("rectification.enterprise_record", name=chosen["enterprise_name"], id=enterprise_id)
        st.markdown(f"**:material/factory: {plain(heading)}**")
        for label, read, shaped in (("priority.card_hazards", priority.site_hazards, priority_view.card_hazards_table),
                                    ("priority.card_inspections", priority.site_inspections,
                                     priority_view.card_inspections_table)):
            frame = page.load(read, enterprise_id, as_of)
            st.markdown(f"**{page.t(label, n=len(frame))}**")
            if frame.empty:
                st.caption(page.t("priority.none_found"))
            else:
                st.dataframe(shaped(frame, page.lang), hide_index=True, width="stretch", placeholder=i18n.DASH)
                table_download(shaped(frame, page.lang),
                               page.t("table.of", whole=page.t(label, n=len(frame)), part=chosen["enterprise_name"]))


def table_or_views(table: pd.DataFrame, views: dict[str, list[str]], key: str, label: str) -> None:
    """``table`` whole where its columns fit the page at 1024 px (NARROW_PX beside the sidebar), else one themed
    view of its columns at a time (``views``; ui.widgets.view_table); its download carries every column."""
    from riskdash.ui.widgets import NARROW_PX, table as whole_table, view_table

    widths = [c["width"] for c in fit(table)["column_config"].values()]
    if sum(widths) <= NARROW_PX + len(widths):  # each width is rounded up
        whole_table(table)
    else:
        view_table(table, views, key, label)


def department_table(table: pd.DataFrame) -> None:
    """The table by 行业主管部门: its sectors column (a department's list of sectors, long in English) may wrap
    over more lines than other tables' text so that the counts stay within the page (issue 17 item 7)."""
    drawn, sized = fitted(table, max_lines=12)
    st.dataframe(drawn, hide_index=True, width="stretch", placeholder=i18n.DASH, **sized)
    table_download(table)


# ---------------------------------------------------------------------------------------------- 行业主管部门


def department_filter(page: PageContext, key: str) -> str | None:
    """行业主管部门 (issue 18, "hazards … listed by department"): the select box over a tab's hazard lists, 全部部门
    (None) by default; a department narrows the lists to its sectors in SQL (in_department,
    sql/views/departments.sql), as 事故趋势's accident lists and 重点部位's ledger."""
    from riskdash.metrics import departments
    from riskdash.screens import departments as departments_view

    listed = page.load(departments.department_list)
    return st.selectbox(page.t("departments.filter"), departments_view.filter_choices(listed), **kept(key),
                        format_func=lambda d: d or page.t("departments.filter_all")) or None


def department_note(page: PageContext, department: str | None, n: int) -> None:
    """Under a narrowed list: 仅列行业主管部门“应急管理”主管行业（…）的隐患：2项。 (nothing for 全部部门)."""
    from riskdash.metrics import core, departments
    from riskdash.screens import departments as departments_view
    from riskdash.ui.markdown import plain

    if department is not None:
        st.caption(plain(departments_view.filter_note(
            department, page.load(departments.department_list), departments_view.sector_map(page.load(core.sectors)),
            "hazards", n, page.lang)))


def department_title(page: PageContext, title: str, department: str | None) -> str:
    """A narrowed list's name for its downloads: 逾期隐患（应急管理）; the whole name without a department."""
    from riskdash.screens import departments as departments_view

    return departments_view.filter_name(title, department, page.lang)
