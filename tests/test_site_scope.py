"""The whole-site scope test (issue 16): on the demo city, for its township, county and viewer accounts, every
page (AppTest) with its default filters and with ``?region=`` of another county, and every download the account
can make (the screen's .xlsx / .csv / .docx / .pptx / .pdf; the CLI's ``--user`` outputs of ``brief``, ``form
monthly`` and ``metrics``), is collected as text; no name unique to a region outside the account's scope (a
region or enterprise name that is not also the name of one inside it: 城关街道 is in every county) appears,
the address' region is refused with a notice, and the counts shown equal the counts recomputed in SQL."""

from __future__ import annotations

import html
import io
import json
import re
import shutil
import subprocess
import zipfile
from contextlib import redirect_stderr, redirect_stdout
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
import streamlit
from conftest import CITY, COUNTY_A, TOWN_A1, TOWN_A2, logged_in
from campaigns_support import open_tab as open_campaigns_tab
from rectification_support import open_tab
from streamlit.delta_generator import DeltaGenerator
from streamlit.testing.v1 import AppTest

from riskdash import accounts, cli, db
from riskdash.demo import build_demo
from riskdash.metrics import data as reads

ROOT = Path(__file__).resolve().parents[1]
APP = ROOT / "app.py"
TODAY = date(2025, 6, 30)
START = date(2025, 1, 1)  # the default period: 1—N月 of the data's year, to its as-of day
PAGES = ("overview", "accidents", "rectification", "priority", "campaigns", "briefing", "data")
REFUSED = "地址中的区域不在本账号辖区内，已改为显示本账号辖区。"
ADMIN_ONLY = "仅管理员可用"


@dataclass
class City:
    path: Path
    regions: dict[str, tuple[str, str | None]]  # code → (name, parent)
    enterprises: list[tuple[str, str]]  # (name, region_code)
    accounts: dict[str, str]  # account name → its region

    def within(self, code: str, bound: str) -> bool:
        while code is not None:
            if code == bound:
                return True
            code = self.regions[code][1]
        return False

    def inside(self, bound: str) -> set[str]:
        """The regions at or below ``bound`` and those above it (shown as the account's fixed choices)."""
        above, code = set(), bound
        while code is not None:
            above.add(code)
            code = self.regions[code][1]
        return {c for c in self.regions if self.within(c, bound)} | above

    def foreign_names(self, bound: str) -> set[str]:
        """Region and enterprise names of outside ``bound`` that no region or enterprise inside it bears."""
        inside = self.inside(bound)
        names_in = {self.regions[c][0] for c in inside} | {n for n, r in self.enterprises if r in inside}
        names_out = {self.regions[c][0] for c in self.regions if c not in inside}
        names_out |= {n for n, r in self.enterprises if r not in inside}
        return names_out - names_in

    @property
    def township_count(self) -> int:
        return sum(1 for c, (_, p) in self.regions.items() if p is not None and self.regions[p][1] is not None)

    def other_county(self, bound: str) -> str:
        return next(c for c, (_, p) in sorted(self.regions.items())
                    if p is not None and self.regions[p][1] is None and not self.within(bound, c)
                    and not self.within(c, bound))


@pytest.fixture(scope="module")
def city(tmp_path_factory) -> City:
    path = tmp_path_factory.mktemp("site-scope") / "demo.duckdb"
    build_demo(path, scale=0.5, today=TODAY)  # 3 counties, 30 townships, the demo accounts
    con = db.connect(path)  # migrated once, as `riskdash serve` does before the read-only dashboard
    try:
        regions = {c: (n, p) for c, n, p in con.execute("select region_code, name, parent_code from regions").fetchall()}
        enterprises = con.execute("select name, region_code from enterprises").fetchall()
        bound = {name: accounts.account_scope(accounts.get_account(con, name)) for name in ("township", "county", "viewer")}
    finally:
        con.close()
    return City(path, regions, enterprises, bound)


@pytest.fixture()
def downloads(monkeypatch):
    """Every download button's (label, data, file name) of a run, recorded as the page draws it."""
    made: list[tuple[str, object, str]] = []
    real = DeltaGenerator.download_button

    def recording(self, label, data, *args, **kwargs):
        made.append((label, data, kwargs.get("file_name") or ""))
        return real(self, label, data, *args, **kwargs)

    monkeypatch.setattr(DeltaGenerator, "download_button", recording)
    monkeypatch.setattr(streamlit, "download_button", lambda *a, **k: recording(streamlit._main, *a, **k))
    return made


def document_text(name: str, data: bytes, tmp: Path) -> str:
    """The text of a downloaded file: CSV as text, an Office file's XML parts without tags, a PDF through
    pdftotext."""
    suffix = Path(name).suffix.lower()
    if suffix in (".csv", ".json"):
        return data.decode("utf-8-sig")
    if suffix in (".xlsx", ".docx", ".pptx"):
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            parts = [z.read(n).decode("utf-8", "replace") for n in z.namelist() if n.endswith(".xml")]
        return html.unescape(re.sub(r"<[^>]+>", " ", "\n".join(parts)))  # openpyxl writes &#...; references
    if suffix == ".pdf":
        pdf = tmp / "file.pdf"
        pdf.write_bytes(data)
        return subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], check=True, capture_output=True,
                              text=True, timeout=60).stdout
    raise AssertionError(f"no text reader for {name}")


