"""The house style of every chart: pure helpers for Plotly figures.

Each screen keeps its builders in ``riskdash/screens/<screen>/charts.py`` and the briefing draws its chart
specifications; both use the helpers here, so that every chart names a CJK font (exports render Chinese),
states measure, period, region and as-of day in its title, and uses the official risk colours. No Streamlit.
"""

from __future__ import annotations

import threading
import warnings
from datetime import date
from typing import Any

import numpy as np
import plotly.graph_objects as go

from riskdash import i18n
from riskdash.filters import Filters, date_text, period_text

CJK_FONT = "Noto Sans CJK SC, Source Han Sans SC, Microsoft YaHei, PingFang SC, sans-serif"

# 安委办〔2016〕11号: red, orange, yellow, blue (never green for the lowest)
RISK_COLOURS = {"red": "#d7191c", "orange": "#f28e2b", "yellow": "#f2c14e", "blue": "#2c7bb6"}
# this year against last year, and a neutral series colour
CURRENT = "#1f5fa8"
PREVIOUS = "#9aa5b1"
ALERT = "#c0392b"
# chart words (ticks, legend, labels) set explicitly: Streamlit's theme would grey them to 3.7:1 on white;
# this reaches WCAG AA 4.5:1 (tests/test_print_view.py)
TEXT = "#3d3d3d"


def chart_title(measure: str, filters: Filters, region_name: str, lang: str = "zh",
                as_of: date | None = None) -> str:
    """"死亡人数（含失踪）· 2026年1—6月 · 云川市 · 数据截至2026年6月30日" — what, when, where, as of."""
    as_of = as_of or filters.as_of
    stamp = i18n.t("stamp.as_of", lang, day=date_text(as_of, lang))
    return f"{measure} · {period_text(filters.start, filters.end, lang)} · {region_name} · {stamp}"


def style(fig: go.Figure, title: str, *, y_title: str | None = None, x_title: str | None = None,
          height: int = 420) -> go.Figure:
    """The house style: CJK font named explicitly, title with its scope, unit on the axis; every text that
    may come from the data escaped (``escape_text``)."""
    escape_text(fig)
    text = lambda value: None if value is None else plain_text(value)  # noqa: E731
    # one update of nested dicts: Plotly parses a magic path ("tickfont_color") and selects the axes
    # (update_xaxes) at a cost of several ms a call, for the same figure (issue 17, speed)
    layout: dict[str, Any] = {
        "title": {"text": _two_lines(title), "font": {"size": 16}},
        "font": {"family": CJK_FONT, "size": 13, "color": TEXT},
        "height": height,
        "margin": {"l": 60, "r": 30, "t": 80, "b": 50},
        "plot_bgcolor": "white",
        "legend": {"orientation": "h", "yanchor": "bottom", "y": 1.0, "xanchor": "right", "x": 1.0},
    }
    x_axis = {"title": {"text": text(x_title)}, "showgrid": False, "linecolor": "#888", "tickfont": {"color": TEXT}}
    y_axis = {"title": {"text": text(y_title)}, "gridcolor": "#e5e5e5", "zerolinecolor": "#bbb",
              "tickfont": {"color": TEXT}}
    for name in axis_names(fig, "xaxis"):
        layout[name] = x_axis
    for name in axis_names(fig, "yaxis"):
        layout[name] = y_axis
    fig.update_layout(layout)
    return fig


def axis_names(fig: go.Figure, prefix: str) -> list[str]:
    """The figure's axes of one kind ("xaxis": xaxis, xaxis2, …), those ``update_xaxes`` would update, without its
    subplot selection."""
    return [name for name in fig.layout if name.startswith(prefix) and fig.layout[name] is not None]


def _two_lines(title: str | None) -> str | None:
    """A title from ``chart_title`` (measure · period · region · as-of) on two lines, the measure above and its
    scope smaller below, so that it fits beside the modebar at 1366 px and in a PNG; each part escaped."""
    if title is None:
        return None
    parts = title.split(" · ")
    if len(parts) < 4:
        return plain_text(title)
    head, tail = " · ".join(parts[:-3]), " · ".join(parts[-3:])
    return f"{plain_text(head)}<br><span style=\"font-size:13px\">{plain_text(tail)}</span>"


