"""The PPTX deck read back: slide order and titles (in the title placeholders, so the outline lists them), every
KPI number equal to `riskdash metrics` for the same filters with its unit, the office East Asian typeface on
every run, tables of at least 14 pt, native charts, and LibreOffice's rendering of each slide."""

from __future__ import annotations

import json
import re
from datetime import date

import pytest
from pptx import Presentation
from pptx.oxml.ns import qn

import office_render
from conftest import AS_OF, CITY, fill_small_city, prepared_database
from riskdash import cli, db
from riskdash.briefing import SLIDE_KEYS, build_brief
from riskdash.briefing import headline as hl
from riskdash.briefing.pptx_export import FONT, LATIN_FONT, TITLE_FONT
from riskdash.filters import Filters

ARGS = ["--from", "2025-01-01", "--to", AS_OF.isoformat()]


@pytest.fixture(scope="module")
def deck(tmp_path_factory):
    folder = tmp_path_factory.mktemp("deck")
    path = prepared_database(folder / "small.duckdb", fill_small_city)
    out = folder / "brief.pptx"
    assert cli.main(["brief", "--db", str(path), *ARGS, "--out", str(out)]) == 0
    con = db.connect(path, read_only=True)
    brief = build_brief(con, Filters(date(2025, 1, 1), AS_OF, CITY, AS_OF))
    con.close()
    return {"db": path, "out": out, "prs": Presentation(str(out)), "brief": brief, "folder": folder}


def _metrics_json(capsys, deck, *argv) -> dict:
    capsys.readouterr()
    assert cli.main(["metrics", *argv, "--db", str(deck["db"]), *ARGS]) == 0
    return json.loads(capsys.readouterr().out)


def _named(slide, name):
    found = [s for s in slide.shapes if s.name == name]
    assert len(found) == 1, (name, [s.name for s in slide.shapes])
    return found[0]


def test_sixteen_by_nine_with_a_title_slide_then_the_meeting_order(deck):
    prs, brief = deck["prs"], deck["brief"]
    assert (prs.slide_width, prs.slide_height) == (12191695, 6858000) or abs(prs.slide_width / prs.slide_height - 16 / 9) < 0.01
    assert len(prs.slides) == 1 + len(SLIDE_KEYS)
    title_slide = prs.slides[0]
    assert _named(title_slide, "title").text_frame.text == "示例市安全生产形势汇报"
    subtitle = _named(title_slide, "subtitle").text_frame.text
    assert "统计期间：2025年1—6月" in subtitle and "数据截至2025年6月30日" in subtitle
    assert not [s for s in title_slide.shapes if s.name.startswith("demo")]  # the fixture is not demo data
    sections = [_named(s, "section").text_frame.text for s in list(prs.slides)[1:]]
    assert sections == ["一、事故形势", "二、隐患治理", "三、重点部位", "四、乡镇排名", "五、下步工作"]
    titles = [_named(s, "title").text_frame.text for s in list(prs.slides)[1:]]
    assert titles == [s.title for s in brief.slides]
    assert titles[1] == "隐患整改率33.3%，尚有逾期未销号隐患3项"
    for slide_spec, slide in zip(brief.slides, list(prs.slides)[1:]):
        if slide_spec.headline:  # the accident slide adds its class split (issue 18) as the last line
            assert _named(slide, "headline").text_frame.text == "\n".join(
                (*slide_spec.headline, *([slide_spec.split] if slide_spec.split else [])))
        footer = _named(slide, "footer").text_frame.text
        # the screens' one range and date style (i18n.period, i18n.day), as the title slide's subtitle
        assert footer.startswith("统计期间 2025年1—6月 · 区域 示例市 · 截至2025年6月30日 · 生成时间 ")
        assert not re.search(r"\d{4}-\d{2}-\d{2}", footer)
    assert _named(list(prs.slides)[1], "headline").text_frame.text.splitlines()[-1].startswith("分类别：")


