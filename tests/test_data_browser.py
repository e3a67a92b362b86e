"""数据管理 in a real browser: ``riskdash serve`` on a small database, a CSV chosen in the file input
(Playwright set_input_files), the check passes, the import runs in the write window while the dashboard
serves, and the new rows are counted on the screen and in the database."""

from __future__ import annotations

import browser_support
import pytest
from test_browser import PAGE_MS, browser_page, server  # noqa: F401 (fixtures)

from riskdash import db

pytestmark = pytest.mark.browser

CSV = ("隐患编号,企业编号,发现日期,隐患等级,整改期限,隐患描述\n"
       "H101,E1,2025-06-01,一般,2025-06-15,消防通道堵塞\n"
       "H102,E2,2025/6/2,重大,2025年6月30日,=HYPERLINK(\"http://x\")\n"
       "H103,E2,2025-06-03,一般,2025-06-20,配电箱未接地\n")


def settle(page) -> None:
    browser_support.settle(page)


def counts(page) -> dict[str, str]:
    """The row-count table on the screen: table title -> rows."""
    box = page.locator(".st-key-data_counts")
    box.get_by_text("重点部位").wait_for(timeout=PAGE_MS)
    cells = box.inner_text(timeout=PAGE_MS).split()
    return dict(zip(cells[3::2], cells[4::2]))  # after the caption and the two headers


def test_upload_a_csv_and_see_the_new_rows_counted(server, browser_page, small_db_path, tmp_path):  # noqa: F811
    page = browser_page
    page.goto(server + "data", timeout=PAGE_MS)
    page.get_by_role("heading", name="导入数据").first.wait_for(timeout=PAGE_MS)
    settle(page)
    assert counts(page)["隐患"] == "8"
    # the import kind: type in the select box, as a user would
    page.locator(".st-key-data_import_kind").click()
    page.keyboard.type("隐患")
    page.keyboard.press("Enter")
    settle(page)
    file = tmp_path / "新隐患.csv"
    file.write_text(CSV, encoding="utf-8-sig")
    page.locator('[class*="st-key-data_import_file"] input[type="file"]').set_input_files(str(file))
    page.get_by_text("校验通过：3 行均符合要求。").wait_for(timeout=PAGE_MS)
    page.get_by_role("button", name="导入这 3 行").click()
    page.get_by_text("已导入 新隐患.csv（隐患）：共 3 行，新增 3 行").wait_for(timeout=PAGE_MS)
    settle(page)
    page.screenshot(path=str(tmp_path / "data-import.png"), full_page=True)
    assert counts(page)["隐患"] == "11"  # 8 hazards of the small city + 3
    # the uploader was renewed: the imported file is not checked again against its own rows
    assert page.get_by_text("校验未通过").count() == 0
    con = db.connect(small_db_path, read_only=True, wait_seconds=30)
    try:
        assert con.execute("select count(*) from hazards").fetchone()[0] == 11
        assert con.execute("select description from hazards where hazard_id = 'H102'").fetchone()[0] == \
            '=HYPERLINK("http://x")'
        assert con.execute("select file_name, row_count from audit_log where action = 'import'").fetchall() == [
            ("新隐患.csv", 3)]
    finally:
        con.close()
