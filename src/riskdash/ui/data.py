"""数据管理 shaping, no Streamlit: the problem table of a validation, the kinds offered for import."""

from __future__ import annotations

import pandas as pd

from riskdash import i18n
from riskdash.importer import KINDS, Problem


def kind_label(name: str, lang: str) -> str:
    kind = KINDS[name]
    title = kind.title_zh if lang == "zh" else kind.title_en
    return f"{title} ({name})"


def problems_frame(problems: list[Problem], lang: str) -> pd.DataFrame:
    """One row per problem: file, row, column, value, what was expected (also the downloadable error file)."""
    t = lambda key: i18n.t(key, lang)  # noqa: E731
    return pd.DataFrame({
        t("data.col.file"): [p.file for p in problems],
        # whole numbers even beside a file-wide problem (no row): a plain column would turn 2 into 2.0
        t("data.col.row"): pd.array([p.row for p in problems], dtype="Int64"),
        t("data.col.column"): [p.column or "" for p in problems],
        t("data.col.value"): [(p.value or "")[:200] for p in problems],
        t("data.col.expected"): [p.expected(lang) for p in problems],
    })


def import_kinds() -> list[str]:
    """The six tables first, then the reference kinds (the settings screen's lists)."""
    return list(KINDS)


# ---------------------------------------------------------------------------------------------- records

STEP_COLUMNS = ("found_on", "deadline", "rectified_on", "verified_on", "supervised_on", "delisted_on")


def column_label(kind_name: str, column: str, lang: str) -> str:
    """The form label of a column: its Chinese template header (zh) or its English name, * when required."""
    col = KINDS[kind_name].column(column)
    name = col.header_zh if lang == "zh" else column
    return ("*" if col.required else "") + name


def enum_choices(con, domain: str, lang: str) -> list[tuple[str, str]]:
    """(code, label) of an enumeration the forms offer: fixed lists, or sectors / accident types from the DB."""
    from riskdash import db
    from riskdash.importer.aliases import FIXED

    if domain in FIXED:
        return [(code, spellings[0] if lang == "zh" else code) for code, spellings in FIXED[domain].items()]
    frame = db.query(con, "data/enum_choices")
    frame = frame[frame["domain"] == domain]
    return [(c, zh if lang == "zh" else (en or zh)) for c, zh, en in zip(frame["code"], frame["name_zh"],
                                                                           frame["name_en"])]


def record_frame(row: dict, kind_name: str, lang: str) -> pd.DataFrame:
    """One record as a two-column table (field, value): what an edit starts from."""
    from riskdash.records import json_value

    kind = KINDS[kind_name]
    return pd.DataFrame({
        i18n.t("data.col.field", lang): [column_label(kind_name, c.name, lang).lstrip("*") for c in kind.columns],
        i18n.t("data.col.stored", lang): ["" if row.get(c.name) is None else str(json_value(row[c.name]))
                                          for c in kind.columns],
    })


def hazard_steps(row: dict, lang: str) -> pd.DataFrame:
    """The closed loop of one hazard: each step and its day ("—" when not yet)."""
    level = row.get("supervision_level") or "none"
    values = []
    for column in STEP_COLUMNS:
        value = row.get(column)
        text = value.isoformat() if value is not None else "—"
        if column == "supervised_on" and level != "none":
            text = f"{text} ({i18n.t(f'data.flow.level.{level}', lang)})"
        values.append(text)
    return pd.DataFrame({i18n.t("data.flow.step", lang): [i18n.t(f"data.flow.col.{c}", lang) for c in STEP_COLUMNS],
                         i18n.t("data.flow.day", lang): values})


def offered_actions(row: dict, today) -> list[str]:
    """The steps that the hazard's state allows (its dates are checked when the step is taken)."""
    from riskdash.records import ACTIONS, HazardDates, action_problem

    h = HazardDates.from_row(row)
    day = max(h.latest()[1], today)
    offered = []
    for action in ACTIONS:
        problem = action_problem(h, action, day, day, "city" if action == "supervise" else None)
        if problem is None or problem[0] in ("backwards", "action_future"):
            offered.append(action)
    return offered


def hazard_choice_label(row, lang: str) -> str:
    grade = i18n.t(f"data.flow.grade.{row['grade']}", lang)
    return f"{row['hazard_id']} · {row['enterprise_name']} · {grade} · {row['found_on']:%Y-%m-%d}"


def result_text(result, lang: str) -> str:
    """One line for a write that went through: what, which record, which columns changed."""
    if result.entry_id is None:
        return i18n.t("data.record.unchanged", lang, table=result.table, id=result.key)
    changed = ", ".join(result.after or {}) if result.action != "insert" else ""
    return i18n.t(f"data.record.done.{'insert' if result.action == 'insert' else 'update'}", lang,
                  table=result.table, id=result.key, columns=changed, entry=result.entry_id)


def audit_entries(con, *, table=None, kind=None, action=None, start=None, end=None, limit: int = 500):
    from riskdash import db

    return db.query(con, "data/audit_entries", table_name=table, kind=kind, action=action, start=start,
                    end=end, limit=limit)


UPLOAD_MAX_MB_DEFAULT = 200


def upload_limit_mb(con) -> int:
    """The ``upload_max_mb`` setting: the largest upload (MB) for an import or a restore (default 200)."""
    from riskdash import db

    frame = db.query(con, "data/upload_limit_mb")
    if frame.empty:
        return UPLOAD_MAX_MB_DEFAULT
    text = str(frame.iloc[0, 0]).strip()
    if not text.isdigit() or int(text) < 1:
        raise db.RiskdashError(f"setting upload_max_mb: expected a whole number of MB (1 or more), got {text!r}")
    return int(text)


def audit_choices(con) -> pd.DataFrame:
    from riskdash import db

    return db.query(con, "data/audit_choices")


def audit_options(values) -> list:
    """The choices of one audit-log filter: None (all) first, then the distinct values sorted. A null comes
    out of DuckDB as NaN beside text (the demo build and a restore log no table), so nulls are dropped by
    pd.isna, not ``is None``."""
    return [None, *sorted({str(v) for v in values if not pd.isna(v)})]


def townships(con, region: str) -> pd.DataFrame:
    from riskdash import db

    return db.query(con, "data/townships", region=region)


VIEW_QUERIES = {"accidents": "data/export_accidents", "hazards": "data/export_hazards",
                "inspections": "data/export_inspections"}
VIEW_TABLES = tuple(VIEW_QUERIES)


def filtered_view(con, table: str, filters) -> pd.DataFrame:
    """The rows of ``table`` the page's filters select (period, region, sector)."""
    from riskdash import db

    if table not in VIEW_TABLES:
        raise ValueError(f"no filtered view of {table!r}")
    return db.query(con, VIEW_QUERIES[table], **filters.params())


def table_counts(con, lang: str) -> pd.DataFrame:
    """How many rows each of the six tables holds now (shown beside an import, so new rows are seen counted)."""
    from riskdash import db

    frame = db.query(con, "data/table_counts")
    titles = {k.table: (k.title_zh if lang == "zh" else k.title_en) for k in KINDS.values()}
    return pd.DataFrame({i18n.t("data.counts.table", lang): [titles.get(t, t) for t in frame["table_name"]],
                         i18n.t("data.counts.rows", lang): frame["count_rows"].astype(int).tolist()})


def audit_display(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The audit entries with headers in the interface language (the export keeps them too)."""
    return frame.rename(columns={c: i18n.t(f"data.audit.col.{c}", lang) for c in frame.columns})
