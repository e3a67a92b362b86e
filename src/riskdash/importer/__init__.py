"""Importing files into the database: ``riskdash import KIND FILE`` and the 数据管理 screen.

- ``spec``: what each KIND looks like (columns, types, Chinese header aliases, row rules)
- ``aliases``: enumeration spellings (from the reference tables and a documented list)
- ``read``: CSV (encoding detected) and .xlsx (formulas as text) into an all-text staging table
- ``core``: validation as SQL over the staged rows, then one all-or-nothing transaction with its audit log
- ``export``: tables out to CSV / .xlsx with formula-looking text escaped; the .xlsx templates
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from riskdash.importer.spec import KINDS, MAIN_KINDS, REFERENCE_KINDS, Kind

if TYPE_CHECKING:
    from riskdash.importer.core import (
        ImportFailed, ImportResult, Problem, actor_default, check, drop_temp_tables, import_file, validate,
    )

# core (and pyarrow, 0.24 s of CPU) is loaded on first use of one of its names: every command's parser reads
# spec.KINDS, and most commands never import a file
_FROM_CORE = {"ImportFailed", "ImportResult", "Problem", "actor_default", "check", "drop_temp_tables", "import_file",
              "validate"}


def __getattr__(name: str):
    if name in _FROM_CORE:
        from riskdash.importer import core

        return getattr(core, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "ImportFailed",
    "check",
    "drop_temp_tables",
    "ImportResult",
    "KINDS",
    "Kind",
    "MAIN_KINDS",
    "Problem",
    "REFERENCE_KINDS",
    "actor_default",
    "import_file",
    "validate",
]
