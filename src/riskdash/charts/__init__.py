"""The house style of every chart: pure helpers for Plotly figures.

Each screen keeps its builders in ``riskdash/screens/<screen>/charts.py`` and the briefing draws its chart
specifications; both use the helpers here, so that every chart names a CJK font (exports render Chinese),
states measure, period, region and as-of day in its title, and uses the official risk colours. No Streamlit.
"""

from __future__ import annotations

import re
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
    may come from the data escaped (``escape_text``); the title, the legend and the plot each in a band of its own
    (``fit_top``, which a builder calls again after it adds a label over the plot or changes the sizes)."""
    escape_text(fig)
    text = lambda value: None if value is None else plain_text(value)  # noqa: E731
    # one update of nested dicts: Plotly parses a magic path ("tickfont_color") and selects the axes
    # (update_xaxes) at a cost of several ms a call, for the same figure (issue 17, speed)
    html = title_html(title)
    top = _top(fig, html or "", TITLE_PX, height, None, 60, 30, FONT_PX)  # fit_top's, in the one update
    layout: dict[str, Any] = {
        # in the chart's coordinates (Plotly's default): its top left corner, clear of the modebar (title_lines)
        "title": {"text": html, "font": {"size": TITLE_PX}, "x": 0, "xanchor": "left", "y": 1, "yanchor": "top",
                  "pad": {"t": top["title"]["pad"]["t"], "l": TITLE_LEFT}},
        "font": {"family": CJK_FONT, "size": FONT_PX, "color": TEXT},
        "height": height,
        "margin": {"l": 60, "r": 30, "t": top["margin"]["t"], "b": 50},
        "plot_bgcolor": "white",
        # from the plot's left edge (x in the plot's coordinates, Plotly's default), under the title (y in the chart's)
        "legend": {"orientation": "h", "x": 0.0, "xanchor": "left", "yref": "container", "yanchor": "top",
                   "y": top["legend"]["y"]},
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


# ---------------------------------------------------------------------------------------------- title and legend
# The top of every chart, from its top edge down (issue 17 item 5: at 1024 px the legend ran over the title's
# second line): the title, the measure on its first line and its scope smaller below, on as many lines as the
# narrowest chart needs, its first line clear of the modebar; then the legend, in a band of its own; then any
# label standing on the plot's top edge (a 合格线's label); then the plot. The legend is placed in the chart's own
# coordinates (yref "container") right under the title: Plotly wraps a legend whose entries do not fit the plot's
# width into rows, and a legend placed so reserves the top margin down to its last row, so the plot stays below
# the legend at any width the page gives the chart (Plotly adds its 12 px push for the axes' labels under it). The
# top margin set here is what the legend's rows take at LEGEND_CHART_PX, so that the plot does not move there; an
# export is fitted again to its own size (``to_png``, ``to_pngs``).

TITLE_PX = 16  # the measure
SCOPE_PX = 13  # the scope (period · region · as-of day), and a measure's qualifiers that wrap
FONT_PX = 13  # ticks, legend, labels
TOP_PAD = 4  # above the title's glyphs
TITLE_LEFT = 8  # the title's left edge
# the narrowest chart on screen: at 1024 px beside the sidebar a page's main column is 676 px, 汇报's preview 644
NARROW_CHART_PX = 644
# the width the legend's rows are counted at on screen: the main column at 1366 px beside the sidebar. On a narrower
# page a legend that takes more rows pushes the plot down itself (its reserved margin, above); counted at 644 px,
# a wrapped legend left a band of empty rows above the plot at 1366 and 1920 px. A chart with a label on the
# plot's top edge counts at NARROW_CHART_PX: that label has no such push.
LEGEND_CHART_PX = 1018
# the modebar (shown on hover, at the top right: 8 buttons in Streamlit, 224 × 28 px): the title's first line, at
# its height, keeps this far from the chart's right edge
MODEBAR_PX = 240
LINE_SPACING = 1.3  # Plotly's, times the font size, from one line's baseline to the next
LEGEND_GAP = 6  # between the title and the legend
# between the legend (or the title) and the plot: Plotly keeps a push of 12 px there for the axes' labels
PLOT_GAP = 14
LEGEND_ITEM_GAP = 5  # Plotly's gap around each legend entry
LEGEND_SYMBOL_PX = 40  # an entry's symbol and the gap before its name


def text_px(text: str, size: float) -> float:
    """About how wide ``text`` is at ``size`` px in the charts' font (Noto Sans CJK SC, whose Latin is Source Sans),
    a little wider than drawn, bold or not: Chinese and full-width forms one em, Latin by letter class. Used to
    decide where a title breaks and how many rows a legend takes, never to place anything exactly."""
    width = 0.0
    for char in text:
        code = ord(char)
        if code >= 0x2E80 or char in "\u2014\u2026":  # CJK, full-width forms; the em dash and the ellipsis
            width += 1.0
        elif char == " ":
            width += 0.26
        elif char in "ijl.,:;'|!()[]{}/-·":
            width += 0.3
        elif char.isupper() or char in "mw%&@":
            width += 0.72
        else:  # other letters, digits
            width += 0.56
    return width * size * 1.06


def _pack(parts: list[str], size: float, room: float) -> list[str]:
    """``parts`` joined with " · " into lines of at most ``room`` px, greedily; a part wider than a line stands
    alone (``_split`` breaks it)."""
    lines: list[list[str]] = []
    line: list[str] = []
    for part in parts:
        if line and text_px(" · ".join([*line, part]), size) > room:
            lines.append(line)
            line = []
        line.append(part)
    if line:
        lines.append(line)
    return [" · ".join(line) for line in lines]


def _split(text: str, size: float, room: float) -> tuple[str, str]:
    """``text`` cut where the most of it fits ``room`` px: after a word of English, after any character of
    Chinese; the rest ("" when all of it fits)."""
    if text_px(text, size) <= room:
        return text, ""
    cuts = [i for i, char in enumerate(text)
            if char == " " or ord(char) >= 0x2E80 or (i and ord(text[i - 1]) >= 0x2E80)]
    fits = [i for i in cuts if i and text_px(text[:i].rstrip(), size) <= room]
    if not fits:
        return text, ""  # one word wider than the line: left whole
    cut = fits[-1]
    return text[:cut].rstrip(), text[cut:].lstrip()


def title_lines(title: str, width: int = NARROW_CHART_PX) -> list[tuple[str, bool]]:
    """The title's lines on a chart ``width`` px wide, each with whether it is drawn small: the measure first,
    beside the modebar (its words that do not fit there on the next line, at its size), the measure's qualifiers
    that do not fit after it on lines of their own, then the scope (the last three parts of a ``chart_title``) on
    as few lines as fit, small. Plain text, not yet escaped."""
    parts = title.split(" · ")
    head, tail = (parts[:-3], parts[-3:]) if len(parts) >= 4 else (parts, [])
    room = width - 2 * TITLE_LEFT
    first, *rest = _pack(head, TITLE_PX, room - MODEBAR_PX)
    first, more = _split(first, TITLE_PX, room - MODEBAR_PX)
    lines = [(first, False)]
    while more:  # the measure itself wider than its line
        line, more = _split(more, TITLE_PX, room)
        lines.append((line, False))
    if rest:
        lines += [(line, True) for line in _pack(" · ".join(rest).split(" · "), SCOPE_PX, room)]
    return lines + [(line, True) for line in (_pack(tail, SCOPE_PX, room) if tail else [])]


def title_html(title: str | None, width: int = NARROW_CHART_PX) -> str | None:
    """A title from ``chart_title`` (measure · period · region · as-of) as Plotly draws it: the measure above and
    its scope smaller below (``title_lines``), each line escaped."""
    if title is None:
        return None
    return "<br>".join(f"<span style=\"font-size:{SCOPE_PX}px\">{plain_text(line)}</span>" if small
                       else plain_text(line) for line, small in title_lines(title, width))


def _shown(value: Any) -> str:
    """A text as drawn (the entities ``plain_text`` made back to characters, markup left out), to be measured."""
    text = re.sub(r"<[^>]*>", "", str(value))
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


def legend_names(fig: go.Figure) -> list[str]:
    """The names the legend shows: one per trace that appears in it (Plotly shows a legend when two or more do,
    or when the layout asks for one)."""
    names = []
    for trace in fig.data:
        if trace.visible is False or trace.showlegend is False:
            continue
        if trace.type not in ("bar", "scatter", "scattergl", "box", "histogram", "pie"):
            continue
        names.append(_shown(trace.name if trace.name is not None else "trace"))
    shows = fig.layout.showlegend
    return names if (shows is None and len(names) > 1) or shows else []


def legend_rows(names: list[str], room: float, size: float = FONT_PX) -> int:
    """How many rows Plotly wraps a horizontal legend of ``names`` into, ``room`` px wide: one row when all entries
    fit side by side, else a grid of columns as wide as the widest entry."""
    if not names:
        return 0
    widths = [LEGEND_SYMBOL_PX + text_px(name, size) for name in names]
    if sum(widths) + LEGEND_ITEM_GAP * (len(widths) + 1) <= room:
        return 1
    per_row = max(1, int((room - LEGEND_ITEM_GAP) // (max(widths) + LEGEND_ITEM_GAP)))
    return -(-len(names) // per_row)


def _notes_above(fig: go.Figure) -> float:
    """The height of the labels that stand on the plot's top edge (an annotation at the top of the plot, anchored
    at its bottom: a vertical line's label), which the legend must leave room for."""
    most = 0.0
    for note in fig.layout.annotations:
        yref = note.yref or "y"
        on_top = yref == "paper" or yref.endswith("domain")
        if on_top and note.y is not None and note.y >= 1 and note.yanchor == "bottom":
            size = (note.font.size if note.font and note.font.size else FONT_PX)
            lines = str(note.text or "").count("<br>") + 1
            most = max(most, size * LINE_SPACING * lines + 2 * (note.borderpad or 1) + 2)
    return most


