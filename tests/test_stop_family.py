"""stop_family ends a server and all it started (issue 15: test servers left running after a run). The shape of
`riskdash serve`: a leader that dies at SIGTERM, a child in its group that ignores SIGTERM (a Streamlit whose
shutdown hung), and a grandchild in a session of its own (kaleido's Chromium)."""

from __future__ import annotations

import os
import subprocess
import time

from riskdash.bench.browser_tasks import descendants, stop_family

FAMILY = """
setsid sleep 300 &
echo $! > "$1/outside"
( trap '' TERM; sleep 300 & wait ) &
echo $! > "$1/stubborn"
wait
"""


def alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def test_the_leader_its_stubborn_child_and_a_grandchild_of_another_session_are_ended(tmp_path):
    proc = subprocess.Popen(["bash", "-c", FAMILY, "family", str(tmp_path)], start_new_session=True)
    deadline = time.monotonic() + 10
    while not ((tmp_path / "stubborn").exists() and len(descendants(proc.pid)) >= 3):
        assert time.monotonic() < deadline, descendants(proc.pid)
        time.sleep(0.05)
    outside = int((tmp_path / "outside").read_text())
    stubborn = int((tmp_path / "stubborn").read_text())
    below = descendants(proc.pid)
    assert os.getsid(outside) != os.getsid(proc.pid)  # the grandchild is outside the group's session
    started = time.monotonic()
    stop_family(proc, timeout=1)
    assert time.monotonic() - started < 8
    assert proc.returncode is not None
    # a SIGKILL is delivered, not awaited: the processes go within moments (a zombie counts as gone)
    deadline = time.monotonic() + 5
    while [pid for pid in below if alive(pid)] and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not alive(stubborn) and not alive(outside), (alive(stubborn), alive(outside))
    assert not [pid for pid in below if alive(pid)]


def test_a_family_that_ends_at_sigterm_is_not_waited_out(tmp_path):
    proc = subprocess.Popen(["bash", "-c", "sleep 300 & wait"], start_new_session=True)
    deadline = time.monotonic() + 10
    while not descendants(proc.pid):
        assert time.monotonic() < deadline
        time.sleep(0.05)
    started = time.monotonic()
    stop_family(proc, timeout=10)
    assert time.monotonic() - started < 2 and proc.returncode is not None
