"""Streamlit drawing for the briefing screen: the cached Brief, the slide preview, the export buttons and the
presentation mode (full screen, one slide, buttons and keys).

The slide index lives in ``st.session_state`` and is mirrored into ``?present=1&slide=N`` so a presenter who
reloads the tab comes back to the same slide.
"""

from __future__ import annotations

import html
import importlib
import tempfile
from pathlib import Path
from typing import Any, Callable

import duckdb
import streamlit as st

from riskdash.filters import Filters
from riskdash import i18n
from riskdash.ui import briefing as view
from riskdash.ui.page import PageContext
from riskdash.ui.session import CACHE_ENTRIES, CACHE_TTL_SECONDS

PRESENT_STATE = "brief_present"
INDEX_STATE = "brief_index"
URL_READ_STATE = "_brief_url_read"
BRIEF_CACHE_ENTRIES = 16  # a Brief holds figures: fewer of them than of plain frames


# ---------------------------------------------------------------------------------------------- the content


@st.cache_data(max_entries=BRIEF_CACHE_ENTRIES, ttl=CACHE_TTL_SECONDS, show_spinner=False)
def slides(db_key: str, filters: Filters, lang: str, _con: duckdb.DuckDBPyConnection) -> tuple[view.SlideView, ...]:
    return view.standin_slides(lang)


def deck(page: PageContext) -> tuple[Any, tuple[view.SlideView, ...]]:
    """(the Brief the exports write, its slides as the screen draws them)."""
    return None, slides(page.db_key, page.filters, page.lang, page.con)


# ---------------------------------------------------------------------------------------------- state


def present_state(count: int) -> tuple[bool, int]:
    """(presenting, index): from the URL on a fresh tab, then from the session; the index kept in range."""
    state = st.session_state
    if not state.get(URL_READ_STATE):
        state[URL_READ_STATE] = True
        params = st.query_params
        if view.present_from_param(params.get("present", "")):
            state[PRESENT_STATE] = True
            state[INDEX_STATE] = view.index_from_param(params.get("slide", "1"), count)
    state[INDEX_STATE] = view.clamp(state.get(INDEX_STATE, 0), count)
    return bool(state.get(PRESENT_STATE, False)), state[INDEX_STATE]


def _sync_url(present: bool, index: int) -> None:
    wanted = view.url_params(present, index)
    params = st.query_params
    if {k: params.get(k) for k in ("present", "slide") if k in params} != wanted:
        for name in ("present", "slide"):
            if name in params:
                del params[name]
        params.update(wanted)


def _go(delta: int, count: int) -> None:
    st.session_state[INDEX_STATE] = view.step(st.session_state.get(INDEX_STATE, 0), delta, count)


def _set_present(on: bool) -> None:
    st.session_state[PRESENT_STATE] = on


# ---------------------------------------------------------------------------------------------- presentation


def presentation(page: PageContext, deck: tuple[view.SlideView, ...], index: int, footer: str) -> None:
    """One slide, full screen, with previous / next / leave; keys through the injected script."""
    st.html(view.presentation_css())
    count = len(deck)
    with st.container(key=view.SLIDE_CONTAINER_KEY):
        if count:
            slide_body(page, deck[index], count, footer, big=True)
        with st.container(key=view.NAV_CONTAINER_KEY):
            left, middle, right, leave = st.columns([2, 3, 2, 2], vertical_alignment="center")
            left.button(page.t("briefing.previous"), key=view.PREV_KEY, icon=":material/arrow_back:",
                        width="stretch", disabled=index <= 0, on_click=_go, args=(-1, count),
                        shortcut=view.PREVIOUS_SHORTCUT)
            middle.markdown(f'<div class="brief-counter">{html.escape(view.counter(index, count))}</div>'
                            f'<div class="brief-keys">{html.escape(page.t("briefing.keys"))}</div>',
                            unsafe_allow_html=True)
            right.button(page.t("briefing.next"), key=view.NEXT_KEY, icon=":material/arrow_forward:",
                         width="stretch", disabled=index >= count - 1, on_click=_go, args=(1, count),
                         shortcut=view.NEXT_SHORTCUT)
            leave.button(page.t("briefing.exit"), key=view.EXIT_KEY, icon=":material/close_fullscreen:",
                         width="stretch", on_click=_set_present, args=(False,), shortcut=view.EXIT_SHORTCUT)
        st.html(view.keyboard_script(), unsafe_allow_javascript=True)


