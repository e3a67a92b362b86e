"""Streamlit drawing for the briefing screen: the cached Brief, the slide preview, the export buttons and the
presentation mode (full screen, one slide, buttons and keys).

The slide index lives in ``st.session_state`` and is mirrored into ``?present=1&slide=N`` so a presenter who
reloads the tab comes back to the same slide.
"""

from __future__ import annotations

import tempfile
import threading
import time
from collections import OrderedDict
from pathlib import Path
from typing import Any, Callable

import streamlit as st

from riskdash import charts, i18n
from riskdash.briefing import content
from riskdash.screens.briefing import view
from riskdash.screens.kit import download_name
from riskdash.ui.frame import PageContext
from riskdash.ui.markdown import html_text, plain, plain_frame
from riskdash.ui.widgets import fitted

PRESENT_STATE = "brief_present"
PREVIEW_TABLE_PX = 630  # a table's width in a slide's preview at 1024 px beside the sidebar
INDEX_STATE = "brief_index"
URL_READ_STATE = "_brief_url_read"
# the Word and PDF downloads: what each one's own thread is doing ({"stage", "started", "charts"}), and the
# button just clicked (format, when) for the rerun that shows their progress
JOBS_STATE = "_brief_jobs"
MAKING_STATE = "_brief_making"
PROGRESS_FORMATS = ("docx", "pdf")
# how long the rerun waits for the download's thread to start, and to finish
JOB_START_S = 5.0
JOB_DONE_S = 120.0
# the files made lately, by format, writer and Brief (a frozen dataclass, equal only to a Brief of the same figures,
# scope and generation time): a second click on the same Brief gets the same bytes at once. The screen's Brief
# is cached under the database file's state (``page.load``), so a write by any tool makes a new Brief and a
# new file: never a stale one
_MADE: OrderedDict[tuple[str, Callable, Any], bytes] = OrderedDict()
_MADE_SIZE = 6
_MADE_LOCK = threading.Lock()
PROJECTOR_CHART_PX = 340
PREVIEW_CHART_PX = 380


# ---------------------------------------------------------------------------------------------- the content


def deck(page: PageContext) -> tuple[Any, tuple[view.SlideView, ...]]:
    """(the Brief the exports write, its slides as the preview draws them); (None, ()) after telling the user
    why when the content cannot be built."""
    try:
        with st.spinner(page.t("briefing.building")):
            # a Brief is small (its charts are specs, drawn on demand)
            made = page.load(content.build_brief, page.filters, page.lang)
    except Exception as exc:  # noqa: BLE001 — the screen says what failed instead of a traceback
        st.error(plain(page.t("briefing.brief_failed", message=f"{type(exc).__name__}: {exc}")),
                 icon=":material/error:")
        return None, ()
    return made, view.slide_views(made, page.lang)


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
    presenting = bool(state.get(PRESENT_STATE, False)) and count > 0
    return presenting, state[INDEX_STATE]


def finish(present: bool, index: int) -> None:
    """Mirror the state into the URL (only when it differs: each change is a message to the browser)."""
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


