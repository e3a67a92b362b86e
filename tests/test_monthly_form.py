"""The 月报表 as a statistics form: ``riskdash form monthly`` and the screen's button write one file; its layout
(表号 block, 报告期, 栏次, 合计 first, signatures, one page wide), the 工矿商贸 sectors only, the as-of day never after
the data's; its figures read back and compared with ``riskdash metrics rectification``; one-line errors that
write nothing."""

from __future__ import annotations

import io
import json
from datetime import date
from pathlib import Path

import pytest
from conftest import CITY, COUNTY_A, COUNTY_B, TOWN_A2, TOWN_B1, fill_small_city, open_page, prepared_database
from openpyxl import load_workbook
from rectification_support import FORM, open_tab

from riskdash import cli, db
from riskdash.exports import monthly_form as form
from riskdash.filters import Filters
from xlsx_support import read_form_xlsx

DATA_AS_OF = date(2025, 7, 3)  # July is still running: the July form is as of 3 July

# beyond conftest (enterprises E1 工贸 and E2 危险化学品 in 东镇, E3 道路运输 in 西乡, E4 消防 in 南街道):
ENTERPRISES = [
    ("E5", "南街道煤矿", TOWN_B1, "coal_mine", 60),
    ("E6", "西乡燃气站", TOWN_A2, "gas", 15),
]
INSPECTIONS = [
    ("I1", "2025-06-10", "E1", "township"),
    ("I5", "2025-07-03", "E5", "county"),  # on the as-of day: E5 checked in July
    ("I6", "2025-07-04", "E6", "self"),  # the day after the data's as-of day: not on any form yet
]
# hazard_id, enterprise, found_on, grade, deadline, rectified, verified, level, in plan, five in place, funds
HAZARDS = [
    ("F1", "E1", "2025-07-01", "general", "2025-07-10", "2025-07-02", None, "none", None, None, None),
    # rectified on the as-of day, verified two days after it: not 整改销号 on a form as of 3 July
    ("F2", "E2", "2025-07-02", "major", "2025-08-01", "2025-07-03", "2025-07-05", "province", True, True, 8.5),
    ("F3", "E1", "2025-07-20", "general", "2025-07-30", None, None, "none", None, None, None),  # after as-of
]
INDUSTRIAL = ["煤矿", "金属非金属矿山", "危险化学品", "烟花爆竹", "建筑施工", "工贸", "特种设备", "城镇燃气", "其他"]
NOTHING = [0, 0, "—", 0, 0, "—", 0, 0, 0, 0, 0.0]


def zeros(name: str, checked: int = 0) -> list:
    return [name, checked, *NOTHING]


