"""设置's editors sized for what the grid draws (issue 17 item 7, in English): a select box's cell on one line,
and no English word wider than its column."""

from __future__ import annotations

import pandas as pd

from riskdash.screens.settings import draw, view
from riskdash.ui.widgets import fit


def test_a_select_box_column_is_sized_for_its_whole_name_on_one_line():
    weights = pd.DataFrame({"component": ["accident_death", "larger_accident"], "weight": [6.0, 25.0]})
    coded = view.code_names("risk-weights", "en")
    names = coded["component"]
    shown = view.sizing_frame(weights, "risk-weights", "en")
    longest = max(names[c] for c in weights["component"])
    # as text the name would wrap into a narrower column; as a select box it needs its whole width
    wrapped = fit(shown, budget=300)["column_config"]["component"]["width"]
    whole = fit(draw.one_line(shown, coded), budget=300)["column_config"]["component"]["width"]
    assert wrapped < 8 * len(longest) <= whole - 18
    assert "row_height" not in fit(draw.one_line(shown, coded), budget=300)
    assert draw.one_line(shown, {})["component"].tolist() == shown["component"].tolist()


def test_words_fit_finds_an_english_word_wider_than_its_column():
    items = pd.DataFrame({"name_en": ["Supervision budget line"], "name_zh": ["安全监管工作经费列入财政预算"]})
    assert not draw.words_fit(items, {"name_en": 84, "name_zh": 84})  # "Supervision": 11 × 8 + 18 px
    assert draw.words_fit(items, {"name_en": 106, "name_zh": 84})  # Chinese breaks anywhere


def test_the_checklist_and_weights_have_an_english_and_a_chinese_view():
    assert view.editor_views("checklist-items", "en") == {
        "English": ["item_code", "item_group", "name_en", "applies_to", "sort_order"],
        "Chinese": ["item_code", "item_group", "name_zh", "applies_to", "sort_order"]}
    assert view.editor_views("risk-weights", "en") == {
        "English": ["component", "weight", "description_en"],
        "Chinese": ["component", "weight", "unit_zh", "description_zh"]}
