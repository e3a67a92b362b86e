"""`riskdash brief`: the contract (one JSON line, the file in place), errors in one line that leave no file,
the demo flag on the title slide."""

from __future__ import annotations

import json

import pytest
from pptx import Presentation

from riskdash import cli, db
from riskdash.briefing import pptx_export
from riskdash.commands import briefing as command

ARGS = ["--from", "2025-01-01", "--to", "2025-06-30"]


@pytest.fixture()
def out_dir(tmp_path):
    # small_db_path lives in tmp_path: outputs go to a folder of their own so that leftovers show
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


def _run(capsys, *argv):
    capsys.readouterr()
    rc = cli.main(["brief", *argv])
    captured = capsys.readouterr()
    return rc, captured.out, captured.err


def test_contract_one_json_line_and_the_file(small_db_path, out_dir, capsys):
    out = out_dir / "meeting.pptx"
    rc, stdout, stderr = _run(capsys, "--db", str(small_db_path), *ARGS, "--as-of", "2025-06-30", "--out", str(out))
    assert rc == 0 and stderr == ""
    lines = stdout.strip().splitlines()
    assert len(lines) == 1
    result = json.loads(lines[0])
    assert set(result) == {"out", "format", "slides", "seconds"}
    assert (result["out"], result["format"], result["slides"]) == (str(out), "pptx", 5)
    assert isinstance(result["seconds"], float) and result["seconds"] > 0
    assert len(Presentation(str(out)).slides) == 6
    assert sorted(p.name for p in out_dir.iterdir()) == ["meeting.pptx"]  # no temp file left behind


def test_the_real_command_line(small_db_path, out_dir, riskdash_cli):
    # as a real process in the whole suite, in process in the fast tier (conftest.riskdash_cli)
    out = out_dir / "b.pptx"
    result = riskdash_cli("brief", "--db", str(small_db_path), *ARGS, "--region", "419901", "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["format"] == "pptx"
    title = [s for s in Presentation(str(out)).slides[0].shapes if s.name == "title"][0]
    assert title.text_frame.text == "甲县安全生产形势汇报"


@pytest.mark.parametrize(("name", "message"), [
    ("brief.txt", "unknown format '.txt' (expected .pptx, .docx or .pdf)"),
    ("brief", "unknown format '(none)' (expected .pptx, .docx or .pdf)"),
])
def test_bad_suffix_is_one_line_and_no_file(small_db_path, out_dir, capsys, name, message):
    out = out_dir / name
    rc, stdout, stderr = _run(capsys, "--db", str(small_db_path), *ARGS, "--out", str(out))
    assert rc == 1 and stdout == ""
    assert stderr == f"riskdash brief: --out {out}: {message}\n"
    assert list(out_dir.iterdir()) == []


def test_unknown_region_and_reversed_period(small_db_path, out_dir, capsys):
    out = out_dir / "b.pptx"
    rc, _, stderr = _run(capsys, "--db", str(small_db_path), *ARGS, "--region", "419999000000", "--out", str(out))
    assert rc == 1
    assert stderr == ("riskdash brief: --region 419999000000: no such region in the database "
                      "(expected a 12-digit code)\n")
    rc, _, stderr = _run(capsys, "--db", str(small_db_path), "--from", "2025-06-30", "--to", "2025-01-01",
                         "--out", str(out))
    assert rc == 1 and stderr == "riskdash brief: --to 2025-01-01 is before --from 2025-06-30\n"
    rc, _, stderr = _run(capsys, "--db", str(small_db_path), *ARGS, "--as-of", "2024-12-31", "--out", str(out))
    assert rc == 1 and stderr == "riskdash brief: --as-of 2024-12-31 is before --from 2025-01-01\n"
    assert list(out_dir.iterdir()) == []


def test_each_suffix_names_its_writer_in_any_case():
    from pathlib import Path

    from riskdash.briefing import docx_export, pdf_export

    assert command.writer_for(Path("b.pptx")) is pptx_export.write_pptx
    assert command.writer_for(Path("b.DOCX")) is docx_export.write_docx
    assert command.writer_for(Path("b.Pdf")) is pdf_export.write_pdf


def test_a_failed_write_leaves_the_earlier_file_and_no_half_file(small_db_path, out_dir, capsys, monkeypatch):
    out = out_dir / "b.pptx"
    out.write_bytes(b"the earlier deck")

    def broken(brief, path):
        path.write_bytes(b"half a deck")
        raise db.RiskdashError("disk full")

    monkeypatch.setattr(pptx_export, "write_pptx", broken)
    rc, _, stderr = _run(capsys, "--db", str(small_db_path), *ARGS, "--out", str(out))
    assert rc == 1 and stderr == "riskdash brief: disk full\n"
    assert out.read_bytes() == b"the earlier deck"
    assert [p.name for p in out_dir.iterdir()] == ["b.pptx"]


def test_missing_folder_is_an_error(small_db_path, out_dir, capsys):
    out = out_dir / "nowhere" / "b.pptx"
    rc, _, stderr = _run(capsys, "--db", str(small_db_path), *ARGS, "--out", str(out))
    assert rc == 1 and stderr == f"riskdash brief: --out {out}: folder {out.parent} does not exist\n"


def test_demo_data_is_flagged_on_the_title_slide_and_every_slide(small_db_path, out_dir, capsys):
    con = db.connect(small_db_path)
    db.set_meta(con, "dataset", "demo")
    con.close()
    out = out_dir / "demo.pptx"
    rc, _, _ = _run(capsys, "--db", str(small_db_path), *ARGS, "--out", str(out))
    assert rc == 0
    slides = list(Presentation(str(out)).slides)
    flag = [s for s in slides[0].shapes if s.name == "demo-title"]
    assert len(flag) == 1 and flag[0].text_frame.text == "演示数据"
    assert all([s.text_frame.text for s in slide.shapes if s.name == "demo"] == ["演示数据"] for slide in slides)


def test_bench_registers_one_task_per_format():
    from riskdash import bench
    from riskdash.bench import brief_tasks as brief_bench

    names = [getattr(task, "bench_name", None) for task in bench.registered_tasks()]
    assert [n for n in names if n and n.startswith("brief/")] == ["brief/pptx", "brief/docx", "brief/pdf"]
    assert brief_bench.BENCH_TASKS == [brief_bench.brief_pptx_task, brief_bench.brief_docx_task,
                                       brief_bench.brief_pdf_task]
