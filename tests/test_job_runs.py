"""A failed scheduled job leaves an entry on the 数据管理 screen and in the audit log (issue 19, riskdash.jobs):
the run log beside the database always; the audit log at once when the file is free, else at the dashboard's
next write (carry_failures), once."""

from __future__ import annotations

import json
from datetime import datetime

import pandas as pd
import pytest
from conftest import held, open_page

from riskdash import db, jobs
from riskdash.screens.data import view


_RUN = []  # the runner of the current test, set by the cli fixture


@pytest.fixture
def cli(riskdash_cli):
    """A test taking it runs its commands in process (fast tier) and as real processes (slow): conftest.riskdash_cli."""
    _RUN[:] = [riskdash_cli]
    yield riskdash_cli
    _RUN.clear()


def _run(*args):
    return _RUN[0](*args)


def _job_entries(path) -> list[tuple]:
    con = db.connect(path, read_only=True)
    try:
        return con.execute("select actor, action, kind, file_name, record_key from audit_log "
                           "where action = 'job_failed' order by entry_id").fetchall()
    finally:
        con.close()


def test_a_job_failing_while_the_dashboard_holds_the_file(small_db_path, tmp_path, cli, monkeypatch):
    monkeypatch.setenv(db.LOCK_WAIT_ENV, "0.5")  # the audit's wait: 0.5 s, not the default 5 (tests/test_db.py)
    not_a_folder = tmp_path / "backups"
    not_a_folder.write_text("a file where the backups folder should be")
    with held(small_db_path, read_only=True):  # as the dashboard holds it
        run = _run("schedule", "run", "backup", "--db", str(small_db_path), "--backups", str(not_a_folder))
    assert run.returncode == 1 and len(run.stderr.strip().splitlines()) == 1 and "Traceback" not in run.stderr
    (logged,) = jobs.read_runs(small_db_path)
    assert (logged["job"], logged["ok"]) == ("backup", False)
    assert str(not_a_folder) in logged["what"]
    assert jobs.runs_path(small_db_path) == small_db_path.resolve().with_name("small.duckdb.jobs.jsonl")
    assert _job_entries(small_db_path) == []  # the file was held: left for the dashboard

    # the screen lists it, not yet in the audit log
    con = db.connect(small_db_path)
    try:
        shown = view.job_runs_table(jobs.last_runs(jobs.read_runs(small_db_path)), jobs.logged_run_ids(con), "zh")
        assert shown.to_dict("records") == [{
            "任务": "每日备份", "结果": "失败", "开始": logged["started"].replace("T", " "),
            "结束": logged["ended"].replace("T", " "), "内容": logged["what"], "操作日志": "待记入"}]
        # the dashboard's next write copies it into the audit log, once
        assert jobs.carry_failures(con, small_db_path) == 1
        assert jobs.carry_failures(con, small_db_path) == 0
        shown = view.job_runs_table(jobs.last_runs(jobs.read_runs(small_db_path)), jobs.logged_run_ids(con), "zh")
        assert shown["操作日志"].tolist() == ["已记入"]
        detail = json.loads(con.execute("select after_json from audit_log where action = 'job_failed'").fetchone()[0])
        assert detail == {"started": logged["started"], "ended": logged["ended"], "what": logged["what"]}
    finally:
        con.close()
    assert _job_entries(small_db_path) == [("riskdash-schedule", "job_failed", "schedule", logged["id"], "backup")]


def test_a_job_failing_with_the_file_free_is_audited_at_once_and_a_good_run_is_listed(small_db_path, tmp_path, cli):
    not_a_folder = tmp_path / "reports"
    not_a_folder.write_text("x")
    bad = _run("schedule", "run", "monthly", "--db", str(small_db_path), "--reports", str(not_a_folder),
               "--force")
    assert bad.returncode == 1
    backups = tmp_path / "backups"
    good = _run("schedule", "run", "backup", "--db", str(small_db_path), "--backups", str(backups),
                "--now", "2026-11-30T02:00:00")
    assert good.returncode == 0, good.stderr
    failed, done = jobs.read_runs(small_db_path)
    assert (failed["job"], failed["ok"], done["job"], done["ok"]) == ("monthly", False, "backup", True)
    assert done["what"].startswith("nightly-2026-11-30-020000: ")
    assert _job_entries(small_db_path) == [("riskdash-schedule", "job_failed", "schedule", failed["id"], "monthly")]


