"""Streamlit helpers of the 专项行动与乡镇规范化 page: the start of its tabs' fragment, the scope words, the
deadlines in words and the 零报告 form (written through the write window). The page reads its metrics itself,
through ``page.load``."""

from __future__ import annotations

from datetime import datetime

import pandas as pd
import streamlit as st

from riskdash import db, i18n
from riskdash.importer import ImportFailed
from riskdash.metrics import campaigns
from riskdash.pinyin import searchable
from riskdash.screens.campaigns import view
from riskdash.screens.data.view import problems_frame
from riskdash.screens.kit import Scope, download_name
from riskdash.ui import session, widgets
from riskdash.ui.frame import PageContext
from riskdash.ui.markdown import plain
from riskdash.ui.write_window import default_actor, error_line, write_import

TABS_KEY = "campaigns_tab"  # the open tab (its label; ui.kept_tabs keeps its place through the language switch)



def scope(page: PageContext) -> Scope:
    """The assessment year's span (1 January to the period's end) in words, for every caption of the screen."""
    return Scope.of(campaigns.year_filters(page.filters), page.region_name, page.sector_name, page.data_as_of,
                    page.lang)


def deadline_words(ctx: PageContext, values: dict[str, str]) -> dict[str, str]:
    year = campaigns.year_filters(ctx.filters).as_of.year
    days = campaigns.checklist_params(values, year)
    return {"zone_city": i18n.day(days["deadline_zone_city"], ctx.lang), "zone": i18n.day(days["deadline_zone"], ctx.lang),
            "key_day": i18n.day(days["deadline_key"], ctx.lang), "report": i18n.day(campaigns.report_due(values, year), ctx.lang),
            "all": i18n.day(days["deadline_all"], ctx.lang)}


_SAVED = "campaigns_zero_report_saved"

# FORM_KEPT. The two forms' fields are kept while another tab is open (widgets.kept, issue 17), as they were
# last sent: a field inside st.form reaches the server only with the form's submit, and Streamlit's browser side
# drops the pending values of a form it no longer draws, so what was typed and not yet sent is lost with the tab
# (nothing on the server can keep it). What was sent stays: a report refused by the checks comes back as the user
# wrote it, to be corrected; a saved one as saved (the form showed it so, clear_on_submit=False). The selects
# outside the forms (the window, the pair's township and class) are kept as every picker.


def zero_report_form(page: PageContext, windows: pd.DataFrame, towns: pd.DataFrame) -> None:
    """A township station (or the city office) records one day's report; the write goes through the write
    window (ui/write_window.py) with the importer's checks and its audit entry (the reporter is the actor)."""
    t = page.t
    done = st.session_state.pop(_SAVED, None)
    if done:
        st.success(plain(t("campaigns.form_saved", **done)), icon=":material/check_circle:")
    if not page.can_write:
        # a read-only account is refused any write: it is not shown the form, but who may submit (issue 16)
        st.info(t("campaigns.form_viewer", roles=view.writer_roles(page.lang)), icon=":material/lock:")
    elif windows.empty or towns.empty:
        # the windows are reference data, the admin's: others are told to ask (issue 16)
        st.info(t("campaigns.form_no_windows" if page.is_admin else "campaigns.form_no_windows_ask"),
                icon=":material/info:")
    else:
        names = dict(zip(windows["window_id"], windows["name"]))
        town_names = {row["region_code"]: view._town(row) for _, row in towns.sort_values("region_code").iterrows()}
        places = {code: searchable(name) for code, name in town_names.items()}  # found by name or pinyin initials
        # every field kept while another tab is open (widgets.kept: FORM_KEPT)
        window_id = st.selectbox(t("campaigns.form_window"), list(names)[::-1], format_func=names.get,
                                 **widgets.kept("campaigns_form_window"))
        window = windows[windows["window_id"] == window_id].iloc[0]
        first, last, default = view.report_days(window, page.filters.as_of)
        with st.form("campaigns_zero_report", clear_on_submit=False, border=True):
            cols = st.columns(2)
            region_code = cols[0].selectbox(t("campaigns.form_township"), list(places), format_func=places.get,
                                            **widgets.kept("campaigns_form_town"))
            report_on = cols[1].date_input(t("campaigns.form_day"), value=default, min_value=first, max_value=last,
                                           **widgets.kept(f"campaigns_form_day_{window_id}"))
            accidents = cols[0].number_input(t("campaigns.form_accidents"), min_value=0, step=1, value=0,
                                             **widgets.kept("campaigns_form_accidents"))
            actor = cols[1].text_input(t("campaigns.form_reporter"), value=default_actor(),
                                       **widgets.kept("campaigns_form_actor"))
            submitted = st.form_submit_button(t("campaigns.form_submit"), type="primary", icon=":material/send:")
        if submitted:
            label = view.zero_report_label(region_code, report_on)
            try:
                with view.zero_report_file(window_id, region_code, report_on, int(accidents),
                                           datetime.now().replace(microsecond=0)) as path:  # deleted after
                    with session.reading():  # the check's temp tables kept on the cursor (data.draw.check_upload)
                        rows, problems, total = view.check_zero_report(page.con, path, label)
                    if total:
                        raise ImportFailed(label, problems, total, rows)
                    write_import(view.ZERO_REPORT_KIND, path, view.ZERO_REPORT_MODE,
                                           actor.strip() or default_actor(), label)
            except ImportFailed as failed:
                st.error(t("campaigns.form_refused", total=failed.total), icon=":material/error:")
                st.dataframe(problems_frame(failed.problems, page.lang), hide_index=True, width="stretch", placeholder=i18n.DASH)
            except db.RiskdashError as exc:
                st.error(plain(error_line(exc, page.lang)), icon=":material/error:")
            else:
                st.session_state[_SAVED] = {"township": town_names[region_code], "day": report_on.isoformat(),
                                            "window": names[window_id], "n": int(accidents),
                                            "actor": actor.strip() or default_actor()}
                st.rerun()
    st.caption(t("campaigns.form_bulk" if page.can_write else "campaigns.form_bulk_viewer"))
    widgets.template_button(t("campaigns.form_template"), view.ZERO_REPORT_KIND,
                            download_name(t("campaigns.template_file"), "", "xlsx", page.lang),
                            "campaigns_zero_template")


