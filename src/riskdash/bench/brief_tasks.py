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


# ---------------------------------------------------------------------------------------------- the screen's 通报

# What the 汇报 screen's Word and PDF buttons cost (issue 17: each ≤ 4 s): in a child Python, the Brief built and
# the writers imported first (the screen has both before any click), then a click's work timed as the screen does
# it (``screens.briefing.draw._bytes_of``: the Brief's charts in one kaleido batch, then the file): the first click
# after the screen's warm-up (``tongbao.warm_chart_renderer``, ``pdf_export.warm_up_writer``), the first click with none (kaleido's Chromium
# starts inside it) and a later click with Chromium running (the PNG cache emptied, so the charts are drawn again). CPU is user + system of the child and every process
# below it (Chromium), read from /proc before and after: on a loaded machine the wall time is several times a
# quiet machine's, the CPU time much less so.
SCREEN_CHILD = """
import json, os, sys, tempfile, time
from argparse import Namespace
from datetime import date
from pathlib import Path

def tree_cpu():
    # user + system (with reaped children) of this process and every process below it, in seconds
    kids, ticks = {}, {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as handle:
                text = handle.read()
        except OSError:
            continue
        fields = text[text.rindex(")") + 2:].split()
        kids.setdefault(int(fields[1]), []).append(int(entry))
        ticks[int(entry)] = sum(int(x) for x in fields[11:15])
    total, todo = 0, [os.getpid()]
    while todo:
        pid = todo.pop()
        total += ticks.get(pid, 0)
        todo += kids.get(pid, [])
    return total / os.sysconf("SC_CLK_TCK")

from riskdash import db
from riskdash.briefing import build_brief, tongbao
from riskdash.commands import filters_from
fmt, path, start, end, warm = sys.argv[1:6]
con = db.connect(path, read_only=True)
args = Namespace(start=date.fromisoformat(start), end=date.fromisoformat(end), as_of=None, region=None, industry=None)
brief = build_brief(con, filters_from(args, con), lang="zh")
con.close()
if fmt == "docx":
    from riskdash.briefing.docx_export import write_docx as write
else:
    from riskdash.briefing.pdf_export import write_pdf as write
out = {}
if warm == "warmed":  # as the screen does when it shows its buttons, untimed: Chromium and weasyprint
    import threading
    from riskdash.briefing import pdf_export
    tongbao.warm_chart_renderer()
    pdf_export.warm_up_writer()
    for thread in threading.enumerate():
        if thread.name in ("riskdash-chart-warm-up", "riskdash-pdf-warm-up"):
            thread.join()
with tempfile.TemporaryDirectory() as folder:
    for click in ("first", "again"):
        tongbao.forget_chart_pngs()
        wall, cpu = time.perf_counter(), tree_cpu()
        tongbao.chart_pngs(brief)
        charts_wall = time.perf_counter() - wall
        write(brief, Path(folder) / f"brief.{fmt}")
        out[click] = {"seconds": round(time.perf_counter() - wall, 2), "charts_seconds": round(charts_wall, 2),
                      "cpu_seconds": round(tree_cpu() - cpu, 2)}
    out["bytes"] = (Path(folder) / f"brief.{fmt}").stat().st_size
with open("/proc/self/status") as status:
    out["peak_kib"] = int(next(line for line in status if line.startswith("VmHWM:")).split()[1])
print(json.dumps(out))
"""


def _screen_child(fmt: str, warm: str) -> dict:
    import subprocess
    import sys

    from riskdash import db

    result = subprocess.run([sys.executable, "-c", SCREEN_CHILD, fmt, str(demo_database()), PERIOD[0].isoformat(),
                             PERIOD[1].isoformat(), warm], capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise db.RiskdashError(f"bench tongbao/{fmt} failed: {result.stderr.strip().splitlines()[-2:]}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def time_screen_tongbao(fmt: str) -> dict:
    """seconds: the first click after the screen's warm-up (Chromium started when the buttons were shown);
    cold_*: the first click with no warm-up (a click within seconds of a server start); again_*: a later
    click."""
    import os

    load_before = os.getloadavg()
    warmed = _screen_child(fmt, "warmed")
    cold = _screen_child(fmt, "cold")
    what = "Word" if fmt == "docx" else "PDF"
    return {"name": f"the 汇报 screen's {what} 通报 of the demo city (charts and file, first click)",
            "seconds": warmed["first"]["seconds"], "cpu_seconds": warmed["first"]["cpu_seconds"],
            "charts_seconds": warmed["first"]["charts_seconds"],
            "cold_seconds": cold["first"]["seconds"], "cold_cpu_seconds": cold["first"]["cpu_seconds"],
            "cold_charts_seconds": cold["first"]["charts_seconds"],
            "again_seconds": cold["again"]["seconds"], "again_cpu_seconds": cold["again"]["cpu_seconds"],
            "again_charts_seconds": cold["again"]["charts_seconds"], "target_seconds": 4.0,
            "bytes": cold["bytes"], "peak_rss_mb": round(max(cold["peak_kib"], warmed["peak_kib"]) / 1024, 1),
            "load_average": [round(x, 2) for x in (*load_before, *os.getloadavg())]}


def screen_docx_task() -> dict:
    return time_screen_tongbao("docx")


def screen_pdf_task() -> dict:
    return time_screen_tongbao("pdf")


screen_docx_task.bench_name = "tongbao/docx"  # `riskdash bench --only tongbao/`
screen_pdf_task.bench_name = "tongbao/pdf"
SCREEN_TASKS = [screen_docx_task, screen_pdf_task]  # collected by riskdash bench after BENCH_TASKS
