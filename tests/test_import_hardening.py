"""The importer against unlucky and hostile files (issue 14): every row of an .xlsx whatever size it declares,
blank rows skipped with the file's own row numbers, a broken CSV or an oversized file refused in one line with
nothing written, dates after today refused, and data_as_of derived from the rows as they are now."""

from __future__ import annotations

import re
import subprocess
import sys
import zipfile
from datetime import date, timedelta
from pathlib import Path

import openpyxl
import pytest
from conftest import imported_regions_and_enterprises, new_database, prepared_database

from riskdash import db
from riskdash.importer import ImportFailed, Problem, import_file

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "import"
HEADER = "隐患编号,企业编号,发现日期,隐患等级,整改期限"
TABLES = ("regions", "enterprises", "accidents", "inspections", "hazards", "key_sites", "audit_log", "meta")


@pytest.fixture()
def con(tmp_path):
    connection = db.connect(prepared_database(tmp_path / "imp.duckdb", imported_regions_and_enterprises))
    yield connection
    connection.close()


def hazard(n: int, found: str = "2025-03-05") -> str:
    return f"H{n},E1,{found},一般,{max(found, '2025-03-20')}"


def csv_file(tmp_path: Path, lines: list[str], name: str = "h.csv", encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes("\n".join(lines).encode(encoding))
    return path


def snapshot(con) -> tuple:
    return tuple(tuple(sorted(map(str, con.execute(f"select * from {t}").fetchall()))) for t in TABLES)


def refused(con, path: Path, kind: str = "hazards", **kw) -> ImportFailed:
    before = snapshot(con)
    with pytest.raises(ImportFailed) as info:
        import_file(con, kind, path, **kw)
    assert snapshot(con) == before
    return info.value


def hazard_ids(con) -> list[str]:
    return [r[0] for r in con.execute("select hazard_id from hazards order by found_on, hazard_id").fetchall()]


# ---------------------------------------------------------------------------------------------- .xlsx size


def xlsx_declaring(tmp_path: Path, rows: list[list], declared: str, name: str = "h.xlsx") -> Path:
    """A workbook whose sheet's <dimension> says ``declared`` whatever it holds (as many tools write it)."""
    book = openpyxl.Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    plain = tmp_path / f"plain-{name}"
    book.save(plain)
    path = tmp_path / name
    with zipfile.ZipFile(plain) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data, count = re.subn(rb'<dimension ref="[A-Z0-9:]+"\s*/>', f'<dimension ref="{declared}"/>'.encode(),
                                      data)
                assert count == 1
            target.writestr(item, data)
    return path


def test_an_xlsx_declaring_fewer_rows_and_columns_than_it_holds_imports_all_of_them(con, tmp_path):
    rows = [HEADER.split(",")] + [hazard(n).split(",") for n in range(1, 11)]
    path = xlsx_declaring(tmp_path, rows, "A1:C3")
    result = import_file(con, "hazards", path)
    assert (result.rows, result.inserted) == (10, 10)
    assert con.execute("select hazard_id, enterprise_id, found_on, grade, deadline from hazards "
                       "order by cast(substr(hazard_id, 2) as integer)").fetchall() == [
        (f"H{n}", "E1", date(2025, 3, 5), "general", date(2025, 3, 20)) for n in range(1, 11)]


def test_an_xlsx_declaring_a_single_cell_still_reads_its_header_and_rows(con, tmp_path):
    rows = [HEADER.split(",")] + [hazard(n).split(",") for n in range(1, 4)]
    result = import_file(con, "hazards", xlsx_declaring(tmp_path, rows, "A1"))
    assert (result.rows, result.inserted) == (3, 3)


# ---------------------------------------------------------------------------------------------- blank rows


def test_a_blank_line_right_after_the_header_is_skipped(con, tmp_path):
    result = import_file(con, "hazards", csv_file(tmp_path, [HEADER, "", hazard(1), hazard(2), ""]))
    assert (result.rows, result.inserted) == (2, 2)
    assert hazard_ids(con) == ["H1", "H2"]


def test_trailing_and_inner_blank_lines_and_empty_records_are_skipped(con, tmp_path):
    lines = [HEADER, hazard(1), "", ",,,,", "  ", hazard(2), "", "", ""]
    result = import_file(con, "hazards", csv_file(tmp_path, lines))
    assert (result.rows, result.inserted) == (2, 2)
    assert hazard_ids(con) == ["H1", "H2"]


@pytest.mark.parametrize("extra", [[], ["H9,E1,2025-03-05,一般"]], ids=["arrow-reader", "csv-reader"])
def test_blank_lines_keep_the_files_row_numbers_in_messages(con, tmp_path, extra):
    # row 1 header, row 2 blank, row 3 good, row 4 blank, row 5 a deadline before found_on
    lines = [HEADER, "", hazard(1), "", "H2,E1,2025-03-05,一般,2025-03-01", *extra]
    failed = refused(con, csv_file(tmp_path, lines))
    rows = [(p.row, p.code) for p in failed.problems]
    expected = [(5, "deadline_before_found")] + ([(6, "field_count")] if extra else [])
    assert rows == expected


def test_blank_lines_before_the_header_count_as_rows(con, tmp_path):
    lines = ["", ",,,,", HEADER, hazard(1), "H2,E1,2025-03-05,一般,2025-03-01"]
    failed = refused(con, csv_file(tmp_path, lines))
    assert [(p.row, p.code) for p in failed.problems] == [(5, "deadline_before_found")]
    path = csv_file(tmp_path, ["", HEADER, hazard(1), hazard(2)], name="ok.csv")
    assert import_file(con, "hazards", path).inserted == 2
    assert hazard_ids(con) == ["H1", "H2"]


def test_blank_rows_of_an_xlsx_are_skipped_with_its_row_numbers(con, tmp_path):
    rows = [HEADER.split(","), [None] * 5, hazard(1).split(","), [None, "", None],
            "H2,E1,2025-03-05,一般,2025-03-01".split(",")]
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    path = tmp_path / "h.xlsx"
    book.save(path)
    failed = refused(con, path)
    assert [(p.row, p.code) for p in failed.problems] == [(5, "deadline_before_found")]


def test_only_blank_lines_after_the_header_is_a_header_only_file(con, tmp_path):
    failed = refused(con, csv_file(tmp_path, [HEADER, "", "", ""]))
    assert str(failed) == "h.csv: the file has a header but no data rows; nothing was written"


# ---------------------------------------------------------------------------------------------- broken CSV


def test_an_unclosed_quote_is_one_line_naming_the_row_where_it_opened(con, tmp_path):
    lines = [HEADER, hazard(1), 'H2,"E1,2025-03-05,一般,2025-03-20', hazard(3), hazard(4)]
    failed = refused(con, csv_file(tmp_path, lines))
    assert failed.lines() == [
        "h.csv: row 3: a quote opened in this row is never closed (the file may be cut off); nothing was written"]


def test_an_unclosed_quote_on_the_command_line_is_one_line(tmp_path, riskdash_cli):
    # a new database with FIXTURES' regions.csv and enterprises.csv imported (prepared once per process)
    path = prepared_database(tmp_path / "city.duckdb", imported_regions_and_enterprises)
    bad = csv_file(tmp_path, [HEADER, "", 'H1,E1,2025-03-05,一般,"2025-03-20'])
    # in process in the fast tier, as a real `python -m riskdash` process in the whole suite (conftest.riskdash_cli)
    result = riskdash_cli("import", "hazards", str(bad), "--db", str(path))
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr.splitlines() == [
        f"riskdash import: {bad}: row 3: a quote opened in this row is never closed (the file may be cut off); "
        "nothing was written"]


def test_one_problem_says_that_nothing_was_written(con, tmp_path):
    failed = refused(con, csv_file(tmp_path, [HEADER, hazard(1), "H2,E1,2025-03-05,一般"]))
    assert str(failed) == failed.lines()[0] == (
        "h.csv: row 3: the row has 4 fields, the header 5: the line is cut off or has a stray comma; "
        "nothing was written")


# ---------------------------------------------------------------------------------------------- row numbers


def test_the_problem_table_shows_whole_row_numbers_next_to_a_file_wide_problem():
    from riskdash.screens.data.view import problems_frame

    frame = problems_frame([Problem("h.csv", None, "grade", None, "missing_column", {"zh": "隐患等级"}),
                            Problem("h.csv", 2, "deaths", "-1", "at_least", {"bound": 0})], "zh")
    assert [str(v) for v in frame["行号"]] == ["<NA>", "2"]
    from riskdash.importer.export import to_csv_bytes

    assert to_csv_bytes(frame).decode("utf-8-sig").splitlines()[1:] == [
        "h.csv,,grade,,缺少必填列（隐患等级）", "h.csv,2,deaths,-1,应不小于0"]  # a plain number is data (a9a826d)


# ---------------------------------------------------------------------------------------------- sizes

PEAK_LIMIT_MB = 1024

MEASURE = """
import sys
from riskdash import db
from riskdash.importer import ImportFailed, import_file
con = db.connect(sys.argv[1])
try:
    import_file(con, "hazards", sys.argv[2])
    print("imported")
except ImportFailed as failed:
    print(str(failed))
con.close()
# VmHWM, not ru_maxrss: ru_maxrss keeps the forking process's size across exec (the whole test run's, under pytest)
print(next(int(line.split()[1]) for line in open("/proc/self/status") if line.startswith("VmHWM:")) // 1024)
"""


def measured_import(con, path: Path) -> tuple[str, int]:
    """(the one line of the outcome, peak resident MB) of an import in a process of its own."""
    database = Path(con.execute("select path from duckdb_databases() where database_name = current_database()")
                    .fetchone()[0])
    con.execute("checkpoint")
    before = snapshot(con)
    con.close()
    result = subprocess.run([sys.executable, "-c", MEASURE, str(database), str(path)], capture_output=True,
                            text=True, timeout=600)
    assert result.returncode == 0 and result.stderr == "", result.stdout + result.stderr
    line, peak = result.stdout.splitlines()
    after = db.connect(database)
    try:
        assert snapshot(after) == before
    finally:
        after.close()
    return line, int(peak)


def xlsx_with_cell(tmp_path: Path, chunks, name: str = "big.xlsx") -> Path:
    """A one-record hazards workbook whose description cell is the text streamed from ``chunks``."""
    book = openpyxl.Workbook()
    book.active.append(HEADER.split(",") + ["隐患描述"])
    book.active.append(hazard(1).split(",") + ["MARK"])
    plain = tmp_path / f"plain-{name}"
    book.save(plain)
    path = tmp_path / name
    with zipfile.ZipFile(plain) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename != "xl/worksheets/sheet1.xml":
                target.writestr(item, data)
                continue
            head, tail = data.split(b"MARK")
            with target.open(item.filename, "w", force_zip64=True) as out:
                out.write(head)
                for chunk in chunks:
                    out.write(chunk)
                out.write(tail)
    return path


@pytest.mark.slow  # out of the fast tier: a sheet that expands to 300 MB, read as far as the bound
def test_an_xlsx_with_a_300_mb_cell_is_refused_in_one_line_before_it_is_read(con, tmp_path):
    path = xlsx_with_cell(tmp_path, (b"A" * (1 << 20) for _ in range(300)))
    assert path.stat().st_size < 1 << 20  # the file: 297 KB
    with zipfile.ZipFile(path) as zipped:
        packed = zipped.getinfo("xl/worksheets/sheet1.xml").compress_size >> 10
    line, peak = measured_import(con, path)
    assert line == (f"big.xlsx: xl/worksheets/sheet1.xml expands more than 100 times (300 MB from {packed} KB): "
                    "refused unread as a possible zip bomb; nothing was written")
    assert peak < PEAK_LIMIT_MB


def test_an_xlsx_cell_longer_than_any_value_is_refused_unread(con, tmp_path):
    import random

    rng = random.Random(7)
    letters = b"abcdefghijklmnopqrstuvwxyz0123456789"
    path = xlsx_with_cell(tmp_path, (bytes(rng.choices(letters, k=1 << 20)) for _ in range(8)))
    line, peak = measured_import(con, path)
    assert line == ("big.xlsx: xl/worksheets/sheet1.xml holds a cell or tag of more than 655,360 bytes (a value "
                    "holds at most 65,536 characters): refused unread; nothing was written")
    assert peak < PEAK_LIMIT_MB


@pytest.mark.slow  # out of the fast tier: a 300 MB file written, then read as far as the bound
@pytest.mark.parametrize("line", [b"A" * (1 << 20), b"A" * 99 + b"\n"], ids=["one-line", "many-lines"])
def test_a_csv_with_a_300_mb_field_is_refused_in_one_line(con, tmp_path, line):
    path = tmp_path / "big.csv"
    with path.open("wb") as fh:
        fh.write(f"{HEADER},隐患描述\n{hazard(1)},\"".encode())
        for _ in range(300 * (1 << 20) // len(line)):
            fh.write(line)
        fh.write(b'"\n')
    line_, peak = measured_import(con, path)
    if line.endswith(b"\n"):
        assert line_ == ("big.csv: row 2: a field of more than 1,048,576 characters (a value holds at most 65,536); "
                         "nothing was written")
    else:
        assert line_ == ("big.csv: row 2: a line of more than 16,777,216 characters: not a CSV file, or its line "
                         "breaks are missing; nothing was written")
    assert peak < PEAK_LIMIT_MB


@pytest.mark.parametrize("lines", [[HEADER, hazard(1), hazard(2), hazard(3), hazard(4)],
                                   [HEADER, hazard(1), hazard(2), "", hazard(3), "H4,E1,2025-03-05,一般"]],
                         ids=["arrow-reader", "csv-reader"])
def test_rows_past_the_limit_are_refused_in_one_line(con, tmp_path, monkeypatch, lines):
    from riskdash.importer import read

    monkeypatch.setattr(read, "MAX_ROWS", 3)
    failed = refused(con, csv_file(tmp_path, lines))
    assert str(failed) == "h.csv: more than 3 rows: split the file; nothing was written"
    monkeypatch.setattr(read, "MAX_ROWS", 4)
    ok = csv_file(tmp_path, [HEADER, hazard(1), "", hazard(2), hazard(3), hazard(4), ""], name="ok.csv")
    assert import_file(con, "hazards", ok).inserted == 4


def test_xlsx_rows_past_the_limit_are_refused_in_one_line(con, tmp_path, monkeypatch):
    from riskdash.importer import read

    monkeypatch.setattr(read, "MAX_ROWS", 2)
    book = openpyxl.Workbook()
    for row in [HEADER.split(","), hazard(1).split(","), [None] * 5, hazard(2).split(","), hazard(3).split(",")]:
        book.active.append(row)
    book.save(tmp_path / "h.xlsx")
    failed = refused(con, tmp_path / "h.xlsx")
    assert str(failed) == "h.xlsx: more than 2 rows: split the file; nothing was written"


def test_a_workbook_unpacking_past_the_bound_is_refused_unread(con, tmp_path, monkeypatch):
    from riskdash.importer import read

    monkeypatch.setattr(read, "XLSX_EXPANDED_MAX", 1 << 20)
    book = openpyxl.Workbook()
    book.active.append(HEADER.split(","))
    for n in range(1, 20_001):
        book.active.append(hazard(n).split(","))
    book.save(tmp_path / "h.xlsx")
    with zipfile.ZipFile(tmp_path / "h.xlsx") as packed:
        size = sum(m.file_size for m in packed.infolist()) / (1 << 20)
    failed = refused(con, tmp_path / "h.xlsx")
    assert str(failed) == (f"h.xlsx: the workbook unpacks to {size:.1f} MB, more than 1.0 MB: refused unread; "
                           "nothing was written")


def test_the_screens_check_gives_the_same_one_line_refusals(con, tmp_path):
    from riskdash.importer import check

    bomb = xlsx_with_cell(tmp_path, (b"A" * (1 << 20) for _ in range(20)))
    quote = csv_file(tmp_path, [HEADER, "", 'H1,"E1,2025-03-05,一般,2025-03-20'])
    blank = csv_file(tmp_path, [HEADER, "", hazard(1), ""], name="blank.csv")
    before = snapshot(con)
    rows, problems, total = check(con, "hazards", bomb, file_label="上传.xlsx")
    with zipfile.ZipFile(bomb) as zipped:
        packed = zipped.getinfo("xl/worksheets/sheet1.xml").compress_size >> 10
    assert (rows, total, [p.line("zh") for p in problems]) == (0, 1, [
        f"上传.xlsx: 其中的 xl/worksheets/sheet1.xml 解压后膨胀超过100倍（由 {packed} KB 变为 20 MB），"
        "疑为压缩炸弹：未读取"])
    rows, problems, total = check(con, "hazards", quote)
    assert (rows, total, [p.line() for p in problems]) == (0, 1, [
        "h.csv: row 3: a quote opened in this row is never closed (the file may be cut off)"])
    assert check(con, "hazards", blank) == (1, [], 0)
    assert snapshot(con) == before


# ---------------------------------------------------------------------------------------------- future dates


ACC_HEADER = "事故编号,发生时间,区划代码,企业编号,行业,事故类型,死亡人数,重伤人数,直接经济损失（万元）"


def accident(accident_id: str, occurred: str) -> str:
    return f"{accident_id},{occurred},419901001,E1,工贸,机械伤害,1,0,10"


def test_event_days_after_today_are_refused_naming_file_row_column_and_today(con, tmp_path):
    today = date(2026, 12, 2)
    lines = [ACC_HEADER, accident("A1", "2026-12-02 23:59"), accident("A2", "2026-12-03 00:00"),
             accident("A3", "2099-01-01")]
    failed = refused(con, csv_file(tmp_path, lines, name="a.csv"), kind="accidents", today=today)
    assert failed.lines() == [
        "a.csv: 2 problems in 2 rows of 3; nothing was written",
        "a.csv: row 3: column occurred_at: value '2026-12-03 00:00': a day on or before today (2026-12-02)",
        "a.csv: row 4: column occurred_at: value '2099-01-01': a day on or before today (2026-12-02)",
    ]
    hazards = csv_file(tmp_path, [HEADER + ",整改完成日期", hazard(1, "2026-12-02") + ",2026-12-03",
                                  hazard(2, "2026-12-03") + ","], name="h.csv")
    failed = refused(con, hazards, today=today)
    assert [(p.row, p.column, p.code) for p in failed.problems] == [
        (2, "rectified_on", "after_today"), (3, "found_on", "after_today")]
    # a deadline is a day to come, not an event: after today is right
    ok = csv_file(tmp_path, [HEADER, "H1,E1,2026-12-02,一般,2027-01-31"], name="ok.csv")
    assert import_file(con, "hazards", ok, today=today).inserted == 1


def test_the_clock_is_todays_date_by_default(con, tmp_path):
    tomorrow = date.today() + timedelta(days=1)
    failed = refused(con, csv_file(tmp_path, [HEADER, hazard(1, tomorrow.isoformat())]))
    assert [(p.row, p.column, p.code) for p in failed.problems] == [(2, "found_on", "after_today")]


# ---------------------------------------------------------------------------------------------- data_as_of


def test_data_as_of_is_derived_from_the_rows_so_a_corrected_row_corrects_it(con, tmp_path):
    path = csv_file(tmp_path, [HEADER + ",整改完成日期", hazard(1, "2025-03-05") + ",2025-03-18",
                               hazard(2, "2025-04-01") + ","])
    assert import_file(con, "hazards", path).data_as_of == date(2025, 4, 1) == db.data_as_of(con)
    # another tool (an administrator's SQL, an ETL job) writes a wrong day, then corrects it
    con.execute("update hazards set found_on = date '2099-01-01', deadline = date '2099-01-31' "
                "where hazard_id = 'H2'")
    assert db.data_as_of(con) == date(2099, 1, 1)
    con.execute("update hazards set found_on = date '2025-03-06', deadline = date '2025-03-31' "
                "where hazard_id = 'H2'")
    assert db.data_as_of(con) == date(2025, 3, 18)
    con.execute("delete from hazards where hazard_id = 'H1'")
    assert db.data_as_of(con) == date(2025, 3, 6)
    con.execute("insert into accidents (accident_id, occurred_at, region_code, industry, accident_type, deaths, "
                "serious_injuries, direct_loss_wan) values ('A9', timestamp '2025-05-01 08:00', '419901001000', "
                "'industry_trade', 'machinery', 0, 0, 1)")
    assert db.data_as_of(con) == date(2025, 5, 1)


def test_a_declared_as_of_day_holds_until_an_import_without_one(con, tmp_path):
    path = csv_file(tmp_path, [HEADER, hazard(1, "2025-03-05")])
    assert import_file(con, "hazards", path, as_of=date(2025, 6, 30)).data_as_of == date(2025, 6, 30)
    con.execute("update hazards set found_on = date '2025-07-10', deadline = date '2025-07-20'")
    assert db.data_as_of(con) == date(2025, 6, 30)  # declared: the data is as of that day
    reference = tmp_path / "targets.csv"
    reference.write_text("年度,区划代码,死亡人数控制指标\n2025,419900,12\n", encoding="utf-8")
    import_file(con, "targets", reference)
    assert db.data_as_of(con) == date(2025, 6, 30)  # a reference kind declares nothing
    more = csv_file(tmp_path, [HEADER, hazard(2, "2025-03-06")], name="more.csv")
    assert import_file(con, "hazards", more).data_as_of == date(2025, 7, 10) == db.data_as_of(con)
    con.execute("update hazards set found_on = date '2025-03-05', deadline = date '2025-03-20' "
                "where hazard_id = 'H1'")
    assert db.data_as_of(con) == date(2025, 3, 6)


def test_an_empty_database_has_no_data_as_of(tmp_path):
    con = db.connect(new_database(tmp_path / "empty.duckdb"))
    try:
        assert db.data_as_of(con) is None
    finally:
        con.close()


def test_a_workbook_whose_sheet_is_damaged_inside_is_refused_in_one_line(con, tmp_path):
    # found by the fuzz: a flipped byte in the packed sheet raised zlib.error from openpyxl's rows
    book = openpyxl.Workbook()
    book.active.append(HEADER.split(","))
    for n in range(1, 200):
        book.active.append(hazard(n).split(","))
    path = tmp_path / "h.xlsx"
    book.save(path)
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as packed:
        member = packed.getinfo("xl/worksheets/sheet1.xml")
    start = member.header_offset + 30 + len(member.filename.encode()) + len(member.extra)
    for offset in range(start + 40, start + member.compress_size - 40, 97):
        data[offset] ^= 0x55
    path.write_bytes(bytes(data))
    failed = refused(con, path)
    assert len(failed.lines()) == 1
    assert re.fullmatch(r"h\.xlsx: cannot open the workbook \(.+\); nothing was written", str(failed)), str(failed)


def test_both_csv_readers_store_the_same_text(con, tmp_path):
    # the Arrow reader takes a plain file; a blank line above the header sends it to the csv module
    values = ["e\u0301cole", "\u2003em space\u2003", "\u3000全角\u3000", "\x1ctab\x1f", "\u00a0nbsp\u00a0"]
    lines = [HEADER + ",隐患描述"] + [f"{hazard(n)},{v}" for n, v in enumerate(values, 1)]
    import_file(con, "hazards", csv_file(tmp_path, lines, name="arrow.csv"))
    arrow = con.execute("select description from hazards order by hazard_id").fetchall()
    con.execute("delete from hazards")
    import_file(con, "hazards", csv_file(tmp_path, ["", *lines], name="csv.csv"))
    assert con.execute("select description from hazards order by hazard_id").fetchall() == arrow == [
        ("école",), ("em space",), ("全角",), ("tab",), ("nbsp",)]


def test_a_declared_as_of_day_after_today_is_refused(con, tmp_path):
    path = csv_file(tmp_path, [HEADER, hazard(1)])
    before = snapshot(con)
    with pytest.raises(db.RiskdashError) as info:
        import_file(con, "hazards", path, as_of=date(2026, 12, 3), today=date(2026, 12, 2))
    assert str(info.value) == "--as-of 2026-12-03 is after today (2026-12-02); nothing was written"
    assert snapshot(con) == before
    assert import_file(con, "hazards", path, as_of=date(2026, 12, 2), today=date(2026, 12, 2)).inserted == 1


def test_migration_14_drops_a_stored_day_that_was_derived_and_keeps_a_declared_one(tmp_path):
    for stored, kept in (("2099-01-01", None), ("2025-06-30", "2025-06-30")):
        # a new database with FIXTURES' regions.csv and enterprises.csv imported (prepared once per process)
        con = db.connect(prepared_database(tmp_path / f"old-{stored}.duckdb", imported_regions_and_enterprises))
        try:
            import_file(con, "hazards", csv_file(tmp_path, [HEADER, hazard(1), hazard(2)]))
            # a file as schema 13 left it: the old import stored the latest event day (here a mistyped 2099)
            con.execute("update hazards set found_on = date '2099-01-01', deadline = date '2099-01-31' "
                        "where hazard_id = 'H2'")
            db.set_meta(con, "data_as_of", stored)
            db.set_meta(con, "schema_version", "13")
            db.migrate(con)
            assert db.get_meta(con, "data_as_of") == kept
            con.execute("update hazards set found_on = date '2025-03-06', deadline = date '2025-03-31' "
                        "where hazard_id = 'H2'")
            assert db.data_as_of(con) == (date(2025, 3, 6) if kept is None else date(2025, 6, 30))
        finally:
            con.close()


def test_a_header_with_a_line_break_inside_quotes_is_one_row(con, tmp_path):
    lines = ['"隐患\n编号",企业编号,发现日期,隐患等级,整改期限', hazard(1), "H2,E1,2025-03-05,一般,2025-03-01"]
    failed = refused(con, csv_file(tmp_path, lines))
    # row 1 is the header (two lines of the file), row 3 the bad record
    assert [(p.row, p.column, p.code) for p in failed.problems] == [(3, "deadline", "deadline_before_found")]
