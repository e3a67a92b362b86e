"""The scope is written once (sql/views/scope.sql, docs/scope.md): no query file filters regions by itself,
every query that reads facts for $region starts from a scoped_* macro, and an account's region narrows what
a wider region filter keeps."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from conftest import AS_OF, CITY, COUNTY_A, COUNTY_B, TOWN_A1, TOWN_A2, TOWN_B1

from riskdash import db
from riskdash.filters import Filters
from riskdash.tools import catalogue

ROOT = Path(__file__).resolve().parents[1]
SQL = ROOT / "src" / "riskdash" / "sql"
SCOPE_FILE = "views/scope"
# files that list regions (a picker, names, the tree, labels): they may read the region tree, never facts
REGION_LISTINGS = {"reference/regions", "reference/township_labels", "reference/region_exists",
                   "priority/region_names", "views/region_ancestors", "views/township_labels",
                   "accounts/region_within"}  # whether a region lies within an account's region
# the tables and views of facts that belong to a region (accidents on their own, the rest through the
# enterprise)
FACTS = ("accidents", "accidents_graded", "hazards", "inspections", "enterprises", "key_sites")
READS_FACT = re.compile(r"\b(?:from|join)\s+(" + "|".join(FACTS) + r")\b(?!\s*\()", re.IGNORECASE)
SCOPED_MACRO = re.compile(r"\bscoped_\w+\s*\(")
# region filters written by hand: the tree itself, or a region column tested against $region's subtree
OWN_REGION_FILTER = re.compile(r"\bregion_ancestors\b|\bancestor_code\b", re.IGNORECASE)


def query_files() -> dict[str, str]:
    """Every SQL file but the schema's migrations and the demo city's generators, without comments."""
    files = {}
    for path in sorted(SQL.rglob("*.sql")):
        name = path.relative_to(SQL).with_suffix("").as_posix()
        if name.startswith(("schema/", "demo/")):
            continue
        files[name] = re.sub(r"--[^\n]*", "", path.read_text(encoding="utf-8"))
    return files


FILES = query_files()


@pytest.mark.parametrize("name", sorted(FILES))
def test_no_query_file_filters_regions_by_itself(name):
    if name == SCOPE_FILE or name in REGION_LISTINGS:
        return
    assert not OWN_REGION_FILTER.search(FILES[name]), (
        f"sql/{name}.sql reads the region tree itself: start from scope_regions / scoped_* (sql/views/scope.sql)")


@pytest.mark.parametrize("name", sorted(n for n, text in FILES.items() if "$region" in text))
def test_every_query_reading_facts_for_a_region_starts_from_a_scoped_macro(name):
    text = FILES[name]
    if name in REGION_LISTINGS or not READS_FACT.search(text):
        return
    assert SCOPED_MACRO.search(text), (
        f"sql/{name}.sql reads {READS_FACT.search(text).group(1)} for $region without a scoped_* macro")
    # and the scope it starts from carries the account's bound
    for call in re.findall(r"\bscop(?:e|ed)_\w+\s*\(([^)]*)\)", text):
        assert "$account_region" in call, f"sql/{name}.sql calls a scope macro without $account_region: {call}"


def test_the_check_fails_on_a_file_that_filters_by_itself():
    """The two rules above catch the pattern the macros replaced (not vacuous)."""
    old = ("with in_region as (select region_code from region_ancestors where ancestor_code = $region)\n"
           "select count(*) from accidents where region_code in (select region_code from in_region)")
    assert OWN_REGION_FILTER.search(old)
    assert READS_FACT.search(old) and not SCOPED_MACRO.search(old)
    assert not READS_FACT.search("select * from scoped_accidents($region, $account_region, $industry)")


def test_every_scope_macro_is_registered():
    text = (SQL / "views" / "scope.sql").read_text(encoding="utf-8")
    defined = re.findall(r"create or replace macro (\w+)\(", text)
    assert defined and set(defined) <= set(db.MACRO_NAMES)
    assert SCOPE_FILE in db.VIEW_FILES


# ---------------------------------------------------------------------------------------------- the account bound
# on the small city of conftest.py (worked out by hand from its rows): accidents A1, A6 in town A1, A2 in
# town A2, A5 on county A itself, A3, A4, A7 in town B1; hazards H1–H4 at E1/E2 (town A1), H5, H8 at E3 (town
# A2, road transport), H6, H7 at E4 (town B1); inspections added here: I1 at E1, I2 at E3, I3 at E4.

BY_ACCOUNT = {
    "scoped_accidents": ("accident_id", {
        None: ["A1", "A2", "A3", "A4", "A5", "A6", "A7"], CITY: ["A1", "A2", "A3", "A4", "A5", "A6", "A7"],
        COUNTY_A: ["A1", "A2", "A5", "A6"], TOWN_A1: ["A1", "A6"], COUNTY_B: ["A3", "A4", "A7"]},
        ["A2", "A5"]),
    "scoped_hazards": ("hazard_id", {
        None: ["H1", "H2", "H3", "H4", "H5", "H6", "H7", "H8"], CITY: ["H1", "H2", "H3", "H4", "H5", "H6", "H7", "H8"],
        COUNTY_A: ["H1", "H2", "H3", "H4", "H5", "H8"], TOWN_A1: ["H1", "H2", "H3", "H4"], COUNTY_B: ["H6", "H7"]},
        ["H5", "H8"]),
    "scoped_inspections": ("inspection_id", {
        None: ["I1", "I2", "I3"], CITY: ["I1", "I2", "I3"], COUNTY_A: ["I1", "I2"], TOWN_A1: ["I1"],
        COUNTY_B: ["I3"]},
        ["I2"]),
    "scoped_enterprises": ("enterprise_id", {
        None: ["E1", "E2", "E3", "E4"], CITY: ["E1", "E2", "E3", "E4"], COUNTY_A: ["E1", "E2", "E3"],
        TOWN_A1: ["E1", "E2"], COUNTY_B: ["E4"]},
        ["E3"]),
}


@pytest.fixture()
def city(small_con):
    small_con.execute("insert into inspections (inspection_id, inspected_on, enterprise_id, level) values "
                      "('I1', '2025-01-05', 'E1', 'township'), ('I2', '2025-02-01', 'E3', 'county'), "
                      "('I3', '2025-03-01', 'E4', 'self')")
    db.sync_keys(small_con)
    return small_con


def ids(con, sql: str, **params) -> list[str]:
    return sorted(r[0] for r in con.execute(sql, params).fetchall())


@pytest.mark.parametrize("macro", sorted(BY_ACCOUNT))
def test_a_region_filter_wider_than_the_account_keeps_only_the_accounts_rows(city, macro):
    key, by_account, road_in_county_a = BY_ACCOUNT[macro]
    for account, expected in by_account.items():  # the city filter (CITY: every enterprise, the whole-city path)
        assert ids(city, f"select {key} from {macro}($r, $a, null)", r=CITY, a=account) == expected, account
    # the filter and the account both apply: a township filter outside the account keeps nothing
    assert ids(city, f"select {key} from {macro}($r, $a, null)", r=TOWN_B1, a=COUNTY_A) == []
    # a filter narrower than the account is the filter's
    assert ids(city, f"select {key} from {macro}($r, $a, null)", r=TOWN_A1, a=COUNTY_A) == by_account[TOWN_A1]
    # the sector on top (accidents: their own industry; the rest: the enterprise's)
    assert ids(city, f"select {key} from {macro}($r, $a, 'road_transport')", r=CITY, a=COUNTY_A) == road_in_county_a


def test_scope_regions(city):
    q = "select region_code from scope_regions($r, $a)"
    assert ids(city, q, r=COUNTY_A, a=None) == [COUNTY_A, TOWN_A1, TOWN_A2]
    assert ids(city, q, r=CITY, a=COUNTY_A) == [COUNTY_A, TOWN_A1, TOWN_A2]
    assert ids(city, q, r=TOWN_A2, a=CITY) == [TOWN_A2]
    assert ids(city, q, r=COUNTY_B, a=TOWN_A1) == []


def test_a_metric_with_an_account_bound_counts_only_the_accounts_rows(city):
    """Through whole queries and Filters.params(): the city filter with an account on county A gives what the
    county A filter gives, and not what the city filter gives."""
    whole = Filters(start=date(2024, 1, 1), end=AS_OF, region_code=CITY, as_of=AS_OF)
    county = replace(whole, region_code=COUNTY_A)
    bound = replace(whole, account_region=COUNTY_A)
    for name in ("metrics/accident_totals", "metrics/rectification_totals", "metrics/rectification_stock",
                 "metrics/key_site_totals"):
        got = db.query_one(city, name, **bound.params())
        assert got == db.query_one(city, name, **county.params()), name
        assert got != db.query_one(city, name, **whole.params()), name
    # A1 (1 death), A2 (2 + 1 missing), A5 (1), A6 (1): county A's, by hand
    assert db.query_one(city, "metrics/accident_totals", **bound.params())["deaths_incl_missing"] == 6


# ---------------------------------------------------------------------------------------------- the catalogue
# every query file tied to the function that runs it and that function to the modules that reach it
# (riskdash.tools.catalogue, docs/catalogue.md)

CATALOGUE = catalogue.build()
# functions that run a query but that no screen, page, briefing, export or command reaches (each says why);
# the test fails when one of them gains a caller too, so that the list stays true
UNREACHED = {
    "riskdash.accounts:has_accounts": "superseded by has_any_account; kept for no caller",
    "riskdash.metrics.rectification:closed_loop": "timed by the bench only (bench/registry.py); no screen shows it",
}


def test_every_query_file_is_run_by_a_function():
    unrun = sorted(CATALOGUE.files - set(CATALOGUE.runners))
    assert not unrun, f"query files run by no function: {unrun}"


def test_every_query_name_in_the_code_has_its_file():
    assert not CATALOGUE.unknown, f"query names with no file under sql/: {CATALOGUE.unknown}"


def test_every_query_function_reaches_a_screen_or_a_command():
    unreached = {f for f, modules in CATALOGUE.callers.items() if not modules}
    assert unreached == set(UNREACHED), (
        f"reached by no screen/page/briefing/export/command: {sorted(unreached - set(UNREACHED))}; "
        f"listed as unreached but reached now: {sorted(set(UNREACHED) - unreached)}")


def test_the_catalogue_follows_each_way_a_query_is_named():
    """Ties read by hand from the source: a name in the body, a name completed by a module helper
    (f"campaigns/{name}", f"accounts/{query}"), a dict of names read by a function, and the trail from a metric
    through a re-export (metrics/__init__.py) or another metric to the modules that call it."""
    runners = CATALOGUE.runners
    assert runners["campaigns/township_scorecard"] == {"riskdash.metrics.campaigns:township_scorecard"}
    assert runners["campaigns/checklist_progress"] == {"riskdash.metrics.campaigns:checklist_progress"}
    assert runners["accounts/account"] == {"riskdash.accounts:get_account", "riskdash.accounts:authenticate",
                                           "riskdash.accounts:change_password",
                                           "riskdash.accounts:create_login_token"}  # f"accounts/{query}"
    assert "riskdash.metrics.data:settings_rows" in runners["settings/sectors"]
    assert "riskdash.metrics.data:filtered_view" in runners["data/export_hazards"]
    assert runners["data/data_as_of"] == {"riskdash.db:data_as_of"}
    callers = CATALOGUE.callers
    assert "pages.campaigns" in callers["riskdash.metrics.campaigns:township_scorecard"]
    assert "riskdash.screens.overview.draw" in callers["riskdash.metrics.core:key_site_totals"]  # via overview()
    assert "riskdash.commands.priority" in callers["riskdash.metrics.core:root_region"]  # metrics.root_region


def test_the_catalogue_page_is_up_to_date():
    assert catalogue.DOC.read_text(encoding="utf-8") == catalogue.render(CATALOGUE), (
        "docs/catalogue.md is out of date: run python -m riskdash.tools.catalogue --write")


def test_the_catalogue_catches_a_file_run_by_nobody_and_a_name_with_no_file(monkeypatch):
    files = catalogue.query_files()
    monkeypatch.setattr(catalogue, "query_files", lambda: (files - {"campaigns/warning_meetings"}) | {"campaigns/x"})
    cat = catalogue.build()
    assert "campaigns/x" not in cat.runners and "campaigns/x" in cat.files
    assert cat.unknown == ["riskdash.metrics.campaigns:warning_meetings names campaigns/warning_meetings"]
