"""The briefing screen's shaping: slides as the screen draws them, the slide index rules, and the CSS and key
script of the presentation mode.

Pure: no Streamlit here. The content itself (titles, headline text, KPIs, charts) is written by
``riskdash.briefing.content.build_brief``; this module only reads it, so the screen, the PPTX and the 通报
cannot disagree.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

import pandas as pd

from riskdash import i18n

# widget keys: the key script clicks the buttons by their st-key-<key> class, so they are named once here
PREV_KEY = "brief_prev"
NEXT_KEY = "brief_next"
EXIT_KEY = "brief_exit"
PRESENT_KEY = "brief_present_button"
SLIDE_CONTAINER_KEY = "brief_slide"
NAV_CONTAINER_KEY = "brief_nav"

# Streamlit's own button shortcuts take the arrows and Esc (and show them on the buttons); a button takes one
# shortcut only, so the keys of a presenter's USB clicker (PageDown/PageUp) and the space bar go through the
# small key script instead
NEXT_SHORTCUT = "Right"
PREVIOUS_SHORTCUT = "Left"
EXIT_SHORTCUT = "Esc"
NEXT_KEYS = ("PageDown", " ")
PREVIOUS_KEYS = ("PageUp",)

EXPORT_FORMATS = (
    # (format, text key, MIME type); the writer of each is named in draw.py
    ("pptx", "briefing.download_pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation"),
    ("docx", "briefing.download_docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    ("pdf", "briefing.download_pdf", "application/pdf"),
)
PREVIEW_ROWS = 10  # list rows in the preview; the files carry the whole list
PROJECTOR_ROWS = 5  # what a projector shows legibly (≥ 14 pt) with the chart on one 1024×768 screen
WORK_ROWS_PER_KIND = 2  # the next-steps slide lists each kind of work item (overdue majors, unfiled sites, …)
WORK_KINDS = ("overdue_major", "unfiled", "uninspected")
# the slide's natural size is scaled down (CSS zoom) until it fits above the bar; the tables' type is set so
# that at the smallest zoom a 1024×768 projector needs it is still ≥ 14 pt (18.7 px)
TABLE_FONT_PX = 26
MIN_TABLE_PX = 14 * 96 / 72


@dataclass(frozen=True)
class KpiView:
    label: str
    value: str
    note: str | None = None  # the formula of a rate or a change


@dataclass(frozen=True)
class SlideView:
    """One slide as the screen draws it: where it sits in the meeting (``section``), its conclusion as the
    title, the headline sentences, and what backs them (KPIs, a chart, a short table) or what is missing."""

    number: int  # 1-based, as the counter shows it
    key: str  # "cover", then content.SLIDE_KEYS
    section: str
    title: str
    headline: tuple[str, ...] = ()
    kpis: tuple[KpiView, ...] = ()
    chart: Any | None = None  # content.ChartSpec: its figure() is drawn
    table: pd.DataFrame | None = None
    table_title: str | None = None
    table_more: str | None = None
    placeholder: str | None = None


def slide_views(brief: Any, lang: str, table_rows: int = PREVIEW_ROWS,
                projector: bool = False) -> tuple[SlideView, ...]:
    """The deck of ``brief`` (``riskdash.briefing.content.Brief``): a cover, then its slides in meeting order.
    ``table_rows`` cuts each list to what the screen shows, with "共N项，列出前M项" under it. ``projector``: the
    tables show the columns a slide shows (``TableSpec.for_slide``) and the next-steps list takes each kind of
    work item with its 责任单位 and 完成时限 (``work_items``)."""
    meta = brief.meta
    cover = SlideView(
        number=1, key="cover", section=i18n.t("briefing.cover", lang), title=meta.title,
        headline=(
            i18n.t("briefing.cover_period", lang, period=meta.period_text),
            i18n.t("briefing.cover_as_of", lang, as_of=i18n.day(meta.as_of, lang)),
            i18n.t("briefing.cover_contents", lang, sections=" → ".join(s.section for s in brief.slides)),
            meta.generated_text,
        ),
    )
    return (cover, *(_slide_view(n, slide, lang, table_rows, projector)
                     for n, slide in enumerate(brief.slides, start=2)))


def _slide_view(number: int, slide: Any, lang: str, table_rows: int, projector: bool = False) -> SlideView:
    table, title, more = None, None, None
    if projector and slide.key == "next_steps" and slide.table is not None and slide.table.rows:
        table = work_items(slide.table.rows, lang)
        title = slide.table.title
        more = slide.table.more(len(table), lang)
    elif slide.table is not None and slide.table.rows:
        spec = slide.table.for_slide() if projector else slide.table
        rows = spec.head(table_rows)
        table = pd.DataFrame([list(r) for r in rows], columns=list(spec.columns))
        title, more = spec.title, spec.more(len(rows), lang)
    return SlideView(
        number=number, key=slide.key, section=slide.section, title=slide.title,
        headline=(*slide.headline, *([slide.split] if getattr(slide, "split", None) else [])),  # classes (issue 18)
        kpis=tuple(KpiView(k.label, k.display, k.formula) for k in slide.kpis), chart=slide.chart, table=table,
        table_title=title, table_more=more, placeholder=slide.placeholder,
    )


# The preview's headers shortened where the slide's table would pass the preview's width at 1024 px: the overdue
# majors' seven columns in English needed 646 px at their narrowest, 896 as drawn (issue 17 item 7, in English)
PREVIEW_SHORT = ("enterprise", "days_overdue", "supervision")


def preview_labels(columns: Any) -> dict[str, str]:
    """A preview table's full header → its shorter one (PREVIEW_SHORT), for the headers ``columns`` holds that
    have a shorter one (in English; the Chinese ones are short already)."""
    short = {i18n.t(f"briefing.x.col.{name}", lang): i18n.t(f"briefing.short.{name}", lang)
             for name in PREVIEW_SHORT for lang in ("zh", "en")}
    return {c: short[c] for c in columns if c in short and short[c] != c}


def _kind_of(text: str, lang: str) -> str | None:
    for kind in WORK_KINDS:
        if text == i18n.t(f"briefing.x.next.kind.{kind}", lang):
            return kind
    return None


def work_items(rows: Any, lang: str, per_kind: int = WORK_ROWS_PER_KIND) -> pd.DataFrame:
    """The next-steps list as a projector shows it: the first ``per_kind`` items of each kind (overdue majors,
    unfiled key sites, uninspected red/orange enterprises; a kind with none is left out), each with its 责任单位
    (the township in charge where it lies, 属地管理) and its 完成时限. ``rows``: (kind, subject, township,
    detail) as ``content.next_steps_slide`` writes them."""
    taken: dict[str, list[tuple]] = {kind: [] for kind in WORK_KINDS}
    for row in rows:
        kind = _kind_of(row[0], lang)
        if kind is not None and len(taken[kind]) < per_kind:
            taken[kind].append(row)
    out = []
    for kind in WORK_KINDS:
        for row in taken[kind]:
            due = i18n.t(f"briefing.due.{kind}", lang, detail=row[3])
            out.append((row[0], row[1], row[2], due))
    columns = [i18n.t(f"briefing.col.{c}", lang) for c in ("kind", "object", "unit", "due")]
    return pd.DataFrame(out, columns=columns)


# ---------------------------------------------------------------------------------------------- the index


def clamp(index: int, count: int) -> int:
    """A slide index kept in range (0 when there are no slides)."""
    if count <= 0:
        return 0
    return max(0, min(int(index), count - 1))


def step(index: int, delta: int, count: int) -> int:
    """The index after pressing next (+1) or previous (−1): it stops at both ends rather than wrapping, as a
    presenter who presses once too often expects."""
    return clamp(clamp(index, count) + delta, count)


def counter(index: int, count: int) -> str:
    """The projector's "2 / 6" (the same in both languages)."""
    return f"{clamp(index, count) + 1 if count else 0} / {count}"


