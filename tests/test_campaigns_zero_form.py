"""零报告 form: a day's report goes through the importer's checks for the zero-reports kind (upsert), is
written with an audit entry naming the reporter, corrects an earlier report of the same day, and shows in the
compliance at once; refused reports write nothing. Also the form on the page under AppTest."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from campaigns_support import ZERO, open_tab
from conftest import AS_OF, CITY, COUNTY_A, TOWN_A1, TOWN_A2, fill_small_city, open_page, prepared_database
from test_campaigns_scorecard import fill_campaigns

from riskdash import db
from riskdash.filters import Filters
from riskdash.importer import ImportFailed
from riskdash.metrics import campaigns
from riskdash.screens.campaigns import view

ROOT = Path(__file__).resolve().parents[1]
YEAR = Filters(date(2025, 1, 1), AS_OF, CITY, AS_OF)


@pytest.fixture()
def con(tmp_path):
    connection = db.connect(prepared_database(tmp_path / "zero.duckdb", fill_small_city, fill_campaigns))
    yield connection
    connection.close()


def report(con, window_id, region_code, day, accidents, actor="西乡安监站 王五"):
    label = view.zero_report_label(region_code, day)
    with view.zero_report_file(window_id, region_code, day, accidents, datetime(2025, 6, 30, 17, 5)) as path:
        rows, problems, total = view.check_zero_report(con, path, label)
        if total:
            return rows, problems, total
        return view.write_zero_report(con, path, actor, label)


def missing_days(con, region_code):
    frame = campaigns.zero_report_compliance(con, YEAR).set_index("region_code")
    return int(frame.loc[region_code, "days_missing"]), int(frame.loc[region_code, "accidents_reported"])


def test_a_zero_report_is_written_audited_and_counted(con):
    assert missing_days(con, TOWN_A2) == (2, 0)
    result = report(con, "W2", TOWN_A2, date(2025, 6, 30), 0)
    assert (result.inserted, result.updated) == (1, 0)
    assert con.execute("select window_id, region_code, report_on, accidents_reported, reported_at from zero_reports "
                       "where region_code = ? and report_on = '2025-06-30'", [TOWN_A2]).fetchall() == [
        ("W2", TOWN_A2, date(2025, 6, 30), 0, datetime(2025, 6, 30, 17, 5))]
    assert con.execute("select actor, action, kind, file_name, table_name, row_count from audit_log").fetchall() == [
        ("西乡安监站 王五", "import", "zero-reports", f"campaigns-form:zero-report {TOWN_A2} 2025-06-30",
         "zero_reports", 1)]
    assert missing_days(con, TOWN_A2) == (1, 0)
    missing = campaigns.zero_report_missing(con, YEAR)
    assert list(missing[missing["region_code"] == TOWN_A2]["report_on"].dt.date) == [date(2025, 5, 2)]


def test_a_second_report_of_the_day_corrects_the_first(con):
    report(con, "W2", TOWN_A2, date(2025, 6, 30), 0)
    result = report(con, "W2", TOWN_A2, date(2025, 6, 30), 2, actor="市应急管理局 代报")
    assert (result.inserted, result.updated) == (0, 1)
    assert missing_days(con, TOWN_A2) == (1, 2)
    # the correction is logged with the value before and after, and who made it
    assert con.execute("select actor, action, record_key, json_extract(before_json, '$.accidents_reported'), "
                       "json_extract(after_json, '$.accidents_reported') from audit_log where action = 'update'"
                       ).fetchall() == [("市应急管理局 代报", "update", f"W2|{TOWN_A2}|2025-06-30", "0", "2")]


@pytest.mark.parametrize(("window_id", "region_code", "accidents", "column"), [
    ("W9", TOWN_A2, 0, "window_id"),        # no such window
    ("W2", COUNTY_A, 0, "region_code"),     # a county is not a township
    ("W2", "419901999000", 0, "region_code"),  # no such region
    ("W2", TOWN_A2, -1, "accidents_reported"),  # a count is never negative
])
def test_refused_reports_write_nothing(con, window_id, region_code, accidents, column):
    rows, problems, total = report(con, window_id, region_code, date(2025, 6, 30), accidents)
    assert (rows, total) == (1, 1) and problems[0].column == column
    # the message is the importer's own, in both languages
    assert problems[0].expected("zh") and problems[0].expected("en")
    assert con.execute("select count(*) from zero_reports where report_on = '2025-06-30' and region_code = ?",
                       [region_code]).fetchone()[0] == (1 if region_code == TOWN_A1 else 0)
    assert con.execute("select count(*) from audit_log").fetchone()[0] == 0
    with pytest.raises(ImportFailed):
        with view.zero_report_file(window_id, region_code, date(2025, 6, 30), accidents) as path:
            view.write_zero_report(con, path, "x", "x")


def test_form_days_are_the_window_with_the_as_of_day_by_default():
    window = {"start_on": date(2025, 6, 29), "end_on": date(2025, 7, 2)}
    assert view.report_days(window, AS_OF) == (date(2025, 6, 29), date(2025, 7, 2), AS_OF)
    assert view.report_days(window, date(2025, 8, 1))[2] == date(2025, 7, 2)
    assert view.report_days(window, date(2025, 6, 1))[2] == date(2025, 6, 29)


@pytest.fixture()
def towns_db(tmp_path: Path, monkeypatch) -> Path:
    path = tmp_path / "screen.duckdb"
    prepared_database(path, fill_small_city, fill_campaigns)
    monkeypatch.setenv(db.ENV_DB, str(path))
    return path


def test_the_form_on_the_page_records_a_report(towns_db, tmp_path, monkeypatch):
    import tempfile

    temp = tmp_path / "tmp"  # the report's temporary CSV is deleted once written
    temp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    at = open_tab(open_page("campaigns"), ZERO)  # the form's tab (only the open tab is drawn, issue 17)
    assert at.selectbox(key="campaigns_form_window").value == "W2"  # the latest window first
    assert at.date_input(key="campaigns_form_day_W2").value == AS_OF
    assert any(b.label == "下载零报告导入模板" for b in at.get("download_button"))
    at.selectbox(key="campaigns_form_town").set_value(TOWN_A2)
    at.text_input(key="campaigns_form_actor").set_value("西乡安监站 王五")
    next(b for b in at.button if b.label == "提交报告").click().run()
    assert not at.exception, at.exception
    assert any("已记录：西乡 2025-06-30（七一）报告事故0起，报送人：西乡安监站 王五。" in s.value for s in at.success)
    compliance = next(d.value for d in at.dataframe if {"缺报", "缺报日期"} <= set(d.value.columns))
    assert list(compliance["缺报"]) == [3, 1, 0]
    con = db.connect(towns_db, read_only=True)
    assert con.execute("select actor, kind from audit_log").fetchall() == [("西乡安监站 王五", "zero-reports")]
    con.close()
    assert list(temp.rglob("*")) == []
    at.number_input(key="campaigns_form_accidents").set_value(2)  # a correction of the day's report
    next(b for b in at.button if b.label == "提交报告").click().run()
    assert not at.exception, at.exception
    assert any("报告事故2起" in s.value for s in at.success)
    assert list(temp.rglob("*")) == []
    real_check = view.check_zero_report

    def negative(con, path, label):  # the report as if -1 accidents had been typed: refused by the check
        header, row = path.read_text(encoding="utf-8").splitlines()
        fields = row.split(",")
        fields[header.split(",").index("accidents_reported")] = "-1"
        path.write_text(f"{header}\n{','.join(fields)}\n", encoding="utf-8")
        return real_check(con, path, label)

    monkeypatch.setattr(view, "check_zero_report", negative)
    next(b for b in at.button if b.label == "提交报告").click().run()
    assert not at.exception, at.exception
    assert [e.value for e in at.error] == ["未记录：发现1处问题（与文件导入的校验相同），请修改后再提交。"]
    assert list(temp.rglob("*")) == []
