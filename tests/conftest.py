"""Shared fixtures: a small hand-made city whose every figure can be worked out by hand."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import textwrap
from contextlib import contextmanager
from datetime import date
from pathlib import Path

import pytest

from riskdash import db

# AppTest runs the pages in this process as `riskdash serve` does for a database without accounts: on
# 127.0.0.1 only, with no login in front (issue 16; ui/login.py). A database with accounts asks for a login;
# a test logs in with logged_in() below.
os.environ.setdefault("RISKDASH_LOCAL_ONLY", "1")


@pytest.fixture(autouse=True, scope="session")
def _component_scan_once():
    """Each new AppTest scans every installed package's metadata for Streamlit components (~0.13 s of CPU each,
    against 0.2–0.5 s for a page's own first run), where `riskdash serve` scans once when it starts: here once
    per test process too. The packages installed do not change during a run (and the scan finds none). A process
    whose tests never imported Streamlit (`pytest tests/test_db.py`) is left alone rather than made to import it."""
    if "streamlit" not in sys.modules:
        yield
        return
    from streamlit.components.v2 import manifest_scanner

    scan = manifest_scanner.scan_component_manifests
    found: list = []

    def scan_once(max_workers=None):
        if not found:
            found.append(scan(max_workers))
        return list(found[0])

    manifest_scanner.scan_component_manifests = scan_once
    yield
    manifest_scanner.scan_component_manifests = scan


def logged_in(at, name: str):
    """An AppTest session in which account ``name`` (which must exist in the database) has logged in."""
    import time

    at.session_state["_riskdash_account"] = name
    at.session_state["_riskdash_active_at"] = time.time()
    return at

APP = Path(__file__).resolve().parents[1] / "app.py"


def open_page(page: str = "overview", at=None, *, timeout: float = 90):
    """An AppTest session run for the first time straight on /<page>, as a bookmark, a pasted link or a refresh
    opens it (``at``: an AppTest of app.py not yet run, e.g. with session state, query parameters or a login set;
    default a new one). Going through the overview first costs a whole overview run (~0.2 s of CPU, more for the
    first in a process) that most page tests do not look at. The tests of what a page switch keeps (test_pages,
    test_address) and those walking the pages in one session (test_plain_words: all eight; test_download_names,
    test_table_exports, test_site_scope) still go through the navigation."""
    if at is None:
        from streamlit.testing.v1 import AppTest

        at = AppTest.from_file(str(APP), default_timeout=timeout)
    if page != "overview":
        # before the first run AppTest names a page by its file name, which is the page's url_path
        # (ui.nav_page): the same page the navigation opens
        at.switch_page(f"pages/{page}.py")
    at.run()
    # landed on the page asked for, not on the default page Streamlit falls back to for an unknown address
    # (private attributes: if Streamlit renames them, this fails here rather than a test passing on 总览)
    opened = at._registered_pages.get(at._finished_page_script_hash, {})
    assert opened.get("url_pathname", "") == ("" if page == "overview" else page), (page, opened)
    return at


CITY = "419900000000"
COUNTY_A = "419901000000"
COUNTY_B = "419902000000"
TOWN_A1 = "419901001000"
TOWN_A2 = "419901002000"
TOWN_B1 = "419902001000"
AS_OF = date(2025, 6, 30)

REGIONS = [
    (CITY, "示例市", "city", None, None, None),
    (COUNTY_A, "甲县", "county", CITY, None, None),
    (COUNTY_B, "乙区", "county", CITY, None, None),
    (TOWN_A1, "东镇", "township", COUNTY_A, "town", "key"),
    (TOWN_A2, "西乡", "township", COUNTY_A, "township", "ordinary"),
    (TOWN_B1, "南街道", "township", COUNTY_B, "subdistrict", "ordinary"),
]

ENTERPRISES = [
    ("E1", "东镇建材厂", TOWN_A1, "industry_trade", 120),
    ("E2", "东镇化工", TOWN_A1, "hazardous_chemicals", 300),
    ("E3", "西乡运输", TOWN_A2, "road_transport", 40),
    ("E4", "南街道商场", TOWN_B1, "fire", 80),
]

# accident_id, occurred_at, region, enterprise, industry, type, deaths, missing, serious, loss (万元)
ACCIDENTS = [
    ("A1", "2025-01-10 08:30:00", TOWN_A1, "E1", "industry_trade", "machinery", 1, 0, 0, 50),
    ("A2", "2025-03-02 00:00:00", TOWN_A2, "E3", "road_transport", "vehicle", 2, 1, 0, 120),  # 3 incl. missing → 较大
    ("A3", "2025-06-30 23:00:00", TOWN_B1, "E4", "fire", "fire", 0, 0, 2, 10),
    ("A4", "2025-07-01 09:00:00", TOWN_B1, "E4", "fire", "fire", 5, 0, 0, 10),  # after the period
    ("A5", "2024-02-11 10:00:00", COUNTY_A, None, "road_transport", "vehicle", 1, 0, 0, 5),
    ("A6", "2024-05-20 10:00:00", TOWN_A1, "E2", "hazardous_chemicals", "poisoning_asphyxiation", 1, 0, 0, 20),
    ("A7", "2024-06-30 10:00:00", TOWN_B1, "E4", "fire", "fire", 0, 0, 0, 1000),  # 较大 by loss
]

# hazard_id, enterprise, found_on, grade, deadline, rectified_on, verified_on, supervision_level
HAZARDS = [
    ("H1", "E1", "2025-01-05", "general", "2025-01-20", "2025-01-15", None, "none"),       # done
    ("H2", "E1", "2025-02-01", "general", "2025-02-10", None, None, "none"),               # overdue
    ("H3", "E2", "2025-03-01", "major", "2025-06-01", "2025-05-20", "2025-06-10", "city"),  # closed
    ("H4", "E2", "2025-04-01", "major", "2025-06-15", "2025-06-01", None, "county"),        # rectified, not verified, overdue
    ("H5", "E3", "2025-06-20", "general", "2025-06-30", None, None, "none"),               # open, deadline = as-of
    ("H6", "E4", "2025-05-01", "general", "2025-05-10", "2025-07-05", None, "none"),       # rectified after as-of → overdue
    ("H7", "E4", "2025-07-02", "general", "2025-07-10", None, None, "none"),               # found after as-of
    ("H8", "E3", "2024-03-01", "general", "2024-03-10", "2024-03-05", None, "none"),       # last year
]

KEY_SITES = [
    ("K1", TOWN_A1, "E2", "东镇化工储罐区", "other_explosion", 5, True, "2025-01-10", "2025-01-12"),
    ("K2", TOWN_B1, "E4", "南街道商场人员密集区", "fire", 20, False, None, "2025-02-01"),
]


def fill_small_city(con) -> None:
    con.executemany("insert into regions values (?, ?, ?, ?, ?, ?)", REGIONS)
    con.executemany(
        "insert into enterprises (enterprise_id, name, region_code, industry, employees) values (?, ?, ?, ?, ?)",
        ENTERPRISES,
    )
    con.executemany(
        """insert into accidents (accident_id, occurred_at, region_code, enterprise_id, industry, accident_type,
                                  deaths, missing, serious_injuries, direct_loss_wan, has_time)
           values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, true)""",
        ACCIDENTS,
    )
    con.executemany(
        """insert into hazards (hazard_id, enterprise_id, found_on, grade, deadline, rectified_on, verified_on,
                                supervision_level)
           values (?, ?, ?, ?, ?, ?, ?, ?)""",
        HAZARDS,
    )
    con.executemany(
        """insert into key_sites (site_id, region_code, enterprise_id, name, potential_accident_type,
                                  potential_fatalities, measures_in_place, filed_city_on, filed_county_on)
           values (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        KEY_SITES,
    )
    con.execute("insert into annual_targets values (2025, ?, 10)", [CITY])
    db.sync_keys(con)  # what every write path does before it commits
    db.set_meta(con, "data_as_of", AS_OF.isoformat())
    db.set_meta(con, "dataset", "fixture")


