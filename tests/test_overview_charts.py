"""The overview's trend and ranking charts (issue 17 item 5) and the death-target bar's colours (item 6):
the builders on hand-made frames, the page in AppTest (Plotly figures are UnknownElements there: their
figure JSON is read back), the target bar drawn amber / red."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pandas as pd
import pytest
from conftest import CITY
from streamlit.testing.v1 import AppTest

from riskdash.filters import Filters
from riskdash.screens.kit import Scope
from riskdash.screens.overview import view as charts

APP = Path(__file__).resolve().parents[1] / "app.py"
END = date(2026, 11, 28)
F = Filters(date(2026, 1, 1), END, CITY, END)
WHERE = Scope.of(F, "示例市", "全部行业", END, "zh")


@pytest.fixture()
def app_db(read_city: Path) -> Path:
    """The small city, one file for the tests here that only read it (conftest.shared_database)."""
    return read_city


def _months(values: list[int]) -> pd.DataFrame:
    starts = [date(2024 + (11 + i) // 12, (11 + i) % 12 + 1, 1) for i in range(len(values))]  # from Dec 2024
    return pd.DataFrame({"month_start": starts, "accidents": values, "deaths_incl_missing": values,
                         "is_covered": [True] * len(values)})


def test_the_trend_is_the_last_24_months_with_the_partial_one_marked():
    fig = charts.accident_trend(_months(list(range(1, 25))), F, WHERE, "zh")
    bars = fig.data[0]
    assert len(bars.x) == 24 and list(bars.y) == list(range(1, 25))
    assert bars.x[-1] == "26年11月（至28日）"  # short: 24 turned ticks (months as 事故趋势 writes them, 0a8fb09)
    assert "事故起数" in fig.layout.title.text and "示例市" in fig.layout.title.text
    assert fig.layout.yaxis.tickformat == ",d"
    assert charts.accident_trend(_months([0] * 24), F, WHERE, "zh") is None  # said in words instead


def test_the_ranking_is_the_townships_lowest_in_rate():
    towns = pd.DataFrame({"region_code": ["419901001000", "419901002000", "419902001000"],
                          "township_label": ["东镇", "西乡", "南街道"], "found": [10, 20, 0],
                          "rate": [0.9, 0.95, None], "rectified": [9, 19, 0]})
    fig = charts.rectification_ranking(towns, F, "示例市", "zh")
    assert list(fig.data[0].y) == ["419901002000", "419901001000"]  # 南街道 has no hazards; the lowest on top
    assert list(fig.data[0].text) == ["95.0%", "90.0%"]
    assert charts.rectification_ranking(towns.assign(found=0), F, "示例市", "zh") is None


def _figures(at: AppTest) -> list[dict]:
    return [json.loads(e.proto.spec) for e in at.get("plotly_chart")]


def test_the_overview_draws_one_trend_and_one_ranking(app_db):
    at = AppTest.from_file(str(APP), default_timeout=60).run()
    assert not at.exception
    titles = [f["layout"]["title"]["text"] for f in _figures(at)]
    assert len(titles) == 2
    assert titles[0].startswith("事故起数按月统计<br>")
    assert titles[1].startswith("各乡镇隐患整改率")


def _target(level: str) -> None:
    from riskdash.screens.overview import draw
    from riskdash.screens.overview.view import TargetBar

    draw.target_bar(TargetBar("死亡控制指标", 0.6 if level != "over" else 1.0, level == "over", level, "规则"))


@pytest.mark.parametrize(("level", "warnings", "errors"), [("normal", 0, 0), ("ahead", 1, 0), ("over", 0, 1)])
def test_the_death_target_bar_goes_amber_then_red(level, warnings, errors):
    at = AppTest.from_function(_target, args=(level,)).run()
    assert not at.exception
    assert (len(at.warning), len(at.error), len(at.get("progress"))) == (warnings, errors, 1)