def _left_labels(fig: go.Figure) -> float:
    """About how wide the category labels left of a horizontal bar chart are (Plotly widens the left margin to
    them, narrowing the plot and so the legend's room)."""
    labels: list[str] = []
    for name in axis_names(fig, "yaxis"):
        if fig.layout[name].ticktext is not None:
            labels += [_shown(v) for v in fig.layout[name].ticktext]
    if not labels:
        for trace in fig.data:
            if getattr(trace, "orientation", None) == "h" and trace.y is not None:
                labels += [_shown(v) for v in trace.y]
    return max((text_px(label, FONT_PX) for label in labels), default=0.0) + 12


def fit_top(fig: go.Figure, width: int | None = None, height: int | None = None) -> go.Figure:
    """The title, the legend and the plot one under another on a chart ``width`` × ``height`` px (the figure's
    height by default; on screen by default, LEGEND_CHART_PX): the legend placed right under the title's last
    line, and the top margin down to the legend's last row (as many as it takes at ``width``) and any label on
    the plot's top edge. Called by ``style``; again after a builder adds such a label or changes the sizes."""
    layout = fig.layout
    margin = layout.margin
    fig.update_layout(_top(fig, layout.title.text or "", layout.title.font.size or TITLE_PX,
                           height or layout.height or 420, width,
                           margin.l if margin.l is not None else 80, margin.r if margin.r is not None else 80,
                           layout.legend.font.size or layout.font.size or FONT_PX))
    return fig


