"""数据管理's one line after a write or an import names the record and the changed fields as the forms do
(issue 17 items 8, 10): 隐患 and 整改完成日期 in Chinese, never the table and column codes (hazards,
rectified_on), and days as 2025年6月30日."""

from __future__ import annotations

from riskdash.records import RecordResult
from riskdash.screens.data.view import result_text


def test_a_step_of_the_loop_in_chinese():
    done = RecordResult("rectify", "hazards", "H2", {"rectified_on": None}, {"rectified_on": "2025-07-01"}, 3)
    assert result_text(done, "zh") == "已保存：隐患 H2 修改了 整改完成日期（操作日志第 3 条）"


def test_an_edit_of_two_fields_in_both_languages():
    done = RecordResult("update", "hazards", "H2", {}, {"deadline": "2025-02-28", "description": "x"}, 7)
    assert result_text(done, "zh") == "已保存：隐患 H2 修改了 整改期限、隐患描述（操作日志第 7 条）"
    assert result_text(done, "en") == "Saved: Hazards H2, changed deadline, description (audit entry 7)"


def test_a_new_record_and_an_unchanged_one():
    added = RecordResult("insert", "accidents", "A9", None, {"accident_id": "A9", "deaths": 1}, 2)
    assert result_text(added, "zh") == "已保存：事故 新增 A9（操作日志第 2 条）"
    same = RecordResult("update", "enterprises", "E1", None, None, None)
    assert result_text(same, "zh") == "企业 E1 没有变化，未写入"


def test_the_line_after_an_import_names_the_kind_and_the_day_in_words():
    from riskdash.screens.data.view import import_done_text

    done = {"kind": "hazards", "file": "新隐患.csv", "rows": 3, "inserted": 3, "updated": 0, "unchanged": 0,
            "ignored_columns": [], "encoding": "utf-8", "data_as_of": "2025-06-30"}
    assert import_done_text(done, "zh") == ("已导入 新隐患.csv（隐患）：共 3 行，新增 3 行，更新 0 行；"
                                            "数据截至2025年6月30日。")
    assert import_done_text(done, "en") == ("Imported 新隐患.csv (Hazards): 3 rows, 3 new, 0 updated; "
                                            "data as of 30 Jun 2025.")
