"""Interface text of the priority-sites screen (重点部位 / 较大事故风险): zh first, en complete."""

TEXT: dict[str, dict[str, str]] = {
    # ------------------------------------------------------------------------------------------ reasons
    "priority.reason.overdue_major": {"zh": "{n}项重大隐患逾期未销号", "en": "{n} major hazard(s) overdue, not closed"},
    "priority.reason.open_major": {"zh": "{n}项重大隐患整改中未销号", "en": "{n} major hazard(s) open, within the deadline"},
    "priority.reason.supervised_major": {
        "zh": "{n}项挂牌督办重大隐患未销号", "en": "{n} major hazard(s) under listed supervision (挂牌督办), open",
    },
    "priority.reason.overdue_general": {"zh": "{n}项一般隐患逾期未整改", "en": "{n} general hazard(s) overdue"},
    "priority.reason.accidents": {
        "zh": "近{years}年发生{grade}事故{n}起", "en": "{n} {grade} accident(s) in the last {years} years",
    },
    "priority.reason.deaths": {
        "zh": "近{years}年事故死亡（含失踪）{n}人", "en": "{n} death(s) (incl. missing) in the last {years} years",
    },
    "priority.reason.sector_high": {
        "zh": "高危行业：{sector}（固有风险{risk}）", "en": "High-risk sector: {sector} (inherent risk {risk})",
    },
    "priority.reason.sector": {"zh": "行业：{sector}（固有风险{risk}）", "en": "Sector: {sector} (inherent risk {risk})"},
    "priority.reason.sites": {
        "zh": "{n}处重点部位监控措施未落实", "en": "{n} key site(s) without monitoring measures in place",
    },
    "priority.reason.employees": {"zh": "从业人员{n}人", "en": "{n} employees"},
    "priority.reason.uninspected": {
        "zh": "距上次监管检查{days}天", "en": "{days} days since the last supervisory inspection",
    },
    "priority.reason.never_inspected": {
        "zh": "从未受监管检查（按{days}天计）", "en": "Never inspected by a supervising level (counted as {days} days)",
    },
}
