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
PROJECTOR_ROWS = 8  # what a projector shows legibly beside a chart


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


def slide_views(brief: Any, lang: str, table_rows: int = PREVIEW_ROWS) -> tuple[SlideView, ...]:
    """The deck of ``brief`` (``riskdash.briefing.content.Brief``): a cover, then its slides in meeting order.
    ``table_rows`` cuts each list to what the screen shows, with "共N项，列出前M项" under it."""
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
    return (cover, *(_slide_view(n, slide, lang, table_rows) for n, slide in enumerate(brief.slides, start=2)))


def _slide_view(number: int, slide: Any, lang: str, table_rows: int) -> SlideView:
    table, title, more = None, None, None
    if slide.table is not None and slide.table.rows:
        rows = slide.table.head(table_rows)
        table = pd.DataFrame([list(r) for r in rows], columns=list(slide.table.columns))
        title, more = slide.table.title, slide.table.more(len(rows), lang)
    return SlideView(
        number=number, key=slide.key, section=slide.section, title=slide.title, headline=tuple(slide.headline),
        kpis=tuple(KpiView(k.label, k.display, k.formula) for k in slide.kpis), chart=slide.chart, table=table,
        table_title=title, table_more=more, placeholder=slide.placeholder,
    )


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
    """Full screen for a projector: Streamlit's own chrome hidden, the slide alone in large type."""
    slide = f".st-key-{SLIDE_CONTAINER_KEY}"
    return f"""<style>
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], [data-testid="stExpandSidebarButton"],
[data-testid="stHeader"], [data-testid="stToolbar"], [data-testid="stDecoration"],
[data-testid="stAppDeployButton"], [data-testid="stMainMenu"] {{ display: none !important; }}
/* the page heading and filters' stamp drawn by start_page are not part of a slide */
[data-testid="stMainBlockContainer"] > div > [data-testid="stElementContainer"] {{ display: none !important; }}
[data-testid="stMainBlockContainer"] {{ max-width: 100% !important; padding: 1.2rem 3.5rem 1rem !important; }}
{slide} .brief-bar {{ display: flex; justify-content: space-between; font-size: 1.15rem; color: #5f6b7a;
  border-bottom: 3px solid #c0392b; padding-bottom: .3rem; margin-bottom: .5rem; }}
{slide} .brief-bar b {{ color: #c0392b; }}
{slide} .brief-title {{ font-size: 2.6rem; line-height: 1.3; font-weight: 700; margin: .3rem 0 .6rem;
  color: #1f2933; }}
{slide} .brief-title.brief-cover {{ font-size: 3.6rem; margin: 14vh 0 2rem; }}
{slide} .brief-headline {{ font-size: 1.45rem; line-height: 1.6; color: #1f2933; margin-bottom: .35rem; }}
{slide} .brief-kpis {{ display: flex; gap: 1rem; flex-wrap: wrap; margin: .8rem 0 .6rem; }}
{slide} .brief-kpi {{ flex: 1 1 0; min-width: 10rem; border: 2px solid #d5dbe3; border-radius: .6rem;
  padding: .4rem .9rem; }}
{slide} .brief-kpi-label {{ font-size: 1.15rem; color: #5f6b7a; }}
{slide} .brief-kpi-value {{ font-size: 2.6rem; font-weight: 700; color: #1f2933; line-height: 1.2; }}
{slide} .brief-placeholder {{ font-size: 1.6rem; color: #8a5a00; background: #fff4e0; border-radius: .6rem;
  padding: 1rem 1.4rem; margin: .6rem 0; }}
{slide} .brief-demo {{ color: #b35900; font-weight: 700; }}
{slide} .brief-cover-demo {{ display: inline-block; margin-top: 1.2rem; font-size: 1.6rem; font-weight: 700;
  color: #b35900; border: 2px solid #b35900; border-radius: .4rem; padding: .2rem .9rem; }}
{slide} .brief-table-title {{ font-size: 1.25rem; font-weight: 700; margin: .4rem 0 .2rem; }}
{slide} [data-testid="stTable"] td, {slide} [data-testid="stTable"] th {{ font-size: 1.15rem; }}
/* the slide fills the screen; the controls sit in a quiet strip at the bottom */
{slide} {{ padding-bottom: 5rem; }}
.st-key-{NAV_CONTAINER_KEY} {{ position: fixed; left: 0; right: 0; bottom: 0; z-index: 100; background: #ffffffee;
  border-top: 1px solid #e3e7ec; padding: .4rem 3.5rem .6rem; }}
.st-key-{PREV_KEY} button, .st-key-{NEXT_KEY} button, .st-key-{EXIT_KEY} button {{ min-height: 2.8rem; }}
.st-key-{PREV_KEY} button p, .st-key-{NEXT_KEY} button p {{ font-size: 1.3rem; }}
.brief-counter {{ font-size: 1.6rem; font-weight: 700; text-align: center; color: #1f2933; }}
.brief-keys {{ font-size: .95rem; text-align: center; color: #8a94a3; }}
</style>"""


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
