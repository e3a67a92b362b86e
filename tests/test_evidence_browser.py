"""Evidence uploads in a real browser (issue 18, 检查有痕迹、问题整改有结果): ``riskdash serve`` on the small city
with a county account that may record, headless Chromium, files chosen in Streamlit's uploaders with Playwright's
set_input_files. In 数据管理's rectification loop a real PNG (整改后) and a PDF (验收) are attached to the closed
hazard H3 from the card's upload form, and a PDF rides the 验收销号 step of H4; each shows on the record card, and
隐患治理's evidence-completeness figure moves from 0 ÷ 1 to 1 ÷ 2. A text file named .png is refused with one line
and nothing is written (no row, no file in the store)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import browser_support
import pytest
from conftest import COUNTY_A
from test_browser import PAGE_MS, chromium_page, serving
from test_evidence import TINY_PDF, tiny_png
from test_login_browser import log_in

from riskdash import accounts, db, evidence

pytestmark = pytest.mark.browser

GOOD = "Safe-pass9"
TODAY = date.today()
# the period runs to today: an upload is dated by the clock, and the figure counts the files uploaded by the as-of
# day (the data's as-of day is moved to today below)
PERIOD = f"from=2025-01-01&to={TODAY.isoformat()}"


@pytest.fixture()
def county_server(small_db_path: Path, tmp_path: Path):
    con = db.connect(small_db_path)
    try:
        accounts.add_account(con, "jia", "county", COUNTY_A, GOOD, actor="test", must_change_password=False)
        db.set_meta(con, "data_as_of", TODAY.isoformat())
    finally:
        con.close()
    with serving(small_db_path, tmp_path) as url:
        yield url, small_db_path


def settle(page) -> None:
    browser_support.settle(page)


def go(page, screen: str) -> None:
    """To a screen by the navigation (a new address would start a new session, logged out)."""
    page.locator('[data-testid="stSidebarNav"]').get_by_text(screen, exact=True).click()
    page.get_by_role("heading", name=screen).first.wait_for(timeout=PAGE_MS)
    settle(page)


def figure_line(page) -> str:
    """隐患治理's evidence-completeness formula line (the figure's 合计), read off the page."""
    go(page, "隐患治理")
    page.get_by_text("销号隐患整改佐证完整率（分乡镇）").first.wait_for(timeout=PAGE_MS)
    settle(page)
    line = page.get_by_text("佐证完整率 = ").first
    return line.inner_text(timeout=PAGE_MS)


def open_hazard(page, hazard_id: str) -> None:
    go(page, "数据管理")
    page.get_by_role("tab", name="隐患整改闭环").first.click()
    settle(page)
    box = page.locator(".st-key-data_flow_id input")
    box.fill(hazard_id)
    box.press("Enter")
    page.locator(".st-key-data_flow_evidence").get_by_text("整改佐证（").first.wait_for(timeout=PAGE_MS)
    settle(page)


def card(page) -> str:
    return page.locator(".st-key-data_flow_evidence").inner_text(timeout=PAGE_MS)


def choose_role(page, role: str) -> None:
    browser_support.choose(page, page.locator(".st-key-data_flow_evidence_role"), role, exact=True)


def attach(page, name: str, mime: str, data: bytes) -> None:
    page.locator('.st-key-data_flow_evidence_file input[type="file"]').set_input_files(
        {"name": name, "mimeType": mime, "buffer": data})
    page.locator(".st-key-data_flow_evidence_file").get_by_text(name).wait_for(timeout=PAGE_MS)
    # the form's button: the uploader's own box is a button whose name (its aria-label) begins with 上传 too
    page.locator(".st-key-data_flow_evidence").get_by_test_id("stBaseButton-secondaryFormSubmit").click()


def stored(path: Path) -> list[tuple]:
    con = db.connect(path, read_only=True, wait_seconds=30)
    try:
        return con.execute("select record_id, role, media_type, file_name, uploaded_by from evidence "
                           "order by evidence_id").fetchall()
    finally:
        con.close()


def store_files(path: Path) -> list[str]:
    store = evidence.store_for(path)
    return sorted(p.name for p in store.rglob("*") if p.is_file()) if store.exists() else []


def test_evidence_uploaded_in_chromium(county_server, tmp_path):
    url, path = county_server
    png, pdf = tiny_png(), TINY_PDF
    with chromium_page(tmp_path) as page:
        # the period in the address, read once logged in; the navigation keeps it from screen to screen
        page.goto(url + f"?{PERIOD}", timeout=PAGE_MS)
        log_in(page, "jia", GOOD)
        page.locator('[data-testid="stMetricValue"]').first.wait_for(timeout=PAGE_MS)
        settle(page)
        # before: H3 is the period's one closed hazard, with no evidence
        assert "= 0 ÷ 1 = 0.0%" in figure_line(page)

        # the closed hazard's card: nothing yet, then the 整改后 photo from the upload form
        open_hazard(page, "H3")
        assert "整改佐证（0 份）" in card(page) and "尚无佐证文件" in card(page)
        choose_role(page, "整改后")
        attach(page, "整改后照片.png", "image/png", png)
        page.get_by_text("已保存佐证：整改后照片.png（整改后）").wait_for(timeout=PAGE_MS)
        settle(page)
        assert "整改佐证（1 份）" in card(page) and "整改后 · 整改后照片.png" in card(page)
        assert page.locator(".st-key-data_flow_evidence img").count() == 1  # the PNG shown as an image

        # a text file named .png: one line, nothing written (no row, no file)
        files_before = store_files(path)
        choose_role(page, "整改后")
        attach(page, "假照片.png", "image/png", b"not a picture, just text\n")
        refusal = "假照片.png 不是 JPEG、PNG 图片或 PDF 文件（按文件内容判断，不看文件名）：未保存"
        page.get_by_text(refusal).wait_for(timeout=PAGE_MS)
        settle(page)
        body = page.locator("body").inner_text(timeout=PAGE_MS)
        assert body.count(refusal) == 1
        assert page.locator('[data-testid="stException"]').count() == 0 and "Traceback" not in body
        assert "整改佐证（1 份）" in card(page) and "假照片.png" not in card(page).replace(refusal, "")
        assert len(stored(path)) == 1 and store_files(path) == files_before

        # the 验收 record as a PDF: listed with its download button
        choose_role(page, "验收")
        attach(page, "验收单.pdf", "application/pdf", pdf)
        page.get_by_text("已保存佐证：验收单.pdf（验收）").wait_for(timeout=PAGE_MS)
        settle(page)
        assert "整改佐证（2 份）" in card(page) and "验收 · 验收单.pdf" in card(page)
        page.locator(".st-key-data_flow_evidence").get_by_role("button", name="下载 验收单.pdf").wait_for(
            timeout=PAGE_MS)

        # H4 (rectified, not verified): the 验收销号 step carries its 验收 record
        open_hazard(page, "H4")
        page.locator(".st-key-data_flow_action_H4").get_by_text("验收销号", exact=True).click()
        settle(page)
        step_file = page.locator('[class*="st-key-data_flow_H4_verify_step_file"] input[type="file"]')
        step_file.set_input_files({"name": "H4验收.pdf", "mimeType": "application/pdf", "buffer": pdf})
        page.locator('[class*="st-key-data_flow_H4_verify_step_file"]').get_by_text("H4验收.pdf").wait_for(
            timeout=PAGE_MS)
        page.locator('[data-testid="stForm"]').filter(has=step_file).get_by_role("button", name="保存").click()
        page.get_by_text("已保存：隐患 H4 修改了 验收日期").wait_for(timeout=PAGE_MS)
        settle(page)
        assert page.get_by_role("tab", name="隐患整改闭环").first.get_attribute("aria-selected") == "true"  # kept
        page.locator(".st-key-data_flow_evidence").get_by_text("验收 · H4验收.pdf").wait_for(timeout=PAGE_MS)
        settle(page)
        assert "整改佐证（1 份）" in card(page)
        page.screenshot(path=str(tmp_path / "evidence-h4.png"), full_page=True)

        # after: H3 and H4 closed in the period, both with 验收, only H3 with its 整改后 photo
        assert "= 1 ÷ 2 = 50.0%" in figure_line(page)
        page.screenshot(path=str(tmp_path / "evidence-figure.png"), full_page=True)

    assert stored(path) == [
        ("H3", "after", "image/png", "整改后照片.png", "jia"),
        ("H3", "acceptance", "application/pdf", "验收单.pdf", "jia"),
        ("H4", "acceptance", "application/pdf", "H4验收.pdf", "jia"),
    ]
    con = db.connect(path, read_only=True, wait_seconds=30)
    try:
        assert con.execute("select verified_on from hazards where hazard_id = 'H4'").fetchone()[0] == TODAY
    finally:
        con.close()
    assert len(store_files(path)) == 2  # the PNG and one PDF: the two PDFs are the same bytes, stored once
