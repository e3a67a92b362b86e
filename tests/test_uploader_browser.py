"""The file uploader in Chinese (issue 17 item 10): Streamlit writes "Upload" and "200MB per file • CSV, XLSX" in
English; on the Chinese page the uploader shows 选择文件 and 单个文件不超过…MB · CSV、XLSX instead (ui.file_uploader)."""

from __future__ import annotations

import pytest
from test_browser import PAGE_MS, browser_page, shared_small_city  # noqa: F401 (fixtures)

from riskdash.ui.widgets import uploader_css

pytestmark = pytest.mark.browser


@pytest.fixture()
def server(shared_small_city):  # noqa: F811 (the module's own)
    """This module's tests only read: the test process's one warm server on the small city."""
    return shared_small_city


SHOWN = """(sel) => {
  const zone = document.querySelector(sel);
  const p = zone.querySelector("button [data-testid='stMarkdownContainer'] p");
  const span = zone.querySelector("[data-testid='stFileUploaderDropzoneInstructions'] span");
  const after = (el) => getComputedStyle(el, '::after').content;
  return {button: after(p), button_size: getComputedStyle(p).fontSize, limit: after(span),
          limit_size: getComputedStyle(span).fontSize, english: p.textContent + ' | ' + span.textContent};
}"""


def test_uploader_css_is_scoped_and_names_the_limit_and_types():
    css = uploader_css("k1", ["csv", "xlsx"], 50)
    assert ".st-key-k1 [data-testid='stFileUploaderDropzone']" in css
    assert "content:'单个文件不超过50MB · CSV、XLSX'" in css and "content:'选择文件'" in css


def test_the_import_uploader_speaks_chinese(server, browser_page):  # noqa: F811
    page = browser_page
    page.goto(server + "data", timeout=PAGE_MS)
    zone = '[class*="st-key-data_import_file"] [data-testid="stFileUploaderDropzone"]'
    page.locator(zone).wait_for(timeout=PAGE_MS)
    page.wait_for_timeout(500)
    shown = page.evaluate(SHOWN, zone)
    assert "Upload" in shown["english"] and "per file" in shown["english"]  # what Streamlit wrote, now hidden
    assert shown["button_size"] == "0px" and shown["limit_size"] == "0px", shown
    assert shown["button"] == '"选择文件"', shown
    assert shown["limit"].startswith('"单个文件不超过') and shown["limit"].endswith('MB · CSV、XLSX"'), shown