def test_the_runs_table_and_the_warnings_on_hand_made_runs():
    runs = [
        {"id": "backup-1", "job": "backup", "ok": True, "started": "2026-11-28T02:00:00",
         "ended": "2026-11-28T02:01:10", "what": "nightly-2026-11-28-020000: 14 tables"},
        {"id": "backup-2", "job": "backup", "ok": False, "started": "2026-11-29T02:00:00",
         "ended": "2026-11-29T02:00:03", "what": "disk full"},
        {"id": "monthly-1", "job": "monthly", "ok": True, "started": "2026-11-02T07:00:00",
         "ended": "2026-11-02T07:03:00", "what": "2026-10: 9 documents"},
        {"id": "backup-3", "job": "backup", "ok": True, "started": "2026-11-27T02:00:00",
         "ended": "2026-11-27T02:01:00", "what": "older"},
    ]
    shown = jobs.last_runs(runs, per_job=2)
    assert [r["id"] for r in shown] == ["backup-2", "backup-1", "monthly-1"]
    table = view.job_runs_table(shown, {"backup-2"}, "en")
    expected = pd.DataFrame({
        "Job": ["Nightly backup", "Nightly backup", "Monthly documents"],
        "Result": ["Failed", "OK", "OK"],
        "Started": ["2026-11-29 02:00:00", "2026-11-28 02:00:00", "2026-11-02 07:00:00"],
        "Ended": ["2026-11-29 02:00:03", "2026-11-28 02:01:10", "2026-11-02 07:03:00"],
        "What": ["disk full", "nightly-2026-11-28-020000: 14 tables", "2026-10: 9 documents"],
        "Audit log": ["Logged", "", ""]}, dtype=object)
    pd.testing.assert_frame_equal(table, expected)
    assert view.last_failures(shown, "zh") == ["最近一次每日备份失败：disk full"]
    assert view.last_failures(shown[1:], "en") == []


def test_the_run_log_keeps_its_last_lines_and_passes_over_a_torn_one(tmp_path, monkeypatch):
    path = tmp_path / "x.duckdb"
    monkeypatch.setattr(jobs, "KEEP_RUNS", 3)
    for hour in range(5):
        jobs.record_run(path, "backup", True, f"run {hour}", datetime(2026, 11, 1, hour))
    with open(jobs.runs_path(path), "a", encoding="utf-8") as handle:
        handle.write('{"id": "torn')
    assert [r["what"] for r in jobs.read_runs(path)] == ["run 2", "run 3", "run 4"]


def test_the_screen_lists_a_failure_and_the_next_write_logs_it(small_db_path, monkeypatch):
    """数据管理 → 操作日志 → 定时任务 under AppTest: a failure in the run log shows as a red line and 待记入; the
    dashboard's next write (a hazard added through the form) copies it into the audit log; then 已记入."""
    from datetime import date

    failed = jobs.record_run(small_db_path, "monthly", False, "no enabled admin or city account",
                             datetime(2026, 12, 1, 7, 0))
    monkeypatch.setenv(db.ENV_DB, str(small_db_path))
    at = open_page("data")
    assert not at.exception, at.exception
    assert "最近一次每月报表与通报失败：no enabled admin or city account" in [
        e.value for e in at.error]
    (table,) = [d.value for d in at.dataframe if "操作日志" in d.value.columns and "任务" in d.value.columns]
    assert table[["任务", "结果", "操作日志"]].values.tolist() == [["每月报表与通报", "失败", "待记入"]]

    at.selectbox(key="data_add_kind").set_value("hazards").run()
    at.text_input(key="data_add_hazards_hazard_id").input("H100")
    at.selectbox(key="data_add_hazards_enterprise_id").set_value("E2")
    at.selectbox(key="data_add_hazards_grade").set_value("major")
    at.date_input(key="data_add_hazards_found_on").set_value(date(2025, 7, 1))
    at.date_input(key="data_add_hazards_deadline").set_value(date(2025, 7, 31))
    next(b for b in at.button if b.label == "校验并保存").click().run()
    assert not at.exception, at.exception
    assert _job_entries(small_db_path) == [("riskdash-schedule", "job_failed", "schedule", failed["id"], "monthly")]
    at.run()
    (table,) = [d.value for d in at.dataframe if "操作日志" in d.value.columns and "任务" in d.value.columns]
    assert table["操作日志"].tolist() == ["已记入"]
