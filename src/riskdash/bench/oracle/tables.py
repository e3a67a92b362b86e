"""Shared by the pandas peers: whole tables as frames, the region tree, township labels and the accident grade,
each written from the rule (docs/rules.md), not from the SQL."""

from __future__ import annotations

import duckdb
import numpy as np
import pandas as pd

from riskdash import db


def _table(con: duckdb.DuckDBPyConnection, table: str) -> pd.DataFrame:
    # reading a whole table is this module's point: it is the naive way, on the contract's columns only
    # (not the internal integer enterprise_no the SQL joins on)
    return con.execute(f"select {db.public_columns(table)} from {table}").df()  # noqa: S608


def descendants(regions: pd.DataFrame, root: str) -> set[str]:
    """The root region and every region below it, by walking parent_code."""
    children: dict[str, list[str]] = {}
    for code, parent in zip(regions["region_code"], regions["parent_code"]):
        if isinstance(parent, str):
            children.setdefault(parent, []).append(code)
    found, stack = set(), [root]
    while stack:
        code = stack.pop()
        if code in found:
            continue
        found.add(code)
        stack.extend(children.get(code, []))
    return found


def township_labels(regions: pd.DataFrame) -> dict[str, str]:
    """The shown name of each township, the naive way: its name, with its county in （） when another township
    has the same name, and with the code too when that other one is in the same county."""
    names = dict(zip(regions["region_code"], regions["name"]))
    towns = [(c, n, p) for c, n, p, lv in zip(regions["region_code"], regions["name"], regions["parent_code"],
                                             regions["level"]) if lv == "township"]
    out = {}
    for code, name, parent in towns:
        same = [t for t in towns if t[1] == name]
        county = names.get(parent) if isinstance(parent, str) else None
        if len(same) == 1:
            out[code] = name
        elif sum(t[2] == parent for t in same) > 1:
            out[code] = f"{name}（{county + '，' if county else ''}{code}）"
        else:
            out[code] = f"{name}（{county or code}）"
    return out


def grade_frame(deaths_incl_missing: pd.Series, serious: pd.Series, loss: pd.Series) -> pd.Series:
    """Art. 3 grades, vectorised: the highest grade any criterion reaches."""
    loss = loss.astype(float)
    level = np.zeros(len(deaths_incl_missing), dtype=int)
    for rank, (d, s, money) in enumerate([(3, 10, 1000), (10, 50, 5000), (30, 100, 10000)], start=1):
        reached = (deaths_incl_missing >= d) | (serious >= s) | (loss >= money)
        level = np.where(reached.to_numpy(), rank, level)
    names = np.array(["general", "larger", "major", "especially_major"])
    return pd.Series(names[level], index=deaths_incl_missing.index)
