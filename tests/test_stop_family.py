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


def written(path) -> int:
    """The pid in ``path``, or 0 while the file is not there or not yet whole."""
    try:
        text = path.read_text()
    except FileNotFoundError:
        return 0
    return int(text) if text.endswith("\n") else 0


def alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def test_the_leader_its_stubborn_child_and_a_grandchild_of_another_session_are_ended(tmp_path):
    proc = subprocess.Popen(["bash", "-c", FAMILY, "family", str(tmp_path)], start_new_session=True)
    deadline = time.monotonic() + 10
    # the family in place: the two pids written, three processes below the leader, and the first one in a session
    # of its own (bash writes $! as soon as it has forked; setsid runs in the child a moment later: a CI run read
    # the session before it had)
    while not (written(tmp_path / "stubborn") and written(tmp_path / "outside") and len(descendants(proc.pid)) >= 3
               and os.getsid(written(tmp_path / "outside")) != os.getsid(proc.pid)):
        assert time.monotonic() < deadline, descendants(proc.pid)
        time.sleep(0.05)
    outside = written(tmp_path / "outside")
    stubborn = written(tmp_path / "stubborn")
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
