"""The briefing's timed tasks for ``riskdash bench``: ``riskdash brief`` on the demo city, one task per format
(target under 15 s each, charts included).

The scale-1 demo city is built once per bench run in a temp folder (shared by the three tasks, removed at
exit), and each brief runs in a child process, so that its time includes starting Python and importing the
libraries — what an official waits for — and its peak memory is its own.
"""

from __future__ import annotations

import atexit
import json
import shutil
import tempfile
from datetime import date
from pathlib import Path

from riskdash.bench.child import run_cli_child

DEMO_TODAY = date(2026, 11, 28)
PERIOD = (date(2026, 1, 1), DEMO_TODAY)  # 1 January to the as-of day: the usual meeting period
_DEMO: dict[str, Path] = {}


def demo_database() -> Path:
    """The scale-1 demo city, built on first use and kept for the other formats of the same run."""
    if "path" not in _DEMO:
        from riskdash.demo import build_demo

        folder = Path(tempfile.mkdtemp(prefix="riskdash-bench-brief-"))
        atexit.register(shutil.rmtree, folder, True)
        path = folder / "demo.duckdb"
        build_demo(path, scale=1.0, seed=42, today=DEMO_TODAY)
        _DEMO["path"] = path
    return _DEMO["path"]


def time_brief(suffix: str) -> dict:
    path = demo_database()
    out = path.parent / f"brief{suffix}"
    argv = ["brief", "--db", str(path), "--from", PERIOD[0].isoformat(), "--to", PERIOD[1].isoformat(),
            "--out", str(out)]
    seconds, peak_mb, stdout = run_cli_child(argv, f"brief {suffix}")
    written = json.loads(stdout.strip().splitlines()[-1])
    return {"name": f"brief {suffix} of the demo city ({written['slides']} parts, charts included)",
            "seconds": round(seconds, 2), "peak_rss_mb": round(peak_mb, 1)}


def brief_pptx_task() -> dict:
    return time_brief(".pptx")


def brief_docx_task() -> dict:
    return time_brief(".docx")


def brief_pdf_task() -> dict:
    return time_brief(".pdf")


brief_pptx_task.bench_name = "brief/pptx"  # what `riskdash bench --only brief/` selects
brief_docx_task.bench_name = "brief/docx"
brief_pdf_task.bench_name = "brief/pdf"

# collected by riskdash bench (a task: a callable returning {"name", "seconds", "peak_rss_mb"})
BENCH_TASKS = [brief_pptx_task, brief_docx_task, brief_pdf_task]