def presentation(page: PageContext, brief: Any, index: int) -> None:
    """One slide, full screen, with previous / next / leave; PageUp/PageDown/space through the key script."""
    st.html(view.presentation_css())
    slides = view.slide_views(brief, page.lang, view.PROJECTOR_ROWS, projector=True)
    count = len(slides)
    slide = slides[index]
    with st.container(key=view.SLIDE_CONTAINER_KEY):
        demo = f' · <span class="brief-demo">{html_text(brief.meta.demo_text)}</span>' if brief.meta.is_demo else ""
        st.markdown(
            f'<div class="brief-bar"><span><b>{html_text(slide.section)}</b> · '
            f'{html_text(footer_text(page))}{demo}</span>'
            f'<span>{html_text(view.counter(index, count))}</span></div>'
            f'<div class="brief-title{" brief-cover" if slide.key == "cover" else ""}">{html_text(slide.title)}</div>'
            + "".join(f'<div class="brief-headline">{html_text(line)}</div>' for line in slide.headline)
            + (f'<div class="brief-cover-demo">{html_text(brief.meta.demo_text)}</div>'
               if slide.key == "cover" and brief.meta.is_demo else ""),
            unsafe_allow_html=True,
        )
        if slide.kpis:
            st.markdown('<div class="brief-kpis">' + "".join(
                f'<div class="brief-kpi"><div class="brief-kpi-label">{html_text(k.label)}</div>'
                f'<div class="brief-kpi-value">{html_text(k.value)}</div></div>' for k in slide.kpis
            ) + "</div>", unsafe_allow_html=True)
        if slide.placeholder:
            st.markdown(f'<div class="brief-placeholder">{html_text(slide.placeholder)}</div>',
                        unsafe_allow_html=True)
        if slide.chart is not None and slide.table is not None:
            left, right = st.columns([1, 1])
            with left:
                _chart(slide, big=True)
            with right:
                _table(slide, big=True)
        elif slide.chart is not None:
            _chart(slide, big=True)
        elif slide.table is not None:
            _table(slide, big=True)

    with st.container(key=view.NAV_CONTAINER_KEY):
        left, middle, right, leave = st.columns([2, 3, 2, 2], vertical_alignment="center")
        left.button(page.t("briefing.previous"), key=view.PREV_KEY, icon=":material/arrow_back:",
                    width="stretch", disabled=index <= 0, on_click=_go, args=(-1, count),
                    shortcut=view.PREVIOUS_SHORTCUT)
        middle.markdown(f'<div class="brief-counter">{html_text(view.counter(index, count))}</div>'
                        f'<div class="brief-keys">{html_text(page.t("briefing.keys"))}</div>',
                        unsafe_allow_html=True)
        right.button(page.t("briefing.next"), key=view.NEXT_KEY, icon=":material/arrow_forward:",
                     width="stretch", disabled=index >= count - 1, on_click=_go, args=(1, count),
                     shortcut=view.NEXT_SHORTCUT)
        leave.button(page.t("briefing.exit"), key=view.EXIT_KEY, icon=":material/close_fullscreen:",
                     width="stretch", on_click=_set_present, args=(False,), shortcut=view.EXIT_SHORTCUT)
        st.html(view.keyboard_script() + view.fit_script(), unsafe_allow_javascript=True)


def _chart(slide: view.SlideView, big: bool) -> None:
    fig = slide.chart.figure()
    if big:
        # the house style is sized for a screen at arm's length; a projector needs bigger ticks and legend
        fig.update_layout(height=PROJECTOR_CHART_PX, title_font_size=17, legend_font_size=16)
        fig.update_xaxes(tickfont_size=15, title_font_size=16)
        fig.update_yaxes(tickfont_size=15, title_font_size=16)
        fig.update_traces(textfont_size=15, selector={"type": "bar"})  # the bars' values at the ticks' size
    else:
        fig.update_layout(height=PREVIEW_CHART_PX)
    charts.fit_top(fig)  # the title, legend and plot one under another again at the new sizes
    st.plotly_chart(fig, width="stretch", key=f"brief_chart_{'big' if big else 'small'}_{slide.number}",
                    config={"displayModeBar": not big})


def _table(slide: view.SlideView, big: bool) -> None:
    if big:
        st.markdown(f'<div class="brief-table-title">{html_text(slide.table_title or "")}</div>',
                    unsafe_allow_html=True)
        # st.table reads Markdown in every cell: the names in the lists are data
        st.table(plain_frame(slide.table), hide_index=True, border="horizontal")
    else:
        st.markdown(f"**{plain(slide.table_title)}**")
        # fitted as every table (ui.widgets.fitted) to the slide's frame: left to the grid's own widths, at 1024 px
        # in English the reasons ran past their cells and the overdue hazards' last column had 23 px (issue 17
        # item 7); shorter headers in a table that would still pass the frame (the overdue majors' seven columns
        # in English: 896 px, scrolling sideways), the full ones in their tooltips (view.preview_labels)
        drawn, sized = fitted(slide.table, budget=PREVIEW_TABLE_PX)
        labels = view.preview_labels(slide.table.columns)
        widths = [c["width"] for c in sized["column_config"].values()]
        if labels and sum(widths) > PREVIEW_TABLE_PX + len(widths):  # each width is rounded up
            drawn, sized = fitted(slide.table.rename(columns=labels), budget=PREVIEW_TABLE_PX)
        else:
            labels = {}
        for full, short in labels.items():
            sized["column_config"][short] = {**sized["column_config"][short], "help": plain(full)}
        st.dataframe(drawn, hide_index=True, width="stretch", placeholder=i18n.DASH, **sized)
    if slide.table_more:
        st.caption(plain(slide.table_more))


