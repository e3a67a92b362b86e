"""专项行动's tabs in AppTest: only the open tab is drawn (ui.kept_tabs, issue 17), so a test reading another tab
opens it first, as a click does."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from riskdash.screens.campaigns import draw

# the tabs by their place: 乡镇考核, 规范化建设, "1+1"专项整治, 零报告
SCORECARD, CHECKLIST, CAMPAIGN, ZERO = range(4)


def open_tab(at: AppTest, place: int) -> AppTest:
    """The tab at ``place`` chosen (st.tabs with on_change: the session keeps its label) and the page run."""
    at.session_state[draw.TABS_KEY] = at.tabs[place].label
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at
