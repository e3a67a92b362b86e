"""汇报 presentation mode in headless Debian Chromium: what only a browser shows — the sidebar and Streamlit's
chrome really hidden, the Next button and the keys (→ ←, PageDown, space, Esc) really paging, and a reload
with ?present=1&slide=N coming back to the same slide.

The server runs the hand-made small city marked as demo data, so the slide must say 演示数据.
"""

from __future__ import annotations

import shutil
import zipfile
from datetime import date
from pathlib import Path

import browser_support
import pytest
from conftest import AS_OF, CITY
from test_browser import PAGE_MS, chromium_page, serving

from riskdash import db
from riskdash.briefing import build_brief
from riskdash.filters import Filters
from riskdash.screens.briefing import view

pytestmark = pytest.mark.browser

COLD_MS = 180_000  # a cold server imports everything and builds the Brief on its first run; CI machines are busy


@pytest.fixture()
def demo_server(small_db_path: Path, tmp_path: Path):
    path = tmp_path / "demo.duckdb"
    shutil.copy(small_db_path, path)
    con = db.connect(path)
    db.set_meta(con, "dataset", "demo")
    con.close()
    with serving(path, tmp_path) as url:
        yield url, path


@pytest.fixture()
def projector(tmp_path: Path):
    """A 1920×1080 window, as a projector shows it."""
    with chromium_page(tmp_path, 1920, 1080) as page:
        yield page


def settle(page) -> None:
    browser_support.settle(page)


def slide_title(page) -> str:
    return page.locator(".brief-title").inner_text(timeout=PAGE_MS).strip()


def counter(page) -> str:
    return page.locator(".brief-counter").inner_text(timeout=PAGE_MS).strip()


def wait_for_slide(page, number: int, count: int) -> None:
    page.wait_for_function(
        "(text) => { const c = document.querySelector('.brief-counter'); return c && c.innerText.trim() === text; }",
        arg=f"{number} / {count}", timeout=PAGE_MS,
    )
    settle(page)


def expected_titles(db_path: Path) -> list[str]:
    con = db.connect(db_path, read_only=True)
    try:
        brief = build_brief(con, Filters(date(AS_OF.year, 1, 1), AS_OF, CITY, AS_OF), "zh")
    finally:
        con.close()
    return [s.title for s in view.slide_views(brief, "zh")]


def test_presentation_mode_pages_with_buttons_and_keys(demo_server, projector, tmp_path):
    url, db_path = demo_server
    titles = expected_titles(db_path)
    count = len(titles)
    page = projector
    # a cold server: the first run warms the caches; look only after the second load
    page.goto(url + "briefing", timeout=COLD_MS)
    page.get_by_role("button", name="进入演示模式").wait_for(timeout=COLD_MS)
    settle(page)
    page.reload(timeout=COLD_MS)
    page.get_by_role("button", name="进入演示模式").wait_for(timeout=COLD_MS)
    settle(page)
    assert page.locator('[data-testid="stSidebar"]').is_visible()
    page.screenshot(path=str(tmp_path / "briefing-preview.png"))

    # one click per file: each is built on its click, for the filters on the screen
    files = {}
    for fmt, label in (("pptx", "下载演示文稿（PPTX）"), ("docx", "下载通报（Word）"), ("pdf", "下载通报（PDF）")):
        with page.expect_download(timeout=COLD_MS) as download:
            page.get_by_role("button", name=label).click()
        files[fmt] = tmp_path / download.value.suggested_filename
        download.value.save_as(files[fmt])
        what = "安全生产形势分析演示文稿" if fmt == "pptx" else "安全生产形势通报"  # issue 17 item 10
        assert files[fmt].name == f"{what}_示例市_2025年1至6月.{fmt}"
        if fmt != "pptx":  # the click's rerun follows the file being made (issue 17, speed): charts, layout, made
            page.get_by_text(f"{'Word' if fmt == 'docx' else 'PDF'} 通报已生成").wait_for(timeout=COLD_MS)
            page.screenshot(path=str(tmp_path / f"briefing-made-{fmt}.png"))
    with zipfile.ZipFile(files["pptx"]) as deck:
        slides_xml = "".join(deck.read(n).decode("utf-8") for n in deck.namelist()
                             if n.startswith("ppt/slides/slide") and n.endswith(".xml"))
    assert titles[0] in slides_xml and "演示数据" in slides_xml
    with zipfile.ZipFile(files["docx"]) as document:
        assert "演示数据" in document.read("word/document.xml").decode("utf-8")
    assert files["pdf"].read_bytes()[:5] == b"%PDF-"

    page.get_by_role("button", name="进入演示模式").click()
    wait_for_slide(page, 1, count)
    assert slide_title(page) == titles[0]
    # full screen: the sidebar, Streamlit's header and the page heading are gone; the slide says 演示数据
    assert not page.locator('[data-testid="stSidebar"]').is_visible()
    assert not page.locator('[data-testid="stHeader"]').is_visible()
    assert not page.get_by_role("heading", name="汇报").is_visible()
    assert page.locator(".brief-demo").inner_text().strip() == "演示数据"
    assert page.locator(".brief-cover-demo").inner_text().strip() == "演示数据"
    assert "present=1" in page.url and "slide=1" in page.url
    # large type for the projector
    size = page.locator(".brief-title").evaluate("e => parseFloat(getComputedStyle(e).fontSize)")
    assert size >= 40
    page.screenshot(path=str(tmp_path / "briefing-slide-1.png"))

    seen = [slide_title(page)]
    page.get_by_role("button", name="下一页").click()
    wait_for_slide(page, 2, count)
    seen.append(slide_title(page))
    page.keyboard.press("ArrowRight")
    wait_for_slide(page, 3, count)
    seen.append(slide_title(page))
    page.keyboard.press("PageDown")
    wait_for_slide(page, 4, count)
    seen.append(slide_title(page))
    page.screenshot(path=str(tmp_path / "briefing-slide-4.png"))
    page.keyboard.press("ArrowLeft")
    wait_for_slide(page, 3, count)
    seen.append(slide_title(page))
    page.keyboard.press("Space")
    wait_for_slide(page, 4, count)
    seen.append(slide_title(page))
    assert seen == [titles[0], titles[1], titles[2], titles[3], titles[2], titles[3]]

    # to the end: the last slide stays the last
    for number in range(5, count + 1):
        page.keyboard.press("ArrowRight")
        wait_for_slide(page, number, count)
    page.keyboard.press("ArrowRight")
    page.wait_for_timeout(800)
    settle(page)
    assert counter(page) == f"{count} / {count}" and slide_title(page) == titles[-1]
    assert page.get_by_role("button", name="下一页").is_disabled()

    # a reload comes back to the same slide, still presenting
    assert f"slide={count}" in page.url
    page.reload(timeout=PAGE_MS)
    wait_for_slide(page, count, count)
    assert slide_title(page) == titles[-1]

    page.keyboard.press("Escape")
    page.get_by_role("button", name="进入演示模式").wait_for(timeout=PAGE_MS)
    settle(page)
    assert page.locator('[data-testid="stSidebar"]').is_visible()
    assert "present=" not in page.url
    # the keys are the page's usual keys again: no slide appears
    page.keyboard.press("ArrowRight")
    page.wait_for_timeout(500)
    assert page.locator(".brief-title").count() == 0