def test_kpi_numbers_equal_riskdash_metrics(deck, capsys):
    accidents = _metrics_json(capsys, deck, "accidents")
    rect = _metrics_json(capsys, deck, "rectification", "--as-of", AS_OF.isoformat())
    slides = list(deck["prs"].slides)

    def kpi(slide, key):
        return _named(slide, f"kpi:{key}").text_frame.text

    assert kpi(slides[1], "accidents.accidents") == f"{accidents['accidents']}起" == "3起"
    assert kpi(slides[1], "accidents.deaths_incl_missing") == f"{accidents['deaths_incl_missing']}人" == "4人"
    assert kpi(slides[1], "accidents.larger_and_above") == f"{accidents['larger_and_above']}起" == "1起"
    assert kpi(slides[1], "accidents.yoy_pct.accidents") == hl.signed_pct_text(accidents["yoy_pct"]["accidents"]) == "0%"
    assert kpi(slides[1], "accidents.yoy_pct.deaths") == hl.signed_pct_text(accidents["yoy_pct"]["deaths"]) == "+100%"
    assert kpi(slides[2], "rectification.found") == f"{rect['found']}项" == "6项"
    assert kpi(slides[2], "rectification.rate") == hl.pct_text(rect["rate"]) == "33.3%"
    assert kpi(slides[2], "rectification.major_rate") == hl.pct_text(rect["major_rate"]) == "50%"
    # still open on the as-of day: the stock of every year's hazards
    assert kpi(slides[2], "rectification.stock.overdue") == f"{rect['stock']['overdue']}项" == "3项"
    assert kpi(slides[2], "rectification.stock.supervised_open") == f"{rect['stock']['supervised_open']}项" == "2项"
    # the headline's numbers are the same ones
    headline = _named(slides[1], "headline").text_frame.text
    assert f"共发生生产安全事故{accidents['accidents']}起、死亡{accidents['deaths_incl_missing']}人" in headline


def _runs(prs):
    for slide in prs.slides:
        for shape in slide.shapes:
            if shape.has_text_frame:
                for paragraph in shape.text_frame.paragraphs:
                    yield from ((shape.name, run) for run in paragraph.runs)
            if shape.has_table:
                for row in shape.table.rows:
                    for cell in row.cells:
                        for paragraph in cell.text_frame.paragraphs:
                            yield from ((shape.name, run) for run in paragraph.runs)
            if shape.has_chart and shape.chart.has_title:
                for paragraph in shape.chart.chart_title.text_frame.paragraphs:
                    yield from ((shape.name, run) for run in paragraph.runs)


def test_every_run_names_the_east_asian_and_latin_typeface(deck):
    runs = list(_runs(deck["prs"]))
    assert len(runs) > 100
    missing = []
    for n, (name, run) in enumerate(runs):
        rPr = run._r.find(qn("a:rPr"))
        faces = {tag: (rPr.find(qn(tag)).get("typeface") if rPr is not None and rPr.find(qn(tag)) is not None
                       else None) for tag in ("a:latin", "a:ea")}
        # the office names (黑体; the cover's title in 方正小标宋简体), never Noto, which office PCs lack
        east_asian = TITLE_FONT if n == 0 else FONT
        if faces != {"a:latin": LATIN_FONT, "a:ea": east_asian}:
            missing.append((name, run.text, faces))
    assert runs[0][1].text == "示例市安全生产形势汇报"
    assert missing == []
    assert (FONT, TITLE_FONT) == ("黑体", "方正小标宋简体")


def test_every_slide_has_its_title_in_the_title_placeholder(deck):
    # PowerPoint's and WPS's outline pane lists a slide by its title placeholder
    titles = []
    for slide in deck["prs"].slides:
        placeholder = slide.shapes.title
        assert placeholder is not None and placeholder.is_placeholder and placeholder.name == "title"
        titles.append(placeholder.text_frame.text)
    assert titles == ["示例市安全生产形势汇报", *(s.title for s in deck["brief"].slides)]


