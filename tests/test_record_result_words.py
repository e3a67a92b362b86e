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


# a refused write names the record, the field and the day in words too (issue 17 item 8): not
# "hazards H100: column deadline: value '2025-06-30'", the codes records.py keeps for the command line


def test_a_refused_form_names_the_kind_the_field_and_the_day():
    from riskdash.importer import Problem
    from riskdash.records import RecordRefused
    from riskdash.screens.data.view import refused_problems_frame, refused_text

    late = Problem("hazards H100", None, "deadline", "2025-06-30", "deadline_before_found")
    refused = RecordRefused(problems=[late])
    assert refused.message("zh") == "hazards H100: column deadline: value '2025-06-30': 整改期限不能早于发现日期"
    assert refused_text(refused, "zh") == "隐患 H100：整改期限“2025年6月30日”：整改期限不能早于发现日期"
    assert refused_text(refused, "en") == "Hazards H100: deadline '30 Jun 2025': a deadline on or after found_on"
    two = RecordRefused(problems=[late, Problem("hazards H100", None, "found_on", None, "required")], total=2)
    assert refused_text(two, "zh") == "隐患 H100：整改期限“2025年6月30日”：整改期限不能早于发现日期（另有 1 处问题）"
    frame = refused_problems_frame(two.problems, "zh")
    assert frame[["文件", "列", "填写的值"]].values.tolist() == [
        ["隐患 H100", "整改期限", "2025年6月30日"], ["隐患 H100", "发现日期", ""]]


def test_a_refused_edit_or_step_names_the_kind_and_the_field():
    from riskdash.records import RecordRefused
    from riskdash.screens.data.view import refused_text

    future = RecordRefused("future", {"column": "rectified_on", "value": "2026-12-01", "today": "2026-11-28"})
    assert refused_text(future, "zh") == "整改完成日期 为 2026年12月1日，晚于今天（2026年11月28日）：不能登记尚未发生的事"
    assert refused_text(future, "en") == ("rectified_on 1 Dec 2026 is after today (28 Nov 2026): "
                                          "nothing can be recorded before it happens")
    assert refused_text(RecordRefused("not_found", {"table": "hazards", "id": "H9"}), "zh") == \
        "隐患 中没有编号为“H9”的记录"
    assert refused_text(RecordRefused("already_rectified", {"day": "2025-03-01"}), "zh") == \
        "该隐患已于 2025年3月1日 整改完成，不能再次登记整改"


def test_an_evidence_refusal_names_the_record_in_words_and_keeps_its_own_words():
    """ui/evidence.py shows refused_text too: an attachment to a record that is gone names its kind, not the table;
    a refusal with no table or column (the file too big) reads as records.py words it."""
    from riskdash.records import RecordRefused
    from riskdash.screens.data.view import refused_text

    gone = RecordRefused("not_found", {"table": "hazards", "id": "H404"})
    assert "隐患" in refused_text(gone, "zh") and "hazards" not in refused_text(gone, "zh")
    assert "hazards" in gone.message("zh")  # the codes stay in records.py, for the command line
    big = RecordRefused("evidence_too_big", {"name": "照片.jpg", "limit": 1, "size": 2})
    assert refused_text(big, "zh") == big.message("zh") and refused_text(big, "en") == big.message("en")
