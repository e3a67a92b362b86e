"""The deterministic demo city: a fictional city (all names invented) built into a new file and swapped in.

Everything but the small region tree is generated in SQL (``sql/demo/*.sql``), one file per table, run in
the order of ``STEPS`` with bound ``$seed``, ``$scale``, ``$today`` and ``$start_on``. Random draws are
hashes of a row key, the seed and a salt (``demo_u`` in ``sql/demo/setup.sql``), never DuckDB's
``random()``, whose streams depend on thread scheduling: the same seed, scale and day give the same rows.

Each enterprise carries a latent risk (lognormal times its sector's inherent risk) that drives both its
hazards and its accidents, so that a good risk score can find it. It lives only in a TEMP table during the
build and is never stored in the file.
"""

from __future__ import annotations

import json
import math
import os
import random
import re
import time
from datetime import date, datetime
from pathlib import Path
from typing import Any, Callable

import duckdb
import pandas as pd

from riskdash import db

# one file per generated table, in dependency order; setup and sector_profile make TEMP helpers only
STEPS: list[str] = [
    "demo/setup",
    "demo/sector_profile",
    "demo/regions",
    "demo/enterprises",
    "demo/accidents",
    "demo/inspections",
    "demo/hazards",
    "demo/hazard_bases",
    "demo/accident_measures",
    "demo/key_sites",
    "demo/checklist_status",
    "demo/township_stations",
    "demo/zero_reports",
    "demo/warning_meetings",
    "demo/campaign_pairs",
    "demo/annual_targets",
    "demo/class_targets",
    "demo/indicator_denominators",
    "demo/rate_targets",  # after the denominators it is drawn from (issue 18, schema 28)
]

COUNTED_TABLES = [
    "regions", "enterprises", "accidents", "inspections", "hazards", "key_sites", "checklist_status",
    "township_stations", "zero_report_windows", "zero_reports", "warning_meetings", "campaign_pairs", "annual_targets", "indicator_denominators",
]

CITY_PREFIX = 4198  # an invented prefix: no real prefecture-level city has it
CITY_NAME = "云川市（演示）"
LON_RANGE = (112.0, 113.2)
LAT_RANGE = (34.2, 35.0)

_PARAM = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)")

# ---------------------------------------------------------------------------------------------- names

_STEM_FIRST = list("青柳白清金石桃杏松竹梅兰凤龙云丰安永太平长新古临东西南北双红黄绿碧玉银铁宝华盛兴福")
_STEM_SECOND = list("川河山水湖岭原林桥湾庄店集坪岗坡台溪泉沟塘阳源城门口峪寨营埠洲沙田圩堡")
_UNLUCKY = {"黄泉", "太平间"}
_ZONE_KINDS = ["经济开发区", "工业园区", "高新技术产业园区", "产业集聚区"]


