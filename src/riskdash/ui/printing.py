"""The page's head and its print view (issue 17 items 3 and 9): ``<html lang>`` in the chosen language, the
readable caption colour, and on the analysis screens a 打印 button and the print CSS — A4 landscape, no sidebar,
header or buttons, charts and tables within the page width, the scope line repeated on every printed page.

``install`` is called once by ``ui.frame.start_page``; the CSS and colours are pure functions (tested without a
browser in tests/test_print_view.py).
"""

from __future__ import annotations

import json

import streamlit as st
import streamlit.components.v1 as components

from riskdash.ui.markdown import html_text

# the screens whose print is a report: the analysis screens (the briefing prints its own 通报; the data and
# settings screens are forms)
PRINTED_SCREENS = ("overview", "accidents", "rectification", "priority", "campaigns")
HTML_LANG = {"zh": "zh-CN", "en": "en"}

# WCAG AA needs 4.5:1 for normal text against the white page. Streamlit's caption grey (#81807F-like, 3.9:1)
# does not reach it; these do (tests/test_print_view.py computes the ratios).
PAGE_BACKGROUND = "#ffffff"
CAPTION_TEXT = "#5c5b58"
SCOPE_CLASS = "riskdash-print-scope"

# A4 landscape is 297 mm wide; with 10 mm margins the printable width is 277 mm (1047 CSS px at 96 px/in)
PAGE_MARGIN_MM = 10
PRINTABLE_WIDTH_PX = round((297 - 2 * PAGE_MARGIN_MM) / 25.4 * 96)

PRINT_BUTTON_HEIGHT = 44


def contrast_ratio(foreground: str, background: str) -> float:
    """WCAG 2 contrast ratio of two #rrggbb colours (1 … 21)."""

    def luminance(colour: str) -> float:
        colour = colour.lstrip("#")
        channels = [int(colour[i:i + 2], 16) / 255 for i in (0, 2, 4)]
        linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    high, low = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (high + 0.05) / (low + 0.05)


# st.metric writes its label, value and comparison each on one line cut with "…" (white-space: nowrap;
# text-overflow: ellipsis): at 1366 and 1024 px "逾期未销号重大隐患（项）" read "逾期未…" and "同比（上年同期 185）"
# read "同比（上年…". They wrap instead (issue 17 item 7). Below 1600 px the page's side margins shrink from 5 rem to
# 1.5 rem, so that a ranking of eight columns fits beside the sidebar at 1366 px.
KPI_LABEL_CSS = """[data-testid="stMetricLabel"], [data-testid="stMetricLabel"] *,
[data-testid="stMetric"] .stMarkdownEllipsis, [data-testid="stMetric"] .stMarkdownEllipsis * {
  white-space: normal !important; overflow: visible !important; text-overflow: clip !important; }
[data-testid="stMetricLabel"] { height: auto !important; }
@media screen and (max-width: 1600px) { [data-testid="stMainBlockContainer"] { padding-left: 1.5rem !important;
  padding-right: 1.5rem !important; } }"""


def screen_css() -> str:
    """On every page: captions (the scope lines under each heading) in a grey that reads at 4.5:1."""
    return f"""<style>
[data-testid="stCaptionContainer"], [data-testid="stCaptionContainer"] p,
[data-testid="stWidgetLabel"] [data-testid="stCaptionContainer"] {{ color: {CAPTION_TEXT} !important;
  opacity: 1 !important; }}
.{SCOPE_CLASS} {{ display: none; }}
{KPI_LABEL_CSS}
</style>"""


def print_css() -> str:
    """``@media print``: A4 landscape, only the screen's content, within the page width; the scope line is
    position: fixed, which Chromium repeats at the top of every printed page."""
    return f"""<style>
@page {{ size: A4 landscape; margin: {PAGE_MARGIN_MM}mm; }}
@media print {{
  [data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], [data-testid="stExpandSidebarButton"],
  [data-testid="stHeader"], [data-testid="stToolbar"], [data-testid="stDecoration"], [data-testid="stStatusWidget"],
  [data-testid="stAppDeployButton"], [data-testid="stMainMenu"], [data-testid="stBaseButton-primary"],
  [data-testid="stButton"], [data-testid="stDownloadButton"], [data-testid="stPopover"], [data-testid="stIFrame"],
  [data-testid="stElementToolbar"], .modebar-container, iframe {{ display: none !important; }}
  html, body, .stApp, [data-testid="stAppViewContainer"], [data-testid="stMain"] {{
    width: auto !important; max-width: 100% !important; height: auto !important; overflow: visible !important;
    position: static !important; background: #fff !important; }}
  /* the content keeps its screen width (charts are drawn for it) and is scaled to the page (print_fit_script) */
  [data-testid="stMainBlockContainer"] {{ width: var(--riskdash-print-width, 100%) !important; max-width: none !important;
    zoom: var(--riskdash-print-zoom, 1); padding: 10mm 0 0 !important; margin: 0 !important;
    -webkit-box-decoration-break: clone; box-decoration-break: clone; }}
  [data-testid="stHorizontalBlock"] {{ flex-wrap: wrap !important; }}
  [data-testid="stPlotlyChart"], .js-plotly-plot, .plot-container, .svg-container, .main-svg {{
    max-width: 100% !important; }}
  [data-testid="stPlotlyChart"] {{ break-inside: avoid; page-break-inside: avoid; overflow: hidden !important; }}
  [data-testid="stDataFrame"], [data-testid="stTable"] {{ overflow: hidden !important; }}
  [data-testid="stVerticalBlock"] {{ gap: .5rem !important; }}
  /* position: fixed repeats it at the top of every page; the content's top padding is cloned on each page
     (box-decoration-break), so that the line never covers what a page starts with */
  .{SCOPE_CLASS} {{ display: block !important; position: fixed; top: 0; left: 0; right: 0; font-size: 10pt;
    color: #222 !important; background: #fff; border-bottom: 1px solid #999; padding: 0 0 2pt; z-index: 1000; }}
  * {{ -webkit-print-color-adjust: exact; print-color-adjust: exact; }}
}}
</style>"""


