"""设置 Settings: the page in both languages, and the edit → importer validation → write path."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import pandas as pd
from conftest import open_page
from streamlit.testing.v1 import AppTest

from riskdash import db, i18n
from riskdash.importer import ImportFailed
from riskdash.metrics.data import settings_rows
from riskdash.screens.settings import view as settings

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture()
def app_db(small_db_path: Path, monkeypatch) -> Path:
    monkeypatch.setenv(db.ENV_DB, str(small_db_path))
    return small_db_path


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_page_shows_every_reference_table_in_an_editor(app_db, lang):
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.session_state["lang"] = lang
    at = open_page("settings", at)
    assert not at.exception and not at.error
    assert [tab.label for tab in at.tabs] == [settings.kind_title(k, lang) for k in settings.EDITABLE]
    assert len(at.dataframe) == len(settings.EDITABLE)
    words = "\n".join(str(e.value) for e in [*at.info, *at.caption])
    assert "docs/" not in words  # no repository path on screen (issue 17 item 8)
    assert i18n.t("settings.intro", lang) in words
    assert [b.label for b in at.button].count(i18n.t("settings.save", lang)) == len(settings.EDITABLE)


def test_a_negative_risk_weight_is_refused_with_row_and_column(small_con):
    before = settings_rows(small_con, "risk-weights")
    edited = before.copy()
    edited.loc[1, "weight"] = -3.0
    with settings.edits_file("risk-weights", edited) as path:
        rows, problems, total = settings.check_edits(small_con, "risk-weights", path)
        assert (rows, total) == (len(before), 1)
        frame = settings.problems_frame(problems, "en")
        assert frame.iloc[0].tolist() == [2, "weight", "-3", i18n.t("data.problem.at_least", "en", bound=0)]
        with pytest.raises(ImportFailed):
            settings.write_edits(small_con, "risk-weights", path, "tester")
    assert not path.parent.exists()
    assert settings_rows(small_con, "risk-weights").equals(before)
    assert small_con.execute("select count(*) from audit_log").fetchone()[0] == 0


def test_a_setting_value_is_written_audited_and_read_back(small_con):
    before = settings_rows(small_con, "settings")
    edited = before.copy()
    row = edited.index[edited["key"] == "due_soon_days"][0]
    old = edited.loc[row, "value"]
    edited.loc[row, "value"] = "10"
    assert settings.has_changes(before, edited) and not settings.has_changes(before, before.copy())
    with settings.edits_file("settings", edited) as path:
        assert settings.check_edits(small_con, "settings", path)[2] == 0
        result = settings.write_edits(small_con, "settings", path, "tester")
    assert (result.inserted, result.updated, result.unchanged) == (0, 1, len(before) - 1)
    after = settings_rows(small_con, "settings")
    assert after.set_index("key").loc["due_soon_days", "value"] == "10"
    assert len(after) == len(before)
    log = small_con.execute("select actor, action, kind, table_name, record_key, before_json, after_json "
                            "from audit_log order by entry_id").fetchall()
    assert [(a, act, k, tb) for a, act, k, tb, *_ in log] == [("tester", "update", "settings", "settings"),
                                                              ("tester", "import", "settings", "settings")]
    assert log[0][4] == "due_soon_days" and f'"{old}"' in log[0][5] and '"10"' in log[0][6]


@pytest.mark.parametrize("kind", settings.EDITABLE)
def test_every_table_round_trips_unchanged_through_the_importer(small_con, kind):
    before = settings_rows(small_con, kind)
    with settings.edits_file(kind, before) as path:
        rows, problems, total = settings.check_edits(small_con, kind, path)
        if before.empty:  # the fixture holds no rows of this kind: nothing to save, and the importer says so
            assert [p.code for p in problems] == ["header_only"]
            return
        assert total == 0
        result = settings.write_edits(small_con, kind, path, "tester")
    assert (result.inserted, result.updated) == (0, 0)
    assert settings_rows(small_con, kind).equals(before)


def test_saves_on_the_page_leave_no_temporary_file(app_db, tmp_path, monkeypatch):
    """Each save writes the edited table to one temporary CSV for the importer and deletes it when done."""
    import tempfile

    folder = tmp_path / "tmp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    monkeypatch.setattr(settings, "has_changes", lambda before, after: True)  # save the table as it stands
    at = open_page("settings")
    kind = settings.EDITABLE[0]
    for _ in range(3):
        at.button(key=f"settings_save_{kind}").click().run()
        assert not at.exception and [e.value for e in at.error] == []
    assert sorted(p.name for p in folder.rglob("*")) == []
    con = db.connect(app_db, read_only=True)
    assert con.execute("select count(*) from audit_log where action = 'import' and kind = ?", [kind]).fetchone() == (3,)
    con.close()


def test_the_chinese_editors_hide_english_columns_and_the_settings_key(app_db):
    at = open_page("settings", timeout=60)
    assert not at.exception
    shown = {tuple(d.proto.column_order) for d in at.dataframe}
    assert ("value", "description_zh") in shown  # 设置: 值 and 说明, not the code nor 英文说明
    assert not any(c.endswith("_en") or c == "key" for order in shown for c in order), shown
    assert settings.shown_columns("settings", "en") == ["key", "value", "description_zh", "description_en"]
    assert not settings.can_add_rows("settings", "zh") and settings.can_add_rows("sectors", "zh")


def test_the_editors_label_their_columns_in_either_language_and_keep_the_column_names(app_db):
    """Chinese: the import headers; English: words, never the stored column names (gdp_yi, description_en); the
    rows keep the names (issue 17 item 10)."""
    from riskdash.importer import KINDS

    for kind in settings.EDITABLE:
        names = [c.name for c in KINDS[kind].columns]
        zh, en = settings.column_labels(kind, "zh"), settings.column_labels(kind, "en")
        assert list(zh) == list(en) == names
        assert list(zh.values()) == [c.header_zh for c in KINDS[kind].columns]
        assert not set(en.values()) & set(names) and "_" not in "".join(en.values()), (kind, en)
        assert len(set(en.values())) == len(names)
    assert settings.column_labels("denominators", "en")["gdp_yi"] == "GDP (100M yuan)"
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.query_params["lang"] = "en"
    at = open_page("settings", at)
    assert not at.exception
    editors = {tuple(d.proto.column_order): json.loads(d.proto.columns) for d in at.dataframe}
    shown = editors[("level", "min_score")]
    assert shown["level"]["label"] == "Level" and shown["min_score"]["label"] == "Lowest score"
    assert all(isinstance(shown[c]["width"], int) for c in ("level", "min_score"))


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_coded_columns_show_words_and_keep_the_codes(lang):
    """评分项 and the criteria's 行业 are shown by their names, not snake_case codes (issue 17 item 10): the editor
    picks from the names and the rows (what is saved) keep the codes; a code the lists lack is kept as stored."""
    zh = lang == "zh"
    sectors = pd.DataFrame({"code": ["hazardous_chemicals", "fire"], "name_zh": ["危险化学品", "消防"],
                            "name_en": ["Hazardous chemicals", "Fire"]})
    bases = pd.DataFrame({"code": ["危化-1", "消防-1", "x-1"], "sector": ["hazardous_chemicals", "fire", None],
                          "title_en": ["a", "b", "c"]})
    shown = settings.sizing_frame(bases, "hazard-bases", lang, sectors)
    assert shown["sector"].tolist() == (["危险化学品", "消防", ""] if zh else ["Hazardous chemicals", "Fire", ""])
    assert bases["sector"].tolist()[:2] == ["hazardous_chemicals", "fire"]  # the rows keep the codes
    assert pd.isna(bases["sector"].iloc[2])
    names = settings.code_names("hazard-bases", lang, sectors)["sector"]
    assert settings.options(names, bases["sector"]) == ["hazardous_chemicals", "fire"]

    weights = pd.DataFrame({"component": ["open_major_hazard", "uninspected_per_90_days", "odd_one"],
                            "weight": [12.0, 2.0, 1.0]})
    shown = settings.sizing_frame(weights, "risk-weights", lang)
    assert shown["component"].tolist() == (
        ["未销号重大隐患（项）", "距上次监管检查（整90天数）", "odd_one"] if zh
        else ["Open major hazards", "Since the last supervisory inspection (full 90 days)", "odd_one"])
    names = settings.code_names("risk-weights", lang)["component"]
    choices = settings.options(names, weights["component"])
    assert choices[0] == "open_major_hazard" and choices[-1] == "odd_one" and len(choices) == 11
    # every shipped component has a name in both languages (none would fall back to its code)
    from riskdash.reference import RISK_WEIGHTS
    assert all(names[c] != c for c, *_ in RISK_WEIGHTS)
    assert set(settings.code_names("sectors", lang)) == {"stat_class"}
    assert settings.code_names("hazard-bases", lang) == {}  # without the sectors' rows, nothing to name them by
