"""The shared widgets every screen draws with: section headings with their scope line, KPI rows, tables,
formula lines and charts. Every text from the data goes through ``plain`` first (ui/markdown.py)."""

from __future__ import annotations

import functools
import json
import unicodedata
from functools import partial
from typing import Sequence

import pandas as pd
import streamlit as st

from riskdash import i18n
from riskdash.screens.kit import Kpi
from riskdash.ui.markdown import plain


def section(title: str, scope: str) -> None:
    # the scope names the region and sector (data): never Markdown
    st.subheader(plain(title))
    st.caption(plain(scope))
    state = st.session_state.get(EXPORT_STATE)
    if state is not None:
        state["heading"] = title  # the name of the tables under it, unless they are given their own


def kpi_row(kpis: Sequence[Kpi]) -> None:
    """One row of st.metric cards (``riskdash.screens.kit.Kpi``)."""
    for column, kpi in zip(st.columns(len(kpis)), kpis):
        column.metric(kpi.label, kpi.value, delta=kpi.delta, delta_color=kpi.delta_color,
                      delta_arrow=kpi.delta_arrow if kpi.delta else "auto", help=kpi.help, border=True,
                      delta_description=kpi.delta_description)


# Tables that read on a projector (issue 17 item 7): every row shown without an inner scroll (up to a cap, beyond
# which a long list scrolls), each column as wide as its header and text, and columns of longer text (主要理由,
# a place, an enterprise) wrapped over a few lines instead of cut with "…" or pushed past the page's right edge:
# as little as it takes for the whole table to fit NARROW_PX, the page's width at 1024 px beside the sidebar, or
# failing that FIT_PX, its width at 1366 px. The server does not know the window's width: a table fitted to the
# narrow page is stretched by the grid to a wider one (st.dataframe's width="stretch" lets every column grow).
ROW_PX = 35          # st.dataframe's row (and header) height
ROWS_SHOWN = 60      # the most rows a table shows before it scrolls
LONG_LIST_PX = 640   # … and a longer list's grid is no taller than this: it scrolls inside, within the window
NARROW_PX = 664      # the width a table should fit (the main column at 1024 px beside the sidebar is about 674 px)
FIT_PX = 980         # … or failing that (the main column at 1366 px is about 1,010 px)
MARKER_PX = 34       # the checkbox column of a table whose rows can be selected (it opens a record)
WRAP_PX = 260        # a text column wider than this always wraps
MIN_WRAP_PX = 74     # … and none is made narrower than this (four Chinese characters)
LINE_PX = 20         # one line of wrapped text
MAX_LINES = 6
CELL_PAD_PX = 18     # the cell's padding and border
HEAD_PAD_PX = 26     # the header's padding and its sort mark


WIDE_PX, NARROW_CHAR_PX = 14.0, 8.0


@functools.cache
def _char_px(ch: str) -> float:
    return WIDE_PX if unicodedata.east_asian_width(ch) in ("W", "F") else NARROW_CHAR_PX


def text_px(text: str) -> float:
    """The width of ``text`` in the tables' 14 px font, a little generous: a Chinese character (or full-width
    punctuation) is 14 px, anything else at most 8 px."""
    text = str(text)
    return NARROW_CHAR_PX * len(text) if text.isascii() else sum(map(_char_px, text))


def widest_px(texts) -> float:
    """The largest ``text_px`` of ``texts`` (0 for none), measuring few of them: the distinct texts longest
    first, stopping where even all-Chinese text of that length could not be wider (issue 17, speed: a list of
    20,000 rows measured every cell of every column, about 0.5 s of a page's run at scale 20)."""
    widest = 0.0
    for text in sorted(set(map(str, texts)), key=len, reverse=True):
        if WIDE_PX * len(text) <= widest:
            break
        widest = max(widest, text_px(text))
    return widest


# Integer columns are drawn with thousands separators (issue 17 item 8: 1,606 as the formula lines write it), in the
# browser's locale (st.column_config.NumberColumn's "localized": the value stays a number, so the column still
# sorts as numbers); not a column that holds years, codes or numbers that name a record (2026, an entry's 序号)
NOT_THOUSANDS = ("年度", "年份", "序号", "编号", "代码", "Year", "year", "ID", "Id", "Code", "code", "Entry", "No.")