def _top(fig: go.Figure, title: str, size: float, height: float, width: float | None, left: float, right: float,
         legend_size: float) -> dict[str, Any]:
    """``fit_top``'s layout: the title's pad, the legend's place, the top margin (``title``: as drawn, its lines
    split by <br>; ``size``: the title's font size; ``width``: None on screen; ``left``, ``right``: the side
    margins)."""
    lines = title.count("<br>") + 1 if title else 0
    # Plotly draws a title of several lines half a line higher than its anchor says (measured in plotly.js 4.1 and
    # 4.2, which kaleido and Streamlit use): the pad sets its glyphs' top at TOP_PAD; its last line's bottom below
    if lines > 1:
        pad = TOP_PAD + 1.2 * size
        bottom = pad + 1.6 * size + size * LINE_SPACING * (lines - 2)
    else:
        pad = TOP_PAD + 0.5 * size
        bottom = pad + size * (1 if lines else -0.5)
    top = bottom + LEGEND_GAP  # the legend's
    notes = _notes_above(fig)
    if width is None:
        width = NARROW_CHART_PX if notes else LEGEND_CHART_PX
    room = width - max(left, _left_labels(fig)) - right
    rows = legend_rows(legend_names(fig), room, legend_size)
    legend = 2 * LEGEND_ITEM_GAP + 2 + rows * (legend_size * LINE_SPACING + 2.2) if rows else 0.0
    plot_top = (top + legend if rows else bottom) + notes + PLOT_GAP
    return {"title": {"pad": {"t": round(pad)}}, "legend": {"y": 1 - top / height}, "margin": {"t": round(plot_top)}}


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


def _fitted(fig: go.Figure, width: int, height: int | None) -> go.Figure:
    """A copy of the figure with its title, legend and plot fitted to an export ``width`` × ``height`` (``fit_top``:
    the legend placed in the chart's coordinates must move when the height is not the figure's, and a wider
    chart may need fewer legend rows); the caller's figure is left as it is."""
    return fit_top(go.Figure(fig), width, height or fig.layout.height or 420)


def to_png(fig: go.Figure, width: int = 1200, height: int | None = None, scale: float = 2.0) -> bytes:
    """A PNG of the figure with Chinese fonts, through kaleido and Debian's Chromium (no download), its title,
    legend and plot fitted to the PNG's size."""
    start_renderer()
    fig = _fitted(fig, width, height)

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
    figs = [_fitted(fig, width, height) for fig in figs]
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
