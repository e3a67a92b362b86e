"""The priority-sites screen's content, shaped from ``metrics.priority``: KPI cards, scope lines and the tables
with their Chinese headers. Pure: no Streamlit here, so every word and "—" is testable alone."""

from __future__ import annotations

import math

import pandas as pd

from riskdash import charts, i18n
from riskdash.metrics import priority
from riskdash.pinyin import hint
from riskdash.screens.kit import Kpi


def _day(value, lang: str, missing_key: str = "priority.not_filed") -> str:
    if value is None or pd.isna(value):
        return i18n.t(missing_key, lang)
    return pd.Timestamp(value).date().isoformat()


def _yes_no(value, lang: str) -> str:
    if value is None or pd.isna(value):
        return i18n.t("priority.not_reported", lang)
    return i18n.t("priority.yes" if value else "priority.no", lang)


def sector_of(row, lang: str) -> str:
    return row["sector_name_en"] if lang == "en" and row["sector_name_en"] else row["sector_name_zh"]


def _score(value: float) -> str:
    return f"{value:.2f}"


# ---------------------------------------------------------------------------------------------- ranking


def level_kpis(scores: pd.DataFrame, thresholds: dict[str, float], lang: str) -> tuple[Kpi, ...]:
    counts = priority.level_counts(scores)
    return tuple(
        Kpi(level, i18n.t("priority.kpi_level", lang, level=i18n.enum_name("risk_level", level, lang)),
            f"{counts[level]:,}",
            i18n.t("priority.kpi_level_help", lang, min=f"{thresholds.get(level, 0):g}"))
        for level in priority.LEVELS
    )


# ---------------------------------------------------------------------------------------------- risk colours
# 安委办〔2016〕11号: red, orange, yellow, blue (never green). Dark text on orange and yellow, white on red and
# blue, each at least 4.5:1.

LEVEL_TEXT = {"red": "#ffffff", "orange": "#1a1a1a", "yellow": "#1a1a1a", "blue": "#ffffff"}


def level_css(level: str) -> str:
    """The CSS of a level's chip or cell: its official colour behind, readable text on it."""
    return f"background-color: {charts.RISK_COLOURS[level]}; color: {LEVEL_TEXT[level]}"


def level_chip_css(widget_key: str) -> str:
    """A <style> colouring the level chips of the multiselect with ``widget_key`` (Streamlit gives its block the
    class st-key-<key>; each chip carries its option's name as aria-label): every level's name in both
    languages, from the enum names, not from the data."""
    rules = []
    for level in priority.LEVELS:
        for lang in i18n.LANGS:
            chip = f'.st-key-{widget_key} [data-tag][aria-label="{i18n.enum_name("risk_level", level, lang)}"]'
            rules.append(f"{chip} {{ {level_css(level)}; }}")
            rules.append(f"{chip} button {{ color: {LEVEL_TEXT[level]}; }}")
    return "<style>\n" + "\n".join(rules) + "\n</style>"


def level_cells(frame: pd.DataFrame, lang: str):
    """The ranking table with each level cell in its colour (a pandas Styler, which st.dataframe draws)."""
    column = i18n.t("priority.col_level", lang)
    by_name = {i18n.enum_name("risk_level", level, lang): level for level in priority.LEVELS}
    # a Styler's floats would show six decimals: the scores keep their two
    return (frame.style.format(precision=2)
            .map(lambda name: level_css(by_name[name]) if name in by_name else "", subset=[column]))


def formula(thresholds: dict[str, float], lang: str, admin: bool = True) -> str:
    """The score's formula and levels; the weights are edited in 设置 by an admin, others are told to ask."""
    return i18n.t("priority.formula" if admin else "priority.formula_ask", lang,
                  **{k: f"{thresholds.get(k, 0):g}" for k in ("red", "orange", "yellow")})