def test_tables_are_at_least_14_pt(deck):
    sizes = [run.font.size.pt for slide in deck["prs"].slides for shape in slide.shapes if shape.has_table
             for row in shape.table.rows for cell in row.cells for p in cell.text_frame.paragraphs for run in p.runs]
    assert sizes and min(sizes) >= 14


def test_charts_are_native_and_carry_the_numbers(deck):
    brief, slides = deck["brief"], list(deck["prs"].slides)
    charted = 0
    for slide_spec, slide in zip(brief.slides, slides[1:]):
        charts = [s for s in slide.shapes if s.has_chart]
        assert len(charts) == (slide_spec.chart is not None)
        if not charts:
            continue
        charted += 1
        chart, spec = charts[0].chart, slide_spec.chart
        assert tuple(chart.plots[0].categories) == spec.categories
        assert [s.name for s in chart.series] == [name for name, _ in spec.series]
        for series, (_, values) in zip(chart.series, spec.series):
            assert tuple(series.values) == tuple(values)
        assert chart.chart_title.text_frame.text == spec.title
        # the value axis of the figure (ChartSpec.value_axis): a rate axis zoomed where its bars differ says so
        start, end, unit = spec.value_axis()
        axis = chart.value_axis
        assert (axis.minimum_scale, axis.maximum_scale, axis.axis_title.text_frame.text) == (start, end, unit)
        # the chart's default text properties name the CJK face too (axes, legend, labels)
        defaults = chart._chartSpace.find(qn("c:txPr")).find(".//" + qn("a:defRPr"))
        assert defaults.find(qn("a:ea")).get("typeface") == FONT
    assert charted == 4
    accidents_chart = next(s for s in slides[1].shapes if s.has_chart).chart
    assert accidents_chart.chart_type == 51  # COLUMN_CLUSTERED: an editable column chart, not a picture
    assert not [s for s in slides[1].shapes if s.shape_type == 13]  # no pictures


@pytest.mark.slow  # LibreOffice renders the file: left out of the fast tier
def test_libreoffice_renders_every_slide_with_its_title(deck):
    pdf = office_render.to_pdf(deck["out"], deck["folder"])
    texts = office_render.pdf_text(pdf)
    assert len(texts) == 1 + len(SLIDE_KEYS)

    def squeeze(text):
        return re.sub(r"\s+", "", text)

    assert "示例市安全生产形势汇报" in squeeze(texts[0])
    for slide_spec, text in zip(deck["brief"].slides, texts[1:]):
        assert squeeze(slide_spec.title) in squeeze(text)
        assert "数据截至" in squeeze(text) or "截至2025年6月30日" in squeeze(text)
    pages = office_render.rasterise(pdf, deck["folder"])
    assert len(pages) == len(texts)
    assert all(office_render.ink_share(page) > 0.02 for page in pages)
    fonts = office_render.pdf_fonts(pdf)
    assert fonts and all(f["embedded"] == "yes" for f in fonts)
    assert any("CJK" in f["name"] for f in fonts)


def test_the_headline_shrinks_only_as_far_as_the_chart_needs():
    """14 pt while the chart and table keep VISUAL_MIN_IN under the text; 13, then 12, when they would not (slide
    2 with its classes' paragraph left a chart 1.1 in high); never below 12; 14 without a chart or table."""
    from riskdash.briefing.pptx_export import TEXT_SIZES, VISUAL_MIN_IN, _text_height, _text_size

    text = ["较大及以上事故的发生，突破了“坚决杜绝较大及以上事故”的红线。" * 3] * 4
    width = 12.0
    need = {size: _text_height(text, width, size, 6) + 0.05 + VISUAL_MIN_IN for size in TEXT_SIZES}
    assert need[14] > need[13] > need[12]
    assert _text_size(text, width, need[14] + 1e-9, True) == 14  # just enough room keeps 14
    assert _text_size(text, width, need[14] - 0.01, True) == 13
    assert _text_size(text, width, need[13] - 0.01, True) == 12
    assert _text_size(text, width, 1.0, True) == 12  # the smallest, never below
    assert _text_size(text, width, 1.0, False) == 14  # nothing beside the text: its full size
