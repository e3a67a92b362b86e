"""The widest tables fit the page at 1024×768 in Chinese and English (issue 17 item 7): 专项行动's township
ranking (考核; its nineteen columns needed about 1,950 px, shown one themed view at a time), the "1+1" pairs
(their findings in a card on row selection), 重点部位's ledger (themed views) and the back-test (two views).
Measured in headless Chromium with the sidebar open, one server for the module: every column of every view
within the table's right edge."""

from __future__ import annotations

import pytest
from conftest import fill_small_city
from test_browser import chromium_page, serving
from test_campaigns_scorecard import fill_campaigns
from test_fit_wide_browser import fits, grid, open_page, settle

from riskdash import db

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def wide3_server(tmp_path_factory):
    folder = tmp_path_factory.mktemp("fit_wide3")
    path = folder / "towns.duckdb"
    con = db.connect(path, create=True)
    fill_small_city(con)
    fill_campaigns(con)
    con.close()
    with serving(path, folder) as url:
        yield url


def choose(page, key: str, name: str) -> None:
    """Pick the view ``name`` of the segmented control with widget key ``key``."""
    page.locator(f".st-key-{key}").get_by_role("radio", name=name, exact=True).click()
    settle(page)


RANKING_VIEWS = {
    "zh": {"总分与否决": ["一票否决原因"],
           "事故与隐患得分": ["死亡控制", "较大及以上", "隐患整改", "重大整改"],
           "台账与规范化得分": ["部位台账", "规范化", "检查覆盖", "零报告"],
           "清单与人员": ["完成率", "缺报", "迟报", "专职人员", "验收报告"]},
    "en": {"Score and veto": ["Veto reasons"],
           "Accidents and hazards": ["Deaths", "Major+", "Rectified", "Major fixed"],
           "Ledger and checklist": ["Ledger", "Checklist", "Inspected", "Zero rep."],
           "Checklist and staff": ["Done %", "Missed", "Late", "Staff", "Report"]},
}


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_township_ranking_views_fit_at_1024(wide3_server, tmp_path, lang):
    """Every view of the ranking: the key columns (rank, township, score, result) first, then its theme's, the
    whole view within the grid."""
    zh = lang == "zh"
    keys = ["名次", "乡镇（街道）", "得分", "结果"] if zh else ["Rank", "Township", "Score", "Result"]
    with chromium_page(tmp_path, 1024, 768) as page:
        open_page(page, wide3_server + f"campaigns?lang={lang}")
        for name, columns in RANKING_VIEWS[lang].items():
            choose(page, "campaigns_ranking_view", name)
            ranking = grid(page, *keys, *columns)
            assert ranking[0] == "|".join(keys + columns), ranking
            assert fits(ranking), (name, ranking)
            page.screenshot(path=str(tmp_path / f"ranking-{lang}-{name}.png"), full_page=True)