def ranking_table(scores: pd.DataFrame, lang: str, levels: list[str] | None = None,
                  limit: int | None = None) -> tuple[pd.DataFrame, int]:
    """The ranking as shown: rank, enterprise, township, sector, score, level and reasons (the top ``limit``
    at the chosen levels); also how many rows the levels hold in all."""
    chosen = scores if not levels else scores[scores["level"].isin(levels)]
    total = len(chosen)
    shown = chosen.head(limit) if limit else chosen
    frame = pd.DataFrame({
        i18n.t("priority.col_rank", lang): shown["rank"].astype(int).to_list(),
        i18n.t("priority.col_enterprise_id", lang): shown["enterprise_id"].to_list(),
        i18n.t("priority.col_enterprise", lang): shown["name"].to_list(),
        i18n.t("priority.col_township", lang): shown["region_name"].to_list(),
        i18n.t("priority.col_sector", lang): [sector_of(r, lang) for _, r in shown.iterrows()],
        i18n.t("priority.col_score", lang): shown["score"].astype(float).round(2).to_list(),
        i18n.t("priority.col_level", lang): [i18n.enum_name("risk_level", lv, lang) for lv in shown["level"]],
        i18n.t("priority.col_reasons", lang): ["；".join(priority.reasons(r, lang)) if lang == "zh"
                                               else "; ".join(priority.reasons(r, lang)) for _, r in shown.iterrows()],
    })
    return frame, total


def ranking_in_card(lang: str) -> tuple[str, str]:
    """The ranking's columns the list on screen leaves to the enterprise's card: its number and its score."""
    return i18n.t("priority.col_enterprise_id", lang), i18n.t("priority.col_score", lang)


def card_choices(scores: pd.DataFrame, query: str = "", limit: int | None = None) -> tuple[dict[str, str], int]:
    """The enterprises the card offers, by rank: every one in scope whose name, number, township or the pinyin
    initials of its name or township contain ``query`` (any case; all when blank), the first ``limit`` of them,
    labelled "3. 东镇化工（E2）· dzhg · 东镇" (so that the select finds the initials too); and how many matched
    in all."""
    spelled = scores["name"].astype(str).map(lambda n: hint(n) or "")
    needle = query.strip().casefold()
    if needle:
        towns = scores["region_name"].fillna("").astype(str)
        texts = (scores["name"].astype(str) + "\n" + scores["enterprise_id"].astype(str) + "\n" + towns + "\n"
                 + spelled + "\n" + towns.map(lambda n: hint(n) or "")).str.casefold()
        keep = [needle in text for text in texts]
        chosen, spelled = scores[keep], spelled[keep]
    else:
        chosen = scores
    shown = chosen.head(limit) if limit else chosen
    labels = {r.enterprise_id: " · ".join(p for p in (f"{int(r.rank)}. {r.name}（{r.enterprise_id}）", s,
                                                       r.region_name if isinstance(r.region_name, str) else None) if p)
              for r, s in zip(shown.itertuples(), spelled)}
    return labels, len(chosen)


def red_orange_table(counts: pd.DataFrame, lang: str, by: str) -> pd.DataFrame:
    name = i18n.t("priority.col_township" if by == "township" else "priority.col_sector", lang)
    return pd.DataFrame({
        name: counts["name"].to_list(),
        i18n.t("priority.col_red", lang): counts["red"].astype(int).to_list(),
        i18n.t("priority.col_orange", lang): counts["orange"].astype(int).to_list(),
        i18n.t("priority.col_enterprises", lang): counts["enterprises"].astype(int).to_list(),
    })


# ---------------------------------------------------------------------------------------------- ledger


def ledger_table(ledger: pd.DataFrame, lang: str) -> pd.DataFrame:
    type_column = "accident_type_en" if lang == "en" else "accident_type_zh"
    return pd.DataFrame({
        i18n.t("priority.col_county", lang): ledger["county_name"].to_list(),
        i18n.t("priority.col_township", lang): ledger["township_name"].to_list(),
        i18n.t("priority.col_site", lang): ledger["name"].to_list(),
        i18n.t("priority.col_enterprise", lang): [n if isinstance(n, str) else i18n.t("priority.public_place", lang)
                                                  for n in ledger["enterprise_name"]],
        i18n.t("priority.col_accident_type", lang): ledger[type_column].to_list(),
        i18n.t("priority.col_fatalities", lang): ledger["potential_fatalities"].astype(int).to_list(),
        i18n.t("priority.col_measures", lang): ledger["control_measures"].fillna("").to_list(),
        i18n.t("priority.col_person", lang): ledger["responsible_person"].fillna("").to_list(),
        i18n.t("priority.col_filed_city", lang): [_day(v, lang) for v in ledger["filed_city_on"]],
        i18n.t("priority.col_filed_county", lang): [_day(v, lang) for v in ledger["filed_county_on"]],
        i18n.t("priority.col_in_place", lang): [_yes_no(v, lang) for v in ledger["measures_in_place"]],
        # 措施落实日期 (issue 18): only for measures in place; "not reported" when the day was not recorded
        i18n.t("priority.col_in_place_on", lang): [
            _day(d, lang, "priority.not_reported") if v is not None and not pd.isna(v) and bool(v) else ""
            for v, d in
            zip(ledger["measures_in_place"], ledger["measures_in_place_on"])],
        # the 有关部门 it was also filed with (行业主管部门, issue 18; key_sites.filed_departments, schema 27)
        i18n.t("priority.col_filed_departments", lang): [_text(v) for v in ledger["filed_departments"]],
    })


