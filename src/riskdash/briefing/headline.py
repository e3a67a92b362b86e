"""The headline text of a briefing in the official register (docs/rules.md "Official wording"), written from the numbers.

"1—6月，全市共发生生产安全事故89起、死亡105人，同比实现“双下降”，分别下降19.1%、22.8%；其中较大事故1起、死亡3人，
同比减少2起。" — the pattern of the speeches and the national bulletin. Every function here is pure: it takes the
outputs of the metrics functions (``metrics.accidents_summary`` with ``mom`` and ``target``,
``metrics.accidents.death_projection``, ``metrics.rectification.rectification_kpis`` and ``rectification_stock``,
…) and returns text; the figures it prints are those values, never recomputed (percentages are the metrics'
rounded ``*_pct``, printed without a trailing ".0").

The rules (docs/briefing.md repeats them for readers):

- Period: "1月" (one calendar month), "1—6月" (whole months of one year), "1月1日—11月28日" or "11月1日—28日"
  (other dates of one year), "2025年7月—2026年6月" / "2025年7月1日—2026年6月30日" across years.
- Region by level: 全市 (city, or a county-level city), 全县 or 全区 (county), the township's own name.
- 同比 of accidents and deaths together: "同比实现“双下降”，分别下降a%、d%"; "事故起数同比上升a%、死亡人数下降d%
  （“一升一降”）"; "同比“双上升”，分别上升a%、d%，形势严峻"; one unchanged: each stated; both: "与上年同期持平".
  A base under ``SMALL_BASE`` last year is stated in cases ("分别增加1起、4人"); none last year: "上年同期未发生
  生产安全事故" / "上年同期未发生亡人事故"; none this period: "未发生亡人事故"; no data last year: "上年同期无统计
  数据，同比无法计算". Deaths are "死亡N人（含失踪M人）".
- 较大及以上: "其中较大事故Z起、死亡M人，同比减少2起" (several grades: "其中重大事故1起、较大事故2起，共死亡M人"),
  then the red line "坚决杜绝较大及以上事故" named as broken; none → "未发生较大及以上生产安全事故". No statistics
  words: a change is never called "normal fluctuation" in a document.
- 环比 (a period within one month): against the same days of the previous month.
- Control target: deaths since 1 January against the year's target beside 时间进度 ("超时间进度5.6个百分点"),
  with the year-end projection.
- Hazards: the period's flow (排查, 整改率), then the stock on the as-of day ("截至…尚有逾期未销号隐患N项…"):
  逾期未整改 only for hazards not rectified.
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
CLAUSE_JOIN = {"zh": "，", "en": ", "}
MEASURES = ("accidents", "deaths")
# last year's count under which a change is stated in cases ("同比增加1起、4人"), not per cent
SMALL_BASE = 10


def _t(key: str, lang: str, **values: Any) -> str:
    return i18n.t(f"briefing.x.{key}", lang, **values)


def pct_number(value: float) -> str:
    """The size of a change in per cent as a document prints it: "5.6", "100" (never "100.0"), no sign."""
    text = f"{abs(value):.1f}"
    return text[:-2] if text.endswith(".0") else text


def pct_text(value: float | None) -> str:
    """A rate 0–1 as "92.3%" or "50%" (no trailing ".0" in a document), "—" without a denominator."""
    if value is None:
        return i18n.DASH
    from riskdash.metrics import round_pct

    return pct_number(round_pct(value * 100)) + "%"


def signed_pct_text(value: float | None) -> str:
    """A change in per cent with its sign as a document prints it: "+5.6%", "-1.2%", "+100%", "0%"."""
    if value is None:
        return i18n.DASH
    return ("+" if value > 0 else "-" if value < 0 else "") + pct_number(value) + "%"


def count_text(value: int | None, unit: str, lang: str = "zh") -> str:
    """A count with thousands separators and its unit: "28,533项", "4家" ("28,533" in English)."""
    if value is None:
        return i18n.DASH
    return f"{int(value):,}{unit if lang == 'zh' else ''}"


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
        if start.month == end.month:
            return f"{start.month}月{start.day}日—{end.day}日"
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
        kind = region_kind(name, level)
        return _t("region.district" if kind == "区" else "region.city" if kind == "市" else "region.county", lang)
    return name


def bare_name(name: str) -> str:
    """The name without a trailing note in brackets: "乙区（演示）" → "乙区"."""
    return re.sub(r"[（(][^（(]*[）)]$", "", name.strip())


# the kind of a township-level region by the end of its name, and by the regions table's kind where the
# name does not tell (docs/rules.md "Official wording": 主送 by the region's kind)
TOWNSHIP_SUFFIXES = (("街道", "街道"), ("园区", "园区"), ("开发区", "园区"), ("高新区", "园区"), ("镇", "镇"),
                     ("乡", "乡"))
TOWNSHIP_KINDS = {"town": "镇", "township": "乡", "subdistrict": "街道", "zone": "园区"}
COUNTY_KINDS = ("县", "区", "市")  # the order of 主送: 各县（区、市）
TOWNSHIP_ORDER = ("镇", "乡", "街道", "园区")
# the party committee and the government of each kind, for 抄送 ({party}办公室，{government}办公室)
PARTY_GOVERNMENT = {"市": ("市委", "市政府"), "县": ("县委", "县政府"), "区": ("区委", "区政府"),
                    "镇": ("镇党委", "镇政府"), "乡": ("乡党委", "乡政府"), "街道": ("街道党工委", "街道办事处"),
                    "园区": ("园区党工委", "园区管委会")}


def region_kind(name: str, level: str, kind: str | None = None) -> str:
    """市 for the city; 县, 区 or 市 (a county-level city) for a county; 镇, 乡, 街道 or 园区 for a township —
    read from the end of the name, else from the regions table's ``kind``."""
    bare = bare_name(name)
    if level == "city":
        return "市"
    if level == "county":
        return next((k for k in ("区", "市", "县") if bare.endswith(k)), "县")
    for suffix, word in TOWNSHIP_SUFFIXES:
        if bare.endswith(suffix):
            return word
    return TOWNSHIP_KINDS.get(kind or "", "镇")