_TEMPLATES: dict[tuple, Path] = {}  # per process: () the empty database, else the fill functions' names


def _template(*fills) -> Path:
    key = tuple(f"{fill.__module__}.{fill.__qualname__}" for fill in fills)
    if any("<" in name for name in key):
        raise ValueError(f"prepared_database takes module-level functions, not {key}")
    if key not in _TEMPLATES:
        if not _TEMPLATES:
            import atexit
            import tempfile

            folder = Path(tempfile.mkdtemp(prefix="riskdash-templates-"))
            atexit.register(shutil.rmtree, folder, True)
            empty = folder / "empty.duckdb"
            db.connect(empty, create=True).close()
            _TEMPLATES[()] = empty
        if key:
            path = copy_database(_TEMPLATES[()], _TEMPLATES[()].with_name(f"prepared-{len(_TEMPLATES)}.duckdb"))
            con = db.connect(path)
            try:
                for fill in fills:
                    fill(con)
            finally:
                con.close()
            _TEMPLATES[key] = path
        # a closed connection has checkpointed everything into the file: no write-ahead log to copy along
        assert not _TEMPLATES[key].with_name(_TEMPLATES[key].name + ".wal").exists()
    return _TEMPLATES[key]


def new_database(path: Path) -> Path:
    """A new riskdash database at ``path``, as ``db.connect(path, create=True)`` makes one (the schema, every
    migration, the default reference lists, nothing else), copied from one made once per process: making one
    takes ~0.5 s of CPU, copying it ~0.01 s. Open it with ``db.connect(path)``. A test of creating a database
    itself keeps ``create=True``."""
    return copy_database(_template(), Path(path))


