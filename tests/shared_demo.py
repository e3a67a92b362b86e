"""The demo city that several test files read: scale 1, seed 42, dated 28 November 2026 (what
``riskdash demo --today 2026-11-28`` builds), built once per test run (~4.5 s of CPU) and copied for each
module or test that asks (~0.05 s), instead of each file building its own. Under pytest-xdist the workers of
one run share the build: the first to ask builds it, the others wait for it and copy it."""

from __future__ import annotations

import atexit
import fcntl
import os
import shutil
import tempfile
from contextlib import contextmanager
from datetime import date
from pathlib import Path

TODAY = date(2026, 11, 28)
_BUILT: list[Path] = []


def demo_city(path: Path) -> Path:
    """A copy of the shared demo city at ``path`` (never over an existing file): open it as the test needs."""
    from conftest import copy_database

    if not _BUILT:
        _BUILT.append(_build_once())
    return copy_database(_BUILT[0], Path(path))


def _build_once() -> Path:
    """This process's own copy of the build: made by it, or copied from the one another worker of the same run
    made (a worker may end before the others, so none reads from a file another one removes)."""
    mine = Path(tempfile.mkdtemp(prefix="riskdash-demo-"))
    atexit.register(shutil.rmtree, mine, True)
    run = os.environ.get("PYTEST_XDIST_TESTRUNUID")  # set by pytest-xdist in each worker, the same for one run
    if run is None:  # one process: nothing to share
        return _build(mine / "city.duckdb")
    shared = Path(tempfile.gettempdir()) / f"riskdash-demo-run-{run}"
    with _locked(shared):
        built = shared / "city.duckdb"
        if not built.exists():  # the first worker to ask, or one asking after an early one removed it
            _build(built)
            atexit.register(_remove, shared)
        return Path(shutil.copyfile(built, mine / "city.duckdb"))


def _build(path: Path) -> Path:
    from riskdash import demo

    demo.build_demo(path, scale=1.0, seed=42, today=TODAY)
    # the build swaps its file in closed: no write-ahead log to copy along
    assert not path.with_name(path.name + ".wal").exists()
    return path


@contextmanager
def _locked(folder: Path):
    """The run's shared folder, held by this process alone: a worker building waits for nobody, the others wait
    for its build rather than make their own. The lock file is removed with the folder (``_remove``): a process
    that was waiting on the removed file opens the new one."""
    lock_path = folder.with_name(folder.name + ".lock")
    while True:
        with open(lock_path, "a") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            try:
                current = os.stat(lock_path).st_ino == os.fstat(lock.fileno()).st_ino
            except FileNotFoundError:
                current = False
            if current:
                folder.mkdir(exist_ok=True)
                yield
                return


def _remove(folder: Path) -> None:
    with _locked(folder):
        shutil.rmtree(folder, True)
        folder.with_name(folder.name + ".lock").unlink()