def fill_template(template: str, **values: str) -> str:
    """A settings template with its {placeholders} filled in; an unknown one is left as written."""
    for key, value in values.items():
        template = template.replace("{" + key + "}", str(value))
    return template


# ---------------------------------------------------------------------------------------------- accidents


def _direction(now: int, before: int) -> str:
    return "flat" if now == before else "down" if now < before else "up"


def _is_small(before: int) -> bool:
    """A base under ``SMALL_BASE`` is stated in cases, not per cent (1 → 2 is not "+100%")."""
    return before < SMALL_BASE


def _counts(summary: Mapping[str, Any]) -> dict[str, tuple[int, int]]:
    previous = summary["previous"]
    return {"accidents": (int(summary["accidents"]), int(previous["accidents"])),
            "deaths": (int(summary["deaths_incl_missing"]), int(previous["deaths_incl_missing"]))}


def _amount(measure: str, now: int, before: int, yoy: float | None, lang: str) -> str:
    """"下降5.6%" or, on a small base, "减少2起" / "增加4人"."""
    direction = _direction(now, before)
    if _is_small(before) or yoy is None:
        return _t(f"amount.{direction}", lang, n=abs(now - before), unit=_t(f"unit.{measure}", lang))
    return _t(f"change.{direction}", lang, x=pct_number(yoy))


