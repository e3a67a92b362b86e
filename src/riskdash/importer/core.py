"""Validate, then write: an import either writes every row of the file or nothing.

The file is staged as text, cast once into a typed temp table (a column per contract column plus its raw
text), and every check runs as SQL over that table: types, ranges, enumerations, references, row rules that
mirror the schema's CHECKs, duplicate keys within the file and against the database. Identifiers in the
generated SQL come only from the kind specs (spec.py); file values are data in tables, never SQL text.
"""

from __future__ import annotations

import getpass
import os
import re
import sys
import time
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import duckdb

from riskdash import db
from riskdash.domain import parse_day_list, parse_department_map
from riskdash.importer import read
from riskdash.importer.aliases import (BOOL_FALSE, BOOL_TRUE, SETTING_ALIAS_KEYS, alias_rows, allowed_text, normalise,
                                       setting_alias_overlaps, split_aliases)
from riskdash.importer.spec import KINDS, TEXT_MAX, Column, Kind

MAX_PROBLEMS = 10_000  # problems listed; the total is always counted
PAUSE_ENV = "RISKDASH_IMPORT_PAUSE_BEFORE_COMMIT"  # tests kill an import here, mid-transaction

# not-null columns with a default in the schema: an empty cell takes the default
DEFAULTS = {
    ("accidents", "missing"): "0",
    ("accidents", "minor_injuries"): "0",
    ("accidents", "nature"): "'pending'",
    ("accidents", "concealed"): "false",
    ("accidents", "falsely_reported"): "false",
    ("enterprises", "status"): "'active'",
    ("hazards", "supervision_level"): "'none'",
    ("checklist_items", "applies_to"): "'all'",
    ("sectors", "is_high_risk"): "false",
    ("zero_reports", "accidents_reported"): "0",
    **{("accident_measures", flag): "false" for flag in ("cause_found", "responsible_dealt", "measures_taken",
                                                         "people_educated")},
}

DATE_FORMATS = ("%Y-%m-%d", "%Y/%m/%d", "%Y年%m月%d日", "%Y.%m.%d")
TIME_FORMATS = ("%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M:%S", "%Y/%m/%d %H:%M:%S",
                "%Y/%m/%d %H:%M", "%Y年%m月%d日 %H:%M", "%Y年%m月%d日%H时%M分", "%Y-%m-%d %H:%M:%S.%f")

LEVEL_NAMES = {"city": "市 city", "county": "县 county", "township": "乡镇 township"}


@dataclass(frozen=True)
class Problem:
    file: str
    row: int | None  # spreadsheet row (header = 1); None for the file as a whole
    column: str | None
    value: str | None
    code: str  # text key data.problem.<code>
    values: dict = field(default_factory=dict)

    def expected(self, lang: str = "en") -> str:
        from riskdash import i18n

        return i18n.t(f"data.problem.{self.code}", lang, **self.values)

    def line(self, lang: str = "en") -> str:
        """file:row N: column C: value 'V': expected ..."""
        parts = [self.file if self.row is None else f"{self.file}: row {self.row}"]
        if self.column:
            parts.append(f"column {self.column}")
        if self.value is not None:
            shown = self.value if len(self.value) <= 60 else self.value[:57] + "..."
            parts.append(f"value {shown!r}")
        return ": ".join(parts) + f": {self.expected(lang)}"


class ImportFailed(db.RiskdashError):
    """Nothing was written; ``problems`` lists what to fix (at most MAX_PROBLEMS of ``total``)."""

    def __init__(self, file: str, problems: list[Problem], total: int, rows: int):
        self.file = file
        self.problems = problems
        self.total = total
        self.rows = rows
        super().__init__(self.lines()[0])

    def summary(self) -> str:
        bad_rows = len({p.row for p in self.problems})
        shown = "" if self.total <= len(self.problems) else f" (first {len(self.problems)} listed)"
        return (f"{self.file}: {self.total} problems in {bad_rows} rows of {self.rows}{shown}; "
                f"nothing was written")

    def lines(self) -> list[str]:
        """What the CLI prints: one line for a single failure, else a summary line and one per problem."""
        if self.total == 1:
            return [f"{self.problems[0].line()}; nothing was written"]
        return [self.summary(), *(p.line() for p in self.problems)]


