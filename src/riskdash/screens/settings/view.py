"""设置 shaping, no Streamlit: the reference kinds the settings screen edits (their rows are read by
``metrics.data.settings_rows``), the edited table as an import file, its validation by the importer (the same checks and messages as a file import) and its write.

An edited table is written to a CSV with the kind's own column names and handed to riskdash.importer in
upsert mode, so that the screen has no validator of its own: what a file import refuses, the screen refuses.
"""

from __future__ import annotations

import csv
import math
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import duckdb
import pandas as pd

from riskdash import i18n
from riskdash.importer import KINDS, ImportResult, Problem, check, import_file
from riskdash.importer.aliases import FIXED
from riskdash.metrics.data import SETTINGS_QUERIES

EDITABLE = tuple(SETTINGS_QUERIES)  # the reference kinds the screen edits, in the order of its tabs
MODE = "upsert"  # rows are added or changed, never deleted


def kind_title(kind: str, lang: str) -> str:
    spec = KINDS[kind]
    return spec.title_zh if lang == "zh" else spec.title_en


def column_labels(kind: str, lang: str) -> dict[str, str]:
    """Column name → the header shown: the Chinese import header in Chinese, an English label (``settings.label.<name>``)
    in English; the rows keep the column names (issue 17 item 10)."""
    return {c.name: (c.header_zh if lang == "zh" else i18n.t(f"settings.label.{c.name}", lang))
            for c in KINDS[kind].columns}


# A shorter header where the import's (or the English label) would push the editor past the page at 1024×768 (issue
# 17 item 7); the full name is the column's tooltip (``column_help``) and an import still takes it
SHORT_LABELS = {("sectors", "inherent_risk"), ("denominators", "industrial_employed"),
                ("denominators", "motor_vehicles"), ("risk-weights", "unit_zh"), ("risk-weights", "description_zh")}

# Editors too wide for the page in a language even so (the sectors in English: eight columns, two of them codes;
# the settings in English: the code key and two descriptions beside values as long as the holidays, about 4,900 px;
# the major-hazard criteria in English: two Chinese texts and the English title, 980 px) are shown one themed view
# of their columns at a time, the key column(s) first in every view (a setting's value beside its description, as
# the Chinese editor shows it: the description names the setting)
EDITOR_VIEWS: dict[str, dict[str, tuple[str, ...]]] = {
    "sectors": {"names": ("code", "name_zh", "name_en", "aliases", "sort_order"),
                "class": ("code", "stat_class", "inherent_risk", "is_high_risk")},
    "settings": {"values": ("description_en", "value"), "keys": ("key", "description_zh")},
    "hazard-bases": {"english": ("code", "sector", "title_en", "sort_order"),
                     "chinese": ("code", "sector", "standard_zh", "title_zh")},
    # the risk weights in English: 评分项 drawn whole on one line (a select box's cell does not wrap, up to 434 px)
    # beside the English description, or beside the Chinese unit and description; the checklist items in English:
    # the English name beside its code, group and scope (84 px beside the Chinese name, a word cut), or the Chinese
    "risk-weights": {"in_english": ("component", "weight", "description_en"),
                     "in_chinese": ("component", "weight", "unit_zh", "description_zh")},
    "checklist-items": {"in_english": ("item_code", "item_group", "name_en", "applies_to", "sort_order"),
                        "in_chinese": ("item_code", "item_group", "name_zh", "applies_to", "sort_order")},
}


def max_lines(kind: str, lang: str) -> int | None:
    """The most lines a wrapped cell of ``kind``'s editor may take (``widgets.fit``): seven for the settings in
    English, whose descriptions run about twice as long as the Chinese ones beside values as long as the holidays
    (at six, the Values view needed 981 px); None: the tables' own MAX_LINES."""
    return 7 if (kind, lang) == ("settings", "en") else None