def yoy_clause(summary: Mapping[str, Any], has_previous_data: bool = True, lang: str = "zh",
               named: bool = False) -> str:
    """The 同比 of accidents and deaths in the patterns of docs/rules.md "Official wording" (docs/briefing.md has each rule), without leading punctuation:
    "同比实现“双下降”，分别下降5.6%、1.2%", "事故起数同比上升5.6%、死亡人数下降1.2%（“一升一降”）",
    "同比“双上升”，分别增加1起、4人，形势严峻", "与上年同期持平"; a small base (under ``SMALL_BASE`` last
    year) in cases; no accident last year "上年同期未发生生产安全事故", no death "上年同期未发生亡人事故".
    ``named``: a pattern of both measures names them in front ("事故起数、死亡人数同比实现“双下降”…"), as a
    title standing alone needs."""
    names = _t("acc.both_measures", lang) if named else ""
    if not has_previous_data:
        return _t("acc.no_previous_data", lang)
    counts = _counts(summary)
    (a_now, a_before), (d_now, d_before) = counts["accidents"], counts["deaths"]
    if a_before == 0:
        return _t("acc.previous_zero", lang)
    amounts = {m: _amount(m, now, before, summary["yoy_pct"][m], lang) for m, (now, before) in counts.items()}
    if d_before == 0:
        # no death last year: the accidents' change, and deaths named as new ones
        return _t("acc.previous_no_deaths", lang, a=amounts["accidents"]) if d_now else \
            _t("acc.one", lang, measure=_t("measure.accidents", lang), amount=amounts["accidents"])
    if d_now == 0:
        # 零死亡 is said in the main sentence; here the accidents' change and the deaths of last year
        return _t("acc.zero_deaths", lang, a=amounts["accidents"], d=d_before)
    a_dir, d_dir = _direction(a_now, a_before), _direction(d_now, d_before)
    if a_dir == d_dir == "flat":
        return names + _t("acc.both_flat", lang)
    if a_dir == d_dir:
        pattern = "acc.both_down" if a_dir == "down" else "acc.both_up"
        small = (_is_small(a_before), _is_small(d_before))
        if small == (False, False):
            both = _t(f"change.{a_dir}_pair", lang, a=pct_number(summary["yoy_pct"]["accidents"]),
                      d=pct_number(summary["yoy_pct"]["deaths"]))
        elif small == (True, True):
            both = _t(f"amount.{a_dir}_pair", lang, a=abs(a_now - a_before), d=abs(d_now - d_before))
        else:
            both = _t("acc.each", lang, a=amounts["accidents"], d=amounts["deaths"])
        return names + _t(pattern, lang, both=both)
    if "flat" in (a_dir, d_dir):
        return _t("acc.each_yoy", lang, a=amounts["accidents"], d=amounts["deaths"])
    return _t("acc.mixed", lang, a=amounts["accidents"], d=amounts["deaths"])


def _larger_change(summary: Mapping[str, Any], lang: str) -> str:
    now, before = int(summary["larger_and_above"]), int(summary["previous"]["larger_and_above"])
    if before == 0:
        return _t("acc.larger_previous_zero", lang) if now else ""
    return _t("acc.larger_yoy", lang, amount=_t(f"amount.{_direction(now, before)}", lang, n=abs(now - before),
                                                 unit=_t("unit.accidents", lang)))


def larger_phrase(summary: Mapping[str, Any], has_previous_data: bool = True, lang: str = "zh") -> str:
    """其中较大事故2起、死亡10人，同比减少2起 / 未发生较大及以上生产安全事故（上年同期2起）."""
    change = _larger_change(summary, lang) if has_previous_data else ""
    if not summary["larger_and_above"]:
        return _t("acc.no_larger", lang) + change
    parts = [
        _t("acc.grade_count", lang, grade=i18n.enum_name("grade", grade, lang), n=summary["by_grade"][grade])
        for grade in GRADES_HIGH_FIRST if summary["by_grade"][grade]
    ]
    key = "acc.larger" if len(parts) == 1 else "acc.larger_many"
    return _t(key, lang, grades="、".join(parts) if lang == "zh" else ", ".join(parts),
              deaths=summary["larger_and_above_deaths"]) + change


def mom_sentence(summary: Mapping[str, Any], lang: str = "zh") -> str | None:
    """环比 against the same days of the previous month (``metrics accidents`` → ``mom``; None for a period
    across months): "与上月同期（10月1日—28日）相比，事故起数下降31.6%、死亡人数下降44.4%。"."""
    mom = summary.get("mom")
    if not mom:
        return None
    then = period_phrase(mom["from"], mom["to"], lang)
    now = {"accidents": int(summary["accidents"]), "deaths": int(summary["deaths_incl_missing"])}
    before = {"accidents": int(mom["accidents"]), "deaths": int(mom["deaths_incl_missing"])}
    if not before["accidents"]:
        return _t("mom.previous_zero", lang, period=then)
    amounts = {m: _amount(m, now[m], before[m], mom["mom_pct"][m], lang) for m in MEASURES}
    return _t("mom", lang, period=then, a=amounts["accidents"], d=amounts["deaths"])


def red_line_sentence(summary: Mapping[str, Any], lang: str = "zh") -> str | None:
    """A 较大及以上 accident breaks the red line "坚决杜绝较大及以上事故": said as such, never explained away."""
    return _t("acc.red_line", lang) if summary["larger_and_above"] else None