def thousands(name, column) -> bool:
    """Whether the grid shows column ``name`` (a Series) with thousands separators: an integer column (not
    booleans) whose header names no year, code or record number (NOT_THOUSANDS)."""
    from pandas.api.types import is_bool_dtype, is_integer_dtype

    return (is_integer_dtype(column.dtype) and not is_bool_dtype(column.dtype)
            and not any(word in str(name) for word in NOT_THOUSANDS))


def _wraps(values) -> bool:
    """Whether the grid can break this column's text: words or Chinese (not codes such as A2026-00098)."""
    return any(isinstance(v, str) and (" " in v or not v.isascii() and any(_char_px(c) == WIDE_PX for c in v))
               for v in values)


def _distinct(column) -> list:
    """A column's distinct values (its width and wrapping depend on nothing else), unhashable ones kept whole."""
    if column.dtype != object:  # one type: pandas' own hashing (an object column may hold 1, 1.0 and True)
        return column.unique().tolist()
    try:
        return list({(type(v), v): v for v in column.tolist()}.values())  # 1 and 1.0 and True drawn apart
    except TypeError:
        return column.tolist()


def fit(frame, budget: int | None = None, selectable: bool = False, max_lines: int = MAX_LINES) -> dict:
    """st.dataframe's height, row height and column widths for ``frame`` (a DataFrame or a pandas Styler): the
    keyword arguments that show every row (up to ROWS_SHOWN) and every cell's whole text within ``budget`` px
    (by default NARROW_PX where wrapping can make it, else FIT_PX); ``selectable``: its rows carry a checkbox
    column (on_select), which takes MARKER_PX of the width; ``max_lines``: the most lines a wrapped cell may
    take before the table is let scroll sideways (a list whose one column of running text is long, such as the
    ranking's reasons in English, may take more than MAX_LINES)."""
    data = getattr(frame, "data", frame)  # a Styler keeps its frame in .data
    rows = len(data)
    heads: dict[str, float] = {}
    contents: dict[str, float] = {}
    wrapping: set[str] = set()
    grouped = {str(name) for name in data.columns if thousands(name, data[name])}
    for name in data.columns:
        values = [v for v in _distinct(data[name]) if v is not None and str(v) not in ("", "nan", "None")]
        key = str(name)
        if key in grouped:  # measured as drawn: 1,606
            values = [f"{v:,}" for v in values]
        heads[key] = text_px(key) + HEAD_PAD_PX
        contents[key] = widest_px(values) + CELL_PAD_PX
        if contents[key] > heads[key] and _wraps(values):
            wrapping.add(key)

    def widths_at(cap: float) -> dict[str, float]:
        out = {}
        for key, head in heads.items():
            width = max(head, contents[key])
            if key in wrapping:
                least = (contents[key] - CELL_PAD_PX) / max_lines + CELL_PAD_PX
                width = max(head, least, min(contents[key], cap))
            out[key] = width
        return out

    # the widest cap (≤ WRAP_PX) at which the table fits the budget; a table too wide to fit even at the
    # narrowest (the township scorecard's many figures) scrolls sideways anyway: its columns keep their text's
    # width on one line (one long 一票否决原因 would make all sixty rows tall)
    budgets = [budget] if budget else [NARROW_PX, FIT_PX]
    budgets = [b - (MARKER_PX if selectable else 0) for b in budgets]
    least = sum(widths_at(MIN_WRAP_PX).values())
    budget = next((b for b in budgets if least <= b), budgets[-1])
    cap = float(WRAP_PX)
    if least <= budget:
        while sum(widths_at(cap).values()) > budget:
            cap -= 2
    else:
        cap = float("inf")
    widths = widths_at(cap)
    # what the budget leaves goes to the columns still wrapped, in proportion to the text they still fold
    slack = budget - sum(widths.values())
    need = {k: contents[k] - widths[k] for k in wrapping if contents[k] > widths[k]}
    if slack > 0 and need:
        total = sum(need.values())
        for k, n in need.items():
            widths[k] += min(n, slack * n / total)
    lines = max((-(-int(contents[k] - CELL_PAD_PX) // max(1, int(widths[k] - CELL_PAD_PX))) for k in wrapping),
                default=1)
    # Streamlit wraps a cell's text only when rows are taller than 4 rem (64 px)
    row_height = max(66, lines * LINE_PX + 12) if lines > 1 else ROW_PX
    height = ROW_PX + row_height * min(rows, ROWS_SHOWN) + 3
    if rows > ROWS_SHOWN:
        # a long list scrolls inside a grid no taller than the window (a grid of sixty tall rows, taller than the
        # page, scrolled both ways at once and a click on a row did not select it)
        height = min(height, max(LONG_LIST_PX, ROW_PX + 3 * row_height + 3))
    config = {key: st.column_config.NumberColumn(width=int(width + 0.999), format="localized") if key in grouped
              else st.column_config.Column(width=int(width + 0.999)) for key, width in widths.items()}
    out = {"column_config": config, "height": height if rows else "auto"}
    if lines > 1:
        out["row_height"] = row_height
    return out


# English wrapped in a grid (issue 17 item 7, in English). The grid (glide data grid, through canvas-hypertxt)
# wraps a cell's text only where it guesses the line too long, and it guesses from the average width of the
# characters it has measured so far on the page in that font: first 1.5 × the cell's width ÷ that average
# characters are measured, and if they fit the whole line is drawn as one. After Chinese names that average is
# near a Chinese character's 14 px, and English (about 7 px a character) was drawn on one line and cut at the cell's
# border: the ranking's sectors and reasons, the lists' sectors. A newline in a cell is drawn as a space, so the
# text cannot be broken beforehand. A cell given a font string of its own is measured apart: "font-weight: 400"
# (a pandas Styler's CSS, which st.dataframe makes the cell's font "400 0.875rem", the same 14 px look as the
# grid's "400 14px") gives each cell of mostly narrow characters that must wrap an average of English text alone,
# and it wraps where it should; Chinese cells keep the grid's own font and average, as before.
APART_CSS = "font-weight: 400"
APART_MAX_ROWS = 2_000  # a Styler's translation costs about 0.1 s per 1,000 rows of 8 columns: longer lists as before


def narrow(text: str) -> bool:
    """Whether ``text`` is mostly narrow characters (English, figures): fewer than a third of them Chinese."""
    return text.isascii() or 3 * sum(_char_px(c) == WIDE_PX for c in text) < len(text)


def _plain_float(value) -> str:
    """A float as the grid draws one without a format (up to four decimals, no trailing zeros)."""
    return f"{value:.4f}".rstrip("0").rstrip(".")


def measured_apart(frame, widths: dict, wraps: bool):
    """``frame`` (a DataFrame or a pandas Styler) to draw with its columns ``widths`` (column name → px; a
    column left out is not looked at) and rows that wrap (``wraps``): the same frame, or where a cell of mostly
    narrow characters is wider than its column a Styler that measures such cells apart (APART_CSS). A DataFrame's
    Styler draws its floats as the grid does (``_plain_float``); null cells keep the placeholder."""
    data = getattr(frame, "data", frame)
    if not wraps or len(data) > APART_MAX_ROWS:
        return frame
    apart: dict = {}
    for name in data.columns:
        width = widths.get(name)
        kind = data[name].dtype
        if width is None or not (kind == object or pd.api.types.is_string_dtype(kind)):
            continue
        texts = {v for v in _distinct(data[name])
                 if isinstance(v, str) and text_px(v) + CELL_PAD_PX > width and narrow(v)}
        if texts:
            apart[name] = texts
    if not apart:
        return frame
    styler = frame
    if styler is data:
        floats = [name for name in data.columns if pd.api.types.is_float_dtype(data[name].dtype)]
        styler = data.style.format(_plain_float, subset=floats) if floats else data.style
    for name, texts in apart.items():
        styler = styler.map(lambda v, texts=texts: APART_CSS if isinstance(v, str) and v in texts else "",
                            subset=[name])
    return styler


def fitted(frame, **options) -> tuple:
    """``frame`` as st.dataframe should draw it (``measured_apart``) and ``fit``'s keyword arguments for it."""
    sized = fit(frame, **options)
    widths = {getattr(frame, "data", frame).columns[i]: c["width"]
              for i, c in enumerate(sized["column_config"].values())}
    return measured_apart(frame, widths, "row_height" in sized), sized


def table(frame: pd.DataFrame, name: str | None = None, download: bool = True) -> None:
    """A fitted table and under it its .xlsx download (``table_download``; ``download=False`` where the screen
    offers its own file of the same table)."""
    shown, sized = fitted(frame)
    st.dataframe(shown, hide_index=True, width="stretch", placeholder=i18n.DASH, **sized)
    if download:
        table_download(frame, name)


def view_table(frame: pd.DataFrame, views: dict[str, Sequence[str]], key: str, label: str,
               labels: dict[str, str] | None = None, name: str | None = None, download: bool = True,
               selectable: bool = False, ids: Sequence | None = None):
    """A table too wide for the page at 1024 px, shown one themed view of its columns at a time (issue 17 item 7):
    a segmented control named ``label`` over the views (``views``: each view's name and its columns, the key
    columns first in every one; one view: no control, the columns the grid shows), the chosen view's columns
    fitted (``fit``) under it. ``labels``: a shorter header
    on screen for a column (its full name in the column's tooltip; the frame and its download keep the full name).
    The grid holds the whole frame (column_order picks the view): the download under it (``table_download``;
    ``download=False`` where the screen offers its own file) carries every column in one sheet. ``selectable``:
    rows can be selected (single row), the selected row's record (``ids``: each row's) kept while the table's tab
    is closed (``kept_row``); ``key`` "" (one view): a grid without a key, for a table drawn more than once on a
    page (the enterprise card). The view chosen is kept too (``kept``), by its place: the language switch renames
    every view. Returns st.dataframe's event."""
    names = list(views)
    place = 0
    if len(names) > 1:  # one view (the columns a card does not hold): no control
        place = st.segmented_control(label, list(range(len(names))), default=0, required=True,
                                     format_func=names.__getitem__, **kept(key))
    shown = [c for c in views[names[place or 0]] if c in frame.columns]
    labels = {c: labels[c] for c in shown if labels and c in labels}
    sized = fit(frame[shown].rename(columns=labels), selectable=selectable)
    config = {}
    for column in shown:
        width = sized["column_config"][labels.get(column, column)]["width"]
        kind = (partial(st.column_config.NumberColumn, format="localized") if thousands(column, frame[column])
                else st.column_config.Column)
        config[column] = (kind(label=labels[column], help=plain(column), width=width)
                          if column in labels else kind(width=width))
    grid = f"{key}_grid" if key else None
    extra = {"key": grid}
    if selectable:
        extra = kept_row(grid, ids) if grid and ids is not None else {**extra, "on_select": "rerun",
                                                                      "selection_mode": "single-row"}
    drawn = measured_apart(frame, {c: config[c]["width"] for c in shown}, "row_height" in sized)
    event = st.dataframe(drawn, hide_index=True, width="stretch", placeholder=i18n.DASH, column_order=shown,
                         **{**sized, "column_config": config}, **extra)
    if selectable and grid and ids is not None:
        keep_row(grid, ids, event)
    if download:
        table_download(frame, name)
    return event


def kept_tabs(labels: Sequence[str], key: str):
    """st.tabs whose open tab the server knows (``key``, on_change="rerun": each tab's ``.open``) and keeps by its
    place, not its label: the language switch renames every tab, which Streamlit took for new tabs and opened
    the first (issue 17: a page in English after 数据管理's 审计日志 showed Import). The open tab's place is
    kept in the session beside the widget's own value, and given back as the renamed tabs' default."""
    labels = list(labels)
    place_key = f"_keep_{key}_place"
    place = st.session_state.get(place_key, 0)
    current = st.session_state.get(key)
    if current in labels:
        place = labels.index(current)
    elif current is not None:  # renamed: the same place under its new name
        place = min(place, len(labels) - 1)
        st.session_state[key] = labels[place]
    st.session_state[place_key] = place
    return st.tabs(labels, key=key, on_change="rerun", default=labels[place])


# A choice made inside a tab of kept_tabs survives leaving the tab (issue 17): only the open tab is drawn, and
# Streamlit drops the state of a widget a run does not draw, so 隐患治理's 月报表 month was back to its default
# after a look at another tab. Streamlit 1.67's persist_state="page" keeps the value of a keyed widget while it
# is not drawn (under its key, restored when it is drawn again, fragment runs included) and drops it when the
# user goes to another page; the widget then starts from its own default, which it also falls back to when its
# value is no longer offered (a selectbox's option gone with a changed scope). Nothing is written to the
# widget's key, so no "default value but also set via the Session State API" warning.
KEPT_ROW = "_kept_row."  # + a grid's key: the record of its selected row


def kept(key: str) -> dict:
    """A select, radio, segmented control or text input's ``key`` and the keeping of its value while its tab is
    closed: ``st.selectbox(label, options, **kept("rect_form_month"))``."""
    return {"key": key, "persist_state": "page"}


def kept_row(key: str, ids: Sequence) -> dict:
    """st.dataframe's arguments for grid ``key`` whose one selected row opens a record (``ids``: each row's
    record): st.dataframe has no persist_state, so the record selected (``keep_row``) is given back as the
    selection_default of a grid drawn anew, found by its id (not its place: a changed scope lists other rows,
    and a record no longer listed is not selected)."""
    chosen = st.session_state.get(KEPT_ROW + key)
    ids = list(ids)
    default = {"selection": {"rows": [ids.index(chosen)]}} if chosen is not None and chosen in ids else None
    return {"key": key, "on_select": "rerun", "selection_mode": "single-row", "selection_default": default}


def selected_row(event, n: int) -> int | None:
    """The row selected in a single-row grid of ``n`` rows (st.dataframe's ``event``), None for none."""
    rows = list(getattr(getattr(event, "selection", None), "rows", []) or [])
    return rows[0] if rows and rows[0] < n else None


def keep_row(key: str, ids: Sequence, event) -> int | None:
    """The row selected in grid ``key`` (``selected_row``), its record noted for ``kept_row``."""
    row = selected_row(event, len(ids))
    st.session_state[KEPT_ROW + key] = None if row is None else list(ids)[row]
    return row


def full_table(frame: pd.DataFrame, name: str | None = None, download: bool = True) -> None:
    """A table tall enough to show every row (the monthly form: 14 sectors and 合计, no scrolling)."""
    st.dataframe(frame, hide_index=True, width="stretch", placeholder=i18n.DASH, height=35 * (len(frame) + 1) + 3)
    if download:
        table_download(frame, name)


def listing(frame: pd.DataFrame, empty: str, name: str | None = None, download: bool = True) -> None:
    """A table, or the one line ``empty`` when it has no rows."""
    if frame.empty:
        st.info(empty, icon=":material/check_circle:")
    else:
        table(frame, name, download)


# Every table's own export (issue 17 items 10 and 11): start_page notes the page's scope (begin_exports), each
# section its heading; a table drawn through table/full_table/listing (or any st.dataframe followed by
# table_download) gets a small .xlsx button under it: the frame shown (already within the account's and the
# filters' scope, its headers and enum words as on screen) under its title, the scope and the as-of day
# (exports.tables.table_xlsx), named 事故分类统计_绿阳区_截至2026年11月28日.xlsx. The workbook is built when clicked.
EXPORT_STATE = "_table_exports"


def begin_exports(ctx) -> None:
    """This run's page scope (``ctx``: the ``PageContext``) for the tables' downloads, and no table yet."""
    scope = ctx.scope
    st.session_state[EXPORT_STATE] = {
        "lang": ctx.lang, "region": ctx.region_name, "as_of": ctx.filters.as_of, "heading": "", "names": [],
        "scope": i18n.t("table.scope", ctx.lang, region=scope.region, sector=scope.sector, period=scope.period),
        "as_of_line": i18n.t("table.as_of", ctx.lang, as_of=scope.as_of), "marks": {},
    }


def exports_at(part: str) -> None:
    """The start of ``part``, a fragment (``st.fragment``) of the page: the tables' names as they stood there are
    noted on the page's full run and put back when the fragment runs alone, so that its tables keep the names
    (and download keys) they had on the full run instead of counting on from the page's last table."""
    state = st.session_state.get(EXPORT_STATE)
    if state is None:
        return
    marks = state.setdefault("marks", {})
    if part in marks:
        state["heading"], names = marks[part]
        state["names"] = list(names)
    else:
        marks[part] = (state["heading"], list(state["names"]))


def table_download(frame, name: str | None = None) -> None:
    """The small .xlsx button of the table just drawn, named ``name`` (by default the section's heading; a
    second table under one heading adds its first column's header, 隐患分类统计 · 行业)."""
    from riskdash.exports.tables import XLSX_MIME, table_xlsx
    from riskdash.screens.kit import download_name

    state = st.session_state.get(EXPORT_STATE)
    if state is None:  # a page drawn without start_page (none today): no scope to name the file with
        return
    data = getattr(frame, "data", frame)
    lang = state["lang"]
    what = name or state["heading"] or i18n.t("table.default_name", lang)
    if what in state["names"] and len(data.columns):
        what = i18n.t("table.of", lang, whole=what, part=data.columns[0])
    base, n = what, 1
    while what in state["names"]:
        n += 1
        what = f"{base} ({n})"
    state["names"].append(what)
    file_name = download_name(what, state["region"], "xlsx", lang, as_of=state["as_of"])
    lines = [state["scope"], state["as_of_line"]]
    st.download_button(i18n.t("table.download", lang), data=lambda: table_xlsx(data, what, lines, lang),
                       file_name=file_name, mime=XLSX_MIME, icon=":material/download:", type="tertiary",
                       help=plain(file_name), on_click="ignore", key=f"table_xlsx_{len(state['names'])}")


def formula(text: str) -> None:
    st.caption(":material/function: " + plain(text))


def plot(fig, empty: str = "") -> None:
    """A plotly figure across the page (without the plotly logo); ``None`` (a builder's "nothing to draw")
    is the one line "所选范围内没有可画的数据：{empty}。" instead of an empty plot."""
    if fig is None:
        st.info(i18n.t("chart.empty", _lang(), what=empty), icon=":material/info:")
        return
    st.plotly_chart(fig, width="stretch", config={"displaylogo": False, **PNG_CONFIG})


# the modebar's "download as PNG": the figure's own size, twice as sharp (not the page's width, which cuts)
PNG_CONFIG = {"toImageButtonOptions": {"format": "png", "scale": 2}}


def _lang() -> str:
    from riskdash.ui.session import chosen_lang

    return chosen_lang()


def template_button(label: str, kind: str, file_name: str, key: str) -> None:
    """The import template of ``kind`` (.xlsx with Chinese headers and instructions), built when clicked."""
    from riskdash.importer import KINDS
    from riskdash.importer.export import template_xlsx

    st.download_button(label, data=lambda: template_xlsx(KINDS[kind]), file_name=file_name,
                       mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                       icon=":material/download:", key=key, on_click="ignore")


def file_uploader(label: str, types: list[str], key: str, limit_mb: int, lang: str):
    """st.file_uploader, its button and its size line in the interface language: Streamlit writes "Upload" and
    "200MB per file • CSV, XLSX" in English whatever the page's language, so in Chinese a style scoped to this
    uploader (its key's class) hides those words and shows 选择文件 / 单个文件不超过200MB · CSV、XLSX instead."""
    upload = st.file_uploader(label, type=types, key=key, max_upload_size=limit_mb)
    if lang == "zh":
        st.html(uploader_css(key, types, limit_mb) + uploader_script(key, label, types, limit_mb),
                unsafe_allow_javascript=True)
    return upload


def _limit_words(types: list[str], limit_mb: int) -> str:
    return f"单个文件不超过{limit_mb}MB · " + "、".join(t.upper() for t in types)


def uploader_script(key: str, label: str, types: list[str], limit_mb: int) -> str:
    """What a screen reader says of uploader ``key`` in Chinese: the style above changes what is seen only, and
    the reader still said "file upload", "Upload" and "200MB per file". The script names the file field and the
    button in Chinese (aria-label), hides Streamlit's English words from the reader (aria-hidden, which hides the
    style's Chinese after them too) and gives it the size line in Chinese in a span that is not seen; it runs
    again whenever Streamlit draws the uploader anew."""
    words = json.dumps({"field": f"{label}：{_limit_words(types, limit_mb)}", "button": "选择文件",
                        "limit": _limit_words(types, limit_mb), "scope": f".st-key-{key}"}, ensure_ascii=False)
    return f"""<script>(function () {{
  const w = {words};
  function apply() {{
    const zone = document.querySelector(w.scope + " [data-testid='stFileUploaderDropzone']");
    if (!zone) return;
    const input = zone.querySelector("input[type=file]");
    if (input && input.getAttribute("aria-label") !== w.field) input.setAttribute("aria-label", w.field);
    const button = zone.querySelector("button");
    if (button && button.getAttribute("aria-label") !== w.button) button.setAttribute("aria-label", w.button);
    // the English words and the Chinese the style shows after them (::after) are hidden together; the size
    // line is given to the reader in a span of its own, not seen
    for (const el of zone.querySelectorAll("button [data-testid='stMarkdownContainer'] p, "
                                           + "[data-testid='stFileUploaderDropzoneInstructions'] span")) {{
      if (!el.classList.contains("rd-limit-words") && el.getAttribute("aria-hidden") !== "true") {{
        el.setAttribute("aria-hidden", "true");
      }}
    }}
    const line = zone.querySelector("[data-testid='stFileUploaderDropzoneInstructions'] span");
    if (line && !zone.querySelector(".rd-limit-words")) {{
      const said = document.createElement("span");
      said.className = "rd-limit-words";
      said.style.cssText = "position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)";
      said.textContent = w.limit;
      line.parentNode.appendChild(said);
    }}
  }}
  apply();
  window.__riskdashUploaders = window.__riskdashUploaders || {{}};
  if (window.__riskdashUploaders[w.scope]) return;  // one watcher per uploader, however many page runs
  window.__riskdashUploaders[w.scope] = true;
  new MutationObserver(apply).observe(document.body, {{childList: true, subtree: true}});
}})();</script>"""


def uploader_css(key: str, types: list[str], limit_mb: int) -> str:
    """The style that puts the Chinese words on uploader ``key`` (kept to its own element: st-key-<key>)."""
    scope = f".st-key-{key} [data-testid='stFileUploaderDropzone']"
    limit = _limit_words(types, limit_mb)
    return (
        "<style>"
        f"{scope} button [data-testid='stMarkdownContainer'] p {{font-size:0 !important}}"
        f"{scope} button [data-testid='stMarkdownContainer'] p::after {{content:'选择文件';font-size:0.875rem}}"
        f"{scope} [data-testid='stFileUploaderDropzoneInstructions'] span {{font-size:0 !important}}"
        f"{scope} [data-testid='stFileUploaderDropzoneInstructions'] span::after "
        f"{{content:'{limit}';font-size:0.875rem}}"
        "</style>"
    )


# the death-target bar's fill by level (issue 17 item 6): amber when the share used runs ahead of 时间进度, red when
# the year's target is exceeded; st.progress has no colour of its own, so the bar sits in a keyed container
TARGET_BAR_COLOURS = {"ahead": "#e6a100", "over": "#c0392b"}


def target_progress(fraction: float, level: str | None, key: str, text: str | None = None) -> None:
    """``st.progress`` whose fill wears the level's colour (blue, Streamlit's own, when on track)."""
    colour = TARGET_BAR_COLOURS.get(level or "")
    with st.container(key=f"{key}_{level or 'on_track'}"):
        if colour:
            st.html(target_bar_css(f"{key}_{level}", colour))
        st.progress(fraction, text=text)


def target_bar_css(container_key: str, colour: str) -> str:
    """The style colouring the filled part of the progress bar inside container ``container_key``."""
    return (f"<style>.st-key-{container_key} [data-testid='stProgressBarTrack'] > div "
            f"{{background-color: {colour} !important;}}</style>")
