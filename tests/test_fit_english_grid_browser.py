"""English text is not cut off inside the grids at 1024×768 (issue 17 item 7, "Nothing cut off", in English).

test_fit_english_browser checks that no grid scrolls sideways; this checks what the grid draws in each cell.
st.dataframe draws on a canvas (glide data grid), which wraps a cell's text only where it guesses, from the
average width of the characters it has measured so far on the page, that the line is too long: next to Chinese
names that average is a Chinese character's, so an English sector ("Industry and trade") or the ranking's reasons
were drawn on one line and cut at the cell's border. Measured in the page: the grid's canvas is read back, its
column and row borders found by their colour, and a cell is cut off when its text has ink in the last 4 px before
the cell's right border (a drawn line ends at least the cell's 8 px padding before it)."""

from __future__ import annotations

import pytest
from browser_support import settle
from test_browser import PAGE_MS, chromium_page, shared_small_city, wait_until_idle  # noqa: F401 (fixtures)

from riskdash.screens.priority.draw import RANK_TABLE_KEY

pytestmark = pytest.mark.browser


@pytest.fixture()
def server(shared_small_city):  # noqa: F811 (the module's own)
    """This module's tests only read: the test process's one warm server on the small city."""
    return shared_small_city


# A grid's columns, rows and its cut-off cells, read from its canvas: the column borders are the border-coloured
# pixels across the header's top line, the row borders those down the first data column's left padding; a cell
# is cut off when a pixel of the 4 px before its right border differs from the cell's background.
CUT_CELLS = """(grid) => {
  const canvas = grid.querySelector('canvas[data-testid="data-grid-canvas"]');
  if (!canvas) return null;
  const ctx = canvas.getContext('2d', {willReadFrequently: true});
  const W = canvas.width, H = canvas.height;
  const line = (a, i) => Math.abs(a[i] - 232) + Math.abs(a[i + 1] - 229) + Math.abs(a[i + 2] - 226) < 6;
  const across = ctx.getImageData(0, 2, W, 1).data;
  const edges = [];
  for (let x = 0; x < W; x++) if (line(across, 4 * x)) edges.push(x);
  const lefts = [0, ...edges.map(x => x + 1)], rights = [...edges, W];
  const heads = [...grid.querySelectorAll('th')].map(t => t.innerText);
  const first = lefts.length === heads.length + 1 ? 1 : 0;  // a selectable grid's checkbox column
  const down = ctx.getImageData(lefts[first] + 2, 0, 1, H).data;
  const rows = [];
  for (let y = 0; y < H; y++) if (line(down, 4 * y)) rows.push(y);
  if (rows.length && rows[rows.length - 1] < H - 3) rows.push(H);
  const trs = grid.querySelectorAll('tbody tr');
  const cut = [];
  for (let c = first; c < lefts.length; c++) {
    const strip = ctx.getImageData(rights[c] - 4, 0, 4, H).data;
    for (let r = 0; r + 1 < rows.length; r++) {
      const bg = ctx.getImageData(lefts[c] + 2, rows[r] + 2, 1, 1).data;
      let ink = 0;
      for (let y = rows[r] + 2; y < rows[r + 1] - 1; y++) for (let k = 0; k < 4; k++) {
        const i = 4 * (4 * y + k);
        ink += Math.abs(strip[i] - bg[0]) + Math.abs(strip[i + 1] - bg[1]) + Math.abs(strip[i + 2] - bg[2]) > 90;
      }
      if (ink) cut.push([heads[c - first], r, trs[r]?.querySelectorAll('td')[c - first]?.innerText ?? null]);
    }
  }
  return {heads: heads.join('|'), widths: rights.map((x, i) => x - lefts[i]), rows: rows.length - 1, cut};
}"""


def cut_cells(page, selector: str) -> list[dict]:
    """Each visible grid under ``selector``, scrolled into view, as CUT_CELLS reads it."""
    page.wait_for_selector(f"{selector} canvas[data-testid='data-grid-canvas']", timeout=PAGE_MS)
    grids = page.locator(selector)
    found = []
    for i in range(grids.count()):
        grid = grids.nth(i)
        if grid.is_visible():
            grid.evaluate("d => d.scrollIntoView()")
            page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
            found.append(grid.evaluate(CUT_CELLS))
    return found


def open_page(page, url: str) -> None:
    page.goto(url, timeout=PAGE_MS)
    wait_until_idle(page)


def ranking(page, server: str, lang: str, head: str) -> dict:
    open_page(page, server + f"priority?lang={lang}")
    page.wait_for_function("(h) => [...document.querySelectorAll('[data-testid=\"stDataFrame\"] th')]"
                           ".some(t => t.innerText === h)", arg=head, timeout=PAGE_MS)
    [grid] = cut_cells(page, f".st-key-{RANK_TABLE_KEY} [data-testid='stDataFrame']")
    return grid


