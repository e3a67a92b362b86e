"""数据管理 shaping, no Streamlit: the problem table of a validation, the kinds offered for import, the record
forms' labels and choices, the hazard loop's steps, the audit log's headers. Reads are in metrics/data.py."""

from __future__ import annotations

import pandas as pd

from riskdash import i18n
from riskdash.importer import KINDS, Problem
from riskdash.pinyin import hint, searchable


def kind_label(name: str, lang: str) -> str:
    """A kind as the select boxes name it: its title in the page's language (隐患), not its code."""
    kind = KINDS[name]
    return (kind.title_zh if lang == "zh" else kind.title_en) or name


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


def enum_options(held: pd.DataFrame, domain: str, lang: str) -> list[tuple[str, str]]:
    """(code, label) of an enumeration the forms offer: fixed lists, or sectors / accident types from ``held``
    (``metrics.data.enum_choices``)."""
    from riskdash.importer.aliases import FIXED

    if domain in FIXED:
        return [(code, spellings[0] if lang == "zh" else code) for code, spellings in FIXED[domain].items()]
    frame = held[held["domain"] == domain]
    return [(c, zh if lang == "zh" else (en or zh)) for c, zh, en in zip(frame["code"], frame["name_zh"],
                                                                           frame["name_en"])]


# a record form's fields in rows of three, in the import contract's order; a picker with long labels on a row of its
# own: an enterprise's read 东林凯达铸造有限公司（E000295）· dlkdzzyxgs · 凤林县 东林镇, and a select's open list is
# as wide as the select (a third of the form at 1024 px cut them to the name)


def wide_field(column) -> bool:
    """An enterprise or region picker (a key field being edited is locked: a short text, not a picker)."""
    return column.ref == "enterprise" or column.type == "region"


def form_rows(columns, locked=()) -> list[tuple[bool, tuple]]:
    """(wide, the row's columns) for each row of a record form: up to three narrow fields, or one wide one."""
    rows: list[tuple[bool, tuple]] = []
    narrow: list = []
    for column in columns:
        if wide_field(column) and column.name not in locked:
            if narrow:
                rows.append((False, tuple(narrow)))
                narrow = []
            rows.append((True, (column,)))
            continue
        narrow.append(column)
        if len(narrow) == 3:
            rows.append((False, tuple(narrow)))
            narrow = []
    if narrow:
        rows.append((False, tuple(narrow)))
    return rows


PICK_LIMIT = 5000  # a form lists at most this many enterprises to pick from; beyond, the number is typed


def region_levels(ref: str | None) -> tuple[str, ...]:
    """The region levels a column's reference allows: "region:township,county" → township, county; "region:any"
    (or none) → every level."""
    levels = (ref or "").split(":", 1)[1] if (ref or "").startswith("region:") else "any"
    return ("city", "county", "township") if levels == "any" else tuple(levels.split(","))


def region_choices(regions: pd.DataFrame, levels: tuple[str, ...], bound: str | None = None) -> dict[str, str]:
    """Region code → the label a form's select shows, searchable by name, pinyin initials or code:
    "甲县 东镇 · jxdz · 419901001000" for a township (its county first), "甲县 · jx · 419901000000" above; only
    the ``levels`` given, at or below the account's region ``bound`` (every region when None), in the regions'
    order."""
    names = dict(zip(regions["region_code"], regions["name"]))
    parents = {c: (p if isinstance(p, str) else None) for c, p in zip(regions["region_code"], regions["parent_code"])}

    def within(code: str) -> bool:
        seen = set()
        while code is not None and code not in seen:
            if code == bound:
                return True
            seen.add(code)
            code = parents.get(code)
        return False

    labels = {}
    for code, level in zip(regions["region_code"], regions["level"]):
        if level not in levels or (bound is not None and not within(code)):
            continue
        parent = parents.get(code)
        place = f"{names[parent]} {names[code]}" if level == "township" and parent in names else names[code]
        labels[code] = searchable(place, code)
    return labels


def enterprise_labels(frame: pd.DataFrame) -> dict[str, str]:
    """Enterprise id → the label a form's select shows, searchable by name, pinyin initials, number or place:
    "东镇化工（E2）· dzhg · 甲县 东镇" (no initials when a character's is not known)."""
    labels = {}
    for row in frame.itertuples():
        place = " ".join(v for v in (row.county_name, row.township_label) if isinstance(v, str))
        spelled = hint(row.name)
        labels[row.enterprise_id] = " · ".join(p for p in (f"{row.name}（{row.enterprise_id}）", spelled, place) if p)
    return labels