def _time_progress(target: Mapping[str, Any] | None, lang: str) -> str:
    """"，超时间进度5.6个百分点" (or 低于, 与时间进度持平) from ``metrics accidents`` → ``target``."""
    if not target or target.get("used_pct") is None or target.get("time_elapsed_pct") is None:
        return ""
    gap = round(float(target["used_pct"]) - float(target["time_elapsed_pct"]), 1)
    if gap == 0:
        return _t("target.on_time", lang)
    return _t("target.ahead" if gap > 0 else "target.behind", lang, x=pct_number(gap))


def target_sentence(projection: Any | None, lang: str = "zh", target: Mapping[str, Any] | None = None) -> str | None:
    """Deaths since 1 January against the year's control target beside 时间进度 ("占全年控制指标的96.6%，超时间进度
    5.6个百分点"), and the year-end projection; None without a target. ``projection`` is a
    ``metrics.accidents.Projection``, ``target`` the ``target`` of ``metrics accidents``."""
    if projection is None or projection.target is None:
        return None
    values = {"year": projection.year, "deaths": projection.deaths_to_date, "target": projection.target}
    if projection.is_over:
        return _t("target_over", lang, **values) + FULL_STOP[lang]
    used = f"{pct_number(float(target['used_pct']))}%" if target and target.get("used_pct") is not None \
        else pct_text(projection.used)
    text = _t("target", lang, **values, used=used) + _time_progress(target, lang)
    if projection.projected is None:
        return text + FULL_STOP[lang]
    key = "projection_over" if projection.is_projected_over else "projection_within"
    return text + _t(key, lang, projected=round(projection.projected))


def deaths_phrase(summary: Mapping[str, Any], lang: str = "zh") -> str:
    """"死亡170人（含失踪4人）" — the missing named where there are any."""
    deaths, missing = int(summary["deaths_incl_missing"]), int(summary.get("missing") or 0)
    if missing:
        return _t("acc.deaths_missing", lang, deaths=deaths, missing=missing)
    return _t("acc.deaths", lang, deaths=deaths)


def accidents_headline(summary: Mapping[str, Any], *, start: date, end: date, region_name: str,
                       region_level: str, projection: Any | None = None, has_previous_data: bool = True,
                       lang: str = "zh") -> tuple[str, ...]:
    """The 事故形势 paragraph: counts with 同比 and 较大及以上, the red line, the target. ``summary`` is
    ``metrics.accidents_summary`` (with ``larger_and_above_deaths``)."""
    period, region = period_phrase(start, end, lang), region_phrase(region_name, region_level, lang)
    if summary["accidents"]:
        if summary["deaths_incl_missing"]:
            first = _t("acc.main", lang, period=period, region=region, accidents=summary["accidents"],
                       deaths=deaths_phrase(summary, lang))
        else:
            first = _t("acc.main_no_deaths", lang, period=period, region=region, accidents=summary["accidents"])
        first += (CLAUSE_JOIN[lang] + yoy_clause(summary, has_previous_data, lang)
                  + larger_phrase(summary, has_previous_data, lang) + FULL_STOP[lang])
    else:
        first = _t("acc.none", lang, period=period, region=region)
        previous = summary["previous"]
        if has_previous_data and previous["accidents"]:
            first += _t("acc.none_previous", lang, accidents=previous["accidents"],
                        deaths=previous["deaths_incl_missing"])
        first += FULL_STOP[lang]
    sentences = [first, mom_sentence(summary, lang), red_line_sentence(summary, lang),
                 target_sentence(projection, lang, summary.get("target"))]
    return tuple(s for s in sentences if s)


def closing_sentence(figures: Mapping[str, Any], as_of: date, lang: str = "zh") -> str | None:
    """结案 (issue 18): "期内事故已结案167起，结案率80.3%；截至2026年11月28日，逾期未结案事故15起（事故发生之日起超过
    60天）。" from ``metrics.accidents.investigations``; None with no accident in the period."""
    if not figures["accidents"]:
        return None
    day = i18n.day(as_of, lang)
    closed = _t("acc.closing", lang, closed=figures["closed"], pct=pct_text(figures["closed_rate"]))
    if not figures["open_overdue_stock"]:
        return closed + _t("acc.closing_clear", lang, as_of=day)
    return closed + _t("acc.closing_overdue", lang, as_of=day, n=figures["open_overdue_stock"],
                       days=figures["investigation_days"])


