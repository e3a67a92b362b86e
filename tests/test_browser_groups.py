"""The browser files' groups (tests/conftest.py browser_groups): `scripts/test.sh` runs each group on its own worker,
so the groups should take about the same time; every browser file is in exactly one, whole."""

from __future__ import annotations

from pathlib import Path

from conftest import BROWSER_FILE, BROWSER_SECONDS, DEFAULT_SECONDS, browser_groups

TESTS = Path(__file__).resolve().parent


def node_ids() -> list[str]:
    """Two tests per browser file in tests/, and a test of a file that is not a browser file."""
    files = sorted(p.name for p in TESTS.glob("test_*.py") if BROWSER_FILE.search(p.name))
    return [f"tests/{name}::test_{n}" for name in files for n in range(2)] + ["tests/test_db.py::test_x"]


def seconds(path: str) -> float:
    return BROWSER_SECONDS.get(path.rsplit("/", 1)[-1], 2 * DEFAULT_SECONDS)


def test_every_browser_file_in_one_group_and_the_groups_near_equal():
    ids = node_ids()
    groups = browser_groups(ids, 2)
    browser_files = {i.split("::")[0] for i in ids if BROWSER_FILE.search(i.split("::")[0])}
    assert set(groups) == browser_files and "tests/test_db.py" not in groups
    assert set(groups.values()) == {0, 1}
    totals = [sum(seconds(p) for p, g in groups.items() if g == k) for k in (0, 1)]
    # longest first to the lighter group: the two differ by no more than the shortest file placed last can fix,
    # at most the longest file's time
    assert abs(totals[0] - totals[1]) <= max(seconds(p) for p in groups), totals
    # with today's figures, within half a minute of each other
    assert abs(totals[0] - totals[1]) <= 30, totals


def test_the_groups_do_not_depend_on_the_order_of_the_collection():
    ids = node_ids()
    assert browser_groups(ids, 2) == browser_groups(list(reversed(ids)), 2)
    assert set(browser_groups(ids, 3).values()) == {0, 1, 2}


def test_a_file_without_a_figure_counts_per_test():
    ids = ["tests/test_new_browser.py::a", "tests/test_new_browser.py::b", "tests/test_new_browser.py::c",
           "tests/test_meeting_browser.py::a"]
    groups = browser_groups(ids, 2)
    # 3 tests × DEFAULT_SECONDS against the meeting file's figure: each in its own group either way
    assert groups["tests/test_new_browser.py"] != groups["tests/test_meeting_browser.py"]
    assert browser_groups(ids[:3], 1) == {"tests/test_new_browser.py": 0}