LEDGER_KEYS = ("county", "township", "site")
LEDGER_VIEWS = {
    "site": ("enterprise", "accident_type", "fatalities"),
    "measures": ("measures", "person", "in_place", "in_place_on"),
    "filing": ("filed_city", "filed_county", "filed_departments"),
}


def ledger_views(lang: str, first: str = "site") -> tuple[dict[str, list[str]], dict[str, str]]:
    """The ledger (``ledger_table``) on screen, one themed view at a time (issue 17 item 7: its thirteen columns
    need about 1,320 px of headers, 1,870 in English; the page at 1024 px holds 664): each view's name and
    columns, county, township and site first in every one, the view ``first`` first (a list of sites without
    measures opens on the measures), and the shorter headers the views show (the frame and its .xlsx keep the
    full ones)."""
    def column(name: str) -> str:
        return i18n.t(f"priority.col_{name}", lang)

    order = [first, *(name for name in LEDGER_VIEWS if name != first)]
    keys = [column(name) for name in LEDGER_KEYS]
    views = {i18n.t(f"priority.ledger_view.{name}", lang): keys + [column(c) for c in LEDGER_VIEWS[name]]
             for name in order}
    labels = {column(name): i18n.t(f"priority.short.{name}", lang)
              for name in ("site", *(c for columns in LEDGER_VIEWS.values() for c in columns))
              if name != "enterprise"}
    return views, labels


def _text(value) -> str:
    """A free-text cell: "" when empty."""
    return "" if value is None or (not isinstance(value, str) and pd.isna(value)) else str(value)


def gap_kpis(gaps: priority.LedgerGaps, lang: str) -> tuple[Kpi, ...]:
    counts = gaps.counts()
    cards = (("townships_without_sites", "priority.gap_townships"),
             ("high_risk_enterprises_without_sites", "priority.gap_enterprises"),
             ("measures_not_in_place", "priority.gap_not_in_place"),
             ("not_fully_filed", "priority.gap_not_filed"),
             ("accidents_without_ledger", "priority.gap_accidents"))
    return tuple(Kpi(key, i18n.t(text, lang), f"{counts[key]:,}", i18n.t(f"{text}_help", lang)) for key, text in cards)