def prepared_database(path: Path, *fills) -> Path:
    """A database at ``path`` as ``new_database(path)`` then each ``fill(con)`` in turn on one connection would
    leave it, copied from one built once per process for these fill functions (module-level functions that
    write fixed rows: the same functions give the same file). Open it with ``db.connect(path)``."""
    return copy_database(_template(*fills), Path(path))


IMPORT_FIXTURES = Path(__file__).resolve().parent / "fixtures" / "import"


def imported_regions_and_enterprises(con) -> None:
    """tests/fixtures/import's regions.csv and enterprises.csv imported as a user would (``import_file``): where
    the import tests start, built once per process through ``prepared_database`` (the two imports take ~0.2 s of
    CPU a test; test_import_core checks what they write)."""
    from riskdash.importer import import_file

    import_file(con, "regions", IMPORT_FIXTURES / "regions.csv")
    import_file(con, "enterprises", IMPORT_FIXTURES / "enterprises.csv")


def copy_database(source: Path, path: Path) -> Path:
    """A copy of a database built once (a template above, a module or session fixture's), for one test to read
    or write; never over an existing file."""
    if path.exists():
        raise FileExistsError(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, path)
    return path


@pytest.fixture(scope="session")
def small_city_file(tmp_path_factory) -> Path:
    """The small city built once per run: creating and migrating a database takes ~1.7 s, copying it 0.04 s."""
    path = tmp_path_factory.mktemp("small-city") / "small.duckdb"
    con = db.connect(new_database(path))
    fill_small_city(con)
    con.close()
    # a closed connection has checkpointed everything into the file: no write-ahead log to copy along
    assert not path.with_name(path.name + ".wal").exists()
    return path


@pytest.fixture()
def small_db_path(small_city_file: Path, tmp_path: Path) -> Path:
    """A fresh copy of the small city for each test: a test may write to it freely."""
    path = tmp_path / "small.duckdb"
    shutil.copyfile(small_city_file, path)
    return path


@pytest.fixture()
def dashboard_db(small_db_path: Path, monkeypatch) -> Path:
    """A fresh copy of the small city as the dashboard's database (RISKDASH_DB), the session's connection and cached
    results dropped before and after (a write window: session.begin_write / end_write), so that nothing is carried
    from another test's file: for tests that run the dashboard's session code in process, without Streamlit."""
    from riskdash.ui import session

    monkeypatch.setenv(db.ENV_DB, str(small_db_path))
    session.begin_write()
    session.end_write()
    yield small_db_path
    session.begin_write()
    session.end_write()


