"""The last tables wider than the page at 1024×768 (issue 17 item 7), in Chinese and English: 设置's settings
(about 4,900 px in English), risk weights (981) and major-hazard criteria (980) editors; 零报告's windows (836 px in
English); 台账漏项's high-risk enterprises without a key site (826 px, drawn without fitting); 隐患治理's 月报表
(its 13 prescribed columns, about 2,700 px, now in views). Measured in headless Chromium with the sidebar open, one
server for the module: every column of every view within the grid's width."""

from __future__ import annotations

import pytest
from conftest import TOWN_A1, TOWN_B1, fill_small_city
from test_browser import chromium_page, serving
from test_campaigns_scorecard import fill_campaigns
from test_fit_wide2_browser import check_tabs, drawn
from test_fit_wide_browser import fits, grid, open_page, settle

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
def test_settings_weights_and_criteria_editors_fit_at_1024(wide4_server, tmp_path, lang):
    """In English the settings editor shows a value beside its description, or the key beside the Chinese
    description; the risk weights name their Chinese unit and description shortly; the criteria show the English
    title, or the Chinese standard and title. In Chinese every one fits whole, as before."""
    zh = lang == "zh"
    tabs = ["设置", "风险评分权重", "重大隐患判定依据"] if zh else ["Settings", "Risk weights", "Major hazard criteria"]
    with chromium_page(tmp_path, 1024, 768) as page:
        bad, seen = check_tabs(page, wide4_server + f"settings?lang={lang}", tabs)
        assert bad == [], bad
        heads = {g[0] for g in seen}
        expected = ({"值|说明", "评分项|权重|单位|说明", "判定依据编号|行业|判定标准|条款标题|排序"} if zh else
                    {"Description|Value", "Setting|Description (Chinese)", "Component|Weight|Description",
                     "Component|Weight|Unit|Chinese",
                     "Code|Sector|Title|Order", "Code|Sector|Standard (Chinese)|Title (Chinese)"})
        assert expected <= heads, heads
        page.screenshot(path=str(tmp_path / f"settings-{lang}-1024.png"), full_page=True)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_zero_report_windows_fit_at_1024(wide4_server, tmp_path, lang):
    """零报告's windows: whole in Chinese; in English the report counts, then the rates and accidents, each view
    after the window and its dates."""
    zh = lang == "zh"
    with chromium_page(tmp_path, 1024, 768) as page:
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
    with chromium_page(tmp_path, 1024, 768) as page:
        open_page(page, wide4_server + f"priority?lang={lang}")
        page.get_by_role("tab", name="台账漏项" if zh else "Ledger gaps").click()
        settle(page)
        drawn(page)
        firms = grid(page, *(["县（区）", "乡镇（街道）", "企业编号", "企业名称", "行业"] if zh
                             else ["County", "Township", "Enterprise ID", "Enterprise", "Sector"]))
        assert fits(firms), firms


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_monthly_form_views_fit_at_1024(wide4_server, tmp_path, lang):
    """隐患治理's 月报表 on screen (its thirteen prescribed columns took about 2,700 px whole): each of its three views
    within the grid's width, 行业和领域 first; the .xlsx keeps the official layout."""
    zh = lang == "zh"
    with chromium_page(tmp_path, 1024, 768) as page:
        _, seen = check_tabs(page, wide4_server + f"rectification?lang={lang}", ["月报表" if zh else "Monthly form"])
        forms = [g for g in seen if g[0].startswith(("行业和领域|", "Sector|"))]
        assert forms and all(g[1] > 0 and fits(g) for g in forms), forms
        assert {g[0] for g in forms} == ({"行业和领域|排查治理单位|排查|已整改|整改率",
                                          "行业和领域|排查|已整改销号|整改率|列入治理计划|其中五到位",
                                          "行业和领域|挂牌督办|其中省级|治理资金"} if zh else
                                         {"Sector|Enterprises|Found|Rectified|Rate",
                                          "Sector|Found|Closed|Rate|In plan|Five in place",
                                          "Sector|Listed|Province-listed|Funds"}), forms
        page.screenshot(path=str(tmp_path / f"monthly-form-{lang}-1024.png"), full_page=True)
