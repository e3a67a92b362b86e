"""The 通报's sentences on the statistical classes and the control targets per class (issue 18; docs/rules.md
"Statistical classes"), in the official register (docs/rules.md#official-wording): no statistics words, 同比 in the usual
patterns (``headline.yoy_clause``), percentages without a trailing ".0", 时间进度 as "超时间进度x个百分点".

Pure: each function takes the frames of ``metrics.classes`` and returns text (None where there is nothing to say).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import pandas as pd

from riskdash import i18n
from riskdash.briefing import headline as hl

CLASSES = ("industrial", "road_traffic", "fire", "railway", "waterway", "fishing", "agricultural_machinery")
# the lines stated inside a class's figure ("其中…"): 工矿商贸's subclasses, 经营性 / 非经营性
SUBLINES = {
    "industrial": ("industrial.coal_mine", "industrial.metal_nonmetal_mine", "industrial.construction",
                   "industrial.hazardous_chemicals", "industrial.fireworks", "industrial.other"),
    "road_traffic": ("road_traffic.commercial", "road_traffic.non_commercial"),
    "fire": ("fire.commercial", "fire.non_commercial"),
}
SEP = {"zh": "；", "en": "; "}
SUB_SEP = {"zh": "，", "en": ", "}


def _t(key: str, lang: str, **values: Any) -> str:
    return i18n.t(key, lang, **values)


def _summary(row: Mapping[str, Any]) -> dict[str, Any]:
    """A line of the class table in the shape ``headline.yoy_clause`` reads."""
    return {"accidents": int(row["accidents"]), "deaths_incl_missing": int(row["deaths_incl_missing"]),
            "previous": {"accidents": int(row["previous_accidents"]),
                         "deaths_incl_missing": int(row["previous_deaths_incl_missing"])},
            "yoy_pct": {"accidents": row["accidents_yoy_pct"], "deaths": row["deaths_yoy_pct"]}}


def _split(frame: pd.DataFrame, lang: str, style: str,
           part: Callable[[dict[str, Mapping[str, Any]], str], str]) -> str | None:
    """The split by class in ``style`` ("brief" for the 通报's sentence, "slide" for the slide's line): ``part`` of each
    class with an accident in the period or a year earlier, then 道路运输 when it had one (already counted in the
    classes); None when the period has no accident."""
    lines = {row["line"]: row for row in frame.to_dict("records")}
    if not lines["total"]["accidents"]:
        return None
    parts = [part(lines, name) for name in CLASSES
             if lines[name]["accidents"] or lines[name]["previous_accidents"]]
    transport = lines["road_transport"]
    if transport["accidents"]:
        parts.append(_t(f"classes.{style}.transport", lang, accidents=int(transport["accidents"]),
                        deaths=int(transport["deaths_incl_missing"])))
    return _t(f"classes.{style}.split", lang, parts=SEP[lang].join(parts))


def class_split_sentence(frame: pd.DataFrame, lang: str = "zh", has_previous_data: bool = True) -> str | None:
    """"分类别看，工矿商贸事故5起、死亡6人（其中煤矿1起、死亡1人，…），同比…；道路交通…；道路运输企业发生事故2起、
    死亡3人（已计入上述类别）。" from ``metrics.classes.accidents_by_class``: each class with an accident in
    the period or a year earlier, its subclasses with an accident; None when the period has no accident."""

    def part(lines: dict[str, Mapping[str, Any]], name: str) -> str:
        row = lines[name]
        what = i18n.enum_name("stat_line", name, lang)
        if not row["accidents"]:
            return _t("classes.brief.part_none", lang, what=what, previous=int(row["previous_accidents"]))
        subs = [_t("classes.brief.sub_part" if lines[sub]["deaths_incl_missing"] else "classes.brief.sub_part_no_death",
                   lang, what=i18n.enum_name("stat_line", sub, lang), accidents=int(lines[sub]["accidents"]),
                   deaths=int(lines[sub]["deaths_incl_missing"]))
                for sub in SUBLINES.get(name, ()) if lines[sub]["accidents"]]
        inner = _t("classes.brief.sub", lang, parts=SUB_SEP[lang].join(subs)) if subs else ""
        change = hl.CLAUSE_JOIN[lang] + hl.yoy_clause(_summary(row), has_previous_data, lang)
        key = "classes.brief.part" if row["deaths_incl_missing"] else "classes.brief.part_no_death"
        return _t(key, lang, what=what, accidents=int(row["accidents"]),
                  deaths=int(row["deaths_incl_missing"]), sub=inner, change=change)

    return _split(frame, lang, "brief", part)


def class_split_line(frame: pd.DataFrame, lang: str = "zh", has_previous_data: bool = True) -> str | None:
    """The accident slide's compact line of ``class_split_sentence``: "分类别：工矿商贸5起、死亡6人（同比+150%、
    +200%）；道路交通…；道路运输企业2起、死亡3人（已计入上述类别）。" — each class with an accident in the period or
    a year earlier, 同比 of its accidents and deaths ("—" without a base; "上年同期无" when it had no accident then;
    none when the data do not reach a year back); None when the period has no accident."""

    def part(lines: dict[str, Mapping[str, Any]], name: str) -> str:
        row = lines[name]
        if not has_previous_data:
            change = ""
        elif not row["previous_accidents"]:
            change = _t("classes.slide.no_previous", lang)
        else:
            change = _t("classes.slide.yoy", lang, accidents=hl.signed_pct_text(row["accidents_yoy_pct"]),
                        deaths=hl.signed_pct_text(row["deaths_yoy_pct"]))
        return _t("classes.slide.part", lang, what=i18n.enum_name("stat_line", name, lang),
                  accidents=int(row["accidents"]), deaths=int(row["deaths_incl_missing"]), change=change)

    return _split(frame, lang, "slide", part)


def _gap(target: Mapping[str, Any], lang: str) -> str:
    """"，超时间进度5.6个百分点" / "，低于时间进度…" / "，与时间进度持平" (the total's words)."""
    gap = round(float(target["used_pct"]) - float(target["time_elapsed_pct"]), 1)
    if gap == 0:
        return i18n.t("briefing.x.target.on_time", lang)
    return i18n.t("briefing.x.target.ahead" if gap > 0 else "briefing.x.target.behind", lang, x=hl.pct_number(gap))


def class_targets_sentence(targets: list[Mapping[str, Any]], lang: str = "zh") -> str | None:
    """"分类控制指标方面，工矿商贸死亡6人，占全年控制指标（10人）的60%，超时间进度10.4个百分点；较大及以上事故1起，
    已突破全年控制指标（0起）。" from ``metrics.classes.class_targets``; None when no class target is set."""
    if not targets:
        return None
    parts = []
    for target in targets:
        kind = "larger" if target["target_class"] == "larger_accidents" else "deaths"
        values = {"what": i18n.enum_name("target_class", target["target_class"], lang), "used": target["used"],
                  "target": target["target"]}
        if kind == "larger":
            values.pop("what")
        if target["level"] == "over":
            parts.append(_t(f"classes.brief.target_{kind}_over", lang, **values))
        elif target["used_pct"] is None:  # a target of 0 not reached: nothing to take a share of
            parts.append(_t(f"classes.brief.target_{kind}_zero", lang,
                            **({"what": values["what"]} if kind == "deaths" else {})))
        else:
            parts.append(_t(f"classes.brief.target_{kind}", lang, **values,
                            used_pct=hl.pct_number(float(target["used_pct"])) + "%", gap=_gap(target, lang)))
    return _t("classes.brief.targets", lang, parts=SEP[lang].join(parts))


def rate_number(value: float) -> str:
    """A rate or its ceiling as a document prints it: at most three decimals, no trailing zeros ("0.025", "1.2",
    "2"); a rate below 0.001 but above 0 keeps its first significant digit ("0.0004")."""
    if value and abs(value) < 0.001:
        text = f"{value:.1g}"
        return f"{float(text):f}".rstrip("0").rstrip(".")
    text = f"{value:.3f}".rstrip("0").rstrip(".")
    return text or "0"


def ceiling_number(value: float) -> str:
    """A rate target's ceiling as entered (up to six decimals, no trailing zeros: "0.0511", "2"): the figure the
    level above issued, never rounded off."""
    return f"{value:.6f}".rstrip("0").rstrip(".") or "0"


def rate_targets_sentence(targets: list[Mapping[str, Any]], lang: str = "zh") -> str | None:
    """"相对指标控制方面，亿元GDP生产安全事故死亡率0.012，占全年控制指标（0.025）的48%，低于时间进度1.6个百分点；…。"
    from ``metrics.classes.rate_targets`` (issue 18, "rate targets … each with 时间进度"); None when none is set."""
    if not targets:
        return None
    parts = []
    for target in targets:
        values = {"what": i18n.enum_name("rate_indicator", target["indicator"], lang),
                  "target": ceiling_number(float(target["target"]))}
        if target["level"] == "unknown":
            parts.append(_t("rates.brief.target_unknown", lang, **values, year=target["year"]))
            continue
        values["rate"] = rate_number(float(target["rate"]))
        if target["level"] == "over":
            parts.append(_t("rates.brief.target_over", lang, **values))
        elif target["used_pct"] is None:  # a ceiling of 0 not reached
            parts.append(_t("rates.brief.target_zero", lang, what=values["what"]))
        else:
            parts.append(_t("rates.brief.target", lang, **values,
                            used_pct=hl.pct_number(float(target["used_pct"])) + "%", gap=_gap(target, lang)))
    return _t("rates.brief.targets", lang, parts=SEP[lang].join(parts))