def _count_change(now: int, before: int, previous_zero_key: str, lang: str) -> str:
    """"，同比增加1起" / "，同比持平"; "，上年同期未发生…" for a count new this year; "" when both are 0."""
    if before == 0:
        return _t(previous_zero_key, lang) if now else ""
    return _t("acc.larger_yoy", lang, amount=_t(f"amount.{_direction(now, before)}", lang, n=abs(now - before),
                                                 unit=_t("unit.accidents", lang)))


def notable_sentence(summary: Mapping[str, Any], has_previous_data: bool = True, lang: str = "zh") -> str:
    """较大涉险 and 一般亡人事故 (issue 18; docs/rules.md#accident-grades) with their 同比 in the usual patterns:
    "期内发生较大涉险事故2起，同比增加1起；一般亡人事故5起、死亡6人，同比实现“双下降”，分别减少2起、1人。";
    "期内未发生较大涉险事故，同比减少1起；未发生一般亡人事故（上年同期2起、死亡3人）。"; none of either, now and a
    year earlier: "期内未发生较大涉险事故和一般亡人事故。". ``summary`` is ``metrics.accidents_summary``
    (``risk_involved``, ``fatal_general``, ``fatal_general_deaths`` and the same under ``previous``). Without
    data for last year no 同比 is stated (the 事故形势 sentence says so)."""
    previous = summary["previous"]
    risk, risk_before = int(summary["risk_involved"]), int(previous["risk_involved"])
    fatal, fatal_before = int(summary["fatal_general"]), int(previous["fatal_general"])
    deaths, deaths_before = int(summary["fatal_general_deaths"]), int(previous["fatal_general_deaths"])
    if not risk and not fatal and (not has_previous_data or not (risk_before or fatal_before)):
        return _t("acc.notable_none", lang)
    if risk:
        text = _t("acc.risk", lang, n=risk)
    else:
        text = _t("acc.risk_none", lang)
    if has_previous_data:
        text += _count_change(risk, risk_before, "acc.risk_previous_zero", lang)
    if not fatal:
        text += _t("acc.fatal_none", lang)
        if has_previous_data and fatal_before:
            text += _t("acc.fatal_none_previous", lang, accidents=fatal_before, deaths=deaths_before)
        return text + FULL_STOP[lang]
    text += _t("acc.fatal", lang, n=fatal, deaths=deaths)
    if not has_previous_data:
        return text + FULL_STOP[lang]
    if not fatal_before:
        return text + CLAUSE_JOIN[lang] + _t("acc.fatal_previous_zero", lang) + FULL_STOP[lang]
    from riskdash.metrics import change_pct

    # the same patterns as the period's accidents and deaths (一般亡人: every case has a death, so both bases are set)
    pair = {"accidents": fatal, "deaths_incl_missing": deaths,
            "previous": {"accidents": fatal_before, "deaths_incl_missing": deaths_before},
            "yoy_pct": {"accidents": change_pct(fatal, fatal_before), "deaths": change_pct(deaths, deaths_before)}}
    return text + CLAUSE_JOIN[lang] + yoy_clause(pair, True, lang) + FULL_STOP[lang]


# the four measures of 四不放过 in the order the rule states them (sql/accidents/four_measures.sql)
FOUR_MEASURES = ("cause", "responsible", "measures", "educated")


def four_measures_sentence(figures: Mapping[str, Any], lang: str = "zh") -> str | None:
    """四不放过 (issue 18): of the period's cases closed by the as-of day, how many have all four measures done,
    the others named by what is missing — "期内已结案的20起事故中，“四不放过”措施全部落实17起，未全部落实3起，涉及
    有关人员未受到教育2起、责任人员未处理1起。" (a case may lack several, so the measures need not add up to
    the rest). ``figures``: closed, all_four and missing (measure → cases where it is not done). None with no
    case closed."""
    closed, done = int(figures["closed"]), int(figures["all_four"])
    if not closed:
        return None
    if done == closed:
        return _t("acc.measures_all", lang, closed=closed)
    sep = "、" if lang == "zh" else ", "
    missing = sep.join(_t(f"acc.missing.{m}", lang, n=figures["missing"][m]) for m in FOUR_MEASURES
                       if figures["missing"][m])
    if not done:
        return _t("acc.measures_none", lang, closed=closed, missing=missing)
    return _t("acc.measures_some", lang, closed=closed, done=done, rest=closed - done, missing=missing)


