"""A ``riskdash`` command in a child Python, for the timed tasks (its time and peak memory are its own)."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import time

from riskdash import db


def run_cli_child(argv: list[str], what: str) -> tuple[float, float, str]:
    """``riskdash ARGV`` in a child Python: (seconds, peak RSS in MB, its stdout). A task's time then includes
    starting Python and importing the libraries — what an official waits for — and its peak is its own."""
    script = textwrap.dedent(f"""
        import re, sys
        from riskdash.cli import main
        rc = main({argv!r})
        # VmHWM, not getrusage: ru_maxrss survives execve and would report the bench parent's peak
        with open("/proc/self/status") as status:
            peak = re.search(r"VmHWM:\\s+(\\d+) kB", status.read()).group(1)
        sys.stderr.write(f"peak_kib={{peak}}\\n")
        raise SystemExit(rc)
    """)
    started = time.perf_counter()
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    seconds = time.perf_counter() - started
    if result.returncode != 0:
        raise db.RiskdashError(f"bench {what} failed: {result.stderr.strip().splitlines()[:2]}")
    peak_kib = int(result.stderr.strip().splitlines()[-1].split("=")[1])
    return seconds, peak_kib / 1024, result.stdout