@pytest.fixture()
def small_con(small_db_path: Path):
    con = db.connect(small_db_path)
    yield con
    con.close()


# ---- page tests that only read share one file per process (issue 15 item 5) ----------------------------------

_SHARED: dict[tuple, Path] = {}


def shared_database(*fills) -> Path:
    """One copy per test process of what ``prepared_database(path, *fills)`` makes, for the tests that only read it.
    The pages cache what they work out per database file (ui/session.py ``load``, keyed on the path, inode and
    mtime), as `riskdash serve` does for all its sessions: on one shared file a page's figures are worked out once
    per process and then read from that cache, where a copy per test works them out every time (0.1–0.7 s of CPU
    per page and test). Not for a test that writes to the file or replaces a function the pages call
    (monkeypatch): it takes its own copy (small_db_path, prepared_database), or it would be served another
    test's results or change theirs. ``read_shared`` checks after each test that the file was not written."""
    key = tuple(f"{fill.__module__}.{fill.__qualname__}" for fill in fills)
    if key not in _SHARED:
        template = _template(*fills)
        _SHARED[key] = copy_database(template, template.with_name(f"shared-{len(_SHARED)}.duckdb"))
    return _SHARED[key]


def _stamp(path: Path) -> tuple:
    stat = path.stat()
    return stat.st_ino, stat.st_size, stat.st_mtime_ns, path.with_name(path.name + ".wal").exists()


def read_shared(request, *fills) -> Path:
    """``shared_database(*fills)`` as the pages' database (RISKDASH_DB) for this test, and after it a check that
    the test did not write to it (a teardown error names the test: give it its own copy)."""
    path = shared_database(*fills)
    request.getfixturevalue("monkeypatch").setenv(db.ENV_DB, str(path))
    before = _stamp(path)

    def not_written():
        assert _stamp(path) == before, f"{request.node.nodeid} wrote to the shared {path}: give it its own copy"

    request.addfinalizer(not_written)
    return path


def mark_demo(con) -> None:
    """Marks the database as demo data (the mark is what the pages read): a fill for shared_database."""
    db.set_meta(con, "dataset", "demo")


@pytest.fixture()
def read_city(request) -> Path:
    """The small city as the pages' database, shared by the tests of this process that only read it
    (``shared_database``): a page test that neither writes nor monkeypatches."""
    return read_shared(request, fill_small_city)


@contextmanager
def held(path: Path, read_only: bool = False):
    """Another process holding the database file: writable as an import would, read-only as the dashboard
    does. Yields the holder's PID."""
    holder = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(f"""
            import duckdb, time
            con = duckdb.connect({str(path)!r}, read_only={read_only!r})
            print('held', flush=True)
            time.sleep(120)
        """)],
        stdout=subprocess.PIPE, text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "held"
        yield holder.pid
    finally:
        holder.kill()
        holder.wait()


@pytest.fixture(params=["in-process", pytest.param("process", marks=pytest.mark.slow)])
def riskdash_cli(request, capsys, monkeypatch):
    """``riskdash_cli(*args, env=None, stdin=None)`` → a CompletedProcess (returncode, stdout, stderr). A test
    taking it runs twice: in process, through the same ``cli.main`` that ``python -m riskdash`` calls (stdout and
    stderr captured, ``env`` set and ``stdin`` given for the call, never a terminal), in the fast tier; and as a
    real ``python -m riskdash`` process (1–2 s of CPU to start each), marked slow, in the whole suite."""
    if request.param == "process":
        def run_process(*args: str, env: dict | None = None, stdin: str | None = None) -> subprocess.CompletedProcess:
            return subprocess.run([sys.executable, "-m", "riskdash", *args], capture_output=True, text=True,
                                  env=env, input=stdin, timeout=300)
        return run_process
    return _in_process(capsys, monkeypatch)


@pytest.fixture
def riskdash_in_process(capsys, monkeypatch):
    """riskdash_cli's in-process runner alone: for setting up what a test then checks another way."""
    return _in_process(capsys, monkeypatch)


