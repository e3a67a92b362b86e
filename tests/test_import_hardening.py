"""The importer against unlucky and hostile files (issue 14): every row of an .xlsx whatever size it declares,
blank rows skipped with the file's own row numbers, a broken CSV or an oversized file refused in one line with
nothing written, dates after today refused, and data_as_of derived from the rows as they are now."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import zipfile
from datetime import date, timedelta
from pathlib import Path

import openpyxl
import pytest

from riskdash import db
from riskdash.importer import ImportFailed, Problem, import_file

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "import"
HEADER = "隐患编号,企业编号,发现日期,隐患等级,整改期限"
TABLES = ("regions", "enterprises", "accidents", "inspections", "hazards", "key_sites", "audit_log", "meta")


@pytest.fixture()
def con(tmp_path):
    connection = db.connect(tmp_path / "imp.duckdb", create=True)
    import_file(connection, "regions", FIXTURES / "regions.csv")
    import_file(connection, "enterprises", FIXTURES / "enterprises.csv")
    yield connection
    connection.close()


def hazard(n: int, found: str = "2025-03-05") -> str:
    return f"H{n},E1,{found},一般,2025-03-20"


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
    rows = [HEADER.split(","), [None] * 5, hazard(1).split(","), [None, "", None], "H2,E1,2025-03-05,一般,2025-03-01".split(",")]
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


def test_an_unclosed_quote_on_the_command_line_is_one_line(tmp_path):
    path = tmp_path / "city.duckdb"
    con = db.connect(path, create=True)
    import_file(con, "regions", FIXTURES / "regions.csv")
    import_file(con, "enterprises", FIXTURES / "enterprises.csv")
    con.close()
    bad = csv_file(tmp_path, [HEADER, "", 'H1,E1,2025-03-05,一般,"2025-03-20'])
    result = subprocess.run([sys.executable, "-m", "riskdash", "import", "hazards", str(bad), "--db", str(path)],
                            capture_output=True, text=True, timeout=120)
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
    from riskdash.ui.data import problems_frame

    frame = problems_frame([Problem("h.csv", None, "grade", None, "missing_column", {"zh": "隐患等级"}),
                            Problem("h.csv", 2, "deaths", "-1", "at_least", {"bound": 0})], "zh")
    assert [str(v) for v in frame["行号"]] == ["<NA>", "2"]
    from riskdash.importer.export import to_csv_bytes

    assert to_csv_bytes(frame).decode("utf-8-sig").splitlines()[1:] == [
        "h.csv,,grade,,缺少必填列（隐患等级）", "h.csv,2,deaths,'-1,应不小于0"]
