"""四不放过 per closed accident case (issue 18, schema 25): the import kind accident-measures, the figure
结案事故四不放过落实 (cases with all four done ÷ closed cases, "—" with none) and the record card's four rows."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from conftest import new_database

from riskdash import db
from riskdash.filters import Filters
from riskdash.importer import ImportFailed, import_file
from riskdash.metrics import accidents as acc
from riskdash.screens.accidents import view

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "import"
CITY = "419900000000"
AS_OF = date(2025, 6, 30)
YEAR = Filters(date(2025, 1, 1), AS_OF, CITY, AS_OF)
ACCIDENTS = ("事故编号,发生时间,区划代码,行业,事故类型,死亡人数,重伤人数,直接经济损失（万元）,结案日期\n"
             "A1,2025-01-05,419901001,工贸,机械伤害,1,0,5,2025-03-01\n"   # closed, all four done
             "A2,2025-01-06,419901001,工贸,机械伤害,1,0,5,2025-03-02\n"   # closed, three of four
             "A3,2025-01-07,419901002,工贸,机械伤害,0,1,5,2025-03-03\n"   # closed, nothing recorded
             "A4,2025-02-07,419901002,工贸,机械伤害,1,0,5,\n"             # open, all four done
             "A5,2025-02-08,419901001,工贸,机械伤害,1,0,5,2025-04-01\n")  # closed, education after the as-of
HEADER = ("事故编号,原因查清,原因查清日期,原因说明,责任人处理,责任人处理日期,处理说明,整改措施落实,整改措施落实日期,"
          "整改说明,有关人员受到教育,教育日期,教育说明\n")


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture()
def con(tmp_path):
    connection = db.connect(new_database(tmp_path / "m.duckdb"))
    import_file(connection, "regions", FIXTURES / "regions.csv")
    import_file(connection, "accidents", write(tmp_path, "a.csv", ACCIDENTS))
    import_file(connection, "accident-measures", write(tmp_path, "m.csv", HEADER + (
        "A1,是,2025-03-01,违章清理设备,是,2025-04-01,车间主任撤职,是,,加装联锁,是,2025-05-01,警示教育会\n"
        "A2,是,2025-03-01,,是,2025-04-01,,是,2025-04-02,,否,,\n"
        "A4,是,,,是,,,是,,,是,,\n"
        "A5,是,,,是,,,是,,,是,2025-07-15,\n")))
    yield connection
    connection.close()


def test_three_of_four_and_late_education_are_not_counted(con):
    # closed in the year by 30 June: A1, A2, A3, A5; all four done by then: A1 only (A2 lacks education,
    # A3 has no row, A5 educated on 15 July); A4 has all four but is open
    assert acc.four_measures(con, YEAR) == {"closed": 4, "all_four": 1, "all_four_rate": 0.25}
    later = Filters(date(2025, 1, 1), date(2025, 8, 1), CITY, date(2025, 8, 1))
    assert acc.four_measures(con, later) == {"closed": 4, "all_four": 2, "all_four_rate": 0.5}
    west = Filters(date(2025, 1, 1), AS_OF, "419901002000", AS_OF)
    assert acc.four_measures(con, west) == {"closed": 1, "all_four": 0, "all_four_rate": 0.0}


def test_card_is_a_dash_without_a_closed_case(con):
    spring = Filters(date(2025, 1, 1), date(2025, 2, 28), CITY, date(2025, 2, 28))
    figures = acc.four_measures(con, spring)
    assert figures == {"closed": 0, "all_four": 0, "all_four_rate": None}
    card = view.four_measures_card(figures, "zh")
    assert (card.label, card.value) == ("结案事故四不放过落实", "—")
    assert view.four_measures_card(acc.four_measures(con, YEAR), "zh").value == "25.0%"
    assert "1起 ÷ 已结案4起" in view.four_measures_card(acc.four_measures(con, YEAR), "zh").help


def test_record_card_rows(con):
    assert view.measures_fields(acc.accident_measures(con, "A1"), "zh") == [
        ("四不放过：原因查清", "是（2025年3月1日）：违章清理设备"),
        ("四不放过：责任人处理", "是（2025年4月1日）：车间主任撤职"),
        ("四不放过：整改措施落实", "是：加装联锁"),
        ("四不放过：有关人员受到教育", "是（2025年5月1日）：警示教育会"),
    ]
    assert view.measures_fields(acc.accident_measures(con, "A2"), "zh")[3] == ("四不放过：有关人员受到教育", "否")
    assert acc.accident_measures(con, "A3") is None
    assert [v for _, v in view.measures_fields(None, "en")] == ["not recorded"] * 4


def test_unknown_accident_is_refused_with_file_row_and_column(con, tmp_path):
    before = con.execute("select count(*) from accident_measures").fetchone()[0]
    with pytest.raises(ImportFailed) as info:
        import_file(con, "accident-measures", write(tmp_path, "bad.csv", HEADER + "A1,是,,,,,,,,,,,\nZ9,是,,,,,,,,,,,\n"),
                    mode="upsert")
    assert [(p.file, p.row, p.column, p.code, p.value) for p in info.value.problems] == [
        ("bad.csv", 3, "accident_id", "accident_unknown", "Z9")]
    assert con.execute("select count(*) from accident_measures").fetchone()[0] == before


def test_empty_flag_is_no(con, tmp_path):
    import_file(con, "accident-measures", write(tmp_path, "a3.csv", "事故编号,原因查清\nA3,\n"))
    assert con.execute("select cause_found, responsible_dealt from accident_measures where accident_id = 'A3'"
                       ).fetchall() == [(False, False)]
