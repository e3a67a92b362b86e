"""What a screen reader hears of the file uploader in Chinese (issue 17 item 10): the style of ui.file_uploader
changes only what is seen; its script names the file field and the button in Chinese and hides Streamlit's
English ("file upload", "Upload", "200MB per file") from the reader. Read from Chromium's own accessibility tree
(the DevTools protocol's Accessibility.getFullAXTree, the nodes a reader is given), on 数据管理 of the small city."""

from __future__ import annotations

import pytest
from test_browser import PAGE_MS, browser_page, shared_small_city  # noqa: F401 (fixtures)

pytestmark = pytest.mark.browser

ZONE = '[class*="st-key-data_import_file"] [data-testid="stFileUploaderDropzone"]'


@pytest.fixture()
def server(shared_small_city):  # noqa: F811 (the module's own)
    """The test only reads: the test process's one warm server on the small city (no server of its own to start)."""
    return shared_small_city


def heard(page) -> list[tuple[str, str]]:
    """(role, name) of every node of the page's accessibility tree a reader is given, in document order."""
    tree = page.context.new_cdp_session(page).send("Accessibility.getFullAXTree")
    return [(n.get("role", {}).get("value", ""), n.get("name", {}).get("value", ""))
            for n in tree["nodes"] if not n.get("ignored")]


def test_the_reader_hears_the_uploader_in_chinese(server, browser_page):  # noqa: F811
    page = browser_page
    page.goto(server + "data", timeout=PAGE_MS)
    page.locator(ZONE).wait_for(timeout=PAGE_MS)
    page.wait_for_function(f"""() => {{ const b = document.querySelector('{ZONE} button');
        return b && b.getAttribute('aria-label'); }}""", timeout=PAGE_MS)
    nodes = heard(page)
    names = [name for _, name in nodes]
    for english in ("file upload", "Upload", "per file"):
        assert not [n for n in names if english in n], (english, [n for n in names if english in n])
    assert ("button", "选择文件") in nodes
    assert [role for role, name in nodes if name.startswith("选择文件：单个文件不超过")] == ["button"]
    # the size line is heard in Chinese, from one unseen span (the style's copy after the hidden English is
    # hidden with it: an element's ::after is part of the element)
    assert [n for role, n in nodes if role == "StaticText" and n.startswith("单个文件不超过")
            and n.endswith("MB · CSV、XLSX")], names
    assert page.locator(f"{ZONE} .rd-limit-words").count() == 1
    assert page.locator(f"{ZONE} .rd-limit-words").bounding_box()["width"] <= 1
