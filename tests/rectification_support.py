"""隐患治理's tabs in AppTest: only the open tab is drawn (ui.kept_tabs, issue 17), so a test reading another tab
opens it first, as a click does."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from riskdash.screens.rectification import draw

# the tabs by their place: 整改情况, 月报表, 逾期与挂牌督办, 四级排查, 即将到期与周清单, 分乡镇与行业, 隐患类别与近7日新增
KPIS, FORM, LISTS, CHECKS, DUE, BREAKDOWN, PARETO = range(7)


def open_tab(at: AppTest, place: int) -> AppTest:
    """The tab at ``place`` chosen (st.tabs with on_change: the session keeps its label) and the page run."""
    at.session_state[draw.TABS_KEY] = at.tabs[place].label
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at