def lang_script(lang: str) -> str:
    """Sets ``<html lang>`` to the chosen language (zh-CN or en): screen readers, fonts and hyphenation."""
    return (f"<script>document.documentElement.lang = {json.dumps(HTML_LANG.get(lang, lang))};</script>")


def print_fit_script() -> str:
    """Keeps two CSS variables up to date on screen: the content's width and the zoom that fits it into the
    printable width of A4 landscape; the print CSS lays the page out at that width and scales it."""
    return f"""<script>
(function () {{
  if (window.__riskdashPrintFit) return;
  window.__riskdashPrintFit = true;
  let pending = 0;
  function measure() {{
    pending = 0;
    if (window.matchMedia("print").matches) return;
    const main = document.querySelector('[data-testid="stMainBlockContainer"]');
    if (!main) return;
    const style = getComputedStyle(main);
    const width = main.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    if (width <= 0) return;
    const root = document.documentElement.style;
    root.setProperty("--riskdash-print-width", width + "px");
    root.setProperty("--riskdash-print-zoom", String(Math.min(1, {PRINTABLE_WIDTH_PX} / width)));
  }}
  function schedule() {{ if (!pending) pending = window.setTimeout(measure, 200); }}
  new MutationObserver(schedule).observe(document.body, {{ childList: true, subtree: true }});
  window.addEventListener("resize", schedule);
  measure();
}})();
</script>"""


# Material Symbols' "print" (the glyph :material/print: draws in Streamlit's own buttons), inline: the button sits in
# its own frame, which has neither Streamlit's icon font nor a font with the 🖨 emoji (it drew as an empty box)
PRINT_ICON_SVG = ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" width="18" height="18" '
                  'fill="currentColor" aria-hidden="true" style="vertical-align:-4px;margin-right:6px">'
                  '<path d="M19 8H5c-1.66 0-3 1.34-3 3v6h4v4h12v-4h4v-6c0-1.66-1.34-3-3-3zm-3 11H8v-5h8v5zm3-7c-.55 '
                  '0-1-.45-1-1s.45-1 1-1 1 .45 1 1-.45 1-1 1zm-1-9H6v4h12V3z"/></svg>')


def print_button_html(label: str) -> str:
    """A small button in its own frame that prints the page around it."""
    return f"""<button type="button" onclick="window.parent.print()" style="font: 14px sans-serif;
  padding: 6px 14px; border: 1px solid #bbb; border-radius: 6px; background: #fff; color: #222; cursor: pointer;"
  title="{html_text(label)}">{PRINT_ICON_SVG}{html_text(label)}</button>"""


def head(lang: str) -> None:
    """``<html lang>`` and the screen CSS (caption contrast): drawn by every page before anything else, the login
    and an error page included (before, the login page said lang="en" in Chinese: issue 17 item 9)."""
    st.html(screen_css() + lang_script(lang), unsafe_allow_javascript=True)


def install(name: str, ctx) -> None:
    """The print view and the 打印 button on the analysis screens of page ``name`` (``ctx`` its
    ``ui.frame.PageContext``); ``head`` has set the page's language and screen CSS."""
    if name not in PRINTED_SCREENS:
        return
    scope = ctx.scope
    line = ctx.t("print.scope", page=ctx.t(f"page.{name}"), period=scope.period, region=scope.region,
                 sector=scope.sector, as_of=scope.data_as_of)
    st.html(print_css() + f'<div class="{SCOPE_CLASS}">{html_text(line)}</div>' + print_fit_script(),
            unsafe_allow_javascript=True)
    components.html(print_button_html(ctx.t("print.button")), height=PRINT_BUTTON_HEIGHT)