_PAIR_SAVED = "campaigns_pair_saved"


def pair_form(page: PageContext, pairs: pd.DataFrame, year: int) -> None:
    """Record a "1+1" pair's 共性问题, 个性问题 and 整改建议 for the year: written through the write window with the
    importer's checks, the account's region bound and its audit entry (kind campaign-pairs, upsert)."""
    t = page.t
    done = st.session_state.pop(_PAIR_SAVED, None)
    if done:
        st.success(plain(t("campaigns.pair_saved", **done)), icon=":material/check_circle:")
    if not page.can_write:
        st.caption(t("campaigns.pair_viewer"))
        return
    if pairs.empty:
        st.info(t("campaigns.empty"), icon=":material/info:")
        return
    town_names = dict(zip(pairs["region_code"], view._towns(pairs)))
    towns = {code: searchable(name) for code, name in town_names.items()}  # found by name or pinyin initials
    # every field kept while another tab is open (widgets.kept: FORM_KEPT)
    region_code = st.selectbox(t("campaigns.form_township"), list(towns), format_func=towns.get,
                               **widgets.kept("campaigns_pair_town"))
    own = pairs[pairs["region_code"] == region_code]
    classes = list(own["industry_type"])
    industry_type = st.selectbox(t("campaigns.col.industry_type"), classes,
                                 **widgets.kept(f"campaigns_pair_class_{region_code}"))
    row = own[own["industry_type"] == industry_type].iloc[0]

    def known(column: str) -> str:
        value = row[column]
        return value if isinstance(value, str) else ""

    key = f"campaigns_pair_{region_code}_{industry_type}"
    with st.form("campaigns_pair", clear_on_submit=False, border=True):
        common = st.text_area(t("campaigns.col.common_problems"), value=known("common_problems"),
                              **widgets.kept(f"{key}_c"))
        individual = st.text_area(t("campaigns.col.individual_problems"), value=known("individual_problems"),
                                  **widgets.kept(f"{key}_i"))
        advice = st.text_area(t("campaigns.col.advice"), value=known("advice"), **widgets.kept(f"{key}_a"))
        submitted = st.form_submit_button(t("campaigns.pair_submit"), type="primary", icon=":material/save:")
    if submitted:
        label = view.pair_label(year, region_code, industry_type)
        try:
            with view.pair_file(year, region_code, industry_type, common, individual, advice) as path:
                with session.reading():  # the check's temp tables kept on the cursor (data.draw.check_upload)
                    rows, problems, total = view.check_pair(page.con, path, label)
                if total:
                    raise ImportFailed(label, problems, total, rows)
                write_import(view.PAIR_KIND, path, view.PAIR_MODE, default_actor(), label)
        except ImportFailed as failed:
            st.error(t("campaigns.form_refused", total=failed.total), icon=":material/error:")
            st.dataframe(problems_frame(failed.problems, page.lang), hide_index=True, width="stretch",
                         placeholder=i18n.DASH)
        except db.RiskdashError as exc:
            st.error(plain(error_line(exc, page.lang)), icon=":material/error:")
        else:
            st.session_state[_PAIR_SAVED] = {"township": town_names[region_code], "industry_type": industry_type,
                                             "year": year}
            st.rerun()
    st.caption(t("campaigns.pair_bulk"))
    widgets.template_button(t("campaigns.form_template"), view.PAIR_KIND,
                            download_name(t("campaigns.pair_template_file"), "", "xlsx", page.lang),
                            "campaigns_pair_template")