@dataclass
class ImportResult:
    kind: str
    file: str
    rows: int
    inserted: int
    updated: int
    unchanged: int
    ignored_columns: list[str]
    encoding: str | None
    data_as_of: date | None
    written: bool

    def as_json(self) -> dict:
        return {
            "kind": self.kind, "file": self.file, "rows": self.rows, "inserted": self.inserted,
            "updated": self.updated, "unchanged": self.unchanged, "ignored_columns": self.ignored_columns,
            "encoding": self.encoding, "data_as_of": self.data_as_of.isoformat() if self.data_as_of else None,
        }


def _q(name: str) -> str:
    return f'"{name}"'


def actor_default() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no user name in a container: still say who in the log
        return f"uid {os.getuid()}"


# ---------------------------------------------------------------------------------------------- casting


def _typed_expr(kind: Kind, column: Column, raw: str) -> str:
    t = column.type
    if t in ("text",):
        expr = raw
    elif t == "region":
        expr = f"case when regexp_full_match({raw}, '[0-9]{{6}}|[0-9]{{9}}') then rpad({raw}, 12, '0') else {raw} end"
    elif t == "int":
        clean = f"replace({raw}, ',', '')"
        expr = (f"case when regexp_full_match({clean}, '[+-]?[0-9]{{1,15}}(\\.0*)?') "
                f"then cast(cast({clean} as decimal(38, 6)) as bigint) end")
    elif t == "decimal":
        clean = f"replace({raw}, ',', '')"
        expr = (f"case when regexp_full_match({clean}, '[+-]?([0-9]{{1,12}}(\\.[0-9]*)?|\\.[0-9]+)') "
                f"then cast({clean} as decimal(14, 2)) end")
    elif t == "double":
        expr = f"case when isfinite(try_cast({raw} as double)) then try_cast({raw} as double) end"
    elif t == "date":
        tries = ", ".join(f"try_strptime({raw}, '{f}')" for f in (*DATE_FORMATS, *TIME_FORMATS))
        expr = f"cast(coalesce({tries}) as date)"
    elif t == "timestamp":
        tries = ", ".join(f"try_strptime({raw}, '{f}')" for f in (*TIME_FORMATS, *DATE_FORMATS))
        expr = f"coalesce({tries})"
    elif t == "bool" and column.flag:
        expr = f"cast(m_{column.name}.code as boolean)"  # the settings' spellings (_enum_maps)
    elif t == "bool":
        yes = ", ".join(f"'{v}'" for v in BOOL_TRUE)
        no = ", ".join(f"'{v}'" for v in BOOL_FALSE)
        expr = f"case when lower({raw}) in ({yes}) then true when lower({raw}) in ({no}) then false end"
    elif t == "enum":
        expr = f"m_{column.name}.code"
    else:
        raise ValueError(f"unknown column type {t}")
    default = DEFAULTS.get((kind.table, column.name))
    # the default stands in for an empty cell only: text that does not parse must stay null and be reported
    return f"case when {raw} is null then {default} else {expr} end" if default else expr


TYPE_CODE = {"int": "int", "decimal": "number", "double": "number", "date": "date", "timestamp": "datetime",
             "bool": "bool", "enum": "enum", "region": "region_format", "text": "text"}


def _mapped(column: Column) -> bool:
    """An enumeration, or a yes/no column whose spellings are settings: read through a mapping table."""
    return column.type == "enum" or bool(column.flag)


def _enum_maps(con: duckdb.DuckDBPyConnection, kind: Kind, staged: read.Staged) -> None:
    """One mapping table raw text -> code per enumeration column, normalised in Python (NFKC, no spaces)."""
    import pyarrow as pa  # here, not at import: most commands never import a file (0.24 s of CPU each)

    aliases = {(d, a): c for d, a, c in alias_rows(con)}
    for column in kind.columns:
        if not _mapped(column) or column.name not in staged.columns:
            continue
        raws = [r[0] for r in con.execute(
            f"select distinct {_q(column.name)} from import_stage where {_q(column.name)} is not null").fetchall()]
        pairs = [(raw, aliases.get((column.enum or column.flag, normalise(raw)))) for raw in raws]
        table = pa.table({"raw": pa.array([p[0] for p in pairs], pa.string()),
                          "code": pa.array([p[1] for p in pairs], pa.string())})
        con.execute(f"drop table if exists import_map_{column.name}")
        con.register("import_map_arrow", table)
        try:
            con.execute(f"create temp table import_map_{column.name} as select * from import_map_arrow")
        finally:
            con.unregister("import_map_arrow")


