"""More tables fit the page at 1024×768 in Chinese and English (issue 17 item 7): the overview's two 明细 tables
(side by side each had about 328 px), the 零报告 tables (their headers alone passed the page), and the 设置 editors
label their columns in either language, never with the stored column names (issue 17 item 10); 规范化建设's
progress per township; 重点防控's summaries. Measured in headless Chromium with the sidebar open, one server for
the module: no column past the table's right edge. (隐患治理's tables of figures: tests/test_fit_wide2_browser.py
measures every table on every tab there, in both languages.)"""

from __future__ import annotations

import browser_support
import pytest

# chromium_page: a module that has it keeps the process's Chromium open between its tests (tests/conftest.py)
from test_browser import PAGE_MS, chromium_page, shared_towns, wait_until_idle  # noqa: F401 (fixtures)
from test_fit_browser import tables

pytestmark = pytest.mark.browser

GRIDS = "[data-testid='stDataFrame']"


@pytest.fixture()
def wide_server(shared_towns):  # noqa: F811 (the fixture)
    """The tests only read: the test process's one warm server on the small city with the campaigns' rows."""
    return shared_towns


def fit_page(width: int = 1024, height: int = 768):
    """A page of the fit tests' kept browser context (browser_support.kept_context_page): they only read and never
    log in, and a new context per test had each fetch and compile Streamlit's scripts again (issue 15)."""
    return browser_support.kept_context_page("fit", width, height)


def open_page(page, url: str) -> None:
    page.goto(url, timeout=PAGE_MS)
    wait_until_idle(page)


def settle(page) -> None:
    browser_support.settle(page)


def grid(page, *heads: str) -> list:
    """The one visible grid whose headers start with ``heads``, measured: [headers, content width, visible width,
    content height, visible height] (a grid fills its headers once drawn: wait for them)."""
    page.wait_for_function("(hs) => [...document.querySelectorAll('[data-testid=\"stDataFrame\"]')].some(d => "
                           "[...d.querySelectorAll('th')].map(t => t.innerText).filter(Boolean).join('|')"
                           ".startsWith(hs.join('|')))", arg=list(heads), timeout=PAGE_MS)
    found = [t for t in tables(page, GRIDS) if t and t[0].startswith("|".join(heads))]
    assert len(found) == 1, found
    return found[0]


def fits(measured: list) -> bool:
    return measured[1] <= measured[2] + 1


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_overview_zero_reports_and_settings_fit_at_1024(wide_server, tmp_path, lang):
    zh = lang == "zh"
    with fit_page() as page:
        open_page(page, wide_server + f"?lang={lang}")  # the shared server is warm: no reload needed
        accidents = grid(page, *(["等级", "本期（起）"] if zh else ["Grade", "This period"]))
        hazards = grid(page, *(["隐患等级", "排查（项）"] if zh else ["Hazard grade", "Found"]))
        assert fits(accidents) and fits(hazards), (accidents, hazards)
        page.screenshot(path=str(tmp_path / f"overview-{lang}-1024.png"), full_page=True)

        open_page(page, wide_server + f"campaigns?lang={lang}")
        page.get_by_role("tab", name="零报告" if zh else "Zero reports").click()
        settle(page)
        townships = grid(page, *(["乡镇（街道）", "应报", "已报", "缺报", "迟报"] if zh
                                 else ["Township", "Due", "Filed", "Missed", "Late"]))
        assert fits(townships), townships
        if zh:  # the windows table; in English its headers alone still take about 700 px
            windows = grid(page, "时段", "起止日期", "天数", "应报", "已报", "按时", "缺报")
            assert fits(windows), windows
        page.screenshot(path=str(tmp_path / f"zero-reports-{lang}-1024.png"), full_page=True)
        page.get_by_role("tab", name="规范化建设" if zh else "Standardisation").click()
        settle(page)
        progress = grid(page, *(["乡镇（街道）", "类别", "完成期限", "已完成/应完成", "完成率", "推进中", "未开始", "逾期"] if zh
                                else ["Township", "Class", "Deadline", "Done/due", "Done %", "Ongoing", "To do", "Late"]))
        assert fits(progress), progress

        page.goto(wide_server + f"settings?lang={lang}", timeout=PAGE_MS)  # no KPI cards on 设置
        page.get_by_role("tab").first.wait_for(timeout=PAGE_MS)
        settle(page)
        page.get_by_role("tab", name="风险等级分界" if zh else "Risk thresholds").click()
        settle(page)
        thresholds = grid(page, *(["风险等级", "分数下限"] if zh else ["Level", "Lowest score"]))
        assert fits(thresholds), thresholds
        page.get_by_role("tab", name="指标分母" if zh else "Indicator denominators").click()
        settle(page)
        denominators = grid(page, *(["年度", "区划代码", "地区生产总值（亿元）"] if zh
                                    else ["Year", "Region code", "GDP (100M yuan)"]))
        assert "gdp_yi" not in denominators[0] and "region_code" not in denominators[0]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_priority_summaries_fit_at_1024(wide_server, tmp_path, lang):
    """重点部位's table by department and 台账漏项's townships: English headers (Filed with city and county, Of which
    in high-risk sectors) had passed the page."""
    zh = lang == "zh"
    with fit_page() as page:
        open_page(page, wide_server + f"priority?lang={lang}")
        page.get_by_role("tab", name="重点部位台账" if zh else "Key-site ledger").click()
        settle(page)
        departments = grid(page, *(["行业主管部门", "重点部位（处）", "市县均已备案"] if zh
                                   else ["Department", "Key sites", "Filed (city, county)"]))
        assert fits(departments), departments
        page.get_by_role("tab", name="台账漏项" if zh else "Ledger gaps").click()
        settle(page)
        townships = grid(page, *(["县（区）", "乡镇（街道）", "乡镇类别", "在营企业（家）", "其中高危行业（家）"] if zh
                                 else ["County", "Township", "Class", "Active enterprises", "Of which high-risk"]))
        assert fits(townships), townships