def accidents_title(summary: Mapping[str, Any], has_previous_data: bool = True, lang: str = "zh") -> str:
    """The 事故形势 conclusion: 较大 accidents with their 同比 first, then both measures in the 同比 pattern,
    e.g. "较大事故2起，同比减少2起；事故起数同比上升5.6%、死亡人数下降1.2%（“一升一降”）"."""
    if not summary["accidents"]:
        return _t("acc_title.none", lang)
    prefix = ""
    if summary["larger_and_above"]:
        grades = [g for g in GRADES_HIGH_FIRST if summary["by_grade"][g]]
        name = (i18n.enum_name("grade", grades[0], lang) if len(grades) == 1 else _t("acc.larger_and_above", lang))
        prefix = _t("acc_title.larger", lang, grade=name, n=summary["larger_and_above"],
                    change=_larger_change(summary, lang) if has_previous_data else "")
    if not summary["deaths_incl_missing"]:
        text = _t("acc_title.no_deaths", lang, accidents=summary["accidents"])
        if has_previous_data and summary["previous"]["accidents"]:
            text += CLAUSE_JOIN[lang] + yoy_clause(summary, has_previous_data, lang)
    elif not has_previous_data or not summary["previous"]["accidents"]:
        text = _t("acc_title.no_compare", lang, accidents=summary["accidents"],
                  deaths=summary["deaths_incl_missing"]) + CLAUSE_JOIN[lang] + yoy_clause(summary, has_previous_data, lang)
    else:
        text = yoy_clause(summary, has_previous_data, lang, named=True)
    title = prefix + text
    return title[:1].upper() + title[1:]  # an English title begins with a capital; Chinese is unchanged


# ---------------------------------------------------------------------------------------------- hazards


def rectification_headline(kpis: Mapping[str, Any], stock: Mapping[str, int], *, start: date, end: date,
                           as_of: date, region_name: str, region_level: str, lang: str = "zh") -> tuple[str, ...]:
    """The 隐患治理 paragraph: the period's flow from ``metrics.rectification.rectification_kpis`` (排查, 整改率),
    then what is still open on the as-of day from ``rectification_stock`` — every hazard found on or before it,
    whatever year (docs/rules.md "Flows and stock"). 逾期未整改 counts only hazards not rectified (``overdue_major_unrectified``);
    the overdue count that includes majors rectified and awaiting verification is 逾期未销号. Empty when nothing
    was found in the period (the slide then carries its placeholder)."""
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
    return first, stock_sentence(stock, as_of, lang)


def stock_sentence(stock: Mapping[str, int], as_of: date, lang: str = "zh") -> str:
    """"截至2026年11月28日，尚有逾期未销号隐患843项，其中重大隐患37项（32项逾期未整改、5项已整改待验收）；
    挂牌督办重大隐患未摘牌51项。" from ``metrics.rectification.rectification_stock``."""
    day = i18n.day(as_of, lang)
    supervised = _t("rect.supervised", lang, n=stock["supervised_open"])
    if not stock["overdue"]:
        return _t("rect.stock_clear", lang, as_of=day, supervised=supervised)
    unrectified = stock["overdue_major_unrectified"]
    awaiting = stock["overdue_major"] - unrectified
    if not stock["overdue_major"]:
        major = _t("rect.stock_no_major", lang)
    elif not awaiting:
        major = _t("rect.stock_major_all_unrectified", lang, n=stock["overdue_major"])
    elif not unrectified:
        major = _t("rect.stock_major_all_awaiting", lang, n=stock["overdue_major"])
    else:
        major = _t("rect.stock_major", lang, n=stock["overdue_major"], unrectified=unrectified, awaiting=awaiting)
    return _t("rect.stock", lang, as_of=day, overdue=stock["overdue"], major=major, supervised=supervised)


def rectification_title(kpis: Mapping[str, Any], stock: Mapping[str, int], lang: str = "zh") -> str:
    if not kpis["found"]:
        return _t("rect_title.missing", lang)
    if stock["overdue"]:
        return _t("rect_title.overdue", lang, rate=pct_text(kpis["rate"]), overdue=stock["overdue"])
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