def _build_typed(con: duckdb.DuckDBPyConnection, kind: Kind, staged: read.Staged) -> list[Column]:
    present = [c for c in kind.columns if c.name in staged.columns]
    selects = ["s._row"]
    joins = []
    for column in present:
        raw = f"s.{_q(column.name)}"
        selects.append(f"{raw} as {_q(column.name + '__raw')}")
        selects.append(f"{_typed_expr(kind, column, raw)} as {_q(column.name)}")
        if _mapped(column):
            joins.append(f"left join import_map_{column.name} m_{column.name} on m_{column.name}.raw = {raw}")
    if kind.table == "accidents" and "occurred_at" in staged.columns:
        # has_time: false when only a day was given (the row stays out of the by-hour breakdown)
        tries = ", ".join(f"try_strptime(s.occurred_at, '{f}')" for f in TIME_FORMATS)
        selects.append(f"coalesce({tries}) is not null as has_time")
    con.execute("drop table if exists import_typed")
    con.execute(f"create temp table import_typed as select {', '.join(selects)} from import_stage s "
                f"{' '.join(joins)}")
    return present


# ---------------------------------------------------------------------------------------------- checks


def _checks(con: duckdb.DuckDBPyConnection, kind: Kind, present: list[Column], mode: str,
            today: date | None) -> list[str]:
    """SQL selects of (row, column, value, code, info) over import_typed, one per check. ``today``: the
    clock's day, the bound of event days (None: not checked here, the record forms check it themselves)."""
    names = [c.name for c in present]
    out: list[str] = []

    def check(column: str, where: str, code: str, info: str = "null", source: str = "import_typed t") -> None:
        value = f"t.{_q(column + '__raw')}" if column in names else "null"
        out.append(f"select t._row, '{column}', {value}, '{code}', cast({info} as varchar) from {source} "
                   f"where {where}")

    for column in kind.columns:
        if column.required and column.name not in names:
            out.append(f"select null::integer, '{column.name}', null, 'missing_column', null")
    for column in present:
        c, raw = f"t.{_q(column.name)}", f"t.{_q(column.name + '__raw')}"
        if column.required:
            check(column.name, f"{raw} is null", "required")
        if column.type not in ("text",):
            # a settings-listed yes/no: the message names the accepted spellings (code "flag")
            check(column.name, f"{raw} is not null and {c} is null", "flag" if column.flag else TYPE_CODE[column.type])
        if column.type == "region":
            check(column.name, f"{c} is not null and not regexp_full_match({c}, '[0-9]{{12}}')", "region_format")
        if column.type in ("date", "timestamp"):
            check(column.name, f"{c} is not null and year({c}) not between 1900 and 2100", "date_range")
        if column.past and today is not None:
            # an ISO day made here from the clock, never text from the file
            check(column.name, f"cast({c} as date) > date '{today.isoformat()}'", "after_today")
        if column.type == "text":
            check(column.name, f"length({raw}) > {TEXT_MAX}", "too_long", f"length({raw})")
        if column.min is not None:
            op = "<=" if column.min_exclusive else "<"
            code = "above" if column.min_exclusive else "at_least"
            check(column.name, f"{c} {op} {column.min!r}", code)
        if column.max is not None:
            check(column.name, f"{c} > {column.max!r}", "at_most")
        ref = column.ref
        if ref and ref.startswith("region:"):
            levels = ref.split(":")[1]
            check(column.name, f"{c} is not null and regexp_full_match({c}, '[0-9]{{12}}') and "
                  f"{c} not in (select region_code from regions)", "region_unknown")
            if levels != "any":
                allowed = ", ".join(f"'{lv}'" for lv in levels.split(","))
                check(column.name, f"r.level not in ({allowed})", f"region_level_{levels.replace(',', '_')}",
                      "r.level", source=f"import_typed t join regions r on r.region_code = t.{_q(column.name)}")
        elif ref:
            table, key = {"enterprise": ("enterprises", "enterprise_id"),
                          "inspection": ("inspections", "inspection_id"),
                          "checklist_item": ("checklist_items", "item_code"),
                          "zero_report_window": ("zero_report_windows", "window_id"),
                          "accident": ("accidents", "accident_id"),
                          "hazard_basis": ("hazard_bases", "code")}[ref]
            check(column.name, f"{c} is not null and {c} not in (select {key} from {table})", f"{ref}_unknown")
    if kind.table == "regions" and "parent_code" in names:
        # the parent may come in the same file (a whole tree at once) or already be in the database
        tree = ("(select region_code, level from regions where region_code not in "
                "(select region_code from import_typed) union all select region_code, level from import_typed)")
        check("parent_code", f"t.parent_code is not null and regexp_full_match(t.parent_code, '[0-9]{{12}}') "
              f"and t.parent_code not in (select region_code from {tree})", "parent_unknown")
        check("parent_code", "(t.level = 'county' and p.level <> 'city') or "
              "(t.level = 'township' and p.level <> 'county') or t.level = 'city'",
              "parent_level", "p.level", source=f"import_typed t join {tree} p on p.region_code = t.parent_code")
        check("parent_code", "t.parent_code = t.region_code", "parent_self")
    for rule in kind.rules:
        if rule.column in names:
            check(rule.column, f"({_alias(rule.bad, names, kind)}) is true", rule.code)
    key = ", ".join(f"t.{_q(k)}" for k in kind.key)
    if all(k in names for k in kind.key):
        out.append(
            f"select _row, '{kind.key[-1]}', {_q(kind.key[-1] + '__raw')}, 'duplicate_in_file', cast(first_row as varchar) "
            f"from (select t._row, t.{_q(kind.key[-1] + '__raw')}, min(t._row) over (partition by {key}) as first_row "
            f"from import_typed t where {' and '.join(f't.{_q(k)} is not null' for k in kind.key)}) "
            f"where _row <> first_row")
        if mode == "append":
            match = " and ".join(f"x.{_q(k)} = t.{_q(k)}" for k in kind.key)
            check(kind.key[-1], f"exists (select 1 from {kind.table} x where {match})", "exists")
    return out