def editor_views(kind: str, lang: str) -> dict[str, list[str]]:
    """The themed views of ``kind``'s editor (EDITOR_VIEWS; none for most kinds): each view's name in ``lang``
    and its columns among those shown (``shown_columns``)."""
    shown = shown_columns(kind, lang)
    return {i18n.t(f"settings.view.{name}", lang): [c for c in columns if c in shown]
            for name, columns in EDITOR_VIEWS.get(kind, {}).items()}


def editor_labels(kind: str, lang: str) -> dict[str, str]:
    """``column_labels`` with the shorter headers of SHORT_LABELS."""
    labels = column_labels(kind, lang)
    return {name: i18n.t(f"settings.short.{name}", lang) if (kind, name) in SHORT_LABELS else text
            for name, text in labels.items()}


def column_help(kind: str, lang: str) -> dict[str, str]:
    """The full header of a column shown under a shorter one (SHORT_LABELS)."""
    labels = column_labels(kind, lang)
    return {name: labels[name] for k, name in SHORT_LABELS if k == kind}


def stat_class_name(code, lang: str) -> str:
    """A sector's 统计类别 (a stat_class code) by its name, as the accident breakdown names it: 工矿商贸, 道路交通…;
    an unknown code as stored."""
    key = "stat_line"
    return i18n.enum_name(key, code, lang) if isinstance(code, str) and code in i18n.ENUMS[key] else str(code or "")


def code_names(kind: str, lang: str, sectors: pd.DataFrame | None = None) -> dict[str, dict[str, str]]:
    """The editor's columns that store a code but show its name (issue 17 item 10), each as code → name in
    ``lang``: a sector's 统计类别 (the accident breakdown's names), a risk weight's 评分项 (the score
    component's name, as 重点部位's score breakdown names it) and a major-hazard criterion's 行业 (the sector's
    name_zh / name_en from ``sectors``, the sectors table's rows). The editor picks a name and saves the code."""
    if kind == "sectors":
        return {"stat_class": {c: stat_class_name(c, lang) for c in FIXED["stat_class"]}}
    if kind == "risk-weights":
        return {"component": {c: i18n.enum_name("risk_component", c, lang) for c in i18n.ENUMS["risk_component"]}}
    if kind == "hazard-bases" and sectors is not None:
        name = "name_zh" if lang == "zh" else "name_en"
        return {"sector": {code: str(text or code) for code, text in zip(sectors["code"], sectors[name])}}
    return {}


def options(names: dict[str, str], stored: pd.Series) -> list[str]:
    """A coded column's choices: the known codes (``code_names``), then any other code the rows hold (kept and
    shown as stored, so that saving an untouched row writes it back unchanged)."""
    extra = [c for c in dict.fromkeys(stored) if isinstance(c, str) and c and c not in names]
    return [*names, *extra]


def sizing_frame(before: pd.DataFrame, kind: str, lang: str, sectors: pd.DataFrame | None = None) -> pd.DataFrame:
    """The rows as the editor shows them, for sizing its columns: a coded column's code by its name
    (``code_names``)."""
    out = before.copy()
    for column, names in code_names(kind, lang, sectors).items():
        if column in out:
            out[column] = [names.get(c, "" if c is None or (not isinstance(c, str) and pd.isna(c)) else str(c))
                           for c in out[column]]
    return out


def shown_columns(kind: str, lang: str) -> list[str]:
    """The columns the editor shows: in Chinese, not the English names and descriptions (``*_en``) nor the
    settings' code key (its 说明 names it); the hidden ones are kept in the rows and written back unchanged."""
    names = [c.name for c in KINDS[kind].columns]
    if lang != "zh":
        return names
    return [n for n in names if not n.endswith("_en") and not (kind == "settings" and n == "key")]


def can_add_rows(kind: str, lang: str) -> bool:
    """A new row needs every key column shown: not so for settings in Chinese (its key is hidden), nor in English,
    where no view holds both its key and its value (EDITOR_VIEWS): a setting the table lacks is added by its
    description (``missing_settings``) in either language."""
    return kind != "settings" and set(KINDS[kind].key) <= set(shown_columns(kind, lang))


