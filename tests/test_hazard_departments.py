"""隐患治理's hazard lists by 行业主管部门 (issue 18, "accidents, hazards and sites can be viewed and listed by
department"): the overdue, 挂牌督办, due-soon and weekly lists narrowed in SQL to a department's sectors (in_department,
sql/views/departments.sql; setting sector_departments), on the small city's hand-made hazards.

By hand (conftest, as of 30 June 2025): overdue are H2 (E1 工贸 → 应急管理), H4 (E2 危化 → 应急管理, major, rectified
but not verified) and H6 (E4 商场 → 消防救援, rectified after the as-of day); H5 (E3 道路运输 → 交通运输) falls due on
the as-of day itself: in the week's list, not overdue."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import AS_OF, CITY, open_page
from rectification_support import DUE, LISTS, open_tab

from riskdash.filters import Filters
from riskdash.metrics import rectification as rect

F = Filters(start=date(2025, 1, 1), end=AS_OF, region_code=CITY, as_of=AS_OF)


def ids(frame) -> list[str]:
    return sorted(frame["hazard_id"])


@pytest.mark.parametrize(("department", "overdue", "weekly"), [
    (None, ["H2", "H4", "H6"], ["H2", "H4", "H5", "H6"]),
    ("应急管理", ["H2", "H4"], ["H2", "H4"]),
    ("消防救援", ["H6"], ["H6"]),
    ("交通运输", [], ["H5"]),
    ("农业农村", [], []),   # a department with none of these sectors
    ("无此部门", [], []),   # a name the setting does not hold
    ("—", [], []),          # '—' is no department
])
def test_the_lists_narrowed_to_a_department(small_con, department, overdue, weekly):
    assert ids(rect.overdue_list(small_con, F, department=department)) == overdue
    assert ids(rect.weekly_list(small_con, F, department=department)) == weekly


@pytest.mark.parametrize("department", ["应急管理", "消防救援", "交通运输"])
def test_a_department_keeps_exactly_its_rows_of_the_whole_lists(small_con, department):
    """Each narrowed list is the whole list's rows of the department's sectors, columns unchanged."""
    from riskdash.metrics.departments import department_map

    sectors = {code for code, name in department_map(small_con).items() if name == department}
    for read in (rect.overdue_list, rect.supervised_list, rect.due_soon, rect.weekly_list):
        whole, narrowed = read(small_con, F), read(small_con, F, department=department)
        assert list(narrowed.columns) == list(whole.columns)
        kept = whole[whole["industry"].isin(sectors)]
        assert ids(narrowed) == ids(kept), (read.__name__, department)


def test_a_sector_moved_to_another_department_moves_its_hazards(small_con):
    small_con.execute("update settings set value = replace(value, 'fire=消防救援', 'fire=应急管理') "
                      "where key = 'sector_departments'")
    assert ids(rect.overdue_list(small_con, F, department="应急管理")) == ["H2", "H4", "H6"]
    assert ids(rect.overdue_list(small_con, F, department="消防救援")) == []


def test_the_select_boxes_on_the_page(read_city):
    """隐患治理: 行业主管部门 over the 隐患清单 tab's two lists and over the due-soon list, 全部部门 by default; a
    department chosen narrows the lists and says so under each, with the count."""
    from riskdash import db

    con = db.connect(read_city, read_only=True)
    try:
        overdue = len(rect.overdue_list(con, F, department="应急管理"))
        supervised = len(rect.supervised_list(con, F, department="应急管理"))
        due = list(rect.due_soon(con, F, department="交通运输")["hazard_id"])
    finally:
        con.close()
    at = open_tab(open_page("rectification", timeout=120), LISTS)  # only the open tab is drawn
    box = at.selectbox(key="rect_lists_department")
    assert box.label == "行业主管部门" and box.value == ""  # "": 全部部门
    assert box.options[:4] == ["全部部门", "应急管理", "住房和城乡建设", "交通运输"]
    assert not [c.value for c in at.caption if c.value.startswith("仅列行业主管部门")]
    box.set_value("应急管理").run()
    assert not at.exception, at.exception
    notes = [c.value for c in at.caption if c.value.startswith("仅列行业主管部门")]
    assert overdue == 2
    assert [n.split("：")[-1] for n in notes] == [f"{overdue}项。", f"{supervised}项。"]
    assert all(n.startswith("仅列行业主管部门“应急管理”主管行业（") and "的隐患" in n for n in notes)
    open_tab(at, DUE)
    assert at.selectbox(key="rect_due_department").value == ""
    at.selectbox(key="rect_due_department").set_value("交通运输").run()
    notes = [c.value for c in at.caption if c.value.startswith("仅列行业主管部门“交通运输”")]
    assert due == ["H5"]  # 西乡运输's H5 falls due on the as-of day
    assert len(notes) == 1 and notes[0].endswith("的隐患：1项。")