def add_rows(con) -> None:
    con.executemany("insert into enterprises (enterprise_id, name, region_code, industry, employees) "
                    "values (?, ?, ?, ?, ?)", ENTERPRISES)
    con.executemany("insert into inspections (inspection_id, inspected_on, enterprise_id, level) values (?, ?, ?, ?)",
                    INSPECTIONS)
    con.executemany(
        """insert into hazards (hazard_id, enterprise_id, found_on, grade, deadline, rectified_on, verified_on,
                                supervision_level, in_treatment_plan, five_in_place, funds_wan)
           values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", HAZARDS)
    db.sync_keys(con)
    db.set_meta(con, "data_as_of", DATA_AS_OF.isoformat())


@pytest.fixture()
def form_db(tmp_path: Path) -> Path:
    path = tmp_path / "form.duckdb"
    prepared_database(path, fill_small_city, add_rows)
    return path


@pytest.fixture()
def form_con(form_db: Path):
    con = db.connect(form_db)
    yield con
    con.close()


def scope(region: str = CITY) -> Filters:
    return Filters(date(2025, 1, 1), date(2025, 12, 31), region, date(2025, 12, 31))


def rows_of(con, month: date, region: str = CITY) -> list[list]:
    data, _ = form.monthly_form_xlsx(con, scope(region), month)
    return read_form_xlsx(data)[1]


# ---------------------------------------------------------------------------------------------- figures


def test_july_as_of_the_data_whole_result(form_con):
    # 工贸: H1, H2, F1 found (F3 after the as-of day), H1 and F1 rectified; 危险化学品: H3, H4, F2 major, only H3
    # verified by 3 July; 挂牌督办 H3 (city), H4 (county), F2 (province); F2 in plan with 五到位 and 8.5 万元;
    # checking: E1 (I1, hazards), E2 (hazards), E5 (I5 on the as-of day) — E6 inspected the day after;
    # E3 (道路运输) and E4 (消防) are left to their departments' forms
    assert rows_of(form_con, date(2025, 7, 1)) == [
        ["合计", 3, 3, 2, 66.7, 3, 1, 33.3, 1, 1, 3, 1, 8.5],
        zeros("煤矿", 1),
        zeros("金属非金属矿山"),
        ["危险化学品", 1, 0, 0, "—", 3, 1, 33.3, 1, 1, 3, 1, 8.5],
        zeros("烟花爆竹"),
        zeros("建筑施工"),
        ["工贸", 1, 3, 2, 66.7, 0, 0, "—", 0, 0, 0, 0, 0.0],
        zeros("特种设备"),
        zeros("城镇燃气"),
        zeros("其他"),
    ]


def test_june_is_complete_and_as_of_its_last_day(form_con):
    # H3 verified 10 June (closed), H4 rectified but not verified; H1 rectified, H2 not; E5's check is in July
    assert rows_of(form_con, date(2025, 6, 1)) == [
        ["合计", 2, 2, 1, 50.0, 2, 1, 50.0, 0, 0, 2, 0, 0.0],
        zeros("煤矿"),
        zeros("金属非金属矿山"),
        ["危险化学品", 1, 0, 0, "—", 2, 1, 50.0, 0, 0, 2, 0, 0.0],
        zeros("烟花爆竹"),
        zeros("建筑施工"),
        ["工贸", 1, 2, 1, 50.0, 0, 0, "—", 0, 0, 0, 0, 0.0],
        zeros("特种设备"),
        zeros("城镇燃气"),
        zeros("其他"),
    ]


def test_a_region_whose_hazards_are_all_other_departments(form_con):
    # 乙区 (南街道): E4 消防's hazards H6 and H7 are not on this form; E5 煤矿 checked on 3 July
    assert rows_of(form_con, date(2025, 7, 1), COUNTY_B) == [zeros("合计", 1), zeros("煤矿", 1),
                                                               *[zeros(n) for n in INDUSTRIAL[1:]]]


def test_only_the_industrial_mining_and_trade_sectors(form_con):
    data, header = form.monthly_form_xlsx(form_con, scope(), date(2025, 7, 1))
    assert [row[0] for row in read_form_xlsx(data)[1]] == ["合计", *INDUSTRIAL]
    assert header.sectors == tuple(INDUSTRIAL)
    assert header.others == ("道路运输", "消防（人员密集场所）", "水上交通", "渔业船舶", "农业机械")


def metrics_rectification(capsys, *args: str) -> dict:
    assert cli.main(["metrics", "rectification", *args]) == 0
    return json.loads(capsys.readouterr().out)


@pytest.mark.parametrize(("month", "to", "as_of", "region"), [
    ("2025-07", "2025-07-31", "2025-07-03", CITY),
    ("2025-07", "2025-07-31", "2025-07-03", COUNTY_A),
    ("2025-06", "2025-06-30", "2025-06-30", CITY),
    ("2025-03", "2025-03-31", "2025-03-31", COUNTY_A),
])
def test_every_row_equals_metrics_rectification_for_its_sector(form_db, tmp_path, capsys, month, to, as_of, region):
    out = tmp_path / "form.xlsx"
    assert cli.main(["form", "monthly", "--db", str(form_db), "--month", month, "--region", region,
                     "--out", str(out)]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert printed["as_of"] == as_of and printed["from"] == "2025-01-01"
    rows = {row[0]: row for row in read_form_xlsx(out.read_bytes())[1]}
    base = ["--db", str(form_db), "--from", "2025-01-01", "--to", to, "--as-of", as_of, "--region", region]
    codes = dict(zip(INDUSTRIAL, ["coal_mine", "metal_nonmetal_mine", "hazardous_chemicals", "fireworks",
                                  "construction", "industry_trade", "special_equipment", "gas", "other"]))
    totals = [0, 0, 0, 0]
    for name, code in codes.items():
        m = metrics_rectification(capsys, *base, "--industry", code)
        row = rows[name]
        figures = [m["general_found"], m["general_rectified"], m["major_found"], m["major_closed"]]
        assert [row[2], row[3], row[5], row[6]] == figures, name
        assert row[4] == (round(m["general_rate"] * 100, 1) if m["general_rate"] is not None else "—")
        assert row[7] == (round(m["major_rate"] * 100, 1) if m["major_rate"] is not None else "—")
        totals = [a + b for a, b in zip(totals, figures)]
    total = rows["合计"]
    assert [total[2], total[3], total[5], total[6]] == totals
    # the whole city's metric counts the other departments' hazards too; the form's 合计 leaves them out
    everything = metrics_rectification(capsys, *base)
    assert everything["found"] >= totals[0] + totals[2]


# ---------------------------------------------------------------------------------------------- as-of day


def test_the_running_month_is_as_of_the_data_never_after_it(form_con):
    _, header = form.monthly_form(form_con, scope(), date(2025, 7, 1))
    assert (header.month, header.start, header.as_of) == (date(2025, 7, 1), date(2025, 1, 1), DATA_AS_OF)
    _, june = form.monthly_form(form_con, scope(), date(2025, 6, 1))
    assert june.as_of == date(2025, 6, 30)
    sheet = load_workbook(io.BytesIO(form.form_xlsx(*form.monthly_form(form_con, scope(), date(2025, 7, 1))))).active
    assert sheet["F6"].value == "报告期：2025年7月"
    assert sheet["I6"].value == "累计期间：2025年1月1日至7月3日"
    notes = sheet.cell(form.FIRST_DATA_ROW + 10, 1).value
    assert notes.startswith("说明：1. 本表数据为当年1月1日至7月3日累计数，统计截至7月3日。")
    assert "7月31日" not in notes


@pytest.mark.parametrize(("month", "data_as_of", "as_of"), [
    (date(2024, 2, 1), date(2024, 3, 15), date(2024, 2, 29)),  # leap February
    (date(2025, 2, 1), date(2025, 3, 15), date(2025, 2, 28)),
    (date(2026, 12, 1), date(2026, 12, 1), date(2026, 12, 1)),  # data ending 1 December: never 12月31日
    (date(2026, 11, 1), date(2026, 12, 1), date(2026, 11, 30)),
    (date(2026, 12, 1), date(2026, 12, 31), date(2026, 12, 31)),
    (date(2027, 1, 1), date(2027, 1, 1), date(2027, 1, 1)),
])
def test_report_as_of(month, data_as_of, as_of):
    assert form.report_as_of(month, data_as_of) == as_of
    form.check_report_month(month, data_as_of)


def test_a_month_after_the_data_is_refused():
    with pytest.raises(db.RiskdashError, match="2025-08 is after the data's as-of day 2025-07-31"):
        form.check_report_month(date(2025, 8, 1), date(2025, 7, 31))


@pytest.mark.parametrize(("months", "data_as_of", "default"), [
    # 1 December: November is the last complete month, December is offered but not chosen
    ([date(2026, m, 1) for m in range(1, 13)], date(2026, 12, 1), date(2026, 11, 1)),
    ([date(2026, m, 1) for m in range(1, 12)], date(2026, 12, 1), date(2026, 11, 1)),
    ([date(2026, m, 1) for m in range(1, 13)], date(2026, 12, 31), date(2026, 12, 1)),
    # 1 January: last year's December, when the period offers it; else the only month there is
    ([date(2026, m, 1) for m in range(1, 13)], date(2027, 1, 1), date(2026, 12, 1)),
    ([date(2027, 1, 1)], date(2027, 1, 1), date(2027, 1, 1)),
    ([date(2024, 1, 1), date(2024, 2, 1)], date(2024, 2, 29), date(2024, 2, 1)),
    ([date(2024, 1, 1), date(2024, 2, 1)], date(2024, 2, 28), date(2024, 1, 1)),
])
def test_the_form_opens_on_the_last_complete_month(months, data_as_of, default):
    assert form.default_report_month(months, data_as_of) == default


# ---------------------------------------------------------------------------------------------- layout


def test_the_statistics_form_layout(form_con):
    form_con.execute("update settings set value = '应急统隐1表' where key = 'form_table_no'")
    form_con.execute("update settings set value = '示例市应急管理局' where key = 'form_issuer'")
    form_con.execute("update settings set value = '示统函〔2025〕8号' where key = 'form_approval_no'")
    form_con.execute("update settings set value = '2027年12月' where key = 'form_valid_until'")
    data, _ = form.monthly_form_xlsx(form_con, scope(COUNTY_A), date(2025, 6, 1))
    sheet = load_workbook(io.BytesIO(data)).active
    values = {cell.coordinate: cell.value for row in sheet.iter_rows() for cell in row if cell.value is not None}
    assert values["A1"] == "工矿企业安全生产事故隐患排查治理情况月报表"
    # top right: 表号, 制定机关, 批准文号, 有效期至 over the last four columns
    assert [values[f"J{r}"] for r in range(2, 6)] == ["表　　号：应急统隐1表", "制定机关：示例市应急管理局",
                                                     "批准文号：示统函〔2025〕8号", "有效期至：2027年12月"]
    assert {"J2:M2", "J3:M3", "J4:M4", "J5:M5"} <= {str(m) for m in sheet.merged_cells.ranges}
    assert values["A6"] == "填报单位（盖章）：示例市甲县"
    assert values["F6"] == "报告期：2025年6月"
    assert values["I6"] == "累计期间：2025年1月1日至6月30日"
    assert values["A7"] == "行业和领域" and values["C7"] == "一般事故隐患" and values["F7"] == "重大事故隐患"
    # long names in whole lines (the unit on its own), read back as the names
    assert values["K8"] == "挂牌督办（项）" and values["M7"] == "累计落实\n治理资金\n（万元）"
    assert values["G8"] == "已整改销号\n（项）" and values["J8"] == "其中落实\n“五到位”\n（项）"
    assert read_form_xlsx(data)[0] == [(g, c) for g, c, _ in form.FORM_COLUMNS]
    # 栏次, then 合计 as the first data row
    assert [sheet.cell(9, c).value for c in range(1, 14)] == ["甲", *range(1, 13)]
    assert values["A10"] == "合计" and values["A11"] == "煤矿" and values["A19"] == "其他"
    assert values["A20"].startswith("说明：1. 本表数据为当年1月1日至6月30日累计数")
    assert "道路运输、消防（人员密集场所）、水上交通、渔业船舶、农业机械等行业领域的隐患由行业主管部门另表填报" in values["A20"]
    assert [values[c] for c in ("A21", "C21", "E21", "H21", "J21")] == [
        "单位负责人：", "统计负责人：", "填表人：", "联系电话：", "报出日期：　　　　年　　月　　日"]
    assert sheet.max_row == 21
    # one page wide, as tall as it takes, A4 landscape, the headers repeated on every page
    assert sheet.sheet_properties.pageSetUpPr.fitToPage is True
    assert (sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight) == (1, 0)
    assert sheet.page_setup.orientation == "landscape" and int(sheet.page_setup.paperSize) == 9  # A4
    assert sheet.print_title_rows == "$7:$9"
    # numbers stay numbers: WPS and Excel can add them up
    assert sheet["C10"].data_type == "n" and sheet["E10"].number_format == "0.0" and sheet["M10"].number_format == "#,##0.00"


def test_settings_missing_from_an_older_file_take_their_defaults(form_con):
    form_con.execute("delete from settings where key like 'form\\_%' escape '\\'")
    assert form.form_settings(form_con) == {"form_table_no": "隐患月报1表", "form_issuer": "应急管理局",
                                            "form_approval_no": "—", "form_valid_until": "—"}
    form_con.execute("insert into settings values ('form_issuer', '示例市应急管理局', 'x', 'x')")
    assert form.form_settings(form_con)["form_issuer"] == "示例市应急管理局"


def test_migration_12_gives_an_existing_file_the_form_settings(form_db):
    con = db.connect(form_db)
    try:
        con.execute("delete from settings where key like 'form\\_%' escape '\\'")
        db.set_meta(con, "schema_version", "11")
    finally:
        con.close()
    con = db.connect(form_db)  # migrates
    try:
        rows = con.execute("select key, value from settings where key like 'form\\_%' escape '\\' "
                           "order by key").fetchall()
    finally:
        con.close()
    assert rows == [("form_approval_no", "—"), ("form_issuer", "应急管理局"), ("form_table_no", "隐患月报1表"),
                    ("form_valid_until", "—")]


def test_a_formula_looking_name_stays_text(form_con):
    form_con.execute("update regions set name = '=HYPERLINK(\"http://x\")' where region_code = ?", [COUNTY_A])
    form_con.execute("update settings set value = '+1' where key = 'form_table_no'")
    data, _ = form.monthly_form_xlsx(form_con, scope(COUNTY_A), date(2025, 6, 1))
    sheet = load_workbook(io.BytesIO(data)).active
    assert sheet["A6"].value == "填报单位（盖章）：示例市=HYPERLINK(\"http://x\")"
    assert sheet["J2"].value == "表　　号：+1"
    assert all(c.data_type != "f" for row in sheet.iter_rows() for c in row)


# ---------------------------------------------------------------------------------------------- command line


def run(capsys, *args: str) -> tuple[int, str, str]:
    rc = cli.main(["form", "monthly", *args])
    captured = capsys.readouterr()
    return rc, captured.out, captured.err


def sheet_values(data: bytes) -> list[list]:
    return [[c.value for c in row] for row in load_workbook(io.BytesIO(data)).active.iter_rows()]


def test_the_command_writes_the_screens_file(form_db, tmp_path, capsys):
    out = tmp_path / "月报.xlsx"
    rc, stdout, stderr = run(capsys, "--db", str(form_db), "--month", "2025-07", "--region", "419901",
                             "--out", str(out))
    assert (rc, stderr) == (0, "")
    assert json.loads(stdout) == {"out": str(out), "report_period": "2025年7月", "from": "2025-01-01",
                                  "as_of": "2025-07-03", "region": COUNTY_A, "unit": "示例市甲县", "sectors": 9}
    # the screen's button: the same function over the same inputs (pages/rectification.py: page.load(monthly_form.monthly_form, …))
    con = db.connect(form_db, read_only=True)
    try:
        table, header = form.monthly_form(con, scope(COUNTY_A), date(2025, 7, 1))
    finally:
        con.close()
    assert sheet_values(out.read_bytes()) == sheet_values(form.form_xlsx(table, header))


def test_without_region_the_top_region(form_db, tmp_path, capsys):
    out = tmp_path / "city.xlsx"
    rc, stdout, _ = run(capsys, "--db", str(form_db), "--month", "2025-06", "--out", str(out))
    assert rc == 0 and json.loads(stdout)["region"] == CITY and json.loads(stdout)["unit"] == "示例市"


@pytest.mark.parametrize("bad", ["2025-13", "2025-00", "2025-7-1", "July", "25-07", ""])
def test_a_bad_month_is_one_line_and_writes_nothing(form_db, tmp_path, capsys, bad):
    out = tmp_path / "form.xlsx"
    with pytest.raises(SystemExit) as stop:
        run(capsys, "--db", str(form_db), "--month", bad, "--out", str(out))
    err = capsys.readouterr().err
    assert stop.value.code == 2
    assert err == f"riskdash monthly: argument --month: expected a month YYYY-MM, got {bad!r}; nothing written\n"
    assert not out.exists()


def errors(form_db: Path, tmp_path: Path) -> list[tuple[list[str], str]]:
    a_file = tmp_path / "note.txt"
    a_file.write_text("x")
    folder = tmp_path / "folder.xlsx"
    folder.mkdir()
    return [
        (["--month", "2025-08", "--out", str(tmp_path / "f.xlsx")],
         "--month 2025-08: 2025-08 is after the data's as-of day 2025-07-03; nothing written"),
        (["--month", "2025-07", "--region", "419999", "--out", str(tmp_path / "f.xlsx")],
         "--region 419999000000: no such region in the database (expected a 12-digit code); nothing written"),
        (["--month", "2025-07", "--out", str(tmp_path / "nowhere" / "f.xlsx")],
         f"--out {tmp_path / 'nowhere' / 'f.xlsx'}: folder {tmp_path / 'nowhere'} does not exist; nothing written"),
        (["--month", "2025-07", "--out", str(a_file / "f.xlsx")],
         f"--out {a_file / 'f.xlsx'}: folder {a_file} does not exist; nothing written"),
        (["--month", "2025-07", "--out", str(folder)], f"--out {folder}: is a folder; nothing written"),
        (["--month", "2025-07", "--out", str(tmp_path / "f.pdf")],
         f"--out {tmp_path / 'f.pdf'}: expected a .xlsx file; nothing written"),
    ]


def test_each_failure_is_one_line_and_leaves_the_earlier_file(form_db, tmp_path, capsys):
    for args, message in errors(form_db, tmp_path):
        before = set(tmp_path.rglob("*"))
        rc, stdout, stderr = run(capsys, "--db", str(form_db), *args)
        assert (rc, stdout, stderr) == (1, "", f"riskdash form: {message}\n"), args
        assert set(tmp_path.rglob("*")) == before  # no file, no temporary left behind
    # a failed run over an existing form leaves it as it was
    out = tmp_path / "kept.xlsx"
    assert run(capsys, "--db", str(form_db), "--month", "2025-06", "--out", str(out))[0] == 0
    kept = out.read_bytes()
    rc, _, stderr = run(capsys, "--db", str(form_db), "--month", "2025-09", "--out", str(out))
    assert rc == 1 and stderr.endswith("; nothing written\n") and out.read_bytes() == kept


def test_a_missing_database_is_one_line(tmp_path, capsys):
    out = tmp_path / "f.xlsx"
    rc, _, stderr = run(capsys, "--db", str(tmp_path / "none.duckdb"), "--month", "2025-07", "--out", str(out))
    assert rc == 1 and stderr.count("\n") == 1 and stderr.startswith("riskdash form: ")
    assert stderr.endswith("; nothing written\n") and not out.exists()


# ---------------------------------------------------------------------------------------------- the screen


def test_the_screen_opens_on_the_last_complete_month_and_never_after_the_data(form_db, monkeypatch):
    monkeypatch.setenv(db.ENV_DB, str(form_db))
    at = open_tab(open_page("rectification"), FORM)  # 隐患治理 draws its open tab alone
    # data as of 3 July: the period is 1—6月 and the form June's
    assert at.sidebar.selectbox(key="flt_preset").format_func("completed_months") == "1—6月"
    month = at.selectbox(key="rect_form_month")
    assert month.value == date(2025, 6, 1) and month.options == [f"2025年{m}月" for m in range(1, 7)]
    at.sidebar.selectbox(key="flt_preset").set_value("year_to_date").run()
    month = at.selectbox(key="rect_form_month")
    assert month.value == date(2025, 6, 1) and month.options[-1] == "2025年7月"
    month.set_value(date(2025, 7, 1)).run()
    assert not at.exception
    captions = [c.value for c in at.caption]
    assert any("填报单位：示例市 · 统计期：2025年1月1日—7月3日（1月至报表月累计）· 截至2025年7月3日" in c for c in captions)
    shown = next(d.value for d in at.dataframe if d.value.columns[0] == "行业和领域")
    assert list(shown["行业和领域"]) == ["合计", *INDUSTRIAL]
    assert list(shown.iloc[0]) == ["合计", "3", "3", "2", "66.7", "3", "1", "33.3", "1", "1", "3", "1", "8.50"]