def missing_settings(rows: pd.DataFrame) -> list[tuple[str, str, str, str]]:
    """The known settings (``reference.SETTINGS``: key, default value, 说明, English description) that the
    stored rows lack, in the reference order: what the Chinese screen offers to add by its 说明, since its
    editor hides the key column (and so cannot take a new row)."""
    from riskdash.reference import SETTINGS

    held = set(rows["key"]) if "key" in rows else set()
    return [row for row in SETTINGS if row[0] not in held]


def with_setting(rows: pd.DataFrame, setting: tuple[str, str, str, str], value: str) -> pd.DataFrame:
    """The stored rows and one more: the known ``setting`` with ``value`` (checked on save like every row)."""
    key, _default, description_zh, description_en = setting
    added = {"key": key, "value": value, "description_zh": description_zh, "description_en": description_en}
    return pd.concat([rows, pd.DataFrame([{c: added.get(c) for c in rows.columns}])], ignore_index=True)


def label(kind: str) -> str:
    """What the audit log and the messages name as the 'file' of an edit on the screen."""
    return f"settings-screen:{kind}"


def _cell(value) -> str:
    """A cell as the import file's text: empty for missing, true/false, ISO dates, numbers without noise."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    if isinstance(value, float):
        if math.isfinite(value) and value.is_integer():
            return str(int(value))
        return repr(value)
    if isinstance(value, Decimal):
        return format(value, "f")
    return str(value)


TEMP_PREFIX = "riskdash-settings-"


@contextmanager
def edits_file(kind: str, frame: pd.DataFrame) -> Iterator[Path]:
    """``with edits_file(kind, frame) as path``: the edited table as a UTF-8 CSV headed by the kind's column
    names, in a temporary folder deleted when the block ends (saved, refused or failed)."""
    columns = [c.name for c in KINDS[kind].columns if c.name in frame.columns]
    with tempfile.TemporaryDirectory(prefix=TEMP_PREFIX) as folder:
        path = Path(folder) / f"{kind}.csv"
        with path.open("w", encoding="utf-8", newline="") as fh:
            writer = csv.writer(fh)
            writer.writerow(columns)
            for row in frame[columns].itertuples(index=False):
                writer.writerow([_cell(v) for v in row])
        yield path


def has_changes(before: pd.DataFrame, after: pd.DataFrame) -> bool:
    if len(before) != len(after):
        return True
    text = lambda f: [[_cell(v) for v in row] for row in f.itertuples(index=False)]  # noqa: E731
    return text(before) != text(after[list(before.columns)])


def check_edits(con: duckdb.DuckDBPyConnection, kind: str, path: Path) -> tuple[int, list[Problem], int]:
    """The importer's validation of the edited table (nothing written; temp tables only): rows, problems, total."""
    return check(con, kind, path, mode=MODE, file_label=label(kind))


def write_edits(con: duckdb.DuckDBPyConnection, kind: str, path: Path, actor: str) -> ImportResult:
    """Validate and write in one transaction on a writable connection (raises ImportFailed, nothing written)."""
    return import_file(con, kind, path, mode=MODE, actor=actor, file_label=label(kind))


def problems_frame(problems: list[Problem], lang: str) -> pd.DataFrame:
    """One row per problem: the table row (1 = first row shown), the column, the value, what was expected."""
    t = lambda key: i18n.t(key, lang)  # noqa: E731
    return pd.DataFrame({
        t("settings.col.row"): [None if p.row is None else p.row - 1 for p in problems],
        t("settings.col.column"): [p.column or "" for p in problems],
        t("settings.col.value"): [(p.value or "")[:200] for p in problems],
        t("settings.col.expected"): [p.expected(lang) for p in problems],
    })