def _in_process(capsys, monkeypatch):
    import io

    from riskdash import cli

    def run(*args: str, env: dict | None = None, stdin: str | None = None) -> subprocess.CompletedProcess:
        with monkeypatch.context() as patch:
            patch.setattr(sys, "stdin", io.StringIO(stdin or ""))
            if env is not None:  # the whole environment of the call, as subprocess.run takes it
                for key in set(os.environ) - set(env):
                    patch.delenv(key)
                for key, value in env.items():
                    if os.environ.get(key) != value:
                        patch.setenv(key, value)
            capsys.readouterr()
            try:
                code = cli.main(list(args))
            except SystemExit as exc:  # argparse's refusals
                code = exc.code if isinstance(exc.code, int) else 1
            captured = capsys.readouterr()
        return subprocess.CompletedProcess(list(args), code, captured.out, captured.err)

    return run


# The browser tests live in files named *browser.py: under pytest-xdist (`scripts/test.sh` runs `-n auto --dist
# loadgroup`) they all go to one worker, one after another, while the other workers run everything else. Each
# starts `riskdash serve` (on a port the OS hands out: test_browser.free_port) and a Chromium; two of those at
# once on 2 cores slow each other towards their page timeouts. The grouping is by file name because the
# controller sees only node ids (and pytest-xdist's own xdist_group mark does nothing under pytest 9: it
# rewrites a node id attribute pytest no longer reads); the hook below keeps the name and the mark in step.
BROWSER_FILE = re.compile(r"(^|/)test_(\w+_)?browser\.py$")
# The offline-install tests share one bundle built by a module fixture (hundreds of MB into dist/): split over two
# workers, each built it at once and one moved the other's half-written file away. They run on one worker too.
TOGETHER_FILES = {"tests/test_offline_install.py": "deploy"}


# RISKDASH_BROWSER_GROUPS=2 (or more) splits the browser files into that many groups, each on its own worker, a
# file always whole (a module-scoped server stays with its tests). scripts/test.sh sets 2 (on 2 cores, at a load of
# 10-14, the browser tests took 10-12 min in two groups: they mostly wait). Unset: one group.
BROWSER_GROUPS = max(1, int(os.environ.get("RISKDASH_BROWSER_GROUPS") or 1))

# Each browser file's wall time in seconds, the shared servers' starts included where the file was first to use one
# (`RISKDASH_TIMELINE=… pytest -m browser -n 3 --dist loadgroup`, two groups, on 2 cores, 6 December 2026: the
# timeline's lines summed per file; test_fit_wide_browser less its two tests that left it that day). The groups are
# made by giving each file, longest first, to the group with the least time so far. A file not listed counts
# DEFAULT_SECONDS per test. Measure again when a file grows or shrinks by much.
BROWSER_SECONDS = {
    "test_accidents_browser.py": 33, "test_bench_browser.py": 24, "test_briefing_browser.py": 38,
    "test_browser.py": 39, "test_campaigns_browser.py": 19, "test_chart_legend_browser.py": 106,
    "test_data_browser.py": 11, "test_data_tabs_browser.py": 21, "test_department_tables_browser.py": 22,
    "test_evidence_browser.py": 28, "test_filterless_browser.py": 8, "test_fit_browser.py": 17,
    "test_fit_english_browser.py": 32, "test_fit_english_grid_browser.py": 26, "test_fit_wide2_browser.py": 119,
    "test_fit_wide3_browser.py": 48, "test_fit_wide4_browser.py": 27, "test_fit_wide_browser.py": 47,
    "test_kept_choices_browser.py": 14, "test_login_browser.py": 47, "test_login_refresh_browser.py": 63,
    "test_long_list_browser.py": 13, "test_meeting_browser.py": 57, "test_pinyin_browser.py": 9,
    "test_priority_browser.py": 22, "test_priority_counts_browser.py": 8, "test_rectification_browser.py": 5,
    "test_settings_lock_browser.py": 16, "test_target_bar_browser.py": 23, "test_uploader_browser.py": 3,
    "test_uploader_reader_browser.py": 10,
}
DEFAULT_SECONDS = 10  # per test of a file not in BROWSER_SECONDS