def slide_body(page: PageContext, slide: view.SlideView, count: int, footer: str, big: bool) -> None:
    """A slide's content; ``big`` for the projector (custom large type), else the preview's native widgets."""
    if big:
        demo = f' · <span class="brief-demo">{html.escape(page.t("demo.badge"))}</span>' if page.is_demo else ""
        st.markdown(
            f'<div class="brief-bar"><span>{html.escape(footer)}{demo}</span>'
            f'<span>{html.escape(view.counter(slide.number - 1, count))}</span></div>'
            f'<div class="brief-title">{html.escape(slide.title)}</div>'
            + (f'<div class="brief-headline">{html.escape(slide.headline)}</div>' if slide.headline else ""),
            unsafe_allow_html=True,
        )
        if slide.kpis:
            cards = "".join(
                f'<div class="brief-kpi"><div class="brief-kpi-label">{html.escape(k.label)}</div>'
                f'<div class="brief-kpi-value">{html.escape(k.value)}</div>'
                + (f'<div class="brief-kpi-note">{html.escape(k.note)}</div>' if k.note else "") + "</div>"
                for k in slide.kpis
            )
            st.markdown(f'<div class="brief-kpis">{cards}</div>', unsafe_allow_html=True)
        if slide.bullets:
            items = "".join(f"<li>{html.escape(b)}</li>" for b in slide.bullets)
            st.markdown(f'<ul class="brief-bullets">{items}</ul>', unsafe_allow_html=True)
    else:
        st.markdown(f"#### {page.t('briefing.slide_label', number=slide.number)} · {slide.title}")
        if slide.headline:
            st.markdown(slide.headline)
        if slide.kpis:
            for column, kpi in zip(st.columns(len(slide.kpis)), slide.kpis):
                column.metric(kpi.label, kpi.value, help=kpi.note, border=True)
        for line in slide.bullets:
            st.markdown(f"- {line}")
    if slide.figure is not None:
        st.plotly_chart(slide.figure, width="stretch", key=f"brief_chart_{'big' if big else 'small'}_{slide.number}")
    if slide.table is not None and not slide.table.empty:
        st.table(slide.table) if big else st.dataframe(slide.table, hide_index=True, width="stretch")
    if slide.placeholder:
        if big:
            st.markdown(f'<div class="brief-placeholder">{html.escape(slide.placeholder)}</div>',
                        unsafe_allow_html=True)
        else:
            st.info(slide.placeholder, icon=":material/pending:")


# ---------------------------------------------------------------------------------------------- screen parts


def present_button(page: PageContext) -> None:
    st.button(page.t("briefing.present"), key=view.PRESENT_KEY, icon=":material/slideshow:", type="primary",
              help=page.t("briefing.present_help"), on_click=_set_present, args=(True,))


def preview(page: PageContext, deck: tuple[view.SlideView, ...], footer: str) -> None:
    for slide in deck:
        with st.container(border=True):
            slide_body(page, slide, len(deck), footer, big=False)


def downloads(page: PageContext, brief: Any) -> None:
    """One button per format; the file is written only when its button is clicked."""
    columns = st.columns(len(view.EXPORT_FORMATS))
    for column, (fmt, module, function, label, mime) in zip(columns, view.EXPORT_FORMATS):
        writer = _writer(module, function)
        if writer is None or brief is None:
            column.info(page.t("briefing.format_missing", format=fmt.upper(), module=module),
                        icon=":material/hourglass_empty:")
            continue
        column.download_button(page.t(label), data=_bytes_of(writer, brief, fmt), file_name=_file_name(page, fmt),
                               mime=mime, icon=":material/download:", key=f"brief_download_{fmt}",
                               on_click="ignore", width="stretch")


def _writer(module: str, function: str) -> Callable | None:
    try:
        return getattr(importlib.import_module(module), function, None)
    except ImportError:
        return None


def _bytes_of(writer: Callable, brief: Any, fmt: str) -> Callable[[], bytes]:
    def build() -> bytes:
        with tempfile.TemporaryDirectory(prefix="riskdash-brief-") as folder:
            path = Path(folder) / f"brief.{fmt}"
            writer(brief, path)
            return path.read_bytes()

    return build


def _file_name(page: PageContext, fmt: str) -> str:
    f = page.filters
    return f"briefing-{f.region_code}-{f.start:%Y%m%d}-{f.end:%Y%m%d}.{fmt}"


def subtitle(page: PageContext) -> str:
    f = page.filters
    return page.t("briefing.subtitle", period=i18n.period(f.start, f.end, page.lang), region=page.region_name,
                  sector=page.sector_name, as_of=i18n.day(f.as_of, page.lang))


def downloads_scope(page: PageContext) -> str:
    f = page.filters
    return page.t("briefing.downloads_scope", period=i18n.period(f.start, f.end, page.lang),
                  region=page.region_name, as_of=i18n.day(f.as_of, page.lang))


def footer_text(page: PageContext) -> str:
    f = page.filters
    return page.t("briefing.footer", region=page.region_name, period=i18n.period(f.start, f.end, page.lang),
                  as_of=i18n.day(f.as_of, page.lang))


def finish(present: bool, index: int) -> None:
    _sync_url(present, index)
