"""The English lists fit the page at 1024×768 (issue 17 item 7, in English): the accident lists (较大 / 较大涉险),
the open-cases table and the priority ranking showed every column within the table in Chinese, but in English
their headers alone ("Casualties and loss", "Deaths incl. missing") were wider than the page and the ranking's
reasons twice as long, so the grids scrolled sideways. Measured in headless Chromium with the sidebar open: no
column past the table's right edge and no row behind an inner scroll."""

from __future__ import annotations

import pytest
from test_browser import PAGE_MS, chromium_page, server, wait_until_idle  # noqa: F401 (fixtures)
from test_fit_browser import tables, whole

from riskdash.screens.accidents.draw import LIST_KEY, RISK_LIST_KEY
from riskdash.screens.priority.draw import RANK_TABLE_KEY

pytestmark = pytest.mark.browser


def drawn(page, head: str) -> None:
    """Wait until a visible grid shows the header ``head`` (a grid in a tab fills its headers once shown)."""
    page.wait_for_function("(h) => [...document.querySelectorAll('[data-testid=\"stDataFrame\"] th')]"
                           ".some(t => t.innerText === h)", arg=head, timeout=PAGE_MS)


def open_page(page, url: str) -> None:
    page.goto(url, timeout=PAGE_MS)
    wait_until_idle(page)


def test_english_lists_fit_at_1024(server, tmp_path):  # noqa: F811
    with chromium_page(tmp_path, 1024, 768) as page:
        open_page(page, server + "?lang=en")
        page.reload(timeout=PAGE_MS)
        wait_until_idle(page)

        open_page(page, server + "accidents?lang=en")
        lists = tables(page, f".st-key-{LIST_KEY} [data-testid='stDataFrame'], "
                             f".st-key-{RISK_LIST_KEY} [data-testid='stDataFrame']")
        assert lists and whole(lists) == []
        # the open cases' grid fills its headers a moment after it appears
        page.wait_for_function("() => [...document.querySelectorAll('[data-testid=\"stDataFrame\"]')].some(d => "
                               "[...d.querySelectorAll('th')].map(t => t.innerText).filter(Boolean).join('|')"
                               ".startsWith('Accident|When|Due|Days'))", timeout=PAGE_MS)
        every = tables(page, "[data-testid='stDataFrame']")
        open_cases = [t for t in every if t and t[0].startswith("Accident|When|Due|Days")]
        assert len(open_cases) == 1 and whole(open_cases) == []
        page.screenshot(path=str(tmp_path / "accidents-en-1024.png"), full_page=True)

        open_page(page, server + "priority?lang=en")
        page.wait_for_function("() => [...(document.querySelector('[data-testid=\"stDataFrame\"]')"
                               "?.querySelectorAll('th') ?? [])].some(t => t.innerText === 'Rank')", timeout=PAGE_MS)
        ranking = tables(page, f".st-key-{RANK_TABLE_KEY} [data-testid='stDataFrame']")
        assert ranking[0][0].startswith("Rank|Enterprise|Township|Sector|Level|Reasons")
        assert whole(ranking) == []
        page.screenshot(path=str(tmp_path / "priority-en-1024.png"), full_page=True)


def test_english_campaign_and_uninspected_tables_fit_at_1024(server, tmp_path):  # noqa: F811
    """Tables whose English headers alone passed the page (Items done / binding, With a meeting, Meeting share,
    Last supervisory inspection) while the Chinese fit."""
    with chromium_page(tmp_path, 1024, 768) as page:
        open_page(page, server + "?lang=en")
        open_page(page, server + "rectification?lang=en")
        page.get_by_role("tab", name="Four-level checking").click()
        drawn(page, "Last inspected")
        uninspected = tables(page, ".st-key-rect_list_uninspected [data-testid='stDataFrame']")
        assert uninspected and uninspected[0][0].startswith("Firm|County|Township|Sector|Last inspected")
        assert whole(uninspected) == []

        open_page(page, server + "campaigns?lang=en")
        page.get_by_role("tab", name="Standardisation").click()
        drawn(page, "Done/due")
        groups = [t for t in tables(page, "[data-testid='stDataFrame']") if t and t[0].startswith("Group|Deadline")]
        assert len(groups) == 1 and whole(groups) == []
        page.get_by_role("tab", name="campaign").first.click()
        drawn(page, "Meeting %")
        regions = [t for t in tables(page, "[data-testid='stDataFrame']") if t and t[0].startswith("Region|Townships")]
        assert len(regions) == 1 and whole(regions) == []
