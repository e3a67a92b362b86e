"""数据管理 queries registered in ``riskdash bench`` (the functions that run them live in riskdash.records and
riskdash.ui.data: these are lists and exports, not measures). No pandas peer: each is a plain row selection."""

from __future__ import annotations

from riskdash.benchspec import BenchQuery, city_year_to_date


def _audit_params(f) -> dict:
    return {"table_name": None, "kind": None, "action": None, "start": None, "end": None, "limit": 500}


BENCH_QUERIES: list[BenchQuery] = [
    BenchQuery("data/open_hazards", "hazards", city_year_to_date, params=lambda f: {"limit": 50}),
    BenchQuery("data/export_accidents", "accidents", city_year_to_date),
    BenchQuery("data/export_hazards", "hazards", city_year_to_date),
    BenchQuery("data/export_inspections", "inspections", city_year_to_date),
    BenchQuery("data/audit_entries", "regions", city_year_to_date, params=_audit_params),  # no floor for audit_log
    BenchQuery("data/townships", "regions", city_year_to_date),
    BenchQuery("data/table_counts", "hazards", city_year_to_date),
]