def _region_frame(scale: float, seed: int) -> pd.DataFrame:
    """The region tree (one city, ~6 × scale counties, ~60 × scale townships) with township centres.

    Small enough for Python; deterministic through ``random.Random(seed)``.
    """
    rng = random.Random(f"riskdash-demo-regions-{seed}")
    n_counties = max(2, round(6 * scale))
    n_townships = max(2 * n_counties, round(60 * scale))
    stems = [a + b for a in _STEM_FIRST for b in _STEM_SECOND if a + b not in _UNLUCKY]
    rng.shuffle(stems)
    if len(stems) < n_counties + n_townships:
        # past scale ~25 two-character names run out: three-character ones follow
        longer = [a + b + c for a in _STEM_FIRST for b in _STEM_SECOND for c in "上下前后中"]
        rng.shuffle(longer)
        stems += longer
    county_stems, town_stems = stems[:n_counties], stems[n_counties:]
    if len(town_stems) < n_townships:
        raise db.RiskdashError(f"demo scale {scale} is too large for the invented name list")

    city_code = f"{CITY_PREFIX}00000000"
    rows: list[dict[str, Any]] = [dict(region_code=city_code, name=CITY_NAME, level="city", parent_code=None,
                                       kind=None, township_class=None, lon=None, lat=None, weight=None)]
    # counties sit on a grid over the city's box; their townships scatter around the county centre
    cols = math.ceil(math.sqrt(n_counties * 1.5))
    grid_rows = math.ceil(n_counties / cols)
    cell_lon = (LON_RANGE[1] - LON_RANGE[0]) / cols
    cell_lat = (LAT_RANGE[1] - LAT_RANGE[0]) / grid_rows
    per_county = [n_townships // n_counties + (1 if k < n_townships % n_counties else 0) for k in range(n_counties)]
    town_i = 0
    for k in range(n_counties):
        # two digits per county; past 99 counties the codes continue under the next lower prefix
        code6 = f"{CITY_PREFIX - k // 99}{k % 99 + 1:02d}"
        urban = k < max(1, round(n_counties / 3))
        suffix = "区" if urban else ("市" if rng.random() < 0.15 else "县")
        county_code = f"{code6}000000"
        cname = county_stems[k] + suffix
        rows.append(dict(region_code=county_code, name=cname, level="county", parent_code=city_code, kind=None,
                         township_class=None, lon=None, lat=None, weight=None))
        clon = LON_RANGE[0] + cell_lon * (k % cols + 0.5)
        clat = LAT_RANGE[0] + cell_lat * (k // cols + 0.5)
        n_here = per_county[k]
        counters = {"subdistrict": 0, "town": 100, "township": 200, "zone": 400}
        for j in range(n_here):
            if j == 0:
                kind = "zone"
            elif urban and j <= max(1, n_here // 2) or j == 1:
                kind = "subdistrict"
            else:
                kind = "town" if rng.random() < 0.65 else "township"
            counters[kind] += 1
            stem = town_stems[town_i]
            town_i += 1
            if kind == "zone":
                name = county_stems[k] + rng.choice(_ZONE_KINDS)
            elif kind == "subdistrict":
                name = ("城关" if j == 1 else stem) + "街道"
            else:
                name = stem + ("镇" if kind == "town" else "乡")
            lon = min(max(clon + rng.gauss(0, cell_lon / 4), LON_RANGE[0] + 0.02), LON_RANGE[1] - 0.02)
            lat = min(max(clat + rng.gauss(0, cell_lat / 4), LAT_RANGE[0] + 0.02), LAT_RANGE[1] - 0.02)
            weight = {"zone": 2.5, "subdistrict": 1.3, "town": 1.0, "township": 0.55}[kind] * rng.uniform(0.6, 1.4)
            rows.append(dict(
                region_code=f"{code6}{counters[kind]:03d}000", name=name, level="township",
                parent_code=county_code, kind=kind,
                township_class="key" if (kind == "zone" or rng.random() < 0.36) else "ordinary",
                lon=round(lon, 5), lat=round(lat, 5), weight=round(weight, 4),
            ))
    return pd.DataFrame(rows)


# ---------------------------------------------------------------------------------------------- build


def _statements(text: str) -> list[str]:
    """Split a SQL file into statements at a ``;`` that ends a line (no string literal in our files does)."""
    text = re.sub(r"--[^\n]*", "", text)
    return [s.strip() for s in re.split(r";[ \t]*(?:\n|$)", text) if s.strip()]


def _run(con: duckdb.DuckDBPyConnection, name: str, params: dict[str, Any]) -> None:
    for statement in _statements(db.sql_text(name)):
        wanted = set(_PARAM.findall(statement))
        con.execute(statement, {k: params[k] for k in wanted})


def _check_target(path: Path, force: bool, wait_seconds: float | None) -> None:
    """Refuse, changing nothing, a path that is not ours to replace."""
    db.check_file(path)
    if not path.exists():
        return
    if path.stat().st_size == 0:
        if not force:
            raise db.RiskdashError(f"{path}: an empty file is in the way; remove it or pass --force")
        return
    # the running dashboard holds its file read-only: swapping a new file in under it would leave it
    # serving the old one, so any holder is refused (in one line, after a few seconds' wait)
    db.ensure_not_held(path, wait_seconds)
    # read-only from here, whatever the file's schema version: nothing is migrated or written
    meta = db.peek_meta(path, wait_seconds)
    if meta is None and not force:
        raise db.RiskdashError(f"{path}: a DuckDB file but not a riskdash database; refusing to overwrite it")
    dataset = (meta or {}).get("dataset")
    if dataset != "demo" and not force:
        raise db.RiskdashError(
            f"{path}: holds a riskdash database that is not demo data (dataset={dataset or 'unset'}); "
            "refusing to overwrite it (choose another --db, or force)"
        )


def _remove(tmp: Path) -> None:
    for p in (tmp, Path(str(tmp) + ".wal")):
        try:
            p.unlink()
        except FileNotFoundError:
            pass


def build_demo(
    path: str | os.PathLike,
    *,
    scale: float = 1.0,
    seed: int = 42,
    today: date,
    force: bool = False,
    progress: Callable[[str], Any] | None = None,
    wait_seconds: float | None = None,  # None: db.lock_wait_seconds()
) -> dict:
    """Build the demo city into a new file next to ``path`` and swap it in atomically.

    Returns ``{"path", "scale", "seed", "today", "seconds", "counts": {table: rows}}``.
    """
    path = Path(path)
    if not (isinstance(scale, (int, float)) and math.isfinite(scale) and 0 < scale <= 100):
        raise db.RiskdashError(f"demo scale {scale!r}: expected a number above 0 and at most 100")
    if not isinstance(today, date) or isinstance(today, datetime):
        raise db.RiskdashError(f"demo today {today!r}: expected a date (YYYY-MM-DD)")
    started = time.perf_counter()
    _check_target(path, force, wait_seconds)

    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f"{path.name}.tmp-{os.getpid()}")
    _remove(tmp)
    params = {
        "seed": int(seed),
        "scale": float(scale),
        "today": today,
        "start_on": date(today.year - 5, 1, 1),
    }
    con = None
    try:
        con = db.connect(tmp, create=True)
        regions = _region_frame(scale, seed)
        con.register("demo_region_frame", regions)
        for step in STEPS:
            t0 = time.perf_counter()
            _run(con, step, params)
            if progress:
                progress(f"{step.split('/', 1)[1]}: {time.perf_counter() - t0:.1f} s")
        con.unregister("demo_region_frame")
        db.sync_keys(con)
        counts = {t: con.execute(f"select count(*) from {t}").fetchone()[0] for t in COUNTED_TABLES}
        db.set_meta(con, "dataset", "demo")
        db.set_meta(con, "data_as_of", today.isoformat())
        db.set_meta(con, "demo_seed", str(int(seed)))
        db.set_meta(con, "demo_scale", repr(float(scale)))
        db.set_meta(con, "created_at", datetime.now().isoformat(timespec="seconds"))
        con.execute(
            "insert into audit_log (actor, action, kind, table_name, after_json, row_count) "
            "values ('riskdash demo', 'demo', 'demo', null, $after, $rows)",
            {"after": json.dumps({"seed": int(seed), "scale": float(scale), "today": today.isoformat(),
                                  "counts": counts}, ensure_ascii=False),
             "rows": sum(counts.values())},
        )
        from riskdash.accounts import add_demo_accounts

        demo_accounts = add_demo_accounts(con)  # demo-only passwords, printed by `riskdash demo`
        con.execute("checkpoint")
        con.close()
        con = None
        # a reader that still holds the old file keeps its inode; the next open sees the new city
        os.replace(tmp, path)
    except BaseException:
        if con is not None:
            con.close()
        _remove(tmp)
        raise
    seconds = round(time.perf_counter() - started, 2)
    if progress:
        progress(f"done: {seconds} s")
    return {"path": str(path), "scale": float(scale), "seed": int(seed), "today": today.isoformat(),
            "seconds": seconds, "counts": counts, "accounts": demo_accounts}
