"""The headline text of a briefing in the official register, written from the numbers.

"1—6月，全市共发生生产安全事故12起、死亡14人，同比分别下降19.1%、22.8%；其中较大事故1起、死亡3人。" — the
pattern of the speeches and the national bulletin (domain.md §4). Every function here is pure: it takes the
outputs of the metrics functions (``metrics.accidents_summary``, ``metrics.accidents.change_tests``,
``metrics.accidents.death_projection``, ``metrics.rectification.rectification_kpis``, …) and returns text; the
figures it prints are those values, never recomputed (percentages are the metrics' rounded ``*_pct``).

The rules (docs/briefing.md repeats them for readers):

- Period: "1月" (one calendar month), "1—6月" (whole months of one year), "1月1日—11月28日" (other dates of
  one year), "2025年7月—2026年6月" / "2025年7月1日—2026年6月30日" across years. The year of a one-year period
  is on the title slide and in every footer, as in a bulletin.
- Region by level: 全市 (city), 全县 or 全区 (county; 区 when its name ends in 区), the township's own name.
- 同比: both changes in one direction → "同比分别下降a%、d%" (or 上升); both 0 → "与上年同期持平"; otherwise
  each stated ("事故起数同比下降a%、死亡人数同比持平"); the previous period without accidents → "上年同期未发生
  事故，同比无法计算"; the previous period outside the data → "上年同期无统计数据，同比无法计算".
- 较大及以上: "其中较大事故Z起、死亡M人" (several grades: "其中重大事故1起、较大事故2起，共死亡M人"); none →
  "未发生较大及以上生产安全事故".
- Caution: a change that ``change_tests`` finds within normal fluctuation (verdict "flat") is said to be so —
  a decrease is not called an improvement, an increase not dismissed; a change beyond fluctuation is named.
- Control target: deaths since 1 January against the year's target, with the year-end projection.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any, Mapping

from riskdash import i18n
from riskdash.filters import en_period, month_end

GRADES_HIGH_FIRST = ("especially_major", "major", "larger")
# punctuation of the register (full-width in Chinese)
FULL_STOP = {"zh": "。", "en": "."}
CLAUSE_SEP = {"zh": "；", "en": "; "}
MEASURES = ("accidents", "deaths")


def _t(key: str, lang: str, **values: Any) -> str:
    return i18n.t(f"briefing.x.{key}", lang, **values)


def pct_text(value: float | None) -> str:
    """A rate 0–1 as "92.3%", "—" without a denominator (the dashboard's own formatting)."""
    return i18n.pct(value)


def _abs1(value: float) -> str:
    return f"{abs(value):.1f}"


# ---------------------------------------------------------------------------------------------- period, place


def period_phrase(start: date, end: date, lang: str = "zh") -> str:
    """How a bulletin names the period: 1月, 1—6月, 1月1日—11月28日, 2025年7月—2026年6月."""
    if lang != "zh":
        return en_period(start, end)
    whole_months = start.day == 1 and end == month_end(end.year, end.month)
    if start.year == end.year:
        if whole_months:
            return f"{start.month}月" if start.month == end.month else f"{start.month}—{end.month}月"
        if start == end:
            return f"{start.month}月{start.day}日"
        return f"{start.month}月{start.day}日—{end.month}月{end.day}日"
    if whole_months:
        return f"{start.year}年{start.month}月—{end.year}年{end.month}月"
    return f"{start.year}年{start.month}月{start.day}日—{end.year}年{end.month}月{end.day}日"


def region_phrase(name: str, level: str, lang: str = "zh") -> str:
    """全市 / 全县 / 全区 for a city or county, the township's own name below."""
    if level == "city":
        return _t("region.city", lang)
    if level == "county":
        # "乙区（演示）": the kind of county is read from the name without a trailing note in brackets
        bare = re.sub(r"[（(][^（(]*[）)]$", "", name.strip())
        return _t("region.district" if bare.endswith("区") else "region.county", lang)
    return name


# ---------------------------------------------------------------------------------------------- accidents


def _change(value: float | None, lang: str) -> str:
    if value is None:
        return _t("change.none", lang)
    if value == 0:
        return _t("change.flat", lang)
    return _t("change.down" if value < 0 else "change.up", lang, x=_abs1(value))


def compare_phrase(summary: Mapping[str, Any], has_previous_data: bool, lang: str = "zh") -> str:
    """The 同比 clause after the counts (begins with its own punctuation)."""
    if not has_previous_data:
        return _t("acc.no_previous_data", lang)
    a, d = summary["yoy_pct"]["accidents"], summary["yoy_pct"]["deaths"]
    if a is None:  # no accident last year, hence no death either
        return _t("acc.previous_zero", lang)
    if d is not None:
        if a < 0 and d < 0:
            return _t("acc.both_down", lang, a=_abs1(a), d=_abs1(d))
        if a > 0 and d > 0:
            return _t("acc.both_up", lang, a=_abs1(a), d=_abs1(d))
        if a == 0 and d == 0:
            return _t("acc.both_flat", lang)
    return _t("acc.mixed", lang, a=_change(a, lang), d=_change(d, lang))


def larger_phrase(summary: Mapping[str, Any], lang: str = "zh") -> str:
    """其中较大事故Z起、死亡M人 / 未发生较大及以上生产安全事故."""
    if not summary["larger_and_above"]:
        return _t("acc.no_larger", lang)
    parts = [
        _t("acc.grade_count", lang, grade=i18n.enum_name("grade", grade, lang), n=summary["by_grade"][grade])
        for grade in GRADES_HIGH_FIRST if summary["by_grade"][grade]
    ]
    key = "acc.larger" if len(parts) == 1 else "acc.larger_many"
    return _t(key, lang, grades="、".join(parts) if lang == "zh" else ", ".join(parts),
              deaths=summary["larger_and_above_deaths"])


def caution_sentence(summary: Mapping[str, Any], tests: Mapping[str, Any] | None, has_previous_data: bool,
                     lang: str = "zh") -> str | None:
    """Whether the 同比 changes are beyond normal fluctuation (``change_tests`` verdicts), or None when there
    is no change to judge."""
    if tests is None or not has_previous_data:
        return None
    judged = [m for m in MEASURES if summary["yoy_pct"][m] not in (None, 0)]
    if not judged:
        return None
    verdicts = {m: tests[m].verdict for m in judged}
    names = {m: _t(f"measure.{m}", lang) for m in judged}
    if len(judged) == 2 and set(verdicts.values()) == {"flat"}:
        rising = all(summary["yoy_pct"][m] > 0 for m in judged)
        return _t("test.flat_all_up" if rising else "test.flat_all", lang, measure=_t("acc.both_measures", lang))
    if len(judged) == 1 and verdicts[judged[0]] == "flat":
        key = "test.flat_all_up" if summary["yoy_pct"][judged[0]] > 0 else "test.flat_all"
        return _t(key, lang, measure=names[judged[0]])
    parts = [_t({"flat": "test.flat_one", "down": "test.down_one", "up": "test.up_one"}[verdicts[m]], lang,
                measure=names[m]) for m in judged if verdicts[m] in ("flat", "down", "up")]
    return CLAUSE_SEP[lang].join(parts) + FULL_STOP[lang] if parts else None


def target_sentence(projection: Any | None, lang: str = "zh") -> str | None:
    """Deaths since 1 January against the year's control target, and the year-end projection; None without a
    target. ``projection`` is a ``metrics.accidents.Projection``."""
    if projection is None or projection.target is None:
        return None
    values = {"year": projection.year, "deaths": projection.deaths_to_date, "target": projection.target}
    if projection.is_over:
        return _t("target_over", lang, **values) + FULL_STOP[lang]
    text = _t("target", lang, **values, used=pct_text(projection.used))
    if projection.projected is None:
        return text + FULL_STOP[lang]
    key = "projection_over" if projection.is_projected_over else "projection_within"
    return text + _t(key, lang, projected=round(projection.projected))


def accidents_headline(summary: Mapping[str, Any], *, start: date, end: date, region_name: str,
                       region_level: str, tests: Mapping[str, Any] | None = None, projection: Any | None = None,
                       has_previous_data: bool = True, lang: str = "zh") -> tuple[str, ...]:
    """The 事故形势 paragraph: counts with 同比 and 较大及以上, the caution, the target. ``summary`` is
    ``metrics.accidents_summary`` (with ``larger_and_above_deaths``)."""
    period, region = period_phrase(start, end, lang), region_phrase(region_name, region_level, lang)
    if summary["accidents"]:
        first = (_t("acc.main", lang, period=period, region=region, accidents=summary["accidents"],
                    deaths=summary["deaths_incl_missing"])
                 + compare_phrase(summary, has_previous_data, lang) + larger_phrase(summary, lang)
                 + FULL_STOP[lang])
    else:
        first = _t("acc.none", lang, period=period, region=region)
        previous = summary["previous"]
        if has_previous_data and previous["accidents"]:
            first += _t("acc.none_previous", lang, accidents=previous["accidents"],
                        deaths=previous["deaths_incl_missing"])
        first += FULL_STOP[lang]
    sentences = [first, caution_sentence(summary, tests, has_previous_data, lang), target_sentence(projection, lang)]
    return tuple(s for s in sentences if s)


def accidents_title(summary: Mapping[str, Any], tests: Mapping[str, Any] | None = None,
                    has_previous_data: bool = True, lang: str = "zh") -> str:
    """The 事故形势 slide's conclusion, e.g. "死亡人数同比下降22.8%，在正常波动范围内"."""
    if not summary["accidents"]:
        return _t("acc_title.none", lang)
    prefix = _t("acc_title.larger", lang, n=summary["larger_and_above"]) if summary["larger_and_above"] else ""
    d = summary["yoy_pct"]["deaths"]
    if not has_previous_data or d is None:
        return prefix + _t("acc_title.no_compare", lang, accidents=summary["accidents"],
                           deaths=summary["deaths_incl_missing"])
    if d == 0:
        return prefix + _t("acc_title.flat", lang)
    text = _t("acc_title.down" if d < 0 else "acc_title.up", lang, x=_abs1(d))
    verdict = tests["deaths"].verdict if tests else None
    if verdict == "flat":
        text += _t("acc_title.within", lang)
    elif verdict == "down" and d < 0:
        text += _t("acc_title.beyond_down", lang)
    elif verdict == "up" and d > 0:
        text += _t("acc_title.beyond_up", lang)
    title = prefix + text
    return title[:1].upper() + title[1:]  # an English title begins with a capital; Chinese is unchanged


# ---------------------------------------------------------------------------------------------- hazards


def rectification_headline(kpis: Mapping[str, Any], *, start: date, end: date, as_of: date, region_name: str,
                           region_level: str, lang: str = "zh") -> tuple[str, ...]:
    """The 隐患治理 paragraph from ``metrics.rectification.rectification_kpis``; empty when nothing was found
    (the slide then carries its placeholder)."""
    if not kpis["found"]:
        return ()
    first = _t("rect.main", lang, period=period_phrase(start, end, lang),
               region=region_phrase(region_name, region_level, lang), found=kpis["found"],
               rectified=kpis["rectified"], rate=pct_text(kpis["rate"]))
    if kpis["major_found"]:
        first += _t("rect.major", lang, major_found=kpis["major_found"], major_closed=kpis["major_closed"],
                    major_rate=pct_text(kpis["major_rate"]))
    else:
        first += _t("rect.no_major", lang)
    day = i18n.day(as_of, lang)
    if kpis["overdue"]:
        second = _t("rect.overdue", lang, as_of=day, overdue=kpis["overdue"], overdue_major=kpis["overdue_major"],
                    supervised_open=kpis["supervised_open"])
    else:
        second = _t("rect.no_overdue", lang, as_of=day, supervised_open=kpis["supervised_open"])
    return first, second


def rectification_title(kpis: Mapping[str, Any], lang: str = "zh") -> str:
    if not kpis["found"]:
        return _t("rect_title.missing", lang)
    if kpis["overdue"]:
        return _t("rect_title.overdue", lang, rate=pct_text(kpis["rate"]), overdue=kpis["overdue"])
    return _t("rect_title.clear", lang, rate=pct_text(kpis["rate"]))


# ---------------------------------------------------------------------------------------------- key sites


def priority_headline(levels: Mapping[str, int], gaps: Mapping[str, int], *, enterprises: int, as_of: date,
                      region_name: str, region_level: str, lang: str = "zh") -> tuple[str, ...]:
    """From ``metrics.priority.level_counts`` and ``LedgerGaps.counts()``."""
    if not enterprises:
        return ()
    return (
        _t("prio.main", lang, as_of=i18n.day(as_of, lang), region=region_phrase(region_name, region_level, lang),
           enterprises=enterprises, red=levels["red"], orange=levels["orange"]),
        _t("prio.ledger", lang, key_sites=gaps["key_sites"], not_fully_filed=gaps["not_fully_filed"],
           measures_not_in_place=gaps["measures_not_in_place"],
           townships_without_sites=gaps["townships_without_sites"],
           high_risk_without_sites=gaps["high_risk_enterprises_without_sites"]),
    )


def priority_title(levels: Mapping[str, int], gaps: Mapping[str, int], enterprises: int, lang: str = "zh") -> str:
    if not enterprises:
        return _t("prio_title.missing", lang)
    text = (_t("prio_title.red", lang, red=levels["red"]) if levels["red"]
            else _t("prio_title.no_red", lang, orange=levels["orange"]))
    if gaps["not_fully_filed"]:
        text += _t("prio_title.unfiled", lang, n=gaps["not_fully_filed"])
    return text


# ---------------------------------------------------------------------------------------------- townships


def township_counts(result: Mapping[str, Any]) -> dict[str, int]:
    """Counts of ``metrics.campaigns.townships`` entries by result (a tally of its rows, not a new measure)."""
    entries = result["townships"]
    return {
        "townships": len(entries),
        "passed": sum(e["result"] == "passed" for e in entries),
        "failed": sum(e["result"] == "failed" for e in entries),
        "vetoed": sum(bool(e["vetoed"]) for e in entries),
    }


def townships_headline(counts: Mapping[str, int], *, year: int, as_of: date, lang: str = "zh") -> tuple[str, ...]:
    if not counts["townships"]:
        return ()
    return (_t("town.main", lang, year=year, as_of=i18n.day(as_of, lang), n=counts["townships"],
               passed=counts["passed"], failed=counts["failed"], vetoed=counts["vetoed"]),)


def townships_title(counts: Mapping[str, int], lang: str = "zh") -> str:
    if not counts["townships"]:
        return _t("town_title.missing", lang)
    if not counts["failed"]:
        return _t("town_title.all_passed", lang, n=counts["townships"])
    return _t("town_title.failed", lang, failed=counts["failed"], vetoed=counts["vetoed"])


# ---------------------------------------------------------------------------------------------- next steps


def next_steps_headline(counts: Mapping[str, int], uninspected_days: int, lang: str = "zh") -> tuple[str, ...]:
    """一是…；二是…；三是… — only the items that have something to do, numbered in order."""
    items = []
    if counts["overdue_major"]:
        items.append(_t("next.overdue_major", lang, n=counts["overdue_major"]))
    if counts["unfiled"]:
        items.append(_t("next.unfiled", lang, n=counts["unfiled"]))
    if counts["uninspected"]:
        items.append(_t("next.uninspected", lang, n=counts["uninspected"], days=uninspected_days))
    if not items:
        return (_t("next.none", lang),)
    ordinals = i18n.lines("briefing.x.next.ordinals", lang)
    if len(items) == 1:
        body = items[0]
    else:
        body = CLAUSE_SEP[lang].join(ordinals[i] + item for i, item in enumerate(items))
    return (_t("next.intro", lang) + body + FULL_STOP[lang],)


def next_steps_title(counts: Mapping[str, int], lang: str = "zh") -> str:
    if not any(counts.values()):
        return _t("next_title.none", lang)
    return _t("next_title", lang, **counts)
