"""ui.kept_tabs (issue 17): the open tab survives the language switch, which renames every tab. 数据管理 and
设置 draw their tabs through it; tests/test_data_tabs_browser.py walks 数据管理's in Chromium."""

from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

SCRIPT = '''
import streamlit as st
from riskdash.ui import kept_tabs
lang = st.radio("lang", ["zh", "en"], key="lang")
labels = {"zh": ["导入", "闭环", "日志"], "en": ["Import", "Loop", "Log"]}[lang]
for place, tab in enumerate(kept_tabs(labels, "t")):
    if tab.open:
        st.write(f"open {place}")
'''


def opened(at) -> list[str]:
    return [m.value for m in at.markdown]


def test_the_open_tab_keeps_its_place_when_the_labels_change(tmp_path: Path):
    script = tmp_path / "tabs.py"
    script.write_text(SCRIPT, encoding="utf-8")
    at = AppTest.from_file(str(script), default_timeout=60).run()
    assert opened(at) == ["open 0"]
    at.session_state["t"] = "日志"  # the official opens the third tab
    at.run()
    assert opened(at) == ["open 2"]
    at.radio(key="lang").set_value("en").run()
    assert not at.exception, at.exception
    assert opened(at) == ["open 2"] and at.session_state["t"] == "Log"
    at.session_state["t"] = "Loop"
    at.run()
    at.radio(key="lang").set_value("zh").run()
    assert opened(at) == ["open 1"] and at.session_state["t"] == "闭环"

