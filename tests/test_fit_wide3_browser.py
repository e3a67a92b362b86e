"""The widest tables fit the page at 1024×768 in Chinese and English (issue 17 item 7): 专项行动's township
ranking (考核; its nineteen columns needed about 1,950 px, shown one themed view at a time), the "1+1" pairs
(their findings in a card on row selection), 重点部位's ledger (themed views), the back-test and the weight
calibration (two views). Measured in headless Chromium with the sidebar open, one server for the module: every
column of every view within the table's right edge. Each screen is opened once per language and its checks made
in turn on that page."""

from __future__ import annotations

import re
from datetime import date

import pytest
from browser_support import steady
from conftest import AS_OF, CITY, fill_small_city
from test_browser import PAGE_MS, chromium_page, serving  # noqa: F401 (chromium_page: the Chromium kept, conftest.py)
from test_campaigns_scorecard import fill_campaigns
from test_fit_wide_browser import fit_page, fits, grid, open_page, settle

from riskdash import db
from riskdash.filters import Filters
from riskdash.metrics import campaigns

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def wide3_server(tmp_path_factory):
    folder = tmp_path_factory.mktemp("fit_wide3")
    path = folder / "towns.duckdb"
    con = db.connect(path, create=True)
    fill_small_city(con)
    fill_campaigns(con)
    # every "1+1" pair gets its record in words, naming its township and class (the card must show its own)
    pairs = campaigns.campaign_pairs(con, Filters(start=date(2025, 1, 1), end=AS_OF, region_code=CITY, as_of=AS_OF))
    con.executemany("insert into campaign_pairs (year, region_code, industry_type, common_problems, "
                    "individual_problems, advice) values (2025, ?, ?, ?, '个别设备未接地', '限期整改并复查')",
                    [(r.region_code, r.industry_type,
                      f"{r.township_name}{r.industry_type}消防通道堵塞，应急照明不足，从业人员安全培训记录不全")
                     for r in pairs.itertuples()])
    # an old supervisory inspection gives the city a year of history: the back-test has its scoring days
    con.execute("insert into inspections (inspection_id, inspected_on, enterprise_id, level) "
                "values ('I-OLD', DATE '2021-01-01', 'E1', 'city')")
    db.sync_keys(con)
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


def township_ranking_views_fit_at_1024(page, tmp_path, lang: str) -> None:
    """Every view of the ranking: the key columns (rank, township, score, result) first, then its theme's, the
    whole view within the grid."""
    zh = lang == "zh"
    keys = ["名次", "乡镇（街道）", "得分", "结果"] if zh else ["Rank", "Township", "Score", "Result"]
    for name, columns in RANKING_VIEWS[lang].items():
        choose(page, "campaigns_ranking_view", name)
        ranking = grid(page, *keys, *columns)
        assert ranking[0] == "|".join(keys + columns), ranking
        assert fits(ranking), (name, ranking)
        page.screenshot(path=str(tmp_path / f"ranking-{lang}-{name}.png"), full_page=True)