def _alias(sql: str, names: list[str], kind: Kind) -> str:
    """A row rule over the typed columns; a column absent from the file is null (as the insert leaves it)."""
    import re

    columns = {c.name for c in kind.columns}

    def repl(match: re.Match) -> str:
        word = match.group(0)
        if word in names:
            return f"t.{_q(word)}"
        return "null" if word in columns else word

    # string literals ('major', 'none') are never column names of their kind
    return re.sub(r"(?<!')\b[a-z_]+\b(?!')", repl, sql)


def _problem_values(con: duckdb.DuckDBPyConnection, kind: Kind, column: str | None, code: str,
                    info: str | None, today: date | None = None) -> dict:
    col = kind.column(column) if column and column in [c.name for c in kind.columns] else None
    values: dict = {}
    if code in ("enum", "flag") and col is not None:
        values["allowed"] = allowed_text(con, col.enum or col.flag)
    if code in ("at_least", "at_most", "above") and col is not None:
        bound = col.min if code != "at_most" else col.max
        values["bound"] = int(bound) if float(bound).is_integer() else bound
    if code == "too_long":
        values.update(length=int(info), limit=TEXT_MAX)
    if code == "after_today":
        values["today"] = date.today().isoformat() if today is None else today.isoformat()
    if code == "duplicate_in_file":
        values["first"] = info
    if code.startswith("region_level") or code == "parent_level":
        values["level"] = LEVEL_NAMES.get(info, info)
    if code == "missing_column" and col is not None:
        values["zh"] = col.header_zh
    return values


# ---------------------------------------------------------------------------------------------- the import


def validate(con: duckdb.DuckDBPyConnection, kind_name: str, path: str | os.PathLike, *, mode: str = "append",
             sheet: str | None = None, file_label: str | None = None, today: date | None = None
             ) -> tuple[read.Staged, list[Problem], int]:
    """Stage and check ``path``; leaves temp table import_typed on ``con``. Returns (staged, problems, total).
    Event days after ``today`` (default: the clock's day, used for this check only) are refused."""
    kind = KINDS[kind_name]
    path = Path(path)
    label = file_label or path.name
    try:
        staged = read.stage(con, kind, path, sheet=sheet)
    except read.ReadFailed as exc:
        return read.Staged([], [], 0, None, []), [Problem(label, exc.row, None, None, exc.code, exc.values)], 1
    return staged, *_check_staged(con, kind, staged, label, mode, today or date.today())


