"""The last tables wider than the page at 1024×768 (issue 17 item 7), in Chinese and English: 零报告's windows (836 px
in English); 台账漏项's high-risk enterprises without a key site (826 px, drawn without fitting). Measured in headless
Chromium with the sidebar open, one server for the module: every column of every view within the grid's width.
设置's settings (about 4,900 px in English), risk weights (981) and major-hazard criteria (980) editors and 隐患治理's
月报表 (its 13 prescribed columns, about 2,700 px, in views) were measured here too: tests/test_fit_wide2_browser.py
measures them, on the same page at the same width in the same language, with the same assertions (issue 15)."""

from __future__ import annotations

import pytest
from conftest import TOWN_A1, TOWN_B1, fill_small_city
from test_browser import chromium_page, serving  # noqa: F401 (chromium_page: the Chromium kept, conftest.py)
from test_campaigns_scorecard import fill_campaigns
from test_fit_wide2_browser import check_tabs, drawn
from test_fit_wide_browser import fit_page, fits, grid, open_page, settle

from riskdash import db

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def wide4_server(tmp_path_factory):
    folder = tmp_path_factory.mktemp("fit_wide4")
    path = folder / "towns.duckdb"
    con = db.connect(path, create=True)
    fill_small_city(con)
    fill_campaigns(con)
    # high-risk enterprises without a key site, named at full length as registered (the list the demo city drew at
    # 826 px had such names)
    con.executemany("insert into enterprises (enterprise_id, name, region_code, industry, employees) values "
                    "(?, ?, ?, ?, ?)",
                    [("E-FW-2025-00017", "南街道城关烟花爆竹批发零售有限责任公司第二仓储分公司", TOWN_B1, "fireworks", 15),
                     ("E-MN-2025-00231", "东镇青石岭建筑用石料矿（普通建筑材料用砂石土矿）", TOWN_A1, "metal_nonmetal_mine", 64)])
    db.sync_keys(con)
    con.close()
    with serving(path, folder) as url:
        yield url


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_zero_report_windows_fit_at_1024(wide4_server, tmp_path, lang):
    """零报告's windows: whole in Chinese; in English the report counts, then the rates and accidents, each view
    after the window and its dates."""
    zh = lang == "zh"
    with fit_page() as page:
        tab = "零报告" if zh else "Zero reports"
        bad, seen = check_tabs(page, wide4_server + f"campaigns?lang={lang}", [tab],
                               expect={tab: "时段|" if zh else "Window|Dates"})
        assert bad == [], bad
        windows = [g[0] for g in seen if g[0].startswith("时段|" if zh else "Window|Dates")]
        assert windows == (["时段|起止日期|天数|应报|已报|按时|缺报|报送率|按时率|事故（起）"] if zh else
                           ["Window|Dates|Days|Due|Filed|On time|Missed", "Window|Dates|Rate|Timely|Accidents",
                            "Window|Dates|Days|Due|Filed|On time|Missed"]), seen


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_enterprises_without_key_sites_fit_at_1024(wide4_server, tmp_path, lang):
    """台账漏项's last list (its rows open the enterprise's card) is fitted like every table."""
    zh = lang == "zh"
    with fit_page() as page:
        open_page(page, wide4_server + f"priority?lang={lang}")
        page.get_by_role("tab", name="台账漏项" if zh else "Ledger gaps").click()
        settle(page)
        drawn(page)
        firms = grid(page, *(["县（区）", "乡镇（街道）", "企业编号", "企业名称", "行业"] if zh
                             else ["County", "Township", "Enterprise ID", "Enterprise", "Sector"]))
        assert fits(firms), firms