def kind_of(name: str):
    """The import kind of a kind name (key-sites) or of its table (key_sites); None for a table with no kind."""
    return KINDS.get(name) or next((k for k in KINDS.values() if k.table == name), None)


def export_frame(frame: pd.DataFrame, kind_name: str, held: pd.DataFrame, lang: str) -> pd.DataFrame:
    """A table as the screen exports it: in Chinese, the template's Chinese headers, enumerations by their Chinese
    names (行业 道路运输, not road_transport) and yes/no as 是/否 — spellings the importer reads back; in English,
    the stored codes and column names unchanged. ``held``: ``metrics.data.enum_choices``."""
    kind = kind_of(kind_name)
    if lang != "zh" or kind is None:
        return frame
    out = frame.copy()
    names = {}
    for col in kind.columns:
        if col.name not in out.columns:
            continue
        if col.type == "enum" and col.enum:
            labels = dict(enum_options(held, col.enum, lang))
            out[col.name] = pd.Series([labels.get(v, v) if isinstance(v, str) else None for v in out[col.name]],
                                      index=out.index, dtype=object)
        elif col.type == "bool":
            out[col.name] = pd.Series([None if v is None or pd.isna(v) else ("是" if v else "否")
                                       for v in out[col.name]], index=out.index, dtype=object)
        names[col.name] = col.header_zh
    return out.rename(columns=names)


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
        text = i18n.day(value, lang) if value is not None else "—"  # the one date style (issue 17 item 8)
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
    from datetime import datetime

    found = row["found_on"]  # in the one date style (2025年3月1日; 1 Mar 2025), issue 17 item 8
    found = i18n.day(found.date() if isinstance(found, datetime) else found, lang)
    return f"{row['hazard_id']} · {row['enterprise_name']} · {grade} · {found}"


def enterprise_words(enterprise: dict | None, code: str) -> str:
    """An enterprise as a line about one of its records names it (issue 17 item 8: words, not only a code): its
    name, then the code the forms and imports use (东镇化工 E2); the code alone for a record whose enterprise
    is not in the database."""
    name = (enterprise or {}).get("name")
    return f"{name} {code}" if name else str(code)


def result_text(result, lang: str) -> str:
    """One line for a write that went through: what, which record, which columns changed, named as the forms
    name them (隐患, 整改完成日期 in Chinese; not the table and column codes: issue 17 item 10)."""
    kind = kind_of(result.table)
    table = ((kind.title_zh if lang == "zh" else kind.title_en) or result.table) if kind else result.table
    if result.entry_id is None:
        return i18n.t("data.record.unchanged", lang, table=table, id=result.key)
    named = {c.name: (c.header_zh if lang == "zh" else c.name) for c in (kind.columns if kind else ())}
    changed = ("、" if lang == "zh" else ", ").join(named.get(c, c) for c in result.after or {})
    return i18n.t(f"data.record.done.{'insert' if result.action == 'insert' else 'update'}", lang,
                  table=table, id=result.key, columns=changed if result.action != "insert" else "",
                  entry=result.entry_id)


def _day_words(value, lang: str):
    """An ISO day (2025-06-30) in the page's date style (2025年6月30日; 30 Jun 2025); any other value unchanged."""
    from datetime import date

    if isinstance(value, date):
        return i18n.day(value, lang)
    if isinstance(value, str) and len(value) == 10:
        try:
            return i18n.day(date.fromisoformat(value), lang)
        except ValueError:
            return value
    return value


def _record_words(label: str, lang: str) -> tuple[str, object]:
    """A form's problem label ("hazards H100", records.py) as the record's kind title and id (隐患 H100), with
    the kind (None when the label names no table)."""
    table, _, key = (label or "").partition(" ")
    kind = kind_of(table)
    if kind is None:
        return label, None
    title = (kind.title_zh if lang == "zh" else kind.title_en) or table
    return f"{title} {key}".strip(), kind


def _field_words(kind, columns: str, lang: str) -> str:
    """Column codes (one, or several joined with ", ") as the form labels name them: the Chinese template header
    in Chinese, the column name in English (as result_text)."""
    if lang != "zh":
        return columns
    named = {}
    for each in [kind] if kind is not None else KINDS.values():  # no kind given: the first kind with the column
        for c in each.columns:
            named.setdefault(c.name, c.header_zh)
    return "、".join(named.get(c.strip(), c.strip()) for c in str(columns).split(","))