def pairs_fit_at_1024_and_a_row_opens_its_record(page, tmp_path, lang: str) -> None:
    """The "1+1" pairs list their figures within the page; a selected row opens the pair's record in words (the
    inspected enterprise, the last meeting, 共性问题, 个性问题, 整改建议) in a card under the list."""
    zh = lang == "zh"
    heads = (["乡镇（街道）", "产业类型", "企业数", "已检查", "检查日期", "问题", "警示会"] if zh
             else ["Township", "Class", "Firms", "Inspected", "Date", "Problems", "Meetings"])
    page.get_by_role("tab", name="“1+1”专项整治" if zh else '"1+1" campaign').click()
    settle(page)
    pairs = grid(page, *heads)
    assert pairs[0] == "|".join(heads), pairs
    assert fits(pairs), pairs
    table = page.locator(".st-key-campaigns_pairs_0_grid").first
    table.scroll_into_view_if_needed(timeout=PAGE_MS)
    box = steady(page, table)  # scrolled and drawn (a fixed 500 ms before)
    page.mouse.click(box["x"] + 16, box["y"] + 35 + 17)  # the first row's marker
    card = page.locator(".st-key-campaigns_pair_card")
    card.get_by_text("限期整改并复查").wait_for(timeout=PAGE_MS)
    text = card.inner_text()
    title = text.strip().splitlines()[0]
    township, industry_type = title.split(" · ")
    industry_type = re.split(r"（| \(", industry_type)[0]  # a class of its sector's name says so: 危险化学品（按行业）
    assert f"{township}{industry_type}消防通道堵塞" in text, text
    for head in (["受检企业", "最近警示会", "共性问题", "个性问题", "整改建议"] if zh
                 else ["Enterprise inspected", "Last meeting", "Common problems", "Individual problems", "Advice"]):
        assert head in text, (head, text)
    page.screenshot(path=str(tmp_path / f"pairs-{lang}-1024.png"), full_page=True)


LEDGER_KEYS = {"zh": ["县（区）", "乡镇（街道）", "重点部位"], "en": ["County", "Township", "Key site"]}
LEDGER_VIEWS = {
    "zh": {"部位与风险": ["企业名称", "事故类型", "可能死亡"], "监控措施": ["监控措施", "责任人", "措施落实", "落实日期"],
           "备案": ["市安委办备案", "县安委办备案", "报备有关部门"]},
    "en": {"Site and risk": ["Enterprise", "Accident type", "Deaths"],
           "Measures": ["Measures", "Responsible", "In place", "Since"],
           "Filing": ["City", "County office", "Departments"]},
}


def key_site_ledger_views_fit_at_1024(page, tmp_path, lang: str) -> None:
    """重点部位's ledger, every view, county, township and site first; on 台账漏项 its two lists open on the view
    that names their gap (the measures, the filing) and fit too, as does the list of accidents outside the
    ledger."""
    zh = lang == "zh"
    keys, views = LEDGER_KEYS[lang], LEDGER_VIEWS[lang]
    page.get_by_role("tab", name="重点部位台账" if zh else "Key-site ledger").click()
    settle(page)
    for name, columns in views.items():
        choose(page, "priority_ledger_view", name)
        ledger = grid(page, *keys, *columns)
        assert ledger[0] == "|".join(keys + columns), ledger
        assert fits(ledger), (name, ledger)
    page.get_by_role("tab", name="台账漏项" if zh else "Ledger gaps").click()
    settle(page)
    site, measures, filing = list(views)
    not_in_place = grid(page, *keys, *views[measures])
    not_filed = grid(page, *keys, *views[filing])
    assert fits(not_in_place) and fits(not_filed), (not_in_place, not_filed)
    choose(page, "priority_gap_not_filed_view", site)
    assert fits(grid(page, *keys, *views[site]))
    # the accidents outside the ledger: 死亡（含失踪）（人） is 死亡 on screen, the table within the page
    heads = (["事故编号", "发生日期", "发生地", "企业名称", "事故等级", "死亡", "台账漏项"] if zh
             else ["Accident", "Date", "Where", "Enterprise", "Grade", "Deaths", "Ledger gap"])
    accidents = grid(page, *heads)
    assert accidents[0] == "|".join(heads) and fits(accidents), accidents
    page.screenshot(path=str(tmp_path / f"ledger-gaps-{lang}-1024.png"), full_page=True)