def stage_rows(con: duckdb.DuckDBPyConnection, kind: Kind, rows: list[dict], table: str = "import_stage"
               ) -> read.Staged:
    """Rows typed in a form (column name -> text) staged as a file's rows would be (row 2, 3, ...), so that
    one record goes through the very checks of an import."""
    import pyarrow as pa

    names = [c.name for c in kind.columns if any(c.name in r for r in rows)]
    con.execute(f"drop table if exists {table}")
    con.execute(f"create temp table {table} (_row integer{''.join(f', {_q(n)} varchar' for n in names)})")

    def text(value):
        if value is None:
            return None
        value = unicodedata.normalize("NFC", str(value)).strip()
        return value or None

    arrays = [pa.array(range(2, len(rows) + 2), type=pa.int32())]
    arrays += [pa.array([text(r.get(n)) for r in rows], type=pa.string()) for n in names]
    con.register("import_rows_arrow", pa.Table.from_arrays(arrays, names=["_row", *names]))
    try:
        con.execute(f"insert into {table} select * from import_rows_arrow")
    finally:
        con.unregister("import_rows_arrow")
    return read.Staged(columns=names, ignored=[], rows=len(rows), encoding=None, broken=[])


def validate_rows(con: duckdb.DuckDBPyConnection, kind_name: str, rows: list[dict], *, mode: str = "append",
                  label: str = "form") -> tuple[read.Staged, list[Problem], int]:
    """validate() for rows given as dicts (the record forms); leaves temp table import_typed on ``con``."""
    kind = KINDS[kind_name]
    staged = stage_rows(con, kind, rows)
    return staged, *_check_staged(con, kind, staged, label, mode)


def _check_staged(con: duckdb.DuckDBPyConnection, kind: Kind, staged: read.Staged, label: str,
                  mode: str, today: date | None = None) -> tuple[list[Problem], int]:
    problems = [Problem(label, row, None, None, code, values) for row, code, values in staged.broken]
    unlisted = staged.broken_total - len(staged.broken)
    _enum_maps(con, kind, staged)
    present = _build_typed(con, kind, staged)
    checks = _checks(con, kind, present, mode, today)
    union = " union all ".join(checks)
    order = {c.name: i for i, c in enumerate(kind.columns)}
    total = con.execute(f"select count(*) from ({union})").fetchone()[0] + len(problems) + max(unlisted, 0)
    rows = con.execute(f"select * from ({union}) order by 1 nulls first limit {MAX_PROBLEMS}").fetchall()
    rows.sort(key=lambda r: (r[0] or 0, order.get(r[1], 99)))
    for row, column, value, code, info in rows:
        problems.append(Problem(label, row, column, value, code,
                                _problem_values(con, kind, column, code, info, today)))
    setting_problems = _setting_value_problems(con, kind, label)
    problems.extend(setting_problems)
    total += len(setting_problems)
    problems.sort(key=lambda p: (p.row or 0, order.get(p.column or "", 99)))
    return problems[:MAX_PROBLEMS], total


TEMP_TABLES = ("import_stage", "import_typed", "import_before")


def drop_temp_tables(con: duckdb.DuckDBPyConnection, kind: Kind) -> None:
    """Drop the temp tables validation and writing leave on ``con`` (a session cursor is reused)."""
    for table in (*TEMP_TABLES, *(f"import_map_{c.name}" for c in kind.columns if _mapped(c))):
        try:
            con.execute(f"drop table if exists {table}")
        except duckdb.Error:
            pass


def check(con: duckdb.DuckDBPyConnection, kind_name: str, path: str | os.PathLike, *, mode: str = "append",
          sheet: str | None = None, file_label: str | None = None, today: date | None = None
          ) -> tuple[int, list[Problem], int]:
    """Validation only, nothing written and no temp table left behind (a read-only cursor will do):
    (rows, problems, total problems)."""
    try:
        staged, problems, total = validate(con, kind_name, path, mode=mode, sheet=sheet, file_label=file_label,
                                           today=today)
    finally:
        drop_temp_tables(con, KINDS[kind_name])
    return staged.rows, problems, total


