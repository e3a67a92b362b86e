"""The demo city that several test files read: scale 1, seed 42, dated 28 November 2026 (what
``riskdash demo --today 2026-11-28`` builds), built once per test process (~5 s of CPU) and copied for each
module or test that asks (~0.05 s), instead of each file building its own."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

TODAY = date(2026, 11, 28)
_BUILT: list[Path] = []


def demo_city(path: Path) -> Path:
    """A copy of the shared demo city at ``path`` (never over an existing file): open it as the test needs."""
    from conftest import copy_database

    if not _BUILT:
        import atexit
        import tempfile

        from riskdash import demo

        folder = Path(tempfile.mkdtemp(prefix="riskdash-demo-"))
        atexit.register(shutil.rmtree, folder, True)
        built = folder / "city.duckdb"
        demo.build_demo(built, scale=1.0, seed=42, today=TODAY)
        # the build swaps its file in closed: no write-ahead log to copy along
        assert not built.with_name(built.name + ".wal").exists()
        _BUILT.append(built)
    return copy_database(_BUILT[0], Path(path))