# ---------------------------------------------------------------------------------------------- axes
# Counts are whole numbers: an axis of enterprises or accidents never shows 0.5. A rate axis that starts above
# zero says so in its title ("纵轴自90%起"). Long category ticks turn so that they do not overlap at 1366 px.

LOWEST_N = 15  # rate-by-township charts show the lowest this many; the full table stays below the chart


def count_step(most: float, ticks: int = 6) -> int:
    """A whole tick step (1, 2, 5, 10, 20, 50, …) giving at most about ``ticks`` ticks up to ``most``."""
    step = 1
    while most / step > ticks:
        for factor in (2, 5 / 2, 2):  # 1 → 2 → 5 → 10
            step = int(step * factor)
            if most / step <= ticks:
                break
    return max(step, 1)


def count_axis(fig: go.Figure, values, axis: str = "y") -> go.Figure:
    """A count axis: whole ticks from 0 (``tick0``/``dtick`` never below 1) with thousands separators."""
    numbers = [float(v) for v in values if v is not None and not (isinstance(v, float) and np.isnan(v))]
    most = max(numbers, default=0.0)
    settings = {"tick0": 0, "dtick": count_step(most), "tickformat": ",d", "rangemode": "tozero"}
    if axis in ("x", "y"):
        fig.update_layout({name: settings for name in axis_names(fig, f"{axis}axis")})
    else:  # a second axis by its layout name, e.g. "yaxis2"
        fig.layout[axis].update(**settings)
    return fig