def page_text(at: AppTest) -> str:
    parts = []
    for kind in ("markdown", "caption", "title", "header", "subheader", "info", "error", "warning", "success", "text"):
        parts += [str(e.value) for e in at.get(kind)]
    parts += [f"{m.label} {m.value} {m.delta}" for m in at.metric]
    parts += [d.value.to_csv() for d in at.dataframe] + [t.value.to_csv() for t in at.table]
    parts += [f"{s.label} {s.options}" for s in at.selectbox] + [f"{s.label} {s.options}" for s in at.multiselect]
    parts += [c.proto.spec for c in at.get("plotly_chart")]  # the figures the PNG downloads are drawn from
    parts += [str(e.proto) for e in [*at.get("html"), *at.get("iframe")]]  # print CSS scope lines, embedded HTML
    return "\n".join(parts)


def number(value: str) -> int:
    return int(re.sub(r"[^\d]", "", value))


def metrics_of(at: AppTest) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def in_scope_counts(city: City, bound: str) -> dict[str, int]:
    """The period's accidents, deaths (incl. missing) and hazards found in ``bound``, by hand in SQL."""
    con = db.connect(city.path, read_only=True)
    try:
        codes = sorted(c for c in city.regions if city.within(c, bound))
        accidents, deaths = con.execute(
            "select count(*), coalesce(sum(deaths + missing), 0) from accidents where region_code in (select unnest(?))"
            " and occurred_at >= ? and occurred_at < ? + interval 1 day", [codes, START, TODAY]).fetchone()
        hazards = con.execute(
            "select count(*) from hazards h join enterprises e using (enterprise_id)"
            " where e.region_code in (select unnest(?)) and h.found_on between ? and ?",
            [codes, START, TODAY]).fetchone()[0]
        townships = con.execute(
            "select count(*) from regions where level = 'township' and region_code in (select unnest(?))",
            [codes]).fetchone()[0]
    finally:
        con.close()
    return {"accidents": accidents, "deaths": deaths, "hazards": hazards, "townships": townships}


def leaks(text: str, foreign: set[str]) -> list[str]:
    return sorted(name for name in foreign if name in text)


@pytest.mark.slow  # ~100 s: 7 pages x 2 addresses x 3 accounts, and every download built
@pytest.mark.parametrize("name", ["township", "county", "viewer"])
def test_every_page_and_download_stays_within_the_account(city, downloads, monkeypatch, tmp_path, name):
    monkeypatch.setenv(db.ENV_DB, str(city.path))
    bound = city.accounts[name]
    foreign = city.foreign_names(bound)
    own_name = city.regions[bound][0]
    other = city.other_county(bound)
    assert city.regions[other][0] in foreign  # the address below asks for a region whose name would show
    counts = in_scope_counts(city, bound)
    assert counts["accidents"] > 0 and counts["hazards"] > 0  # the figures compared below are not all zero

    for asked in (None, other):
        at = AppTest.from_file(str(APP), default_timeout=120)
        if asked:
            at.query_params["region"] = asked
        at = logged_in(at, name).run()
        for page in PAGES:
            downloads.clear()
            if page != "overview":
                if asked:
                    at.query_params["region"] = asked
                at.switch_page(f"pages/{page}.py").run()
            where = f"{name} {page} ?region={asked}"
            assert not at.exception, (where, [e.value for e in at.exception])
            text = page_text(at)
            assert own_name in text, where  # the page shows the account's region
            if asked:
                assert REFUSED in [w.value for w in at.sidebar.warning], where
            if page == "rectification":  # 隐患治理 draws its open tab alone (issue 17): each tab's words and files
                for place in [*range(1, len(at.tabs)), 0]:  # back to 整改情况, whose figures are compared below
                    text += "\n" + page_text(open_tab(at, place))
            if page == "campaigns":  # 专项行动 too: each tab's words and files
                for place in [*range(1, len(at.tabs)), 0]:  # back to 乡镇考核, whose ranking is compared below
                    text += "\n" + page_text(open_campaigns_tab(at, place))
            assert leaks(text, foreign) == [], where
            files = []
            for label, data, file_name in downloads:
                if file_name.endswith(".png"):
                    continue  # a chart's PNG is drawn from the figure checked in page_text (kaleido is slow)
                body = data() if callable(data) else data
                body = body.encode() if isinstance(body, str) else body
                files.append(file_name)
                assert leaks(document_text(file_name, body, tmp_path), foreign) == [], (where, label, file_name)
            if page == "overview":
                shown = metrics_of(at)
                assert number(shown["事故起数（起）"]) == counts["accidents"], where
                assert number(shown["死亡（含失踪）（人）"]) == counts["deaths"], where
                assert number(shown["本期排查隐患（项）"]) == counts["hazards"], where
            if page == "rectification":
                assert number(metrics_of(at)["本期排查隐患（项）"]) == counts["hazards"], where
                assert any(f.endswith(".xlsx") for f in files) and any(f.endswith(".csv") for f in files), where
            if page == "campaigns":
                assert number(metrics_of(at)["参评乡镇（个）"]) == counts["townships"], where
                # the ranking: the account's own townships, each with its rank among the city's (docs/accounts.md)
                [ranking] = [d.value for d in at.dataframe if "名次" in d.value.columns]
                assert len(ranking) == counts["townships"], where
                assert f"全市名次（共{city.township_count}个乡镇）" in ranking.columns, where
            if page == "briefing":
                assert sorted(Path(f).suffix for f in files) == [".docx", ".pdf", ".pptx"], where
            if page == "data":
                assert any(f.startswith("事故_") for f in files), where  # the table, named in Chinese

        # settings: refused (and not listed), whatever the address asks
        at.switch_page("pages/settings.py").run()
        assert not at.exception
        assert any(i.value.startswith(ADMIN_ONLY) for i in at.info), name
        assert len(at.dataframe) == 0 and len(at.get("download_button")) == 0