def index_from_param(value: Any, count: int) -> int:
    """``?slide=N`` (1-based) to an index in range; anything unreadable is the first slide."""
    try:
        number = int(str(value).strip())
    except (TypeError, ValueError):
        return 0
    return clamp(number - 1, count)


def present_from_param(value: Any) -> bool:
    return str(value).strip().lower() in {"1", "true", "yes", "on"}


def url_params(present: bool, index: int) -> dict[str, str]:
    """The query parameters that bring a reloading presenter back to the same slide."""
    return {"present": "1", "slide": str(index + 1)} if present else {}


# ---------------------------------------------------------------------------------------------- presentation


def presentation_css() -> str:
    """Full screen for a projector: Streamlit's own chrome hidden, the slide alone in large type, the controls in
    a slim bar at the bottom; ``fit_script`` scales the slide to the space above the bar."""
    slide = f".st-key-{SLIDE_CONTAINER_KEY}"
    return f"""<style>
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], [data-testid="stExpandSidebarButton"],
[data-testid="stHeader"], [data-testid="stToolbar"], [data-testid="stDecoration"],
[data-testid="stAppDeployButton"], [data-testid="stMainMenu"] {{ display: none !important; }}
/* the page heading and filters' stamp drawn by start_page are not part of a slide */
[data-testid="stMainBlockContainer"] > div > [data-testid="stElementContainer"] {{ display: none !important; }}
[data-testid="stMainBlockContainer"] {{ max-width: 100% !important; padding: .6rem 2rem 0 !important; }}
/* one screen, no scrolling: the slide is scaled to fit (fit_script) */
html, body, [data-testid="stApp"], [data-testid="stAppViewContainer"], [data-testid="stMain"] {{
  overflow: hidden !important; }}
{slide} {{ transform-origin: top left; gap: .4rem; }}
{slide} .brief-bar {{ display: flex; justify-content: space-between; font-size: 1.1rem; color: #4f5a68;
  border-bottom: 3px solid #c0392b; padding-bottom: .2rem; margin-bottom: .3rem; }}
{slide} .brief-bar b {{ color: #c0392b; }}
{slide} .brief-title {{ font-size: 2.5rem; line-height: 1.25; font-weight: 700; margin: .2rem 0 .4rem;
  color: #1f2933; }}
{slide} .brief-title.brief-cover {{ font-size: 3.4rem; margin: 8vh 0 1.5rem; }}
{slide} .brief-headline {{ font-size: 1.45rem; line-height: 1.45; color: #1f2933; margin-bottom: .25rem; }}
/* Streamlit pulls a markdown block's end up by 1rem (its paragraphs' margin): the cards' row gives it back, or
   the chart under it covered the cards' bottom edges */
{slide} .brief-kpis {{ display: flex; gap: .8rem; flex-wrap: wrap; margin: .4rem 0 1.3rem; }}
{slide} .brief-kpi {{ flex: 1 1 0; min-width: 9rem; border: 2px solid #d5dbe3; border-radius: .6rem;
  padding: .2rem .8rem; }}
{slide} .brief-kpi-label {{ font-size: 1.15rem; color: #4f5a68; }}
{slide} .brief-kpi-value {{ font-size: 2.3rem; font-weight: 700; color: #1f2933; line-height: 1.15;
  white-space: nowrap; }}
{slide} .brief-placeholder {{ font-size: 1.6rem; color: #8a5a00; background: #fff4e0; border-radius: .6rem;
  padding: 1rem 1.4rem; margin: .6rem 0; }}
{slide} .brief-demo {{ color: #a34f00; font-weight: 700; }}
{slide} .brief-cover-demo {{ display: inline-block; margin-top: 1.2rem; font-size: 1.6rem; font-weight: 700;
  color: #a34f00; border: 2px solid #a34f00; border-radius: .4rem; padding: .2rem .9rem; }}
{slide} .brief-table-title {{ font-size: 1.4rem; font-weight: 700; margin: .2rem 0 .1rem; }}
{slide} [data-testid="stTable"] td, {slide} [data-testid="stTable"] th {{ font-size: {TABLE_FONT_PX}px !important;
  line-height: 1.3; padding: .15rem .5rem !important; }}
{slide} [data-testid="stCaptionContainer"] {{ font-size: 1.1rem; }}
.st-key-{NAV_CONTAINER_KEY} {{ position: fixed; left: 0; right: 0; bottom: 0; z-index: 100; background: #fff;
  border-top: 1px solid #e3e7ec; padding: .3rem 2rem .35rem; }}
.st-key-{NAV_CONTAINER_KEY} [data-testid="stHorizontalBlock"] {{ flex-wrap: nowrap !important; }}
.st-key-{PREV_KEY} button, .st-key-{NEXT_KEY} button, .st-key-{EXIT_KEY} button {{ min-height: 2.4rem; }}
.st-key-{PREV_KEY} button p, .st-key-{NEXT_KEY} button p {{ font-size: 1.2rem; }}
.brief-counter {{ font-size: 1.4rem; font-weight: 700; text-align: center; color: #1f2933; line-height: 1.2; }}
.brief-keys {{ font-size: .8rem; text-align: center; color: #5c5b58; line-height: 1.2; }}
</style>"""