def import_file(con: duckdb.DuckDBPyConnection, kind_name: str, path: str | os.PathLike, *,
                mode: str = "append", actor: str | None = None, as_of: date | None = None,
                sheet: str | None = None, file_label: str | None = None, today: date | None = None,
                account=None) -> ImportResult:
    """Validate and write ``path`` as KIND in one transaction; raises ImportFailed (nothing written).
    ``as_of`` declares the data's as-of day; without it an import of a main table leaves data_as_of to be
    derived from the rows (db.data_as_of), so that a row corrected later, by any tool, corrects it.
    ``account`` (the logged-in accounts.Account; None for the file's owner) must be allowed to write the
    kind, and every row must lie within its region: else nothing is written, and each row outside is
    listed with its row number (issue 16)."""
    from riskdash import accounts

    account = account if account is not None else accounts.acting()  # a dashboard write: its session's
    actor = accounts.actor_for(actor) if account is None else account.name
    accounts.check_may_write(account, kind_name)
    if kind_name not in KINDS:
        raise db.RiskdashError(f"unknown import kind {kind_name!r} (expected one of {', '.join(KINDS)})")
    if mode not in ("append", "upsert"):
        raise db.RiskdashError(f"--mode {mode}: expected append or upsert")
    kind = KINDS[kind_name]
    label = file_label or Path(path).name
    if as_of is not None and as_of > (today or date.today()):
        raise db.RiskdashError(f"--as-of {as_of.isoformat()} is after today ({(today or date.today()).isoformat()}); "
                               "nothing was written")
    con.execute("begin transaction")
    try:
        staged, problems, total = validate(con, kind_name, path, mode=mode, sheet=sheet, file_label=label,
                                           today=today)
        if total:
            raise ImportFailed(label, problems, total, staged.rows)
        outside = _rows_outside_account(con, kind, staged, account, label)
        if outside:
            raise ImportFailed(label, outside[:MAX_PROBLEMS], len(outside), staged.rows)
        inserted, updated, unchanged = _write(con, kind, staged, mode, actor or actor_default(), label)
        db.sync_keys(con, kind.table)
        problems = _after_write_problems(con, kind, label)
        if problems:  # a rule across rows of the table as it would be: the rollback below undoes the write
            raise ImportFailed(label, problems, len(problems), staged.rows)
        con.execute(
            "insert into audit_log (actor, action, kind, file_name, table_name, row_count) "
            "values ($actor, 'import', $kind, $file, $table, $rows)",
            {"actor": actor or actor_default(), "kind": kind_name, "file": label, "table": kind.table,
             "rows": staged.rows},
        )
        if as_of is not None:
            db.set_meta(con, "data_as_of", as_of.isoformat())
        elif not kind.reference:
            db.set_meta(con, "data_as_of", None)  # no day declared: the latest event day, derived when read
        if os.environ.get(PAUSE_ENV):
            sys.stderr.write("riskdash import: rows written, pausing before commit\n")
            sys.stderr.flush()
            time.sleep(float(os.environ[PAUSE_ENV]))
        con.execute("commit")
    except BaseException:
        con.execute("rollback")
        raise
    finally:
        drop_temp_tables(con, kind)
    return ImportResult(kind_name, label, staged.rows, inserted, updated, unchanged, staged.ignored,
                        staged.encoding, db.data_as_of(con), True)


# settings whose values the metrics read as numbers or month-days: (kind, bounds)
SETTING_RULES: dict[str, tuple] = {
    **{key: ("int", 0) for key in ("uninspected_days", "due_soon_days", "staff_min_key", "staff_min_ordinary",
                                    "assessment_points_per_death", "assessment_points_per_class_target")},
    **{key: ("int", 1) for key in ("risk_recency_years", "campaign_common_problem_min_enterprises",
                                    "upload_max_mb", "login_max_failures", "login_lock_minutes")},
    # minutes, a fraction allowed (0.5 is 30 s; accounts.IDLE_MINUTES_FLOOR), at most a day
    "session_idle_minutes": ("number", 0.1, 1440),
    **{key: ("number", 0, 100) for key in (
        "assessment_weight_deaths", "assessment_weight_larger_accidents", "assessment_weight_rectification",
        "assessment_weight_major_closed", "assessment_weight_ledger", "assessment_weight_standardisation",
        "assessment_weight_inspection_coverage", "assessment_weight_zero_report", "assessment_pass_score")},
    **{key: ("month_day",) for key in ("checklist_deadline_key", "checklist_report_key", "checklist_deadline_all",
                                       "checklist_deadline_zone_city", "checklist_deadline_zone")},
    # hours after which an accident's report is late (迟报, 493号令 Art. 9: 1 hour); fractions allowed
    "assessment_late_report_hours": ("number", 0, 72),
    # the 零报告's daily cut-off (a report after it on its day is late): a time of day HH:MM
    "zero_report_cutoff": ("time_of_day",),
    # 行业主管部门: "sector=department, …", each sector code once with a department name (reference.SETTINGS)
    "sector_departments": ("department_map", 2000),
    # days an accident investigation has before an open case is overdue (结案; 493号令 Art. 29: 60)
    "accident_investigation_days": ("int", 1),
    # the largest evidence file (photo or PDF) of a hazard or an inspection, in MB (riskdash/evidence.py)
    "evidence_max_mb": ("int", 1),
    # each veto rule of the township assessment a switch: 1 on, 0 off
    **{f"assessment_veto_{rule}": ("flag",) for rule in (
        "larger_liability_accident", "late_report", "concealed", "falsely_reported", "ledger_missed_site",
        "measures_not_in_place", "target_exceeded")},
    # days and ranges YYYY-MM-DD..YYYY-MM-DD (domain.parse_day_list): the holidays of the monthly job
    **{key: ("days", 4000) for key in ("holidays", "adjusted_workdays")},
    # accepted spellings of the accident's nature and of yes/no in 瞒报/谎报 (issue 18): "|"-separated lists
    **{key: ("alias_list", 500) for key in SETTING_ALIAS_KEYS},
    # texts printed on the 通报 and the monthly form ({placeholders} are filled where known, else left as written)
    **{key: ("text", 200) for key in ("tongbao_issuer", "tongbao_number", "tongbao_copy_to", "form_table_no",
                                      "form_issuer", "form_approval_no", "form_valid_until")},
}