def record_problem_line(problem: Problem, lang: str) -> str:
    """One problem of a form's row in words: 隐患 H100：整改期限“2025年6月30日”：整改期限不能早于发现日期
    (not "hazards H100: column deadline: value '2025-06-30'": issue 17 item 8)."""
    record, kind = _record_words(problem.file, lang)
    parts = [record if problem.row is None else f"{record} {i18n.t('data.col.row', lang)} {problem.row}"]
    field = _field_words(kind, problem.column, lang) if problem.column else ""
    if problem.value is not None:
        shown = str(_day_words(problem.value, lang))
        shown = shown if len(shown) <= 60 else shown[:57] + "..."
        field = f"{field}“{shown}”" if lang == "zh" else f"{field} {shown!r}".strip()
    if field:
        parts.append(field)
    values = {k: _day_words(v, lang) for k, v in problem.values.items()}
    parts.append(i18n.t(f"data.problem.{problem.code}", lang, **values))
    return ("：" if lang == "zh" else ": ").join(parts)


def refused_text(refused, lang: str) -> str:
    """Why a form, an edit or a loop step was refused (records.RecordRefused), naming the kind and the fields
    as the forms do and days in the page's date style; records.py keeps the codes (the CLI's words)."""
    if refused.problems:
        line = record_problem_line(refused.problems[0], lang)
        more = refused.total - 1
        return line if not more else line + i18n.t("data.rule.more", lang, n=more)
    values = dict(refused.values)
    kind = kind_of(values["table"]) if "table" in values else None
    if kind is not None:
        values["table"] = (kind.title_zh if lang == "zh" else kind.title_en) or values["table"]
    if "column" in values:
        values["column"] = _field_words(kind, values["column"], lang)
    values = {k: _day_words(v, lang) for k, v in values.items()}
    return i18n.t(f"data.rule.{refused.code}", lang, **values)


def refused_problems_frame(problems: list[Problem], lang: str) -> pd.DataFrame:
    """The problem table of a refused form: the record and the column named in words, values in the date style."""
    from dataclasses import replace

    named = []
    for p in problems:
        record, kind = _record_words(p.file, lang)
        named.append(replace(p, file=record, column=_field_words(kind, p.column, lang) if p.column else p.column,
                             value=None if p.value is None else str(_day_words(p.value, lang)),
                             values={k: _day_words(v, lang) for k, v in p.values.items()}))
    return problems_frame(named, lang)


def import_done_text(done: dict, lang: str) -> str:
    """The line after an import (``ImportResult.as_json``): the kind by its title (隐患, not hazards) and the data's
    as-of day in the page's date style (2025年6月30日), as everywhere on the screens (issue 17 items 8 and 10)."""
    from datetime import date

    kind = KINDS.get(done["kind"])
    as_of = done.get("data_as_of")
    return i18n.t("data.import.done", lang, **{
        **done, "kind": kind_label(done["kind"], lang) if kind else done["kind"],
        "data_as_of": i18n.day(date.fromisoformat(as_of), lang) if as_of else i18n.DASH})


def audit_options(values) -> list:
    """The choices of one audit-log filter: None (all) first, then the distinct values sorted. A null comes
    out of DuckDB as NaN beside text (the demo build and a restore log no table), so nulls are dropped by
    pd.isna, not ``is None``."""
    return [None, *sorted({str(v) for v in values if not pd.isna(v)})]


