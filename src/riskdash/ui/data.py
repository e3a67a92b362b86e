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
        t("data.col.row"): [p.row for p in problems],
        t("data.col.column"): [p.column or "" for p in problems],
        t("data.col.value"): [(p.value or "")[:200] for p in problems],
        t("data.col.expected"): [p.expected(lang) for p in problems],
    })


def import_kinds() -> list[str]:
    """The six tables first, then the reference kinds (the settings screen's lists)."""
    return list(KINDS)