def fit_script() -> str:
    """Scales the slide (CSS zoom) so that all of it lies in the window and above the bottom bar: the largest zoom
    (at most 1, at least 0.3) at which the slide's bottom is above the bar, looked for whenever the slide changes
    or the window is resized. Installed once per browser tab.

    The slide's natural height is not a constant: zoom lowers the width the slide lays out in too, so a smaller
    zoom gives its columns more CSS pixels and its table cells wrap into fewer lines. Dividing the height by the
    zoom and scaling to the room (a fixed-point step) therefore cycled, at 1024×768, between 0.9 (too tall: the
    slide ran under the bar) and 0.811 (short) for ever. The zoomed height does grow with the zoom, so the
    largest zoom that fits is found by bisection, each candidate measured at once (a forced layout; the chart's
    height is fixed, so its late redraw at a new width does not change the answer); a zoom that fits and whose
    next step up does not is left alone.

    Streamlit sizes a Plotly chart by its frame's getBoundingClientRect(), which the zoom has already shrunk, and
    Plotly then draws that many CSS pixels inside the zoomed slide: at zoom 0.69 the chart filled 69 % of its
    column (issue 17). A ``Plotly.relayout`` to the right width does not hold: Streamlit takes its own width back
    at its next render. So each chart frame in the slide answers getBoundingClientRect() with its size in its
    own CSS pixels (the frame alone; the slide and its columns keep the browser's answer), and is nudged by a
    pixel once so that Streamlit's ResizeObserver measures it again: Streamlit then gives Plotly the column's
    width in the slide's pixels, and the chart fills its column at every zoom."""
    return f"""<script>
(function () {{
  if (window.__riskdashBriefFit) return;
  window.__riskdashBriefFit = true;
  let pending = 0;
  const nativeRect = Element.prototype.getBoundingClientRect;
  function ownSizeRect() {{
    const rect = nativeRect.call(this);
    const style = getComputedStyle(this);
    return new DOMRect(rect.x, rect.y, parseFloat(style.width) || rect.width, parseFloat(style.height) || rect.height);
  }}
  function unzoomCharts() {{
    // each chart frame of the slide measures in its own CSS pixels (see the docstring); nudged once to be measured
    for (const frame of document.querySelectorAll(".st-key-{SLIDE_CONTAINER_KEY} [data-testid='stFullScreenFrame'], "
                                                  + ".st-key-{SLIDE_CONTAINER_KEY} [data-testid='stPlotlyChart']")) {{
      if (frame.getBoundingClientRect === ownSizeRect) continue;
      frame.getBoundingClientRect = ownSizeRect;
      frame.style.width = "calc(100% - 1px)";
      window.requestAnimationFrame(function () {{ window.requestAnimationFrame(function () {{ frame.style.width = ""; }}); }});
    }}
  }}
  function fit() {{
    pending = 0;
    const slide = document.querySelector(".st-key-{SLIDE_CONTAINER_KEY}");
    const bar = document.querySelector(".st-key-{NAV_CONTAINER_KEY}");
    if (!slide || !bar) return;
    fitZoom(slide, bar);
    unzoomCharts();
  }}
  function fitZoom(slide, bar) {{
    const limit = bar.getBoundingClientRect().top - 6;
    function fits(zoom) {{
      slide.style.zoom = String(zoom);
      return slide.getBoundingClientRect().bottom <= limit;
    }}
    const current = parseFloat(slide.style.zoom || "1") || 1;
    if (fits(current) && (current >= 1 || !fits(Math.min(1, current + 0.004)))) {{
      slide.style.zoom = String(current);
      return;
    }}
    let low = 0.3, high = 1;  // low: fits (or is the floor); high: too tall
    if (fits(1)) low = 1;
    while (high - low > 0.002) {{
      const middle = Math.round((low + high) * 500) / 1000;
      if (fits(middle)) low = middle; else high = middle;
    }}
    slide.style.zoom = String(low);
  }}
  function schedule() {{ if (!pending) pending = window.setTimeout(fit, 60); }}
  // a new chart frame is taken over at once, before Streamlit's first measurement of it
  new MutationObserver(function () {{ unzoomCharts(); schedule(); }})
    .observe(document.body, {{ childList: true, subtree: true, characterData: true }});
  window.addEventListener("resize", schedule);
  // a chart grows by attributes and late fonts change heights: look again twice a second as well
  window.setInterval(schedule, 500);
  schedule();
}})();
</script>"""


