"""汇报 Briefing screen, headless (AppTest) on the hand-made small city: the preview holds every slide in meeting
order, the presentation mode pages through them and stops at both ends, the URL brings a presenter back, and
the screen speaks English on request. The slide-index rules are tested alone first."""

from __future__ import annotations

import functools
import html
import json
import re
from datetime import date
from pathlib import Path

import pytest
from conftest import AS_OF, CITY, fill_small_city, mark_demo, open_page, read_shared
from streamlit.testing.v1 import AppTest

from riskdash import db
from riskdash.briefing import build_brief
from riskdash.filters import Filters
from riskdash.screens.briefing import view

ROOT = Path(__file__).resolve().parents[1]
APP = ROOT / "app.py"
TIMEOUT = 90
# the view every page keeps in the address (test_address.py): the default period and the whole city
VIEW = {"from": "2025-01-01", "to": "2025-06-30", "region": CITY, "lang": "zh"}
SHOWN_TITLE = re.compile(r'<div class="brief-title[^"]*">(.*?)</div>', re.S)
SHOWN_COUNTER = re.compile(r'<div class="brief-counter">(.*?)</div>', re.S)


# ---------------------------------------------------------------------------------------------- the index rules


def test_the_index_stays_in_range_and_stops_at_both_ends():
    assert [view.clamp(i, 6) for i in (-3, -1, 0, 1, 5, 6, 99)] == [0, 0, 0, 1, 5, 5, 5]
    assert view.clamp(4, 0) == 0
    assert view.step(0, -1, 6) == 0
    assert view.step(0, 1, 6) == 1
    assert view.step(4, 1, 6) == 5
    assert view.step(5, 1, 6) == 5
    assert view.step(9, -1, 6) == 4  # an index left over from a longer deck is clamped first
    assert view.step(0, 1, 1) == 0


def test_the_counter_is_one_based():
    assert view.counter(1, 6) == "2 / 6"
    assert view.counter(0, 6) == "1 / 6"
    assert view.counter(8, 6) == "6 / 6"
    assert view.counter(0, 0) == "0 / 0"


@pytest.mark.parametrize(("value", "index"), [
    ("1", 0), ("2", 1), ("6", 5), ("7", 5), ("0", 0), ("-2", 0), (" 3 ", 2), ("x", 0), ("", 0), (None, 0),
])
def test_the_slide_parameter_is_one_based_and_kept_in_range(value, index):
    assert view.index_from_param(value, 6) == index


def test_the_url_names_the_slide_only_while_presenting():
    assert view.url_params(True, 0) == {"present": "1", "slide": "1"}
    assert view.url_params(True, 4) == {"present": "1", "slide": "5"}
    assert view.url_params(False, 4) == {}
    assert [view.present_from_param(v) for v in ("1", "true", "0", "", "no")] == [True, True, False, False, False]


def test_the_key_script_clicks_the_buttons_the_page_draws():
    script = view.keyboard_script()
    for key in (view.NEXT_KEY, view.PREV_KEY):
        assert f'"{key}"' in script
    for name in ("PageDown", "PageUp", '" "'):
        assert name in script
    css = view.presentation_css()
    assert '[data-testid="stSidebar"]' in css and f".st-key-{view.SLIDE_CONTAINER_KEY}" in css


# ---------------------------------------------------------------------------------------------- the screen


@pytest.fixture()
def app_db(read_city: Path) -> Path:
    """The small city, one file for the tests here that only read it (conftest.shared_database)."""
    return read_city


@pytest.fixture()
def own_db(small_db_path: Path, monkeypatch) -> Path:
    """A copy of the small city of the test's own: for a test that replaces what the page calls (on the shared
    file the page would be served the brief another test's run cached)."""
    monkeypatch.setenv(db.ENV_DB, str(small_db_path))
    return small_db_path


def start(query: dict[str, str] | None = None) -> AppTest:
    at = AppTest.from_file(str(APP), default_timeout=TIMEOUT)
    if query:
        at.query_params.update(query)
    at = open_page("briefing", at)
    assert not at.exception, at.exception
    return at


def preview_titles(at: AppTest) -> list[str]:
    """The headings of the preview's slide cards, in page order: "第 N 页 · <title>"."""
    return [m.value.removeprefix("#### ") for m in at.markdown if m.value.startswith("#### ")]