def townships_without_sites_table(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    return pd.DataFrame({
        i18n.t("priority.col_county", lang): frame["county_name"].to_list(),
        i18n.t("priority.col_township", lang): frame["township_name"].to_list(),
        i18n.t("priority.col_class", lang): [i18n.enum_name("priority_township_class", c, lang) if isinstance(c, str) else i18n.DASH
                                             for c in frame["township_class"]],
        i18n.t("priority.col_enterprises", lang): frame["enterprises"].astype(int).to_list(),
        i18n.t("priority.col_high_risk", lang): frame["high_risk_enterprises"].astype(int).to_list(),
    })


def enterprises_without_sites_table(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    return pd.DataFrame({
        i18n.t("priority.col_county", lang): frame["county_name"].to_list(),
        i18n.t("priority.col_township", lang): frame["township_name"].to_list(),
        i18n.t("priority.col_enterprise_id", lang): frame["enterprise_id"].to_list(),
        i18n.t("priority.col_enterprise", lang): frame["name"].to_list(),
        i18n.t("priority.col_sector", lang): [sector_of(r, lang) for _, r in frame.iterrows()],
        i18n.t("priority.col_employees", lang): [int(v) if pd.notna(v) else i18n.DASH for v in frame["employees"]],
    })


def accidents_without_ledger_table(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    def gap(row) -> str:
        kinds = []
        if row["is_enterprise_without_ledger"]:
            kinds.append(i18n.t("priority.gap_enterprise", lang))
        if row["is_township_without_ledger"]:
            kinds.append(i18n.t("priority.gap_township", lang))
        return "、".join(kinds) if lang == "zh" else ", ".join(kinds)

    return pd.DataFrame({
        i18n.t("priority.col_accident", lang): frame["accident_id"].to_list(),
        i18n.t("priority.col_occurred", lang): [_day(v, lang) for v in frame["occurred_on"]],
        i18n.t("priority.col_place", lang): frame["region_name"].to_list(),
        i18n.t("priority.col_enterprise", lang): [n if isinstance(n, str) else i18n.DASH for n in frame["enterprise_name"]],
        i18n.t("priority.col_grade", lang): [i18n.enum_name("grade", g, lang) for g in frame["grade"]],
        i18n.t("priority.col_deaths", lang): frame["deaths_incl_missing"].astype(int).to_list(),
        i18n.t("priority.col_gap", lang): [gap(r) for _, r in frame.iterrows()],
    })


# ---------------------------------------------------------------------------------------------- back-test


def backtest_table(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    def share(value) -> str:
        return i18n.pct(None if value is None or pd.isna(value) else float(value))

    return pd.DataFrame({
        i18n.t("priority.col_as_of", lang): [_day(d, lang) if d is not None and not pd.isna(d)
                                             else i18n.t("priority.pooled", lang) for d in frame["as_of"]],
        i18n.t("priority.col_until", lang): [_day(d, lang) if d is not None and not pd.isna(d) else i18n.DASH
                                             for d in frame["until"]],
        i18n.t("priority.col_enterprises", lang): frame["enterprises"].astype(int).to_list(),
        i18n.t("priority.col_top_n", lang): frame["top_n"].astype(int).to_list(),
        i18n.t("priority.col_larger", lang): [f"{a} / {b}" for a, b in zip(frame["larger_in_top"], frame["larger_accidents"])],
        i18n.t("priority.col_larger_share", lang): [share(v) for v in frame["larger_share"]],
        i18n.t("priority.col_death", lang): [f"{a} / {b}" for a, b in zip(frame["death_in_top"], frame["death_accidents"])],
        i18n.t("priority.col_death_share", lang): [share(v) for v in frame["death_share"]],
        i18n.t("priority.col_chance", lang): [share(v) for v in frame["chance_share"]],
    })


BACKTEST_VIEWS = {"larger": ("larger", "larger_share", "chance"), "death": ("death", "death_share", "chance")}


def backtest_views(lang: str, calibration: bool = False) -> tuple[dict[str, list[str]], dict[str, str]]:
    """The back-test (``backtest_table``) or the calibration (``calibration_table``, ``calibration=True``) on
    screen, the relatively major accidents and those with deaths one view at a time (issue 17 item 7: nine columns
    needed about 1,120 px of headers, 1,680 in English; the page at 1024 px holds 664), the day and the enterprises
    (or the weights) first in both; and the shorter headers the views show (the .xlsx keeps the full ones)."""
    def column(name: str) -> str:
        return i18n.t(f"priority.col_{name}", lang)

    keys = ["weight_set", "weights_changed"] if calibration else ["as_of", "until", "enterprises", "top_n"]
    views = {i18n.t(f"priority.backtest_view.{name}", lang): [column(c) for c in (*keys, *columns)]
             for name, columns in BACKTEST_VIEWS.items()}
    shortened = ("weights_changed",) if calibration else ("enterprises", "top_n")
    labels = {column(name): i18n.t(f"priority.short.{name}", lang)
              for name in (*shortened, "larger", "larger_share", "death", "death_share")}
    return views, labels


def calibration_table(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The back-test pooled over its days, one row per weight set (the stored weights first)."""
    def share(value) -> str:
        return i18n.pct(None if value is None or pd.isna(value) else float(value))

    def zeroed(components) -> str:
        if not components:
            return i18n.DASH
        names = [i18n.enum_name("risk_component", c, lang) for c in components]
        return i18n.t("priority.calibration_zeroed", lang, names=("、" if lang == "zh" else ", ").join(names))

    return pd.DataFrame({
        i18n.t("priority.col_weight_set", lang): [i18n.t(f"priority.weights.{k}", lang) for k in frame["weights"]],
        i18n.t("priority.col_weights_changed", lang): [zeroed(z) for z in frame["zeroed"]],
        i18n.t("priority.col_larger", lang): [f"{a} / {b}" for a, b in zip(frame["larger_in_top"], frame["larger_accidents"])],
        i18n.t("priority.col_larger_share", lang): [share(v) for v in frame["larger_share"]],
        i18n.t("priority.col_death", lang): [f"{a} / {b}" for a, b in zip(frame["death_in_top"], frame["death_accidents"])],
        i18n.t("priority.col_death_share", lang): [share(v) for v in frame["death_share"]],
        i18n.t("priority.col_chance", lang): [share(v) for v in frame["chance_share"]],
    })


# ---------------------------------------------------------------------------------------------- site card


def component_table(row, weights: dict[str, float], lang: str) -> pd.DataFrame:
    """The score of one enterprise, component by component: the count, its weight and the points."""
    names, counts, weight_values, points = [], [], [], []
    for component, (count_column, points_column) in priority.COMPONENT_COLUMNS.items():
        count = float(row[count_column])
        if component == "employees_per_100":
            count = min(count / 100, 10)
        elif component == "uninspected_per_90_days":
            count = math.floor(min(count, priority.UNINSPECTED_CAP_DAYS) / 90)
        names.append(i18n.enum_name("risk_component", component, lang))
        counts.append(round(count, 2))
        weight_values.append(weights.get(component, 0.0))
        points.append(round(float(row[points_column]), 2))
    names.append(i18n.t("priority.col_score", lang))
    counts.append(None)
    weight_values.append(None)
    points.append(round(float(row["score"]), 2))
    return pd.DataFrame({
        i18n.t("priority.col_component", lang): names,
        i18n.t("priority.col_count", lang): counts,
        i18n.t("priority.col_weight", lang): weight_values,
        i18n.t("priority.col_points", lang): points,
    })


def card_hazards_table(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    return pd.DataFrame({
        i18n.t("priority.col_hazard", lang): frame["hazard_id"].to_list(),
        i18n.t("priority.col_found", lang): [_day(v, lang) for v in frame["found_on"]],
        i18n.t("priority.col_hazard_grade", lang): [i18n.enum_name("hazard_grade", g, lang) for g in frame["grade"]],
        i18n.t("priority.col_description", lang): frame["description"].fillna("").to_list(),
        i18n.t("priority.col_deadline", lang): [_day(v, lang) for v in frame["deadline"]],
        i18n.t("priority.col_state", lang): [i18n.enum_name("hazard_state", s, lang) if isinstance(s, str) else i18n.DASH
                                             for s in frame["state"]],
        i18n.t("priority.col_supervision", lang): [i18n.DASH if s == "none" else i18n.enum_name("priority_supervision", s, lang)
                                                   for s in frame["supervision_level"]],
    })


def card_hazard_labels(lang: str) -> dict[str, str]:
    """The shorter headers of the card's hazards on screen (English State on the day, Listed supervision: the table
    needed about 980 px; issue 17 item 7); the frame and its .xlsx keep the full ones."""
    return {i18n.t(f"priority.col_{c}", lang): i18n.t(f"priority.short.{c}", lang) for c in ("state", "supervision")}


def card_inspections_table(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    return pd.DataFrame({
        i18n.t("priority.col_inspection", lang): frame["inspection_id"].to_list(),
        i18n.t("priority.col_inspected", lang): [_day(v, lang) for v in frame["inspected_on"]],
        i18n.t("priority.col_inspection_level", lang): [i18n.enum_name("inspection_level", v, lang) for v in frame["level"]],
        i18n.t("priority.col_kind", lang): frame["kind"].fillna("").to_list(),
        i18n.t("priority.col_hazards_found", lang): frame["hazards_found"].astype(int).to_list(),
    })


def card_accidents_table(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    return pd.DataFrame({
        i18n.t("priority.col_accident", lang): frame["accident_id"].to_list(),
        i18n.t("priority.col_occurred", lang): [_day(v, lang) for v in frame["occurred_on"]],
        i18n.t("priority.col_grade", lang): [i18n.enum_name("grade", g, lang) for g in frame["grade"]],
        i18n.t("priority.col_deaths", lang): frame["deaths_incl_missing"].astype(int).to_list(),
        i18n.t("priority.col_summary", lang): frame["summary"].fillna("").to_list(),
    })


def card_sites_table(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    return pd.DataFrame({
        i18n.t("priority.col_site", lang): frame["name"].to_list(),
        i18n.t("priority.col_fatalities", lang): frame["potential_fatalities"].astype(int).to_list(),
        i18n.t("priority.col_measures", lang): frame["control_measures"].fillna("").to_list(),
        i18n.t("priority.col_filed_city", lang): [_day(v, lang) for v in frame["filed_city_on"]],
        i18n.t("priority.col_filed_county", lang): [_day(v, lang) for v in frame["filed_county_on"]],
        i18n.t("priority.col_in_place", lang): [_yes_no(v, lang) for v in frame["measures_in_place"]],
        i18n.t("priority.col_filed_departments", lang): [_text(v) for v in frame["filed_departments"]],
    })
