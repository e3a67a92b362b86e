"""docs/import.md and its examples stay in step with the importer: every kind, header and alias documented."""

from pathlib import Path

from conftest import new_database

from riskdash import db
from riskdash.importer import KINDS, import_file
from riskdash.importer.aliases import FIXED

ROOT = Path(__file__).resolve().parents[1]
DOC = (ROOT / "docs" / "import.md").read_text(encoding="utf-8")


def test_every_kind_column_header_and_alias_is_documented():
    for kind in KINDS.values():
        assert f"### `{kind.name}`" in DOC
        for column in kind.columns:
            assert f"| {column.header_zh} | {column.name} |" in DOC, (kind.name, column.name)
    for codes in FIXED.values():
        for code, spellings in codes.items():
            assert all(s in DOC for s in spellings), code


def test_the_example_files_import_in_order(tmp_path):
    con = db.connect(new_database(tmp_path / "ex.duckdb"))
    try:
        for name in ["regions", "enterprises", "inspections", "accidents", "hazards", "key-sites", "targets", "class-targets", "rate-targets",
                     "denominators", "checklist-status", "township-stations", "accident-measures", "zero-report-windows", "zero-reports", "warning-meetings",
                     "campaign-pairs"]:
            if name == "regions":
                path = tmp_path / "regions.csv"
                path.write_text("区划代码,名称,级别,上级代码,类型,乡镇类别\n419900,示例市,市,,,\n"
                                "419901,甲县,县,419900,,\n", encoding="utf-8")
                import_file(con, name, path)
            import_file(con, name, ROOT / "docs" / "examples" / f"{name}.csv")
    finally:
        con.close()
