"""What the property tests comparing the SQL with its pandas peers (riskdash.bench.oracle) share."""

from __future__ import annotations

from contextlib import contextmanager
from unittest import mock


@contextmanager
def tables_read_once():
    """Within the block, the pandas peers read each table of a connection from DuckDB once and get a fresh copy of
    it on every later read. For a property test's one example, whose rows do not change while its queries are
    compared: each peer reads whole tables again for every query (the naive way, which `riskdash bench` times and
    keeps), and in test_rectification_oracle those reads were a third of the test's CPU (2,880 reads for 30
    examples, issue 15). The peers' answers are the same: each gets its own copy, as from a read of its own."""
    from riskdash.bench.oracle import campaigns, classes, overview, priority, rectification, tables

    real = tables._table
    read: dict[tuple[int, str], object] = {}

    def once(con, table: str):
        key = (id(con), table)
        if key not in read:
            read[key] = real(con, table)
        return read[key].copy()

    with mock.patch.object(tables, "_table", once):
        with mock.patch.multiple(campaigns, _table=once), mock.patch.multiple(classes, _table=once), \
                mock.patch.multiple(overview, _table=once), mock.patch.multiple(priority, _table=once), \
                mock.patch.multiple(rectification, _table=once):
            yield