def setting_value_problem(key: str, value: str | None) -> tuple[str, dict] | None:
    """(problem code, values) when ``value`` is not what setting ``key`` needs; None when fine or unknown key."""
    rule = SETTING_RULES.get(key)
    text = (value or "").strip()
    if rule is None:
        return None
    if rule[0] == "int":
        if not re.fullmatch(r"[0-9]{1,9}", text) or int(text) < rule[1]:
            return "setting_int", {"bound": rule[1]}
    elif rule[0] == "number":
        try:
            number = float(text)
        except ValueError:
            number = float("nan")
        if not (rule[1] <= number <= rule[2]):
            return "setting_number", {"low": rule[1], "high": rule[2]}
    elif rule[0] == "flag":
        if text not in ("0", "1"):
            return "setting_flag", {}
    elif rule[0] == "text":
        if len(text) > rule[1]:
            return "setting_text", {"limit": rule[1]}
    elif rule[0] == "days":
        try:
            parse_day_list(text)
        except ValueError as exc:
            return "setting_days", {"item": str(exc)}
        if len(text) > rule[1]:
            return "setting_text", {"limit": rule[1]}
    elif rule[0] == "month_day":
        match = re.fullmatch(r"([0-9]{2})-([0-9]{2})", text)
        try:
            date(2024, int(match.group(1)), int(match.group(2))) if match else None  # 2024: 02-29 allowed
        except ValueError:
            match = None
        if not match:
            return "setting_month_day", {}
    elif rule[0] == "department_map":
        try:
            parse_department_map(text)
        except ValueError as exc:
            return "setting_department_map", {"item": str(exc)}
        if len(text) > rule[1]:
            return "setting_text", {"limit": rule[1]}
    elif rule[0] == "alias_list":
        spellings = split_aliases(text)
        if not spellings or len(text) > rule[1] or any(len(s) > 40 for s in spellings):
            return "setting_alias_list", {"limit": rule[1]}
    elif rule[0] == "time_of_day":
        match = re.fullmatch(r"([0-9]{2}):([0-9]{2})", text)
        if not match or int(match.group(1)) > 23 or int(match.group(2)) > 59:
            return "setting_time_of_day", {}
    return None


def _setting_value_problems(con: duckdb.DuckDBPyConnection, kind: Kind, label: str) -> list[Problem]:
    if kind.table != "settings":
        return []
    problems = []
    for row, key, value in con.execute("select _row, key, value from import_typed order by _row").fetchall():
        found = setting_value_problem(key, value) if value is not None else None  # empty: "required" says so
        if found:
            problems.append(Problem(label, row, "value", value, found[0], found[1]))
    return problems


def _after_write_problems(con: duckdb.DuckDBPyConnection, kind: Kind, label: str) -> list[Problem]:
    """Rules across the rows of a reference table as the import would leave it."""
    if kind.table == "settings":
        # one spelling in two alias lists of a domain (or naming another value's code): ambiguous on import
        lists = dict(con.execute("select key, value from settings where key in (select unnest($keys))",
                                 {"keys": list(SETTING_ALIAS_KEYS)}).fetchall())
        return [Problem(label, None, "value", spelling, "setting_alias_overlap", {"setting": key, "other": other})
                for spelling, key, other in setting_alias_overlaps(lists)]
    if kind.table != "risk_thresholds":
        return []
    floors = dict(con.execute("select level, min_score from risk_thresholds").fetchall())
    ordered = [floors[level] for level in ("red", "orange", "yellow", "blue") if level in floors]
    if all(high > low for high, low in zip(ordered, ordered[1:])):
        return []
    order = " > ".join(f"{level} {floors[level]:g}" for level in ("red", "orange", "yellow", "blue") if level in floors)
    return [Problem(label, None, "min_score", None, "thresholds_order", {"order": order})]