def test_the_ranking_draws_every_cell_whole_at_1024(server, tmp_path):
    with chromium_page(tmp_path, 1024, 768) as page:
        # Chinese first: the grid's average character width is then a Chinese one's, as for a user who switches
        chinese = ranking(page, server, "zh", "排名")
        assert chinese["heads"].startswith("排名|企业名称|乡镇（街道）|行业|风险等级|主要理由")
        assert chinese["rows"] >= 3 and len(chinese["widths"]) == 7  # the checkbox column and six
        assert chinese["cut"] == []

        english = ranking(page, server, "en", "Rank")
        assert english["heads"].startswith("Rank|Enterprise|Township|Sector|Level|Reasons")
        assert english["rows"] == chinese["rows"]
        page.screenshot(path=str(tmp_path / "priority-en-1024.png"))
        assert english["cut"] == [], english


PANEL_GRID = "[role='tabpanel']:visible [data-testid='stDataFrame']"
# the open panel's grid drawn with the headers ``h`` (or, ``start``, headers that start with them)
PANEL_HEADS = """({h, start}) => [...document.querySelectorAll('[role="tabpanel"]')].some(p => {
  const heads = [...p.querySelectorAll('[data-testid="stDataFrame"] th')].map(t => t.innerText).join('|');
  return p.offsetParent !== null && (heads === h || start && heads.startsWith(h));
})"""


def open_tab_grid(page, tab: str, view: str | None, heads: str) -> dict:
    """The grid of 设置's tab ``tab`` (in its editor's view ``view``) once drawn with the headers ``heads``, as
    CUT_CELLS reads it."""
    page.get_by_role("tab", name=tab, exact=True).click()
    settle(page)
    if view:
        page.locator("[role='tabpanel']:visible [data-testid='stButtonGroup'] button").filter(has_text=view).click()
        settle(page)
    # a view's own headers; without a view its first header (the editor's columns are asserted after the wait)
    start = view is None
    page.wait_for_function(PANEL_HEADS, arg={"h": heads.split("|")[0] + "|" if start else heads, "start": start},
                           timeout=PAGE_MS)
    [grid] = cut_cells(page, PANEL_GRID)
    return grid


def test_the_settings_editors_draw_every_cell_whole_in_english_at_1024(server, tmp_path):
    """设置's risk weights: 评分项 is a select box, whose cell the grid never wraps, so its column holds the longest
    English name on one line (it was sized as wrapped text: "Recent accident deaths (deca…" at 179 px), beside
    the English description or the Chinese unit and description; the checklist items: the English name beside
    its code, group and scope ("Supervision" was cut at 84 px beside the Chinese name), or the Chinese name."""
    with chromium_page(tmp_path, 1024, 768) as page:
        page.goto(server + "settings?lang=en", timeout=PAGE_MS)  # no KPI cards on 设置
        page.get_by_role("tab").first.wait_for(timeout=PAGE_MS)
        settle(page)
        for tab, view, heads in [("Risk weights", None, "Component|Weight|Description"),
                                 ("Risk weights", "Chinese", "Component|Weight|Unit|Chinese"),
                                 ("Checklist items", None, "Item code|Group|Name|Applies to|Order"),
                                 ("Checklist items", "Chinese", "Item code|Group|Name (Chinese)|Applies to|Order")]:
            grid = open_tab_grid(page, tab, view, heads)
            assert grid["cut"] == [], (tab, view, grid)
            assert grid["heads"] == heads and grid["rows"] >= 3, (tab, view, grid)


SIDEWAYS = "d => { const s = d.querySelector('.dvn-scroller'); return s.scrollWidth - s.clientWidth; }"


def overdue_preview(page, server: str, lang: str, head: str) -> tuple[dict, int]:
    """汇报's preview of the overdue major hazards (the grid whose first header is ``head``), as CUT_CELLS reads
    it, and how far its grid scrolls sideways (px)."""
    open_page(page, server + f"briefing?lang={lang}")
    previews = "[data-testid='stDataFrame']"
    page.wait_for_function("(h) => [...document.querySelectorAll('[data-testid=\"stDataFrame\"] th')]"
                           ".some(t => t.innerText === h)", arg=head, timeout=PAGE_MS)
    index = page.locator(previews).evaluate_all(
        "(ds, h) => ds.findIndex(d => d.querySelector('th')?.innerText === h)", head)
    grid = page.locator(previews).nth(index)
    grid.evaluate("d => d.scrollIntoView()")
    page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
    return grid.evaluate(CUT_CELLS), grid.evaluate(SIDEWAYS)


def test_the_briefing_overdue_preview_fits_whole_at_1024(server, tmp_path):
    """The overdue majors' seven columns passed the preview's 630 px in English (896 px, scrolling sideways): the
    enterprise, days-overdue and listing headers are shorter there (the full ones in their tooltips); Chinese as
    before."""
    with chromium_page(tmp_path, 1024, 768) as page:
        chinese, aside = overdue_preview(page, server, "zh", "隐患编号")
        assert chinese["heads"] == "隐患编号|乡镇|企业|整改期限|逾期天数|整改情况|挂牌督办"
        assert aside <= 1 and chinese["rows"] >= 1 and chinese["cut"] == [], (aside, chinese)

        english, aside = overdue_preview(page, server, "en", "Hazard")
        page.screenshot(path=str(tmp_path / "briefing-en-1024.png"))
        assert aside <= 1, (aside, english)
        assert english["heads"] == "Hazard|Township|Firm|Deadline|Days late|State|Listing"
        assert english["rows"] == chinese["rows"] and english["cut"] == [], english