def run_cli(argv: list[str]) -> str:
    out = io.StringIO()
    with redirect_stdout(out):
        code = cli.main(argv)
    assert code == 0, argv
    return out.getvalue()


@pytest.mark.slow  # ~40 s: the documents of three accounts
@pytest.mark.parametrize("name", ["township", "county", "viewer"])
def test_every_cli_output_of_the_account_stays_within_it(city, tmp_path, name):
    assert shutil.which("pdftotext"), "pdftotext (poppler-utils) is needed to read the PDF"
    bound = city.accounts[name]
    foreign = city.foreign_names(bound)
    own_name = city.regions[bound][0]
    counts = in_scope_counts(city, bound)
    common = ["--db", str(city.path), "--user", name]
    period = ["--from", START.isoformat(), "--to", TODAY.isoformat()]
    for fmt in ("docx", "pdf"):
        out = tmp_path / f"brief.{fmt}"
        run_cli(["brief", *common, *period, "--out", str(out)])
        text = document_text(out.name, out.read_bytes(), tmp_path)
        assert own_name in text, fmt
        assert leaks(text, foreign) == [], fmt
    out = tmp_path / "form.xlsx"
    run_cli(["form", "monthly", *common, "--month", "2025-06", "--out", str(out)])
    text = document_text(out.name, out.read_bytes(), tmp_path)
    assert own_name in text and leaks(text, foreign) == []

    kinds = {"accidents": period, "rectification": [*period, "--as-of", TODAY.isoformat()], "townships": ["--year", "2025"],
             "priority": ["--as-of", TODAY.isoformat()]}
    results = {}
    for kind, extra in kinds.items():
        text = run_cli(["metrics", kind, *common, *extra])
        assert leaks(text, foreign) == [], kind
        results[kind] = json.loads(text)
    townships = results["townships"]["townships"]
    assert len(townships) == counts["townships"]
    assert all(city.within(t["region_code"], bound) for t in townships)
    # each of its townships' rank among the whole city's and the city's count, as the file's owner ranks them
    whole = [t["region_code"] for t in json.loads(run_cli(["metrics", "townships", "--db", str(city.path),
                                                          "--year", "2025"]))["townships"]]
    assert results["townships"]["city_townships"] == len(whole) == city.township_count
    assert [t["city_rank"] for t in townships] == [whole.index(t["region_code"]) + 1 for t in townships]
    assert results["priority"]["sites"] and all(city.within(e["region_code"], bound) for e in results["priority"]["sites"])
    assert (results["accidents"]["accidents"], results["accidents"]["deaths_incl_missing"]) == (
        counts["accidents"], counts["deaths"])
    assert results["rectification"]["found"] == counts["hazards"]
    # a region outside the account is refused in one line, never widened
    err = io.StringIO()
    with redirect_stderr(err), redirect_stdout(io.StringIO()):
        code = cli.main(["metrics", "accidents", *common, *period, "--region", city.other_county(bound)])
    assert code != 0 and len(err.getvalue().strip().splitlines()) == 1


def test_the_data_screens_township_picker_is_bounded_by_the_account(small_con):
    """data/townships (数据管理's rectification flow) takes the account's region as every scoped query does."""
    def listed(region, account_region):
        return list(reads.townships(small_con, region, account_region)["region_code"])

    assert listed(CITY, None) == sorted([TOWN_A1, TOWN_A2, "419902001000"])
    assert listed(CITY, COUNTY_A) == [TOWN_A1, TOWN_A2]
    assert listed(COUNTY_A, TOWN_A1) == [TOWN_A1]
