"""`riskdash metrics accidents` and `riskdash grade` load only what they use (issue 17, speed: "≤ 0.5 s wall at
scale 1; 1.8 s of it today is importing libraries the command does not need"). Each runs in a fresh interpreter
and names the heavy libraries it ended up importing: none of pandas, numpy, plotly, kaleido, openpyxl, docx,
weasyprint, streamlit, scipy. Figures before and after: docs/bench-commands.md."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from conftest import copy_database

HEAVY = ("pandas", "numpy", "plotly", "kaleido", "openpyxl", "docx", "pptx", "weasyprint", "streamlit", "scipy",
         "pyarrow")

_RUN = """
import json, sys
from riskdash.cli import main
code = main(sys.argv[1:])
print(json.dumps({"code": code, "heavy": sorted(m for m in %r if m in sys.modules)}))
""" % (HEAVY,)


def _loaded(*argv: str) -> dict:
    done = subprocess.run([sys.executable, "-c", _RUN, *argv], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.fixture(scope="module")
def small_db(small_city_file, tmp_path_factory):
    """A copy of the small city (conftest.small_city_file: built once per process)."""
    return copy_database(small_city_file, tmp_path_factory.mktemp("imports") / "small.duckdb")


def test_metrics_accidents_loads_no_heavy_library(small_db):
    result = _loaded("metrics", "accidents", "--db", str(small_db), "--from", "2025-01-01", "--to", "2025-06-30")
    assert result == {"code": 0, "heavy": []}


def test_grade_loads_no_heavy_library():
    result = _loaded("grade", "--deaths", "1", "--serious-injuries", "2", "--loss-wan", "100")
    assert result == {"code": 0, "heavy": []}
