"""`riskdash import` as scripts see it: JSON on success, problems on stderr, nothing written on failure or
when killed halfway, a one-line refusal while another process holds the file; and real public records
mapped into the import format end to end (docs/import.md, "Real data"). The commands run in process in the fast
tier and as real processes in the whole suite (the ``cli`` fixture); the kill halfway is always a real process."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pandas as pd
import pytest

from conftest import held
from riskdash import db

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "import"
REAL = Path(__file__).resolve().parents[2] / "shared" / "data" / "real"


_RUN = []  # the runner of the current test, set by the cli fixture


@pytest.fixture
def cli(riskdash_cli):
    """Every test taking it runs twice: in process (fast tier) and as real processes (slow; conftest.riskdash_cli)."""
    _RUN[:] = [riskdash_cli]
    yield riskdash_cli
    _RUN.clear()


def riskdash(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return _RUN[0](*args, env=env)


def imported(path: Path, kind: str, file: Path, *extra: str) -> dict:
    result = riskdash("import", kind, str(file), "--db", str(path), *extra)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def city(tmp_path: Path) -> Path:
    path = tmp_path / "city.duckdb"
    imported(path, "regions", FIXTURES / "regions.csv")
    imported(path, "enterprises", FIXTURES / "enterprises.csv")
    return path


def test_import_prints_json_and_creates_the_database(tmp_path, cli):
    path = city(tmp_path)
    out = imported(path, "hazards", FIXTURES / "hazards.csv", "--user", "王五")
    assert out["rows"] == 3 and out["inserted"] == 3 and out["data_as_of"] == "2025-04-25"
    con = db.connect(path, read_only=True)
    try:
        assert con.execute("select actor from audit_log where kind = 'hazards'").fetchone() == ("王五",)
    finally:
        con.close()


def test_one_problem_is_one_line_many_are_a_summary_then_one_line_each(tmp_path, cli):
    path = city(tmp_path)
    one = tmp_path / "one.csv"
    one.write_text("隐患编号,企业编号,发现日期,隐患等级,整改期限\nH1,E1,2025-03-05,一般,2025-03-01\n", encoding="utf-8")
    result = riskdash("import", "hazards", str(one), "--db", str(path))
    assert result.returncode == 1 and result.stdout == ""
    assert result.stderr.splitlines() == [
        f"riskdash import: {one}: row 2: column deadline: value '2025-03-01': a deadline on or after found_on; "
        "nothing was written"]
    many = tmp_path / "many.csv"
    many.write_text("隐患编号,企业编号,发现日期,隐患等级,整改期限\nH1,E1,2025-03-05,一般,2025-03-01\n"
                    "H2,E7,2025-03-05,一般,2025-03-09\nH3,E1,2025-03-05,一般,2025-03-09\n", encoding="utf-8")
    lines = riskdash("import", "hazards", str(many), "--db", str(path)).stderr.splitlines()
    assert lines[0] == f"riskdash import: {many}: 2 problems in 2 rows of 3; nothing was written"
    assert [line.split(": ")[1] for line in lines[1:]] == ["row 2", "row 3"]


@pytest.mark.slow  # out of the fast tier: a real `python -m riskdash import` of 50,000 rows, killed
def test_a_process_killed_halfway_leaves_the_database_as_before(tmp_path, riskdash_in_process):
    _RUN[:] = [riskdash_in_process]  # the city set up in process; the import killed is a real process
    path = city(tmp_path)
    rows = ["隐患编号,企业编号,发现日期,隐患等级,整改期限"]
    rows += [f"H{i},E1,2025-03-05,一般,2025-03-20" for i in range(50_000)]
    big = tmp_path / "big.csv"
    big.write_text("\n".join(rows) + "\n", encoding="utf-8")
    env = {**os.environ, "RISKDASH_IMPORT_PAUSE_BEFORE_COMMIT": "60"}
    proc = subprocess.Popen([sys.executable, "-m", "riskdash", "import", "hazards", str(big), "--db", str(path)],
                            stderr=subprocess.PIPE, text=True, env=env)
    try:
        # every row is inserted inside the open transaction when this line comes
        assert "pausing before commit" in proc.stderr.readline()
        proc.send_signal(signal.SIGKILL)
    finally:
        proc.wait()
    con = db.connect(path, read_only=True)
    try:
        assert con.execute("select count(*) from hazards").fetchone()[0] == 0
        assert con.execute("select count(*) from audit_log where kind = 'hazards'").fetchone()[0] == 0
        assert db.data_as_of(con) is None
    finally:
        con.close()


@pytest.mark.slow  # real child processes hold the file for seconds: left out of the fast tier
def test_a_held_file_is_refused_in_one_line(tmp_path, cli, monkeypatch):
    monkeypatch.setenv(db.LOCK_WAIT_ENV, "0.5")  # the refusal, not the default 5 s wait (tests/test_db.py)
    path = city(tmp_path)
    with held(path, read_only=True):
        result = riskdash("import", "hazards", str(FIXTURES / "hazards.csv"), "--db", str(path))
    assert result.returncode == 1
    assert len(result.stderr.strip().splitlines()) == 1 and "held by another process" in result.stderr


def test_unknown_kind_is_a_usage_error(cli):
    result = riskdash("import", "villages", "x.csv")
    assert result.returncode == 2 and len(result.stderr.strip().splitlines()) == 1


# ---------------------------------------------------------------------------------------------- real data


def kind_of(name: str) -> str:
    for suffix, kind in (("街道", "街道"), ("镇", "镇"), ("乡", "乡")):
        if name.endswith(suffix):
            return kind
    return "开发区园区"


def test_real_records_end_to_end(tmp_path, cli):
    path = tmp_path / "real.duckdb"
    # regions: 郑州市 (4101) from the 2023 statistical division codes, 4- and 6-/9-digit codes padded
    divisions = REAL / "cn-admin-divisions"
    cities = pd.read_csv(divisions / "cities.csv", dtype=str)
    areas = pd.read_csv(divisions / "areas.csv", dtype=str)
    streets = pd.read_csv(divisions / "streets.csv", dtype=str)
    areas = areas[areas.cityCode == "4101"]
    streets = streets[streets.cityCode == "4101"]
    regions = pd.concat([
        pd.DataFrame({"区划代码": ["410100"], "名称": [cities.set_index("code").loc["4101", "name"]],
                      "级别": ["市"], "上级代码": [""], "类型": [""]}),
        pd.DataFrame({"区划代码": areas.code, "名称": areas.name, "级别": "县", "上级代码": "410100", "类型": ""}),
        pd.DataFrame({"区划代码": streets.code, "名称": streets.name, "级别": "乡镇", "上级代码": streets.areaCode,
                      "类型": streets.name.map(kind_of)}),
    ])
    regions.to_csv(tmp_path / "regions.csv", index=False, encoding="gbk")
    assert imported(path, "regions", tmp_path / "regions.csv")["rows"] == 1 + len(areas) + len(streets)
    townships = sorted(s.ljust(12, "0") for s in streets.code)
    county = areas.code.iloc[0].ljust(12, "0")

    # accidents: the NIOSH mining disasters since 1970, in the first county (no township known)
    niosh = pd.read_csv(REAL / "niosh-mining-disasters" / "mining_disasters.csv", dtype=str, encoding="utf-8-sig")
    niosh = niosh[niosh.Date >= "1970-01-01"].reset_index(drop=True)
    types = {"Explosion": "瓦斯爆炸", "Fire": "火灾", "Inrush of water": "透水", "Roof fall": "冒顶片帮",
             "Haulage": "车辆伤害", "Suffocation": "中毒和窒息"}
    accidents = pd.DataFrame({
        "事故编号": [f"NIOSH-{i + 1:03d}" for i in range(len(niosh))],
        "发生时间": niosh.Date.str.replace("-", "/"),
        "区划代码": county[:6],
        "行业": niosh["Mining Sector"].map(lambda s: "煤矿" if s == "Coal" else "非煤矿山"),
        "事故类型": niosh["Accident Type"].map(lambda t: types.get(t, "其他伤害")),
        "死亡人数": niosh.Killed, "重伤人数": 0, "直接经济损失（万元）": 0,
        "事故简况": niosh["Mine Name"] + ", " + niosh.City + ", " + niosh.State,
    })
    accidents.to_csv(tmp_path / "accidents.csv", index=False, encoding="utf-8-sig")
    imported(path, "accidents", tmp_path / "accidents.csv")
    result = riskdash("metrics", "accidents", "--db", str(path), "--from", "1970-01-01", "--to", "2010-12-31")
    got = json.loads(result.stdout)
    killed = niosh.Killed.astype(int)
    assert got["accidents"] == len(niosh) == 26
    assert got["deaths"] == killed.sum()
    assert got["by_grade"] == {"general": 0, "larger": int(killed.between(3, 9).sum()),
                               "major": int(killed.between(10, 29).sum()), "especially_major": int((killed >= 30).sum())}

    # inspections and hazards: OSHA citations at California prisons; enterprises are the establishments
    osha = pd.read_csv(REAL / "osha-enforcement-ca-prisons" / "CA_prison_insp_viol_2010_op.csv", dtype=str,
                       keep_default_na=False)
    names = sorted(osha.estab_name.unique())
    ent_id = {n: f"OSHA-E{i + 1:03d}" for i, n in enumerate(names)}
    pd.DataFrame({"企业编号": [ent_id[n] for n in names], "企业名称": names,
                  "所在乡镇代码": [townships[i % len(townships)] for i in range(len(names))],
                  "行业": "其他"}).to_csv(tmp_path / "enterprises.csv", index=False)
    imported(path, "enterprises", tmp_path / "enterprises.csv")
    insp = osha.drop_duplicates("activity_nr")
    pd.DataFrame({"检查编号": insp.activity_nr, "检查日期": insp.open_date, "企业编号": insp.estab_name.map(ent_id),
                  "检查层级": "县级排查"}).to_csv(tmp_path / "inspections.csv", index=False)
    imported(path, "inspections", tmp_path / "inspections.csv")
    # 296 rows are inspections that cited nothing (violation fields "NA"): inspections, not hazards
    assert len(insp) == 582
    osha = osha[osha.citation_id != "NA"].reset_index(drop=True)
    found = pd.to_datetime(osha.issuance_date).dt.date
    abate = pd.to_datetime(osha.abate_date.where(osha.abate_date.str.match(r"\d{4}-"), None)).dt.date
    deadline = [a if not pd.isna(a) and a >= f else f + timedelta(days=30) for a, f in zip(abate, found)]
    done = osha.abate_complete.isin(["X", "Q", "I"])
    major = osha.viol_type == "R"
    rectified = [(f if c == "I" else d) if ok else None
                 for f, d, c, ok in zip(found, deadline, osha.abate_complete, done)]
    hazards = pd.DataFrame({
        "隐患编号": osha.activity_nr + "-" + osha.citation_id, "检查编号": osha.activity_nr,
        "企业编号": osha.estab_name.map(ent_id), "发现日期": found, "隐患等级": major.map({True: "重大", False: "一般"}),
        "隐患描述": "OSHA " + osha.standard.str.strip(), "整改期限": deadline, "整改完成日期": rectified,
        "验收日期": [r if m else None for r, m in zip(rectified, major)],
    })
    hazards.to_excel(tmp_path / "hazards.xlsx", index=False)
    imported(path, "hazards", tmp_path / "hazards.xlsx", "--as-of", "2020-12-31")
    result = riskdash("metrics", "rectification", "--db", str(path), "--from", "2000-01-01", "--to", "2020-12-31",
                      "--as-of", "2020-12-31")
    got = json.loads(result.stdout)
    assert got["found"] == len(osha) == 1093 - 296
    assert got["general_found"] == int((~major).sum()) and got["major_found"] == int(major.sum())
    assert got["general_rectified"] == int((done & ~major).sum())
    assert got["major_closed"] == int((done & major).sum())
    assert got["overdue"] == len(osha) - int(done.sum())


def test_the_as_of_help_says_how_data_as_of_is_derived(capsys):
    import pytest

    from riskdash.cli import main

    with pytest.raises(SystemExit):
        main(["import", "--help"])
    text = " ".join(capsys.readouterr().out.split())
    assert "declare the day the data is complete to (data_as_of" in text
    assert ("Without it an import of a main table drops any earlier declaration and data_as_of is derived whenever "
            "read: the latest event day in the records") in text
