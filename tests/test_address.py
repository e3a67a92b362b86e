"""The view kept in the address (issue 17 item 2): ``?from=&to=&region=&industry=&lang=`` opens the same view,
a wrong value is ignored with one line, and the address follows every change of the filters.

The reading is tested on hand-made regions (riskdash.ui.address, pure), then the pages with AppTest against
the small city of conftest.py (data as of 30 June 2025). The browser side (a refresh, /overview) is in
test_browser.py.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from conftest import CITY, COUNTY_A, COUNTY_B, TOWN_A2
from streamlit.testing.v1 import AppTest

from riskdash.filters import Filters
from riskdash.ui import address
from riskdash.ui.markdown import plain

ROOT = Path(__file__).resolve().parents[1]
APP = ROOT / "app.py"
TIMEOUT = 60

# a city, a county, a township and a village below it (deeper than the filters go)
PARENTS = {"410100000000": None, "410101000000": "410100000000", "410101001000": "410101000000",
           "410101001001": "410101001000"}
SECTORS = {"fire", "road_transport"}
AS = date(2025, 6, 30)
EARLIEST = date(2005, 1, 1)
FALLBACK = (date(2025, 1, 1), date(2025, 6, 30))


def read(**asked: str) -> address.Requested:
    """The address ``asked`` read on a page shown in Chinese."""
    return address.read(asked, lang="zh", as_of=AS, earliest=EARLIEST, parents=PARENTS, sectors=SECTORS,
                        fallback=FALLBACK)


# ---------------------------------------------------------------------------------------------- reading


def test_only_the_views_parameters_are_taken_and_trimmed():
    assert address.requested({"present": "1", "slide": "3", "region": " 410100 ", "lang": "en"}) == {
        "region": "410100", "lang": "en"}
    assert address.requested({}) == {}


def test_nothing_asked_is_nothing_applied():
    assert read() == address.Requested()


def test_every_parameter_applied():
    found = read(**{"from": "2025-01-01", "to": "2025-05-31", "region": "410101001000", "industry": "fire",
                    "lang": "en"})
    assert found == address.Requested(lang="en", period=(date(2025, 1, 1), date(2025, 5, 31)), preset="custom",
                                      region_path=("410100000000", "410101000000", "410101001000"),
                                      industry="fire")


@pytest.mark.parametrize(("start", "end", "preset"), [
    ("2025-01-01", "2025-06-30", "completed_months"),  # also 本年至今 on a month's last day: the first preset wins
    ("2025-06-01", "2025-06-30", "this_month"),
    ("2025-05-01", "2025-05-31", "last_month"),
    ("2025-04-01", "2025-06-30", "this_quarter"),
    ("2025-01-01", "2025-03-31", "last_quarter"),
    ("2024-01-01", "2024-12-31", "last_year"),
    ("2025-01-01", "2025-05-31", "custom"),
    ("2025-06-30", "2025-06-30", "custom"),  # one day, the as-of day: the latest day allowed
    ("2005-01-01", "2005-01-01", "custom"),  # the earliest day allowed
])
def test_a_period_shows_its_preset_or_custom(start, end, preset):
    found = read(**{"from": start, "to": end})
    assert found == address.Requested(period=(date.fromisoformat(start), date.fromisoformat(end)), preset=preset)


def test_one_end_of_the_period_takes_the_other_from_the_fallback():
    assert read(**{"from": "2025-03-01"}) == address.Requested(period=(date(2025, 3, 1), date(2025, 6, 30)),
                                                               preset="custom")
    assert read(to="2025-03-31") == address.Requested(period=(date(2025, 1, 1), date(2025, 3, 31)),
                                                      preset="last_quarter")


@pytest.mark.parametrize(("asked", "notice"), [
    ({"from": "2025-02-30"}, "地址中的日期“2025-02-30”不是有效日期（格式 2026-01-31），统计期未按地址设置。"),
    ({"from": "20250101"}, "地址中的日期“20250101”不是有效日期（格式 2026-01-31），统计期未按地址设置。"),
    ({"to": "yesterday"}, "地址中的日期“yesterday”不是有效日期（格式 2026-01-31），统计期未按地址设置。"),
    ({"from": "", "to": "2025-05-31"}, "地址中的日期“”不是有效日期（格式 2026-01-31），统计期未按地址设置。"),
    ({"to": "2025-07-01"},
     "地址中的日期“2025-07-01”不在 2005年1月1日 至数据截至日 2025年6月30日 之间，统计期未按地址设置。"),
    ({"from": "2004-12-31"},
     "地址中的日期“2004-12-31”不在 2005年1月1日 至数据截至日 2025年6月30日 之间，统计期未按地址设置。"),
    ({"from": "2025-05-02", "to": "2025-05-01"},
     "地址中的结束日期 2025年5月1日 早于开始日期 2025年5月2日，统计期未按地址设置。"),
    ({"region": "419999000000"}, "地址中的地区代码“419999000000”不在本库的行政区划中，已忽略。"),
    ({"region": "410101001001"}, "地址中的地区代码“410101001001”不在本库的行政区划中，已忽略。"),  # below a township
    ({"industry": "mining"}, "地址中的行业代码“mining”不在本库的行业分类中，已忽略。"),
    ({"lang": "fr"}, "地址中的语言“fr”无法识别（可用 zh 或 en），已忽略。"),
])
def test_a_wrong_value_is_ignored_with_one_line(asked, notice):
    assert read(**asked) == address.Requested(notices=(notice,))


def test_the_notices_speak_the_language_the_address_asks_for():
    found = address.read({"region": "x", "lang": "en"}, lang="zh", as_of=AS, earliest=EARLIEST, parents=PARENTS,
                         sectors=SECTORS, fallback=FALLBACK)
    assert found == address.Requested(
        lang="en", notices=("The region code “x” in the address is not a region of this database; ignored.",))


def test_a_long_wrong_value_is_cut_in_the_notice():
    assert read(industry="x" * 50).notices == (f"地址中的行业代码“{'x' * 40}…”不在本库的行业分类中，已忽略。",)


def test_regions_at_every_level_and_short_codes():
    assert read(region="410100000000").region_path == ("410100000000",)
    assert read(region="410101").region_path == ("410100000000", "410101000000")
    assert read(region="410101001").region_path == ("410100000000", "410101000000", "410101001000")


def test_an_empty_industry_is_all_sectors():
    assert read(industry="") == address.Requested(industry="")
    assert read(industry="road_transport") == address.Requested(industry="road_transport")


def test_the_address_of_a_view():
    filters = Filters(date(2025, 1, 1), date(2025, 5, 31), COUNTY_A, date(2025, 5, 31))
    assert address.params(filters, "en") == {"from": "2025-01-01", "to": "2025-05-31", "region": COUNTY_A,
                                             "lang": "en"}
    sector = Filters(date(2025, 1, 1), date(2025, 5, 31), COUNTY_A, date(2025, 5, 31), industry="fire")
    assert address.params(sector, "zh") == {"from": "2025-01-01", "to": "2025-05-31", "region": COUNTY_A,
                                            "industry": "fire", "lang": "zh"}


# ---------------------------------------------------------------------------------------------- pages


@pytest.fixture()
def app_db(read_city: Path) -> Path:
    """The small city, one file for the tests here that only read it (conftest.shared_database)."""
    return read_city


def opened(page: str = "", **query: str) -> AppTest:
    """The app opened at /<page>?<query>, as a fresh tab (or a refresh) does."""
    at = AppTest.from_file(str(APP), default_timeout=TIMEOUT)
    at.query_params.update(query)
    if page:
        at.switch_page(f"pages/{page}.py")
    return at.run()


def shown(at: AppTest) -> dict[str, object]:
    widgets = {key: at.sidebar.selectbox(key=key).value for key in ("flt_preset", "flt_city", "flt_county",
                                                                      "flt_sector")}
    widgets["flt_township"] = (at.sidebar.selectbox(key="flt_township").value
                               if any(s.key == "flt_township" for s in at.sidebar.selectbox) else None)
    widgets["lang"] = at.sidebar.radio(key="lang").value
    widgets["period"] = [c.value for c in at.sidebar.caption]
    return widgets


def notices(at: AppTest) -> list[str]:
    return [w.value for w in at.sidebar.warning]


def test_a_plain_address_shows_the_default_view_and_writes_it(app_db):
    at = opened()
    assert not at.exception
    assert shown(at) == {"flt_preset": "completed_months", "flt_city": CITY, "flt_county": "",
                         "flt_sector": "", "flt_township": None, "lang": "zh", "period": ["统计期：2025年1—6月"]}
    assert at.query_params == {"from": "2025-01-01", "to": "2025-06-30", "region": CITY, "lang": "zh"}
    assert notices(at) == []


def test_an_address_with_every_parameter_opens_that_view(app_db):
    at = opened("accidents", **{"from": "2025-01-01", "to": "2025-05-31", "region": TOWN_A2,
                                "industry": "road_transport", "lang": "en"})
    assert not at.exception
    assert [t.value for t in at.title] == ["Accident trends"]
    assert shown(at) == {"flt_preset": "custom", "flt_city": CITY, "flt_county": COUNTY_A,
                         "flt_sector": "road_transport", "flt_township": TOWN_A2, "lang": "en",
                         "period": ["Period: Jan–May 2025"]}
    assert at.sidebar.date_input(key="flt_start").value == date(2025, 1, 1)
    assert at.sidebar.date_input(key="flt_end").value == date(2025, 5, 31)
    assert notices(at) == []
    assert at.query_params == {"from": "2025-01-01", "to": "2025-05-31", "region": TOWN_A2,
                               "industry": "road_transport", "lang": "en"}


@pytest.mark.parametrize(("query", "changed"), [
    ({"from": "2025-06-01", "to": "2025-06-30"}, {"flt_preset": "this_month", "period": ["统计期：2025年6月"]}),
    ({"from": "2024-01-01", "to": "2024-12-31"}, {"flt_preset": "last_year", "period": ["统计期：2024年1—12月"]}),
    ({"region": COUNTY_B}, {"flt_county": COUNTY_B, "flt_township": ""}),
    ({"region": "419902"}, {"flt_county": COUNTY_B, "flt_township": ""}),
    ({"industry": "fire"}, {"flt_sector": "fire"}),
    ({"lang": "en"}, {"lang": "en", "period": ["Period: Jan–Jun 2025"]}),
])
def test_each_parameter_alone(app_db, query, changed):
    at = opened(**query)
    assert not at.exception
    default = {"flt_preset": "completed_months", "flt_city": CITY, "flt_county": "", "flt_sector": "",
               "flt_township": None, "lang": "zh", "period": ["统计期：2025年1—6月"]}
    assert shown(at) == default | changed
    assert notices(at) == []


@pytest.mark.parametrize(("query", "notice"), [
    ({"region": "419999000000"}, "地址中的地区代码“419999000000”不在本库的行政区划中，已忽略。"),
    ({"from": "2025-13-01"}, "地址中的日期“2025-13-01”不是有效日期（格式 2026-01-31），统计期未按地址设置。"),
    ({"to": "2025-07-01"},
     "地址中的日期“2025-07-01”不在 2005年1月1日 至数据截至日 2025年6月30日 之间，统计期未按地址设置。"),
    ({"industry": "[x](http://example.com)"},
     # data quoted back is shown as text, never as a link
     plain("地址中的行业代码“[x](http://example.com)”不在本库的行业分类中，已忽略。")),
    ({"lang": "de"}, "地址中的语言“de”无法识别（可用 zh 或 en），已忽略。"),
])
def test_a_wrong_value_shows_the_default_with_one_line_and_is_dropped_from_the_address(app_db, query, notice):
    at = opened("rectification", **query)
    assert not at.exception
    assert notices(at) == [notice]
    assert shown(at) == {"flt_preset": "completed_months", "flt_city": CITY, "flt_county": "", "flt_sector": "",
                         "flt_township": None, "lang": "zh", "period": ["统计期：2025年1—6月"]}
    assert at.query_params == {"from": "2025-01-01", "to": "2025-06-30", "region": CITY, "lang": "zh"}
    # the notice is said once: the next run reads the address this session wrote
    at.run()
    assert notices(at) == []


def test_a_wrong_value_leaves_the_others_applied(app_db):
    at = opened(region=COUNTY_A, industry="nonsense", lang="en")
    assert shown(at)["flt_county"] == COUNTY_A and shown(at)["lang"] == "en"
    assert notices(at) == ["The sector code “nonsense” in the address is not a sector of this database; ignored."]


def test_the_address_follows_the_filters_and_a_refresh_keeps_them(app_db):
    at = opened()
    at.sidebar.selectbox(key="flt_county").set_value(COUNTY_A).run()
    at.sidebar.selectbox(key="flt_preset").set_value("last_month").run()
    at.sidebar.selectbox(key="flt_sector").set_value("fire").run()
    at.sidebar.radio(key="lang").set_value("en").run()
    assert at.query_params == {"from": "2025-05-01", "to": "2025-05-31", "region": COUNTY_A, "industry": "fire",
                               "lang": "en"}
    before = shown(at)
    # F5: a new session on the same address
    again = opened(**at.query_params)
    assert not again.exception
    assert shown(again) == before
    assert again.query_params == at.query_params
    # back to all sectors: the industry leaves the address
    at.sidebar.selectbox(key="flt_sector").set_value("").run()
    assert at.query_params == {"from": "2025-05-01", "to": "2025-05-31", "region": COUNTY_A, "lang": "en"}


def test_a_page_switch_that_clears_the_address_keeps_the_view_and_writes_it_again(app_db):
    at = opened(region=COUNTY_A, lang="en", **{"from": "2025-02-01", "to": "2025-03-15"})
    # the browser's navigation clears the query string on a page switch
    at.query_params.clear()
    at.switch_page("pages/campaigns.py").run()
    assert not at.exception
    assert shown(at)["flt_county"] == COUNTY_A and shown(at)["lang"] == "en"
    assert at.sidebar.date_input(key="flt_start").value == date(2025, 2, 1)
    assert at.query_params == {"from": "2025-02-01", "to": "2025-03-15", "region": COUNTY_A, "lang": "en"}


def test_the_briefings_own_parameters_are_kept(app_db):
    at = opened("briefing", region=COUNTY_A, present="1", slide="2")
    assert not at.exception
    assert at.query_params == {"from": "2025-01-01", "to": "2025-06-30", "region": COUNTY_A, "lang": "zh",
                               "present": "1", "slide": "2"}