def keyboard_script() -> str:
    """PageDown/PageUp and space (shift+space back) page through the slides by clicking the on-screen buttons:
    a click goes through Streamlit's own widget protocol, so state, URL and cache behave exactly as with the
    mouse. Installed once per browser tab (st.html may run it again on a rerun)."""
    keys = {"next": list(NEXT_KEYS), "previous": list(PREVIOUS_KEYS)}
    buttons = {"next": NEXT_KEY, "previous": PREV_KEY}
    return f"""<script>
(function () {{
  if (window.__riskdashBriefKeys) return;
  window.__riskdashBriefKeys = true;
  const keys = {_js(keys)};
  const buttons = {_js(buttons)};
  window.addEventListener("keydown", function (event) {{
    const target = event.target;
    if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return;
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    let action = null;
    for (const name of Object.keys(keys)) {{ if (keys[name].includes(event.key)) action = name; }}
    if (action === "next" && event.key === " " && event.shiftKey) action = "previous";
    if (!action) return;
    const button = document.querySelector(".st-key-" + buttons[action] + " button");
    if (!button) return;  // not presenting: the keys keep their usual meaning
    // a focused button would also take the space bar as a click of its own
    event.preventDefault();
    event.stopPropagation();
    if (document.activeElement && document.activeElement.blur) document.activeElement.blur();
    if (!button.disabled) button.click();
  }}, true);
}})();
</script>"""


def _js(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)