def counts_table(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """How many rows each of the six tables holds now (``metrics.data.table_counts``; shown beside an import, so
    new rows are seen counted)."""
    titles = {k.table: (k.title_zh if lang == "zh" else k.title_en) for k in KINDS.values()}
    return pd.DataFrame({i18n.t("data.counts.table", lang): [titles.get(t, t) for t in frame["table_name"]],
                         i18n.t("data.counts.rows", lang): frame["count_rows"].astype(int).tolist()})


def counts_shown(table: pd.DataFrame):
    """The row-count table as the page draws it (st.table, read as text by people and tests): its counts with
    thousands separators, 28,768 as the formula lines write it (issue 17 item 8); the frame itself, and so its
    download, keeps the numbers."""
    return table.style.format(thousands=",")


AUDIT_ACTIONS_ZH = {"insert": "新增", "update": "修改", "import": "导入", "backup": "备份", "restore": "恢复",
                    "demo": "演示数据", "job_failed": "定时任务失败", "schedule": "定时任务"}


def audit_word(value, lang: str):
    """An audit code as the page names it: an account action (login_failed: 登录失败) in words in either language
    (text data.audit.word.*); in Chinese the other actions (导入) and the table / kind by its title (隐患); other
    values, and the rest in English, as stored."""
    if isinstance(value, str) and f"data.audit.word.{value}" in i18n.TEXT:
        return i18n.t(f"data.audit.word.{value}", lang)
    if lang != "zh" or not isinstance(value, str):
        return value
    if value in AUDIT_ACTIONS_ZH:
        return AUDIT_ACTIONS_ZH[value]
    kind = kind_of(value)
    return kind.title_zh if kind is not None and kind.title_zh else value


def audit_display(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The audit entries with headers in the interface language (the export keeps them too); the action in
    words (audit_word) with its code beside it (操作代码), kind and table codes by their names."""
    out = frame.copy()
    if "action" in out.columns:  # the code kept beside its words: the exports carry both (issue 16)
        out.insert(out.columns.get_loc("action") + 1, "action_code", out["action"])
    for column in ("action", "kind", "table_name"):
        if column in out.columns:
            out[column] = pd.Series([audit_word(v, lang) for v in out[column]], index=out.index, dtype=object)
    return out.rename(columns={c: i18n.t(f"data.audit.col.{c}", lang) for c in out.columns})


def job_name(job: str, lang: str) -> str:
    """A scheduled job by its name in the page's language (每日备份); an unknown one as stored."""
    key = f"data.jobs.name.{job}"
    return i18n.t(key, lang) if key in i18n.TEXT else job


def job_runs_table(runs: list[dict], logged: set[str], lang: str) -> pd.DataFrame:
    """The last runs of each job (riskdash.jobs.last_runs), one row each: job, ok or failed, started, ended,
    what, and for a failure whether the audit log has it yet (``logged``: its run ids)."""
    t = lambda key: i18n.t(key, lang)  # noqa: E731
    return pd.DataFrame({
        t("data.jobs.col.job"): [job_name(str(r["job"]), lang) for r in runs],
        t("data.jobs.col.result"): [t("data.jobs.ok") if r.get("ok") else t("data.jobs.fail") for r in runs],
        t("data.jobs.col.started"): [str(r.get("started") or "").replace("T", " ") for r in runs],
        t("data.jobs.col.ended"): [str(r.get("ended") or "").replace("T", " ") for r in runs],
        t("data.jobs.col.what"): [str(r.get("what") or "") for r in runs],
        t("data.jobs.col.audit"): ["" if r.get("ok") else t("data.jobs.logged") if str(r["id"]) in logged
                                   else t("data.jobs.pending") for r in runs],
    }, dtype=object)


def last_failures(runs: list[dict], lang: str) -> list[str]:
    """One warning line per job whose newest run failed (runs newest first, as last_runs gives them)."""
    newest: dict[str, dict] = {}
    for run in runs:
        newest.setdefault(str(run["job"]), run)
    return [i18n.t("data.jobs.failed", lang, job=job_name(job, lang), what=str(run.get("what") or ""))
            for job, run in newest.items() if not run.get("ok")]


def audit_views(frame: pd.DataFrame, lang: str) -> dict[str, list[str]]:
    """The audit log (``audit_display``) in two views of its columns, 序号 and 时间 first in both: who did what
    (操作人, 操作, 类别, 行数), then to which record and from which file (数据表, 编号, 文件, 操作代码). 修改前 and 修改后
    (JSON, long) are in the selected entry's card (``audit_fields``)."""
    col = lambda key: i18n.t(f"data.audit.col.{key}", lang)  # noqa: E731
    keys = [col("entry_id"), col("logged_at")]
    views = {"action": ["actor", "action", "kind", "row_count"],
             "record": ["table_name", "record_key", "file_name", "action_code"]}
    return {i18n.t(f"data.audit.view_{name}", lang): keys + [col(c) for c in columns if col(c) in frame.columns]
            for name, columns in views.items()}


def audit_fields(frame: pd.DataFrame, row: int) -> list[tuple[str, str]]:
    """Every field of the audit entry at ``row`` (``audit_display``'s headers and values), "—" for none."""
    values = frame.iloc[row]
    return [(str(name), i18n.DASH if value is None or (not isinstance(value, str) and pd.isna(value))
             or value == "" else str(value)) for name, value in values.items()]
