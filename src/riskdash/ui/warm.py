"""The default view's reads computed once when ``riskdash serve`` starts (issue 17, speed: "warm the caches when
the server starts").

A first visit of a screen after a server start otherwise computes all its reads while the official waits (总览
after the login, 重点部位's back-test, 汇报's whole Brief). Once Streamlit's runtime is up, one thread of the
server reads what the screens show first, through the pages' own cached loader (``session.load``) and their own
read functions: the whole city (the administrator's and the city accounts' view), the default period
(``DEFAULT_PRESET`` on the data's as-of day), every sector, in Chinese. Each read waits while a session is
running its script (``sessions_running``): a page someone waits for goes first. Another view (a county
account, another period) is computed on its first visit, as before.

Never stale: every result is cached under the file's data key (``session.data_key``) as it is when the thread
reads it, as a page's own read is; a write by any tool changes the key, so the pages never find these results
after it. Only ``riskdash serve`` starts this (``launch.main``); a test calls ``warm_up`` itself.
"""

from __future__ import annotations

import contextlib
import logging
import threading
import time
from dataclasses import dataclass, replace

import pandas as pd

from riskdash import db, i18n, metrics
from riskdash.filters import DEFAULT_PRESET, Filters, preset_period
from riskdash.ui import session
from riskdash.ui.frame import PageContext

THREAD_NAME = "riskdash-warm-up"
RUNTIME_WAIT_S = 120.0
YIELD_POLL_S = 0.05  # how often a read waiting for the sessions' runs looks again


def sessions_running() -> bool:
    """Whether any session of this server is running its script now (a login, a page): the warm-up's next read
    waits meanwhile, so that it takes no CPU from someone waiting for a page (2 cores). Streamlit has no public
    call for this (its session manager's private attributes): False whenever they cannot be read."""
    try:
        from streamlit import runtime

        if not runtime.exists():
            return False
        manager = runtime.get_instance()._session_mgr
        return any(getattr(getattr(info.session, "_state", None), "name", "") == "APP_IS_RUNNING"
                   for info in manager.list_active_sessions())
    except Exception:  # noqa: BLE001 - a Streamlit that changed: the warm-up goes on without waiting
        return False


@dataclass(frozen=True)
class _PoliteContext(PageContext):
    """The default view's context whose every read first waits while a session runs its script."""

    def load(self, fn, *args, **kwargs):
        while sessions_running():
            time.sleep(YIELD_POLL_S)
        return super().load(fn, *args, **kwargs)


def default_context(reader, key: str) -> PageContext | None:
    """The page context of the default view (whole city, default period, every sector, zh) as ``start_page``
    builds it for an administrator; None when the file has no region or no as-of day (the page says why)."""
    lang = i18n.DEFAULT_LANG
    as_of = session.load(db.data_as_of, reader, key)
    is_demo = session.load(db.is_demo, reader, key)
    regions = session.load(metrics.regions, reader, key)
    session.load(metrics.sectors, reader, key)
    if as_of is None or regions.empty:
        return None
    cities = [code for code, parent in zip(regions["region_code"], regions["parent_code"]) if pd.isna(parent)]
    if not cities:
        return None
    names = dict(zip(regions["region_code"], regions["name"]))
    start, end = preset_period(DEFAULT_PRESET, as_of)
    filters = Filters(start=start, end=end, region_code=cities[0], as_of=min(end, as_of), industry=None)
    return _PoliteContext(con=reader, db_key=key, filters=filters, lang=lang, data_as_of=as_of, is_demo=is_demo,
                          region_name=names[cities[0]], sector_name=i18n.t("filters.all_sectors", lang), role=None)


def _overview(page: PageContext) -> None:
    from riskdash.metrics import accidents, classes, rectification
    from riskdash.screens.overview import draw

    draw.content(page)
    for fn in (classes.class_targets, classes.rate_targets, accidents.accidents_by_month, rectification.by_township):
        page.load(fn, page.filters)


def _accidents(page: PageContext) -> None:
    from riskdash.metrics import accidents, classes
    from riskdash.screens.accidents import draw

    draw.screen_data(page)
    for fn in (accidents.investigations, accidents.four_measures, accidents.investigations_overdue,
               classes.accidents_by_class, classes.accidents_by_class_and_month):  # the first tab is 按类别
        page.load(fn, page.filters)


def _priority(page: PageContext) -> None:
    from riskdash.metrics import core, departments
    from riskdash.screens.priority import draw

    data = draw.load(page)
    page.load(core.sectors)
    page.load(departments.department_list)
    page.load(departments.sites_by_department, replace(page.filters, industry=None))
    page.load(draw.outlines, data.scores)
    page.load(draw.backtest_tables, page.filters.region_code, page.data_as_of)


def _briefing(page: PageContext) -> None:
    from riskdash.briefing import content

    page.load(content.build_brief, page.filters, page.lang)


# in the order an official meets them: 总览 after the login first
SCREENS = (_overview, _accidents, _priority, _briefing)


def warm_up() -> list[str]:
    """Read the default view of every screen in SCREENS into the cache; returns the screens whose reads failed
    (never raises: the page that needs a read makes it again and reports its own error)."""
    failed: list[str] = []
    try:
        database = session._open(str(session.database_path()), session.data_key())
        reader = session.Reader(*session.new_cursor(database))
        page = default_context(reader, database.key)
    except Exception:  # noqa: BLE001 - no file, a busy file, an old schema: the first page says why
        return ["start"]
    if page is None:
        return ["start"]
    for screen in SCREENS:
        try:
            screen(page)
        except Exception:  # noqa: BLE001 - see above
            failed.append(screen.__name__.lstrip("_"))
    with contextlib.suppress(Exception):
        reader.close()
    return failed


class _QuietWarmThread(logging.Filter):
    """Streamlit logs "missing ScriptRunContext" for a cached call outside a script run: not for this thread."""

    def filter(self, record: logging.LogRecord) -> bool:
        return threading.current_thread().name != THREAD_NAME


def warm_up_when_served() -> threading.Thread:
    """Start ``warm_up`` on a thread of its own, once Streamlit's runtime is up (its cache then holds what the
    thread reads; before it, ``st.cache_data`` would keep them in a throw-away store)."""

    def run() -> None:
        from streamlit import runtime

        deadline = time.monotonic() + RUNTIME_WAIT_S
        while time.monotonic() < deadline:
            if runtime.exists() and runtime.get_instance().state.name in (
                    "NO_SESSIONS_CONNECTED", "ONE_OR_MORE_SESSIONS_CONNECTED"):
                warm_up()
                return
            time.sleep(0.05)

    logging.getLogger("streamlit.runtime.scriptrunner_utils.script_run_context").addFilter(_QuietWarmThread())
    thread = threading.Thread(target=run, name=THREAD_NAME, daemon=True)
    thread.start()
    return thread
