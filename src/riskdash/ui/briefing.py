"""The briefing screen's shaping: slides as the screen draws them, the slide index rules, and the CSS and key
script of the presentation mode.

Pure: no Streamlit here. The content itself (titles, headline text, KPIs, charts) is written by
``riskdash.briefing.content.build_brief``; this module only reads it, so the screen, the PPTX and the 通报
cannot disagree.
"""

from __future__ import annotations

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
    # (format, module, function, text key, MIME type)
    ("pptx", "riskdash.briefing.pptx_export", "write_pptx", "briefing.download_pptx",
     "application/vnd.openxmlformats-officedocument.presentationml.presentation"),
    ("docx", "riskdash.briefing.docx_export", "write_docx", "briefing.download_docx",
     "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    ("pdf", "riskdash.briefing.pdf_export", "write_pdf", "briefing.download_pdf", "application/pdf"),
)


@dataclass(frozen=True)
class KpiView:
    label: str
    value: str
    note: str | None = None


@dataclass(frozen=True)
class SlideView:
    """One slide as the screen draws it: a conclusion title, its headline text and at most one of each body."""

    number: int  # 1-based, as the counter shows it
    title: str
    headline: str
    kpis: tuple[KpiView, ...]
    figure: Any | None  # a plotly Figure
    table: pd.DataFrame | None
    placeholder: str | None
    bullets: tuple[str, ...] = ()


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
{slide} .brief-bar {{ display: flex; justify-content: space-between; font-size: 1.3rem; color: #5f6b7a;
  border-bottom: 3px solid #c0392b; padding-bottom: .3rem; margin-bottom: .6rem; }}
{slide} .brief-title {{ font-size: 3.0rem; line-height: 1.25; font-weight: 700; margin: .2rem 0 .8rem;
  color: #1f2933; }}
{slide} .brief-headline {{ font-size: 1.9rem; line-height: 1.6; color: #1f2933; margin-bottom: 1rem; }}
{slide} .brief-kpis {{ display: flex; gap: 1.2rem; flex-wrap: wrap; margin: .6rem 0 1rem; }}
{slide} .brief-kpi {{ flex: 1 1 0; min-width: 12rem; border: 2px solid #d5dbe3; border-radius: .6rem;
  padding: .6rem 1rem; }}
{slide} .brief-kpi-label {{ font-size: 1.3rem; color: #5f6b7a; }}
{slide} .brief-kpi-value {{ font-size: 3.2rem; font-weight: 700; color: #1f2933; line-height: 1.2; }}
{slide} .brief-kpi-note {{ font-size: 1.2rem; color: #5f6b7a; }}
{slide} .brief-bullets {{ font-size: 1.9rem; line-height: 1.7; }}
{slide} .brief-placeholder {{ font-size: 1.9rem; color: #8a5a00; background: #fff4e0; border-radius: .6rem;
  padding: 1rem 1.4rem; }}
{slide} .brief-demo {{ color: #b35900; font-weight: 700; }}
{slide} [data-testid="stTable"] td, {slide} [data-testid="stTable"] th {{ font-size: 1.3rem; }}
/* the slide fills the screen; the controls sit in a quiet strip at the bottom */
{slide} {{ padding-bottom: 5rem; }}
.st-key-{NAV_CONTAINER_KEY} {{ position: fixed; left: 0; right: 0; bottom: 0; z-index: 100; background: #ffffffee;
  border-top: 1px solid #e3e7ec; padding: .5rem 3.5rem; }}
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
    import json

    return json.dumps(value, ensure_ascii=False)


# ---------------------------------------------------------------------------------------------- stand-in
# Until riskdash.briefing.content lands: the shape of a deck, no figures from the data.


def standin_slides(lang: str) -> tuple[SlideView, ...]:
    titles = ["标题页", "事故形势", "隐患治理", "重点部位", "乡镇排名", "下步工作"]
    return tuple(
        SlideView(number=i + 1, title=title, headline="", kpis=(), figure=None, table=None,
                  placeholder=i18n.t("briefing.placeholder", lang))
        for i, title in enumerate(titles)
    )