def browser_groups(nodeids: list[str], groups: int) -> dict[str, int]:
    """Each browser file among ``nodeids`` → its group (0 … groups - 1): the longest file first, each to the group
    with the least time so far (BROWSER_SECONDS)."""
    tests: dict[str, int] = {}
    for nodeid in nodeids:
        path = nodeid.split("::")[0]
        if BROWSER_FILE.search(path):
            tests[path] = tests.get(path, 0) + 1

    def seconds(path: str) -> float:
        return BROWSER_SECONDS.get(path.rsplit("/", 1)[-1], DEFAULT_SECONDS * tests[path])

    totals = [0.0] * groups
    found: dict[str, int] = {}
    for path in sorted(tests, key=lambda p: (-seconds(p), p)):
        group = totals.index(min(totals))
        found[path] = group
        totals[group] += seconds(path)
    return found


def pytest_xdist_make_scheduler(config, log):
    if config.getoption("dist") != "loadgroup":
        return None
    from xdist.scheduler import LoadGroupScheduling

    class BrowserTestsTogether(LoadGroupScheduling):
        groups: dict[str, int] | None = None

        def _split_scope(self, nodeid: str) -> str:
            path = nodeid.split("::")[0]
            if BROWSER_FILE.search(path):
                if BROWSER_GROUPS == 1:
                    return "browser"
                if self.groups is None:  # the whole collection is known before the first test is placed
                    self.groups = browser_groups(self.collection or [nodeid], BROWSER_GROUPS)
                return f"browser-{self.groups.get(path, 0)}"
            return TOGETHER_FILES.get(path) or super()._split_scope(nodeid)

    return BrowserTestsTogether(config, log)


def pytest_collection_modifyitems(config, items):
    misplaced = sorted({item.nodeid.split("::")[0] for item in items
                        if bool(item.get_closest_marker("browser")) != bool(BROWSER_FILE.search(item.nodeid.split("::")[0]))})
    if misplaced:
        raise pytest.UsageError(f"browser tests belong in (and only in) files named test_*browser.py: {misplaced}")


def pytest_ignore_collect(collection_path, config):
    """Under a mark expression that leaves every browser test out (the fast tier's "not browser and not slow"), the
    browser files are not even imported: they load Playwright and their helpers, about 1.7 s of CPU per collecting
    process (each xdist worker collects).
    (Their tests would all be deselected; the check above that the mark and the file name agree runs whenever
    they are collected, as in the whole suite.)"""
    clauses = _and_clauses(config)
    if "not browser" in clauses and BROWSER_FILE.search(collection_path.as_posix()):
        return True
    # likewise a file whose every test is marked slow by a module-level `pytestmark` under "not slow" (the fault,
    # fuzz and offline-install files: Hypothesis, Playwright, ~0.6 s of CPU per collecting process)
    if "not slow" in clauses and collection_path.suffix == ".py" and collection_path.name.startswith("test_"):
        return _module_marked(collection_path, "slow") or None
    return None


def _and_clauses(config) -> list[str]:
    """The -m expression's clauses joined by "and" ("not browser", "not slow"), or none for an expression with
    "or" or brackets, which this simple reading cannot be sure of."""
    clauses = [c.strip() for c in (config.getoption("markexpr", "") or "").split(" and ")]
    return [] if any(" or " in c or "(" in c for c in clauses) else clauses


# ---- a cheap password hasher in the fast tier (issue 15 item 5) ------------------------------------------------
# accounts.HASHER is argon2id over 64 MiB, 3 passes: ~0.2 s of CPU per hash or check, by design. The tests that
# make accounts and log in do not test that cost, and a run without the browser and the slow tests (the fast tier:
# -m "not browser and not slow") does all its hashing in this process: there every hash is made, and every login
# checked, with 1 pass over 1 MiB (argon2id still, the same code; a hash carries its parameters). The tests of the
# production parameters and of a login's cost take the fixture production_hasher. Other runs keep the real hasher:
# the browser tests' servers and the slow tests' `python -m riskdash` are other processes, which would make hashes
# with the real parameters or rehash on login those made with the cheap ones.
PRODUCTION_HASHER: tuple = ()