def zoom_floor(values, step: float = 5.0, keep: float | None = None) -> float:
    """Where a 0–100 axis may start so that the differences show: a multiple of ``step`` at least half a
    ``step`` below the lowest value (and below ``keep``, e.g. a pass line), 0 when that is near the bottom anyway."""
    numbers = [float(v) for v in values if v is not None and not (isinstance(v, float) and np.isnan(v))]
    if keep is not None:
        numbers.append(float(keep))
    if not numbers:
        return 0.0
    lowest = min(numbers)
    floor = (lowest // step) * step
    if lowest - floor < step / 2:  # the lowest bar keeps a visible length
        floor -= step
    return 0.0 if floor < 20 else floor


def zoomed_title(title: str, floor: float, unit: str, lang: str, axis: str = "y") -> str:
    """The axis title, and where a zoomed axis starts: "整改率（%，纵轴自90%起）"."""
    if not floor:
        return title
    start = f"{floor:g}{unit}"
    key = "chart.zoomed_y" if axis == "y" else "chart.zoomed_x"
    note = i18n.t(key, lang, start=start)
    if lang == "zh":
        return f"{title[:-1]}，{note}）" if title.endswith("）") else f"{title}（{note}）"
    return f"{title[:-1]}, {note})" if title.endswith(")") else f"{title} ({note})"


def tick_angle(labels, width_px: int = 800) -> int:
    """0 when the category labels fit side by side at about ``width_px`` of plot (the plot area at 1366 px with
    the sidebar), else -45 (-90 when very many)."""
    labels = [str(v) for v in labels]
    if not labels:
        return 0
    chars = max(sum(2 if ord(c) > 0x2E80 else 1 for c in label) for label in labels)  # CJK is two wide
    room = width_px / len(labels) / 7  # ~7 px a narrow character at 13 px
    if chars <= room:
        return 0
    return -90 if len(labels) > 40 else -45


# ---------------------------------------------------------------------------------------------- data as text
# Plotly reads a subset of HTML in every text it draws (titles, axis titles, tick labels, category names, bar
# texts, legend names, hover labels): <a href> makes a link, <b>, <br>, <span style> take effect. A name from
# the data ("<a href=…>") must be drawn as the characters it is: '&', '<' and '>' become entities, which Plotly
# shows as the characters. Templates (hovertemplate, texttemplate) are code, not data, and are left alone.

_TRACE_TEXTS = ("x", "y", "text", "customdata", "hovertext", "name", "labels", "ids")


def plain_text(value: str) -> str:
    """A text from the data as Plotly must receive it to draw it literally."""
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _escaped(value: Any) -> Any:
    if isinstance(value, str):
        return plain_text(value)
    if isinstance(value, np.ndarray):
        return np.frompyfunc(_escaped, 1, 1)(value) if value.dtype == object else value
    if isinstance(value, (list, tuple)):
        return [_escaped(v) for v in value]
    return value


def escape_text(fig: go.Figure) -> go.Figure:
    """Every text a builder put in ``fig`` before ``style`` (which calls this, and escapes the title and axis
    titles it is given itself), escaped once: axis titles and tick texts, annotations, and each trace's
    categories, texts, custom data, hover texts and name. Builders set data texts before calling ``style``."""
    if fig.layout.meta == "escaped":
        return fig  # a second style() call must not turn "&amp;" into "&amp;amp;"

    def axis(ax) -> None:
        if ax.title.text:
            ax.title.text = plain_text(ax.title.text)
        if ax.ticktext is not None:
            ax.ticktext = _escaped(ax.ticktext)

    for name in (*axis_names(fig, "xaxis"), *axis_names(fig, "yaxis")):
        axis(fig.layout[name])
    for note in fig.layout.annotations:
        if note.text:
            note.text = plain_text(note.text)
    for trace in fig.data:
        for name in _TRACE_TEXTS:
            if name in trace._valid_props and trace[name] is not None:
                trace[name] = _escaped(trace[name])
    fig.layout.meta = "escaped"
    return fig


_SERVER_STARTED = False
# kaleido's sync server hands one caller's result to whoever reads its queue next: one call at a time (the
# screen's downloads run on threads of their own)
_RENDER_LOCK = threading.Lock()
# tabs of the one Chromium: a batch of figures (to_pngs) is drawn this many at a time
RENDER_TABS = 2


def start_renderer() -> None:
    """Start kaleido's sync server (one Chromium with ``RENDER_TABS`` tabs) once per process; it returns at once
    and the first chart waits until it is up. A server already running is kept."""
    global _SERVER_STARTED
    import kaleido

    if _SERVER_STARTED:
        return
    # one Chromium for all exports of this process: ~10x faster on repeated exports
    try:
        kaleido.start_sync_server(n=RENDER_TABS, silence_warnings=True)
    except Exception:  # noqa: BLE001 (an already running server is fine; no Chromium: the chart says so)
        pass
    _SERVER_STARTED = True


def _unready_tab(error: Exception) -> bool:
    """kaleido's tab answered before its page had defined ``kaleido_scopes`` (seen once in a loaded test run:
    ReferenceError "kaleido_scopes is not defined"): kaleido reloads every tab when a job ends, so the same call
    made again gets a ready tab."""
    return type(error).__name__ == "JavascriptError" and "kaleido_scopes is not defined" in str(error)


def _rendered(render):
    """``render()`` under the lock, made once more if kaleido gave it a tab whose page was not ready."""
    with _RENDER_LOCK:
        try:
            return render()
        except Exception as error:  # noqa: BLE001 (only the not-ready tab is retried; anything else is raised)
            if not _unready_tab(error):
                raise
            return render()


def to_png(fig: go.Figure, width: int = 1200, height: int | None = None, scale: float = 2.0) -> bytes:
    """A PNG of the figure with Chinese fonts, through kaleido and Debian's Chromium (no download)."""
    start_renderer()

    def render() -> bytes:
        with warnings.catch_warnings():
            # plotly warns that its per-call options are ignored when a server runs; we pass none
            warnings.filterwarnings("ignore", message="The kopts argument is ignored")
            return fig.to_image(format="png", width=width, height=height or fig.layout.height or 420, scale=scale)

    return _rendered(render)


def to_pngs(figs: list[go.Figure], width: int = 1200, height: int | None = None,
            scale: float = 2.0) -> list[bytes]:
    """PNGs of several figures in one call to kaleido, its tabs drawing them at the same time; each the bytes
    ``to_png`` gives for that figure (the same page draws them from the same figure dict and options)."""
    import tempfile
    from pathlib import Path

    import kaleido

    if not figs:
        return []
    start_renderer()
    with tempfile.TemporaryDirectory(prefix="riskdash-charts-") as folder:
        paths = [Path(folder) / f"chart{i}.png" for i in range(len(figs))]
        specs = [{"fig": fig.to_dict(), "path": path,
                  "opts": {"format": "png", "width": width, "height": height or fig.layout.height or 420,
                           "scale": scale}}
                 for fig, path in zip(figs, paths)]
        # cancel_on_error: the first failure is raised (else kaleido returns it and writes no file)
        _rendered(lambda: kaleido.write_fig_from_object_sync(specs, cancel_on_error=True))
        return [path.read_bytes() for path in paths]
