"""Rules across reference rows: settings values the metrics read as numbers or month-days, and the risk-level
floors falling from red to blue. A breach is reported like any bad row and nothing is written."""

from __future__ import annotations

import pytest
from conftest import new_database

from riskdash import db
from riskdash.importer import ImportFailed, import_file
from riskdash.importer.core import setting_value_problem


@pytest.fixture()
def con(tmp_path):
    connection = db.connect(new_database(tmp_path / "ref.duckdb"))
    yield connection
    connection.close()


def write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def state(con):
    return (con.execute("select * from settings order by key").fetchall(),
            con.execute("select * from risk_thresholds order by level").fetchall(),
            con.execute("select count(*) from audit_log").fetchall())


@pytest.mark.parametrize("key, value, expected", [
    ("due_soon_days", "0", None), ("due_soon_days", "7", None), ("due_soon_days", "-1", "setting_int"),
    ("due_soon_days", "7.5", "setting_int"), ("due_soon_days", "七", "setting_int"), ("due_soon_days", "", "setting_int"),
    ("risk_recency_years", "1", None), ("risk_recency_years", "0", "setting_int"),
    ("assessment_pass_score", "0", None), ("assessment_pass_score", "100", None),
    ("assessment_pass_score", "60.5", None), ("assessment_pass_score", "100.1", "setting_number"),
    ("assessment_weight_deaths", "-0.1", "setting_number"), ("assessment_weight_deaths", "nan", "setting_number"),
    ("checklist_deadline_key", "06-30", None), ("checklist_deadline_key", "02-29", None),
    ("checklist_deadline_key", "02-30", "setting_month_day"), ("checklist_deadline_key", "6-30", "setting_month_day"),
    ("checklist_deadline_key", "13-01", "setting_month_day"),
    ("a_key_no_metric_reads", "anything", None),
])
def test_each_setting_value_rule_at_its_boundaries(key, value, expected):
    found = setting_value_problem(key, value)
    assert (found[0] if found else None) == expected


def test_a_bad_setting_value_is_reported_by_row_and_nothing_is_written(con, tmp_path):
    before = state(con)
    path = write(tmp_path, "s.csv", "设置项,值\ndue_soon_days,14\nuninspected_days,半年\ncheckl ist,1\n"
                 "checklist_deadline_all,12-32\n")
    with pytest.raises(ImportFailed) as info:
        import_file(con, "settings", path, mode="upsert")
    assert [(p.row, p.column, p.value, p.code) for p in info.value.problems] == [
        (3, "value", "半年", "setting_int"), (5, "value", "12-32", "setting_month_day")]
    assert state(con) == before
    import_file(con, "settings", write(tmp_path, "ok.csv", "设置项,值\ndue_soon_days,14\n"), mode="upsert")
    assert con.execute("select value from settings where key = 'due_soon_days'").fetchall() == [("14",)]


@pytest.mark.parametrize("rows, accepted", [
    ("重大风险,70\n", True),             # 70 > 35 > 18 > 0
    ("重大风险,36\n", True),             # just above orange
    ("重大风险,35\n", False),            # equal to orange: the orange band would be empty
    ("较大风险,60\n", False),            # orange equal to red
    ("一般风险,0\n", False),             # yellow equal to blue
    ("重大风险,30\n较大风险,20\n", True),  # both moved, still falling
])
def test_risk_level_floors_must_fall_from_red_to_blue(con, tmp_path, rows, accepted):
    before = state(con)
    path = write(tmp_path, "t.csv", "风险等级,分数下限\n" + rows)
    if accepted:
        import_file(con, "risk-thresholds", path, mode="upsert")
        floors = dict(con.execute("select level, min_score from risk_thresholds").fetchall())
        assert floors["red"] > floors["orange"] > floors["yellow"] > floors["blue"]
    else:
        with pytest.raises(ImportFailed) as info:
            import_file(con, "risk-thresholds", path, mode="upsert")
        assert [p.code for p in info.value.problems] == ["thresholds_order"]
        assert "red" in info.value.problems[0].line()
        assert state(con) == before


def test_every_default_setting_has_a_value_rule_and_its_default_passes_it():
    from riskdash import reference
    from riskdash.importer.core import SETTING_RULES

    for key, value, *_ in reference.SETTINGS:
        assert key in SETTING_RULES, key
        assert setting_value_problem(key, value) is None, (key, value)


def test_a_text_setting_holds_at_most_200_characters():
    assert setting_value_problem("tongbao_issuer", "甲" * 200) is None
    assert setting_value_problem("tongbao_issuer", "甲" * 201) == ("setting_text", {"limit": 200})
