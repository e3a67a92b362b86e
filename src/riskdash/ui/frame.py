"""The frame of every page: the navigation entries, the language switch, the global filters in the sidebar,
the heading and the data stamp; ``start_page`` draws them and hands the page its ``PageContext``.

Each page calls ``start_page`` itself (the one place every page passes through). Widgets drawn in app.py vanish from AppTest after the first run and a
cold server can drop the first click on them, so the shared widgets live here. Their values are mirrored
into plain session-state keys (``_keep_<key>``): Streamlit forgets a widget's state on a page that does not
draw it, and the mirror brings it back on the next page.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from typing import Any, Callable, Sequence, TypeVar

import duckdb
import pandas as pd
import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

from riskdash import accounts, db, i18n, metrics
from riskdash.filters import DEFAULT_PRESET, PRESETS, Filters, preset_period
from riskdash.pinyin import searchable
from riskdash.screens.kit import Scope
from riskdash.ui import address, login, printing, session, widgets
from riskdash.ui.markdown import plain

ALL = ""  # the "whole region" / "all sectors" choice in a select (None would show as no selection)
LANG_KEY = session.LANG_KEY
ADDRESS_STATE = "_address"  # the view's parameters as this session last wrote them into the address
YEARS_BACK = 20  # the earliest day a period may start: 1 January, this many years before the as-of year
T = TypeVar("T")
# screens whose content no sidebar filter changes (设置 edits the rules of the whole database): the filters still
# run there, so that the view stays as it was for the other screens and in the address, but they are not shown
FILTERLESS = frozenset({"settings"})
HIDDEN_FILTERS_KEY = "flt_hidden"
KEYS = {
    "preset": "flt_preset",
    "start": "flt_start",
    "end": "flt_end",
    "city": "flt_city",
    "county": "flt_county",
    "township": "flt_township",
    "sector": "flt_sector",
}


@dataclass(frozen=True)
class PageContext:
    """What a page needs after its header: this session's cursor, the filters and the words for them."""

    con: duckdb.DuckDBPyConnection
    db_key: str
    filters: Filters
    lang: str
    data_as_of: date
    is_demo: bool
    region_name: str
    sector_name: str
    role: str | None = None  # the logged-in account's role; None: a database without accounts, served locally

    @property
    def is_admin(self) -> bool:
        """Whether this session may use the admin's parts (设置, reference data): hints that send the reader
        there are worded by it (``ask`` variants for the other roles)."""
        return self.role is None or accounts.ROLES[self.role].is_admin

    @property
    def can_write(self) -> bool:
        """Whether this session may record anything (imports, forms): not a viewer."""
        return self.role is None or accounts.ROLES[self.role].can_write

    def t(self, key: str, **values: Any) -> str:
        return i18n.t(key, self.lang, **values)

    def load(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """``fn(cursor, *args, **kwargs)`` through the one cached loader (``session.load``): pass the metric
        function itself, e.g. ``page.load(rectification.overdue_list, page.filters)``."""
        return session.load(fn, self.con, self.db_key, *args, **kwargs)

    @property
    def scope(self) -> Scope:
        """The filters in words (period, as-of day, region, sector, the data's as-of day)."""
        return Scope.of(self.filters, self.region_name, self.sector_name, self.data_as_of, self.lang)

    def part_start(self, part: str = "tabs") -> None:
        """The start of a part of the page drawn as a fragment (``st.fragment``: a tab, a row or a picker in it
        runs it alone, on the page's last full run's filters and data). The whole page runs again instead when the
        database file changed since that run (``db_key``: nothing is read under an older file's key); and the
        part's tables keep their download names (``widgets.exports_at``)."""
        alone = bool(getattr(get_script_run_ctx(), "fragment_ids_this_run", None))
        if alone and session.data_key() != self.db_key:
            st.rerun()
        widgets.exports_at(part)


# ---------------------------------------------------------------------------------------------- navigation


def current_lang() -> str:
    """The language chosen on any page so far, or asked for by a new address (app.py needs it for the
    navigation before a page runs)."""
    _apply_address_lang(_address_request())
    return session.chosen_lang()


def nav_page(path: str, icon: str, lang: str, default: bool = False, hidden: bool = False) -> Any:
    """An st.Page over ``pages/<name>.py``, titled ``page.<name>`` in the chosen language, at URL /<name>; the
    default page answers / (its /<name> is ``alias_page``). ``hidden``: not listed in the navigation (its URL
    still answers, and the page itself refuses whom it is not for)."""
    name = path.rsplit("/", 1)[-1].removesuffix(".py")
    return st.Page(path, title=i18n.t(f"page.{name}", lang), icon=icon, url_path="" if default else name,
                   default=default, visibility="hidden" if hidden else "visible")


def alias_page(target: Any, name: str, lang: str) -> Any:
    """A hidden page at /<name> that opens ``target`` (the default page, served at /) with the same query
    parameters, so that /overview?region=… answers as / does instead of "Page not found"."""

    def open_target() -> None:
        st.switch_page(target, query_params=st.query_params.to_dict())

    return st.Page(open_target, title=i18n.t(f"page.{name}", lang), url_path=name, visibility="hidden")


# ---------------------------------------------------------------------------------------------- address


def _address_request() -> dict[str, str] | None:
    """The view's parameters in the address when they are new to this session (a fresh tab, a refresh, a
    pasted link); None when the address holds none (a page switch clears it) or what this session wrote."""
    asked = address.requested(st.query_params)
    if not asked or asked == st.session_state.get(ADDRESS_STATE):
        return None
    return asked


def _apply_address_lang(asked: dict[str, str] | None) -> None:
    if asked and asked.get("lang") in i18n.LANGS:
        st.session_state[_keep(LANG_KEY)] = asked["lang"]


def _apply_address(asked: dict[str, str], regions: pd.DataFrame, sectors: pd.DataFrame, as_of: date,
                   lang: str) -> tuple[str, ...]:
    """Set the filters' remembered values from the address before they are drawn; returns the notices."""
    parents = {code: (None if pd.isna(p) else p) for code, p in zip(regions["region_code"], regions["parent_code"])}
    found = address.read(asked, lang=lang, as_of=as_of, earliest=_earliest(as_of), parents=parents,
                         sectors=set(sectors["code"]), fallback=preset_period(DEFAULT_PRESET, as_of))
    state = st.session_state
    if found.period is not None:
        state[_keep(KEYS["preset"])] = found.preset
        if found.preset == "custom":
            state[_keep(KEYS["start"])], state[_keep(KEYS["end"])] = found.period
    if found.region_path is not None:
        path = (*found.region_path, ALL, ALL)
        for level, code in zip(("city", "county", "township"), path):
            state[_keep(KEYS[level])] = code
    if found.industry is not None:
        state[_keep(KEYS["sector"])] = found.industry
    return found.notices


def _write_address(filters: Filters, lang: str) -> None:
    """Mirror the view into the address (only when it differs: each change is a message to the browser);
    other parameters (the briefing's present and slide) are left as they are."""
    wanted = address.params(filters, lang)
    query = st.query_params
    if address.requested(query) != wanted:
        for name in address.PARAMS:
            if name in query and name not in wanted:
                del query[name]
        query.update(wanted)
    st.session_state[ADDRESS_STATE] = wanted


# ---------------------------------------------------------------------------------------------- page start


def start_page(name: str) -> PageContext:
    """Draw the sidebar (language, filters) and the heading of page ``name``; stop with an error if no data.

    A new address (``?from=&to=&region=&industry=&lang=``) sets the filters first; the filters drawn are
    then written back into the address, so that a refresh or a copied link shows the same view."""
    asked = _address_request()
    _apply_address_lang(asked)
    lang = language_switch()
    # the browser tab names the screen
    st.set_page_config(page_title=f"{i18n.t(f'page.{name}', lang)} · {i18n.t('app.title', lang)}")
    printing.head(lang)  # <html lang>, caption contrast: the login page too
    try:
        database = session.open_database()
    except (db.RiskdashError, duckdb.Error, OSError) as exc:
        _stop_with_error(lang, i18n.t("error.db", lang, message=str(exc)), session.database_path())
    con = session.session_cursor(database)
    account = login.require_login(con, lang, database.path)  # issue 16: no data drawn before a login
    i18n.set_reader(admin=account is None or account.is_admin)  # hints worded by role (text/roles.py)
    data_as_of = session.load(db.data_as_of, con, database.key)
    is_demo = session.load(db.is_demo, con, database.key)
    regions = session.load(metrics.regions, con, database.key)
    if regions.empty:
        _stop_with_error(lang, i18n.t("error.no_regions", lang, path=database.path), None)
    if data_as_of is None:
        _stop_with_error(lang, i18n.t("error.no_as_of", lang), None)
    sectors = session.load(metrics.sectors, con, database.key)
    notices = _apply_address(asked, regions, sectors, data_as_of, lang) if asked else ()
    bound = accounts.account_scope(account)  # the account's region: the region choices stay within it
    filters, region_name, sector_name = global_filters(regions, sectors, data_as_of, lang, bound,
                                                       hidden=name in FILTERLESS)
    filters = replace(filters, account_region=bound)  # and every query is bounded by it (issue 16)
    if bound and asked and asked.get("region") and not _within(regions, asked["region"], bound):
        notices = (*notices, login.say("region_refused", lang))
    for notice in notices:
        st.sidebar.warning(plain(notice), icon=":material/link_off:")
    _write_address(filters, lang)
    ctx = PageContext(con=con, db_key=database.key, filters=filters, lang=lang, data_as_of=data_as_of,
                      is_demo=is_demo, region_name=region_name, sector_name=sector_name,
                      role=account.role if account is not None else None)
    heading(ctx, i18n.t(f"page.{name}", lang))
    widgets.begin_exports(ctx)  # the scope every table's .xlsx names (issue 17 item 11)
    printing.install(name, ctx)  # print view + 打印 on analysis screens
    return ctx


def _stop_with_error(lang: str, message: str, path) -> None:
    st.title(i18n.t("app.title", lang))
    st.error(message, icon=":material/error:")
    if path is not None:
        st.info(i18n.t("error.db_help", lang, path=path), icon=":material/info:")
    st.stop()


def heading(ctx: PageContext, title: str) -> None:
    """Title, the data-as-of stamp and, on demo data, the 演示数据 marker (on every page)."""
    st.title(title)
    stamp = ":material/event: " + ctx.t("stamp.as_of", day=i18n.day(ctx.data_as_of, ctx.lang))
    if ctx.is_demo:
        st.markdown(f"{stamp} &nbsp; :orange-badge[:material/science: {ctx.t('demo.badge')}]")
        st.caption(ctx.t("demo.note"))
        st.sidebar.markdown(f":orange-badge[:material/science: {ctx.t('demo.badge')}]")
    else:
        st.markdown(stamp)


# ---------------------------------------------------------------------------------------------- widgets


def _keep(key: str) -> str:
    return f"_keep_{key}"


def _restore(key: str, default: Any, valid: Sequence[Any] | None = None) -> None:
    """Before drawing widget ``key``: set its value from the mirror (the widget on another page is another
    widget to Streamlit, and would start from its default); drop a value no longer offered."""
    state = st.session_state
    state[key] = state.get(_keep(key), state.get(key, default))
    if valid is not None and state[key] not in valid:
        state[key] = default


def _remember(key: str) -> Any:
    """Mirror widget ``key``; also its on_change callback, which runs before the page reads the mirror."""
    value = st.session_state[key]
    st.session_state[_keep(key)] = value
    return value


def _select(container, label: str, options: list, key: str, format_func: Callable, default: Any) -> Any:
    _restore(key, default, options)
    container.selectbox(label, options, key=key, format_func=format_func, on_change=_remember, args=(key,))
    return _remember(key)


def language_switch() -> str:
    _restore(LANG_KEY, i18n.DEFAULT_LANG, i18n.LANGS)
    st.sidebar.radio(i18n.t("filters.language", i18n.DEFAULT_LANG), list(i18n.LANGS), key=LANG_KEY,
                     format_func=i18n.LANG_NAMES.get, horizontal=True, on_change=_remember, args=(LANG_KEY,))
    return _remember(LANG_KEY)


def global_filters(regions: pd.DataFrame, sectors: pd.DataFrame, as_of: date, lang: str,
                   bound: str | None = None, hidden: bool = False) -> tuple[Filters, str, str]:
    """The period, region and sector widgets; returns the one frozen Filters and the names it stands for.
    ``hidden``: drawn in a container the page does not show (a screen no filter changes, ``FILTERLESS``)."""
    bar = st.sidebar
    if hidden:
        bar.html(f"<style>.st-key-{HIDDEN_FILTERS_KEY} {{display: none;}}</style>")
        bar = bar.container(key=HIDDEN_FILTERS_KEY)
    bar.subheader(i18n.t("filters.heading", lang))
    start, end = _period_widgets(bar, as_of, lang)
    region_code, region_name = _region_widgets(bar, regions, lang, bound)
    sector, sector_name = _sector_widget(bar, sectors, lang)
    filters = Filters(start=start, end=end, region_code=region_code, as_of=min(end, as_of), industry=sector)
    return filters, region_name, sector_name


def _earliest(as_of: date) -> date:
    return date(as_of.year - YEARS_BACK, 1, 1)


def _period_widgets(bar, as_of: date, lang: str) -> tuple[date, date]:
    preset = _select(bar, i18n.t("filters.period", lang), list(PRESETS), KEYS["preset"],
                     lambda p: i18n.preset_name(p, as_of, lang), DEFAULT_PRESET)
    if preset != "custom":
        start, end = preset_period(preset, as_of)
    else:
        default_start, default_end = preset_period(DEFAULT_PRESET, as_of)
        earliest = _earliest(as_of)
        # stacked, not side by side: two columns in the sidebar cut the dates off
        for key, label, default in (("start", "filters.start", default_start), ("end", "filters.end", default_end)):
            _restore(KEYS[key], default)
            value = st.session_state[KEYS[key]]
            if not isinstance(value, date) or not earliest <= value <= as_of:
                st.session_state[KEYS[key]] = default
            bar.date_input(i18n.t(label, lang), key=KEYS[key], min_value=earliest,
                           max_value=as_of, format="YYYY-MM-DD", on_change=_remember,
                           args=(KEYS[key],))
        start, end = _remember(KEYS["start"]), _remember(KEYS["end"])
        if end < start:
            start, end = end, start
            bar.warning(i18n.t("filters.custom_swapped", lang, start=i18n.day(start, lang), end=i18n.day(end, lang)))
    bar.caption(i18n.t("filters.period_text", lang, period=i18n.period(start, end, lang)))
    return start, end


def _parents(regions: pd.DataFrame) -> dict[str, str | None]:
    return {code: (None if pd.isna(p) else p) for code, p in zip(regions["region_code"], regions["parent_code"])}


def _chain(parent: dict[str, str | None], code: str) -> list[str]:
    """``code`` and every region above it, nearest first."""
    chain = []
    while code is not None and code not in chain:
        chain.append(code)
        code = parent.get(code)
    return chain


def _within(regions: pd.DataFrame, code: str, bound: str) -> bool:
    from riskdash.filters import pad_region_code

    return bound in _chain(_parents(regions), pad_region_code(code))


def _region_widgets(bar, regions: pd.DataFrame, lang: str, bound: str | None = None) -> tuple[str, str]:
    """The city, county and township selects; with an account's region (``bound``) only that region, the
    regions above it as the one choice, and those below it are offered (no "whole city" for a county)."""
    names = dict(zip(regions["region_code"], regions["name"]))

    def shown(code: str) -> str:  # found by name or initials: "绿阳区 · lyq"
        return searchable(names[code])

    parent = _parents(regions)
    above = _chain(parent, bound)[1:] if bound in parent else []

    def children(code: str) -> list[str]:
        found = [c for c in regions["region_code"] if parent[c] == code]
        if not bound or bound not in parent:
            return found
        return [c for c in found if c == bound or c in above or bound in _chain(parent, c)]

    def fixed(code: str) -> bool:  # a level at or above the account's region: its one choice, no "all"
        return bool(bound) and (code == bound or code in above)

    cities = [c for c in regions["region_code"] if parent[c] is None]
    if bound in parent:
        cities = [c for c in cities if c == bound or c in above]
    city = _select(bar, i18n.t("filters.city", lang), cities, KEYS["city"], shown, cities[0])
    counties = children(city)
    county_options = counties if counties and fixed(counties[0]) else [ALL, *counties]
    county = _select(bar, i18n.t("filters.county", lang), county_options, KEYS["county"],
                     lambda c: shown(c) if c else i18n.t("filters.all_counties", lang), county_options[0])
    if not county:
        st.session_state[_keep(KEYS["township"])] = ALL
        return city, names[city]
    townships = children(county)
    township_options = townships if townships and fixed(townships[0]) else [ALL, *townships]
    township = _select(bar, i18n.t("filters.township", lang), township_options, KEYS["township"],
                       lambda c: shown(c) if c else i18n.t("filters.all_townships", lang), township_options[0])
    if township:
        return township, f"{names[county]}{names[township]}" if lang == "zh" else f"{names[township]}, {names[county]}"
    return county, names[county]


def _sector_widget(bar, sectors: pd.DataFrame, lang: str) -> tuple[str | None, str]:
    names = {code: (zh, en) for code, zh, en in zip(sectors["code"], sectors["name_zh"], sectors["name_en"])}

    def name(code: str) -> str:
        return i18n.sector_name(names[code], lang) if code else i18n.t("filters.all_sectors", lang)

    sector = _select(bar, i18n.t("filters.sector", lang), [ALL, *names], KEYS["sector"], name, ALL)
    return (sector or None), name(sector)