# ---------------------------------------------------------------------------------------------- screen parts


def present_button(page: PageContext, count: int) -> None:
    st.button(page.t("briefing.present"), key=view.PRESENT_KEY, icon=":material/slideshow:", type="primary",
              help=page.t("briefing.present_help"), on_click=_set_present, args=(True,), disabled=count == 0)


def preview(page: PageContext, slides: tuple[view.SlideView, ...]) -> None:
    """Every slide in a card, in order, with native widgets (hover help carries each KPI's formula)."""
    for slide in slides:
        with st.container(border=True):
            st.markdown(f"#### {plain(page.t('briefing.slide_label', number=slide.number))} · {plain(slide.title)}")
            # a card copied out of the screen must still say it is made-up data
            st.caption(plain(slide.section + (f" · {page.t('demo.badge')}" if page.is_demo else "")))
            for line in slide.headline:
                st.markdown(plain(line))
            if slide.kpis:
                for column, kpi in zip(st.columns(len(slide.kpis)), slide.kpis):
                    column.metric(plain(kpi.label), kpi.value, help=plain(kpi.note) if kpi.note else None, border=True)
            if slide.placeholder:
                st.info(plain(slide.placeholder), icon=":material/pending:")
            if slide.chart is not None:
                _chart(slide, big=False)
            if slide.table is not None:
                _table(slide, big=False)


def writers() -> dict[str, Callable[[Any, Path], None]]:
    """The writer of each format in ``view.EXPORT_FORMATS``."""
    from riskdash.briefing.docx_export import write_docx
    from riskdash.briefing.pdf_export import write_pdf
    from riskdash.briefing.pptx_export import write_pptx

    return {"pptx": write_pptx, "docx": write_docx, "pdf": write_pdf}


def downloads(page: PageContext, brief: Any) -> None:
    """One button per format; the file is written only when its button is clicked. The Word and PDF files draw
    the Brief's charts once (``tongbao.chart_pngs``) and, while a file is made on the download's own thread,
    the rerun of the click shows what is being done (``st.status``)."""
    if brief is None:
        return
    from riskdash.ui import launch

    if launch.SERVING:  # Chromium up before the first click (not in AppTest: no browser per test process)
        from riskdash.briefing import pdf_export, tongbao

        tongbao.warm_chart_renderer()
        pdf_export.warm_up_writer()  # weasyprint imported and its fonts loaded before the first PDF click
        tongbao.draw_charts_soon(brief)  # this Brief's charts drawn while the official reads the preview
    columns = st.columns(len(view.EXPORT_FORMATS))
    writer = writers()
    jobs = st.session_state.setdefault(JOBS_STATE, {})
    for column, (fmt, label, mime) in zip(columns, view.EXPORT_FORMATS):
        progress = fmt in PROGRESS_FORMATS
        job = jobs.setdefault(fmt, {}) if progress else None
        column.download_button(page.t(label), data=_bytes_of(writer[fmt], brief, fmt, job),
                               file_name=_file_name(page, fmt), mime=mime, icon=":material/download:",
                               key=f"brief_download_{fmt}", on_click=_clicked if progress else "ignore",
                               args=(fmt,) if progress else None, width="stretch")
    clicked = st.session_state.pop(MAKING_STATE, None)
    if clicked is not None:
        fmt, at = clicked
        show_progress(page, fmt, jobs.get(fmt, {}), at)


def _clicked(fmt: str) -> None:
    st.session_state[MAKING_STATE] = (fmt, time.monotonic())