def shown(at: AppTest) -> tuple[str, str]:
    """(the slide title on the projector, the counter "n / N")."""
    words = "\n".join(m.value for m in at.markdown)
    titles, counters = SHOWN_TITLE.findall(words), SHOWN_COUNTER.findall(words)
    assert len(titles) == 1 and len(counters) == 1, (titles, counters)
    return html.unescape(titles[0]), html.unescape(counters[0])


def expected_brief(lang: str = "zh"):
    """The brief the content model builds for the page's default filters (1 January to the as-of day, the city)
    from the pages' database, built once per file and language (~0.5 s of CPU): the tests here only read it."""
    path = db.resolve_db_path(None)
    return _built_brief(str(path), path.stat().st_mtime_ns, lang)


@functools.lru_cache(maxsize=4)
def _built_brief(path: str, mtime_ns: int, lang: str):
    con = db.connect(Path(path), read_only=True)
    try:
        return build_brief(con, Filters(date(AS_OF.year, 1, 1), AS_OF, CITY, AS_OF), lang)
    finally:
        con.close()


def expected_slides(lang: str = "zh") -> tuple[view.SlideView, ...]:
    """The deck the content model builds for the page's default filters (expected_brief)."""
    return view.slide_views(expected_brief(lang), lang)


def expected_titles(at: AppTest, lang: str = "zh") -> list[str]:
    return [s.title for s in expected_slides(lang)]


def present(at: AppTest) -> AppTest:
    at.button(key=view.PRESENT_KEY).click().run()
    assert not at.exception, at.exception
    return at


def test_the_preview_holds_every_slide_in_meeting_order(app_db):
    at = start()
    slides = expected_slides()
    assert [s.section for s in slides] == ["封面", "事故形势", "隐患治理", "重点部位", "乡镇排名", "下步工作"]
    assert slides[0].title == "示例市安全生产形势汇报"
    assert preview_titles(at) == [f"第 {n + 1} 页 · {s.title}" for n, s in enumerate(slides)]
    assert [b.key for b in at.button] == [view.PRESENT_KEY]  # not presenting: no paging buttons
    assert dict(at.query_params) == VIEW
    assert not at.error
    # every KPI of every slide is on the preview with the content model's figure
    cards = [(m.proto.label, m.proto.body) for m in at.metric]
    assert cards == [(k.label, k.value) for s in slides for k in s.kpis]
    assert len(at.get("plotly_chart")) == sum(s.chart is not None for s in slides)


def test_the_deck_opens_with_a_cover_and_cuts_long_lists(app_db):
    slides = expected_slides()
    cover = slides[0]
    assert cover.key == "cover" and cover.number == 1 and not cover.kpis and cover.chart is None
    assert cover.headline[0] == "统计期：2025年1—6月" and cover.headline[1] == "数据截至2025年6月30日"
    assert cover.headline[2] == "汇报内容：事故形势 → 隐患治理 → 重点部位 → 乡镇排名 → 下步工作"
    assert [s.number for s in slides] == list(range(1, len(slides) + 1))
    brief = expected_brief("zh")
    listed = [s for s in brief.slides if s.table is not None and len(s.table.rows) >= 2]
    assert listed, "the small city should give at least one list of two rows"
    cut = view.slide_views(brief, "zh", table_rows=1)
    for slide in cut[1:]:
        source = brief.slide(slide.key).table
        if source is None or not source.rows:
            assert slide.table is None
            continue
        assert list(slide.table.columns) == list(source.columns)
        assert [tuple(r) for r in slide.table.itertuples(index=False)] == [tuple(source.rows[0])]
        assert slide.table_more == (None if source.total <= 1 else f"共{source.total}项，列出前1项")


def test_the_download_buttons(app_db):
    at = start()
    labels = [b.proto.label for b in at.get("download_button")]
    assert labels == ["下载演示文稿（PPTX）", "下载通报（Word）", "下载通报（PDF）"]