def _rows_outside_account(con: duckdb.DuckDBPyConnection, kind: Kind, staged: read.Staged, account,
                          label: str) -> list[Problem]:
    """The staged rows (import_typed) outside the account's region (issue 16): by the row's own region_code,
    else by its enterprise's region; an existing row of the same key in another region counts too (upsert
    cannot move a row in from outside). None for an account bounded by nothing."""
    from riskdash import accounts

    scope = accounts.account_scope(account)
    if scope is None:
        return []
    names = {column.name for column in kind.columns}
    if "region_code" in names:
        column, new_region, old_region, joins = "region_code", "t.region_code", "x.region_code", ""
    elif "accident_id" in names:  # 四不放过 rows: the accident's own region
        column, new_region, old_region = "accident_id", "a.region_code", "a.region_code"
        joins = "left join accidents a on a.accident_id = t.accident_id"
    elif "enterprise_id" in names:
        column, new_region, old_region = "enterprise_id", "e.region_code", "xe.region_code"
        joins = ("left join enterprises e on e.enterprise_id = t.enterprise_id "
                 "left join enterprises xe on xe.enterprise_id = x.enterprise_id")
    else:  # check_may_write lets a bounded account write only kinds with a region
        raise db.RiskdashError(f"{label}: {kind.name} rows have no region to check against the account's")
    on = " and ".join(f"x.{_q(c)} = t.{_q(c)}" for c in kind.key)
    within = "(select region_code from scope_regions($scope, null))"  # the one scope (views/scope.sql)
    rows = con.execute(
        f"select t._row, cast(t.{_q(column)} as varchar), coalesce({new_region}, {old_region}) "
        f"from import_typed t left join {kind.table} x on {on} {joins} "
        f"where {new_region} is null or {new_region} not in {within} "
        f"   or ({old_region} is not null and {old_region} not in {within}) "
        f"order by t._row", {"scope": scope}).fetchall()
    return [Problem(label, row, column, value, "outside_account_region",
                    {"region": region or "—", "account": account.name, "scope": scope})
            for row, value, region in rows]


def _write(con: duckdb.DuckDBPyConnection, kind: Kind, staged: read.Staged, mode: str, actor: str,
           label: str) -> tuple[int, int, int]:
    present = [c.name for c in kind.columns if c.name in staged.columns]
    if kind.table == "accidents" and "occurred_at" in present:
        present.append("has_time")
    cols = ", ".join(_q(c) for c in present)
    match = " and ".join(f"x.{_q(k)} = t.{_q(k)}" for k in kind.key)
    before_match = " and ".join(f"x.{_q(k)} = b.{_q(k)}" for k in kind.key)
    key_text = " || '|' || ".join(f"cast(x.{_q(k)} as varchar)" for k in kind.key)
    if mode == "append":
        con.execute(f"insert into {kind.table} ({cols}) select {cols} from import_typed order by _row")
        return staged.rows, 0, 0
    public = db.public_columns(kind.table)  # audit entries show the contract's columns only
    con.execute(f"create temp table import_before as select {public} from {kind.table} x "
                f"where exists (select 1 from import_typed t where {match})")
    existing = con.execute("select count(*) from import_before").fetchone()[0]
    updates = [c for c in present if c not in kind.key]
    conflict = (f"do update set {', '.join(f'{_q(c)} = excluded.{_q(c)}' for c in updates)}" if updates
                else "do nothing")
    con.execute(f"insert into {kind.table} ({cols}) select {cols} from import_typed order by _row "
                f"on conflict ({', '.join(_q(k) for k in kind.key)}) {conflict}")
    # one audit entry per changed row: the table, its key, the row before and after
    changed = con.execute(
        f"insert into audit_log (actor, action, kind, file_name, table_name, record_key, before_json, after_json) "
        f"select $actor, 'update', $kind, $file, '{kind.table}', {key_text}, cast(to_json(b) as varchar), "
        f"cast(to_json(x) as varchar) "
        f"from import_before b join (select {public} from {kind.table}) x on {before_match} "
        f"where cast(to_json(b) as varchar) <> cast(to_json(x) as varchar)",
        {"actor": actor, "kind": kind.name, "file": label},
    ).fetchone()[0]
    return staged.rows - existing, changed, existing - changed