def backtest_and_calibration_views_fit_at_1024(page, tmp_path, lang: str) -> None:
    """The back-test and the weight calibration, the relatively major accidents and those with deaths one view at
    a time, each within the page."""
    zh = lang == "zh"
    days = ["评分日", "统计至", "在营企业", "前10%企业"] if zh else ["Scored on", "Until", "Active", "Top 10 %"]
    weights = ["权重方案", "差别"] if zh else ["Weights", "Change"]
    shares = ["前10% / 全部", "占比", "随机预期"] if zh else ["Top 10 % / all", "Share", "By chance"]
    page.get_by_role("tab", name="评分检验" if zh else "Back-test").click()
    settle(page)
    for name in (["较大及以上事故", "有死亡事故"] if zh
                 else ["Relatively major or worse accidents", "With deaths"]):
        choose(page, "priority_backtest_view", name)
        choose(page, "priority_calibration_view", name)
        backtest = grid(page, *days, *shares)
        calibration = grid(page, *weights, *shares)
        assert backtest[0] == "|".join(days + shares) and calibration[0] == "|".join(weights + shares)
        assert fits(backtest) and fits(calibration), (name, backtest, calibration)
    page.screenshot(path=str(tmp_path / f"backtest-{lang}-1024.png"), full_page=True)


def station_staffing_fits_at_1024(page, tmp_path, lang: str) -> None:
    """规范化建设's station staffing table: its eight long headers (专职站长（任命报县备案）…) had passed the page."""
    zh = lang == "zh"
    heads = (["乡镇（街道）", "类别", "专职人员", "配齐", "专职站长", "任命文号", "验收报告", "报送日期"] if zh
             else ["Township", "Class", "Staff", "Met", "Head", "Document", "Report", "Sent on"])
    page.get_by_role("tab", name="规范化建设" if zh else "Standardisation").click()
    settle(page)
    stations = grid(page, *heads)
    assert stations[0] == "|".join(heads), stations
    assert fits(stations), stations


def enterprise_card_hazards_fit_at_1024(page, tmp_path, lang: str) -> None:
    """The enterprise card opened from the ranking: its hazards (English State on the day, Listed supervision had
    taken the table to about 980 px) within the page."""
    zh = lang == "zh"
    heads = (["隐患编号", "发现日期", "等级", "描述", "整改期限", "当日状态", "挂牌督办"] if zh
             else ["Hazard", "Found", "Grade", "Description", "Deadline", "State", "Listed"])
    ranking = page.locator(".st-key-priority_rank_table").first
    # the English ranking (reasons over many lines) is taller than the window: its top row in view, below the
    # page's header bar
    ranking.evaluate("e => e.scrollIntoView({block: 'start'})")
    page.mouse.move(600, 400)
    page.mouse.wheel(0, -120)
    # the wheel's scroll over (a fixed 500 ms before): still for 10 frames, as the scroll may start a frame late
    box = steady(page, ranking, frames=10)
    page.mouse.click(box["x"] + 16, box["y"] + 35 + 17)  # the first row's marker: its card opens
    page.locator(".st-key-priority_rank_table_record").wait_for(timeout=PAGE_MS)
    settle(page)
    hazards = grid(page, *heads)
    assert hazards[0] == "|".join(heads) and fits(hazards), hazards


# One page per screen and language, its checks in turn (each opened the screen again in a page of its own, issue
# 15): each check opens the tab it looks at, the enterprise card first, on the ranking shown when 重点部位 opens.
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_campaign_tables_fit_at_1024(wide3_server, tmp_path, lang):
    with fit_page() as page:
        open_page(page, wide3_server + f"campaigns?lang={lang}")
        for check in (township_ranking_views_fit_at_1024, pairs_fit_at_1024_and_a_row_opens_its_record,
                      station_staffing_fits_at_1024):
            check(page, tmp_path, lang)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_priority_tables_fit_at_1024(wide3_server, tmp_path, lang):
    with fit_page() as page:
        open_page(page, wide3_server + f"priority?lang={lang}")
        for check in (enterprise_card_hazards_fit_at_1024, key_site_ledger_views_fit_at_1024,
                      backtest_and_calibration_views_fit_at_1024):
            check(page, tmp_path, lang)
