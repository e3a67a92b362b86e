"""What the property tests comparing the SQL with its pandas peers (riskdash.bench.oracle) share."""

from __future__ import annotations

from contextlib import ExitStack, contextmanager
from unittest import mock


@contextmanager
def tables_read_once():
    """Within the block, the pandas peers read each table of a connection from DuckDB once and get a fresh copy of
    it on every later read. For a property test's one example, whose rows do not change while its queries are
    compared: each peer reads whole tables again for every query (the naive way, which `riskdash bench` times and
    keeps), and in test_rectification_oracle those reads were a third of the test's CPU (2,880 reads for 30
    examples, issue 15). The peers' answers are the same: each gets its own copy, as from a read of its own."""
    import sys

    from riskdash.bench.oracle import tables

    real = tables._table
    read: dict[tuple[int, str], object] = {}

    def once(con, table: str):
        key = (id(con), table)
        if key not in read:
            read[key] = real(con, table)
        return read[key].copy()

    with ExitStack() as stack:
        # every module that holds the reader (the peers import it by name), whichever peers exist
        peers = [m for name, m in list(sys.modules.items()) if name.startswith("riskdash.bench.oracle.")]
        for module in [m for m in peers if getattr(m, "_table", None) is real]:
            stack.enter_context(mock.patch.object(module, "_table", once))
        yield