def pytest_configure(config):
    global PRODUCTION_HASHER
    if not {"not browser", "not slow"} <= set(_and_clauses(config)):
        return
    import secrets

    from argon2 import PasswordHasher

    from riskdash import accounts

    PRODUCTION_HASHER = (accounts.HASHER, accounts._DUMMY_HASH)
    accounts.HASHER = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    accounts._DUMMY_HASH = accounts.HASHER.hash(secrets.token_hex(32))


@pytest.fixture
def production_hasher(monkeypatch):
    """accounts.HASHER and its unknown-name hash as production has them, for a test of their parameters or cost."""
    if PRODUCTION_HASHER:
        from riskdash import accounts

        monkeypatch.setattr(accounts, "HASHER", PRODUCTION_HASHER[0])
        monkeypatch.setattr(accounts, "_DUMMY_HASH", PRODUCTION_HASHER[1])


def _module_marked(path: Path, mark: str) -> bool:
    """Whether the file's module-level ``pytestmark`` (a mark or a list of them) holds ``pytest.mark.<mark>``."""
    import ast

    source = path.read_text(encoding="utf-8")
    if "pytestmark" not in source:
        return False
    for node in ast.parse(source).body:
        if isinstance(node, ast.Assign) and any(getattr(t, "id", None) == "pytestmark" for t in node.targets):
            marks = node.value.elts if isinstance(node.value, (ast.List, ast.Tuple)) else [node.value]
            return any(isinstance(m, ast.Attribute) and m.attr == mark and ast.unparse(m.value) == "pytest.mark"
                       for m in marks)
    return False


# ---- browser tests: one Chromium and shared servers per test process (tests/browser_support.py, issue 15) ----

@pytest.hookimpl(trylast=True)  # after the test's fixtures have ended (a page's context closes first)
def pytest_runtest_teardown(item, nextitem):
    """The shared Chromium lives while the next test is one that opens pages through it; the shared servers while
    the next test is a browser test. Then both end: Playwright's event loop counts as running in this thread while
    it lives (a Playwright of a test's own, test_bench_browser's, or asyncio code would refuse to start), and the
    servers hold memory. A process that never imported browser_support is left alone."""
    support = sys.modules.get("browser_support")
    if support is None:
        return
    module = getattr(nextitem, "module", None)
    if not (hasattr(module, "chromium_page") or hasattr(module, "browser_page")):
        support.close_chromium()
    if nextitem is None or not BROWSER_FILE.search(nextitem.nodeid.split("::")[0]):
        support.close_servers()


def pytest_sessionfinish(session):
    support = sys.modules.get("browser_support")
    if support is not None:
        support.close_chromium()
        support.close_servers()


# ---- where a run's time goes (issue 15 item 5) -----------------------------------------------------------------
# RISKDASH_TIMELINE=FILE: each worker appends one line per test to FILE.<worker> — its start and end (wall clock,
# setup and teardown included), its node id and the CPU seconds it cost (the worker's and its children's that have
# ended and been waited for: a browser file's server counts when its fixture ends it; a process not waited for by
# its parent, such as a Chromium the Playwright driver still holds, is missed) — to find the worker that ends last
# and what it ran (scripts/timeline.py reads them).
TIMELINE = os.environ.get("RISKDASH_TIMELINE")


if TIMELINE:
    import resource
    import time

    def _cpu() -> float:
        own, ended = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
        return own.ru_utime + own.ru_stime + ended.ru_utime + ended.ru_stime

    @pytest.hookimpl(wrapper=True)
    def pytest_runtest_protocol(item, nextitem):
        started, cpu = time.time(), _cpu()
        result = yield
        worker = os.environ.get("PYTEST_XDIST_WORKER", "main")
        with open(f"{TIMELINE}.{worker}", "a", encoding="utf-8") as out:
            out.write(f"{started:.3f}\t{time.time():.3f}\t{item.nodeid}\t{_cpu() - cpu:.3f}\n")
        return result