def show_progress(page: PageContext, fmt: str, job: dict, clicked_at: float,
                  start_s: float = JOB_START_S, done_s: float = JOB_DONE_S) -> str:
    """A status line following the download's thread (``job``, written by ``_bytes_of``): drawing the charts,
    laying out the file, made (or failed). Returns the last stage seen ("" when no thread started in time).
    A thread that started shortly before the click's rerun counts (the browser asks for the file and reruns
    the page at the same moment)."""
    what = page.t(f"briefing.what_{fmt}")
    shown = ""
    status = None
    waited = time.monotonic()
    while True:
        current = job.get("started", float("-inf")) >= clicked_at - start_s
        stage = job.get("stage", "") if current else ""
        if stage and stage != shown:
            if status is None:
                status = st.status(page.t("briefing.making_charts", what=what, count=job.get("charts", 0)))
            if stage == "charts":
                status.update(label=page.t("briefing.making_charts", what=what, count=job.get("charts", 0)))
            elif stage == "write":
                status.update(label=page.t("briefing.making_write", what=what))
            elif stage == "done":
                status.update(label=page.t("briefing.made", what=what), state="complete")
            elif stage == "failed":
                status.update(label=page.t("briefing.make_failed", what=what), state="error")
            shown = stage
        if stage in ("done", "failed"):
            return stage
        elapsed = time.monotonic() - waited
        if (not stage and elapsed > start_s) or elapsed > done_s:
            return shown
        time.sleep(0.1)


def _bytes_of(writer: Callable, brief: Any, fmt: str, job: dict | None = None) -> Callable[[], bytes]:
    key = (fmt, writer, brief)

    def build() -> bytes:
        with _MADE_LOCK:
            made = _MADE.get(key)
            if made is not None:
                _MADE.move_to_end(key)
        if made is not None:
            if job is not None:
                job.update(started=time.monotonic(), stage="done", charts=0)
            return made
        data = make()
        with _MADE_LOCK:
            _MADE[key] = data
            while len(_MADE) > _MADE_SIZE:
                _MADE.popitem(last=False)
        return data

    def make() -> bytes:
        if job is not None:  # the Word / PDF 通报: the charts first (drawn once for both), then the file
            from riskdash.briefing import tongbao

            job.update(started=time.monotonic(), stage="charts",
                       charts=len({s.chart for s in brief.slides if s.chart is not None}))
        try:
            if job is not None:
                tongbao.chart_pngs(brief)
                job["stage"] = "write"
            with tempfile.TemporaryDirectory(prefix="riskdash-brief-") as folder:
                path = Path(folder) / f"brief.{fmt}"
                writer(brief, path)
                data = path.read_bytes()
        except BaseException:
            if job is not None:
                job["stage"] = "failed"
            raise
        if job is not None:
            job["stage"] = "done"
        return data

    return build


def _file_name(page: PageContext, fmt: str) -> str:
    """安全生产形势通报_绿阳区_2026年1月1日至11月28日.docx (the slides: …演示文稿…)."""
    f = page.filters
    what = page.t("briefing.file_slides" if fmt == "pptx" else "briefing.file_report")
    return download_name(what, page.region_name, fmt, page.lang, period=(f.start, f.end))


# ---------------------------------------------------------------------------------------------- words


def subtitle(page: PageContext) -> str:
    f = page.filters
    return page.t("briefing.subtitle", period=i18n.period(f.start, f.end, page.lang), region=page.region_name,
                  sector=page.sector_name, as_of=i18n.day(f.as_of, page.lang))


def downloads_scope(page: PageContext) -> str:
    f = page.filters
    return page.t("briefing.downloads_scope", period=i18n.period(f.start, f.end, page.lang),
                  region=page.region_name, as_of=i18n.day(f.as_of, page.lang))


def preview_scope(page: PageContext, slides: tuple[view.SlideView, ...]) -> str:
    return page.t("briefing.preview_scope", count=len(slides), sections=" → ".join(s.section for s in slides[1:]))


def footer_text(page: PageContext) -> str:
    f = page.filters
    return page.t("briefing.footer", region=page.region_name, period=i18n.period(f.start, f.end, page.lang),
                  as_of=i18n.day(f.as_of, page.lang))