def test_presentation_pages_forward_and_back_and_stops_at_both_ends(app_db):
    at = present(start())
    titles = expected_titles(at)
    count = len(titles)
    assert shown(at) == (titles[0], f"1 / {count}")
    assert at.button(key=view.PREV_KEY).disabled
    assert not at.markdown or not preview_titles(at)  # the preview is gone: one slide on the screen

    for number in range(2, count + 1):
        at.button(key=view.NEXT_KEY).click().run()
        assert shown(at) == (titles[number - 1], f"{number} / {count}")
        assert at.session_state["brief_index"] == number - 1
        assert dict(at.query_params) == VIEW | {"present": "1", "slide": str(number)}
    assert at.button(key=view.NEXT_KEY).disabled  # the last slide: next stops here
    assert not at.button(key=view.PREV_KEY).disabled

    for number in range(count - 1, 0, -1):
        at.button(key=view.PREV_KEY).click().run()
        assert shown(at) == (titles[number - 1], f"{number} / {count}")
    assert at.session_state["brief_index"] == 0
    assert at.button(key=view.PREV_KEY).disabled


def test_leaving_returns_to_the_preview_and_clears_the_url(app_db):
    at = present(start())
    at.button(key=view.NEXT_KEY).click().run()
    at.button(key=view.EXIT_KEY).click().run()
    assert not at.exception
    assert not SHOWN_TITLE.findall("\n".join(m.value for m in at.markdown))
    assert len(preview_titles(at)) == len(expected_titles(at))
    assert "present" not in at.query_params and "slide" not in at.query_params
    # coming back resumes where the presenter left
    present(at)
    assert shown(at)[1].startswith("2 / ")


def test_the_url_brings_a_reloading_presenter_back_to_the_slide(app_db):
    at = start({"present": "1", "slide": "3"})
    titles = expected_titles(at)
    assert shown(at) == (titles[2], f"3 / {len(titles)}")
    at = start({"present": "1", "slide": "99"})
    assert shown(at) == (titles[-1], f"{len(titles)} / {len(titles)}")


def test_the_projected_chart_says_its_values_at_the_ticks_size(app_db):
    """On the projector the rate-by-township chart's bars carry their values (ChartSpec.labels) at the ticks'
    projector size, and its axis is the spec's (zoomed where the bars differ, the title saying so)."""
    at = start({"present": "1", "slide": "3"})
    spec = expected_slides()[2].chart
    assert spec is not None
    figure = json.loads(at.get("plotly_chart")[0].proto.spec)
    bars = figure["data"][0]
    assert bars["text"] == spec.labels(spec.series[0][1]) and bars["textfont"]["size"] == 15
    start_at, end, unit = spec.value_axis()
    assert figure["layout"]["xaxis"]["range"] == [start_at, end]
    assert figure["layout"]["xaxis"]["tickfont"]["size"] == 15 and figure["layout"]["xaxis"]["title"]["text"] == unit


def test_a_failing_content_build_is_said_in_one_line_and_offers_no_slides(own_db, monkeypatch):
    from riskdash.briefing import content

    def broken(con, filters, lang="zh", generated_at=None):
        raise ValueError("no annual target table")

    monkeypatch.setattr(content, "build_brief", broken)
    at = start()
    assert [e.value for e in at.error] == ["生成汇报内容时出错：ValueError: no annual target table"]
    assert not preview_titles(at) and not at.metric
    assert at.button(key=view.PRESENT_KEY).disabled
    assert len(at.get("download_button")) == 0  # nothing to write


def test_demo_data_is_said_on_the_slides(request):
    read_shared(request, fill_small_city, mark_demo)  # the small city marked as demo data
    at = start()
    sections = [c.value for c in at.caption if c.value.endswith(" · 演示数据")]
    assert sections == [f"{s} · 演示数据" for s in ("封面", "事故形势", "隐患治理", "重点部位", "乡镇排名", "下步工作")]
    present(at)
    words = "\n".join(m.value for m in at.markdown)
    assert '<span class="brief-demo">演示数据</span>' in words
    assert '<div class="brief-cover-demo">演示数据</div>' in words


def test_the_screen_in_english(app_db):
    at = start()
    at.sidebar.radio(key="lang").set_value("en").run()
    assert not at.exception, at.exception
    assert [t.value for t in at.title] == ["Briefing"]
    titles = expected_titles(at, "en")
    assert preview_titles(at) == [f"Slide {n + 1} · {title}" for n, title in enumerate(titles)]
    present(at)
    assert shown(at) == (titles[0], f"1 / {len(titles)}")
    assert at.button(key=view.NEXT_KEY).label == "Next"
