#!/usr/bin/env bash
# One command: set everything up and run the whole test suite (unit, AppTest, real browser).
#   bash scripts/test.sh [pytest args]       everything (the README's and CI's command), on one worker more
#                                            than cores (pytest-xdist, --dist loadgroup: the browser tests
#                                            share one worker, see tests/conftest.py; `-n 0` runs all in one
#                                            process)
#   bash scripts/test.sh fast [pytest args]  the fast loop: ruff's error checks, then every test except the
#                                            browser ones and those marked slow (office rendering, fault and
#                                            fuzz runs, property tests, files held by child processes, the
#                                            command-line tests' run as real processes, the
#                                            heaviest single tests), on
#                                            every core (pytest-xdist; `-n 0` runs them in one process)
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
# Python's bytecode cache on for the run (__pycache__ beside the sources: .venv, src, tests, pages; git ignores
# them) even where the environment turns it off (PYTHONDONTWRITEBYTECODE, as on the shared machine): the suite
# starts hundreds of Python processes (its workers, each `python -m riskdash` of the slow tests, each browser test's
# server) that import the same stack, and each compiled all of it from source again. CPU (/usr/bin/time user+sys)
# of one worker's collection of the suite: 13.0 s compiling, 4.8-5.3 s from the cache; the slow tests of test_cli
# and test_faults (53, -n 0, run after run): 81.2 and 81.8 s compiling, 48.8 s writing the cache, 45.2 s from it.
unset PYTHONDONTWRITEBYTECODE
# ... and filled before the workers start, on every core: on a fresh clone each worker compiled the same modules
# side by side as it imported them (the fast tier's collection, per worker: 13.5 s of CPU compiling, 5.7 s from
# the cache). .venv (less the packages' own tests, pip and setuptools, which the tests do not import: a third of its
# 8,400 files), src, tests and pages: 8.2 s on 2 cores when nothing is compiled yet (13.6 s with those), ~1.3 s when
# all is; a file it cannot compile (a package's Python 2 sample) is left to be compiled, or not, as it is imported.
.venv/bin/python -m compileall -q -j 0 -x 'site-packages/(.*/tests?/|pip/|setuptools/)' .venv/lib src tests pages \
  app.py >/dev/null || true
if [ "${1-}" = fast ]; then
  shift
  # syntax errors, undefined names and the like only: the tree is clean under these rules
  .venv/bin/ruff check --quiet --no-cache --select E9,F63,F7,F82 src tests pages scripts app.py
  # --dist worksteal: each worker starts on one contiguous half of the tests and takes from the other's end when
  # it runs out, so a file's tests mostly stay on one worker and its module fixtures (a demo build, a written
  # PDF) are made once, not on both as under the default "load". CPU (/usr/bin/time user+sys) of 12 fixture-heavy
  # files (447 tests, -n 2), pairs run side by side: load 75.1 s / loadfile 68.8 s, 73.5 / 68.8, load 68.9 /
  # worksteal 64.5, loadfile 63.6 / worksteal 63.1 (worksteal: an idle worker also takes over the other's rest)
  exec .venv/bin/python -m pytest -n auto --dist worksteal -m "not browser and not slow" "$@"
fi
# One worker more than cores: the browser tests' worker mostly waits on its server and Chromium (about 4 s of
# CPU, theirs included, in a test of 15-60 s), so with -n <cores> most of a core sat idle under it while the
# rest queued on the others. The browser group, the largest, starts first (xdist orders groups by size).
# The browser tests in two groups by default (RISKDASH_BROWSER_GROUPS, tests/conftest.py), each on its own worker,
# a file always whole: they mostly wait (the whole group: ~135 s of CPU in 17-23 min of tests), and on 2 cores at
# a load of 10-14 two groups ran them in 10-12 min. RISKDASH_BROWSER_GROUPS=1 puts them back on one worker.
export RISKDASH_BROWSER_GROUPS="${RISKDASH_BROWSER_GROUPS:-2}"
exec .venv/bin/python -m pytest -n "$(( $(nproc) + 1 ))" --dist loadgroup "$@"
