"""The overview screen's words (zh and en): its headings, scope lines and detail tables. The KPI and target
words it shares with the briefing (kpi.*, target.*) stay in riskdash.i18n."""

TEXT: dict[str, dict[str, str]] = {
    "overview.subtitle": {
        "zh": "{period}与上年同期（{previous}）对比 · {region} · {sector}",
        "en": "{period} against the same dates last year ({previous}) · {region} · {sector}",
    },
    "overview.accidents": {"zh": "事故形势", "en": "Accidents"},
    "overview.accidents_scope": {
        "zh": "统计期 {period}（上年同期 {previous}）· {region}（含下辖地区，按事故发生地）· {sector} · 数据截至{as_of}",
        "en": "{period} (same dates last year: {previous}) · {region} and below (where the accident happened) "
        "· {sector} · data as of {as_of}",
    },
    "overview.hazards": {"zh": "隐患排查治理", "en": "Hazard inspection and rectification"},
    "overview.hazards_scope": {
        "zh": "统计期内排查的隐患，按截至{as_of}的整改状态 · {period} · {region}（按企业所在地）· {sector}",
        "en": "Hazards found in {period}, as they stood on {as_of} · {region} (by the enterprise's region) "
        "· {sector}",
    },
    "overview.rate_formula": {
        "zh": "整改率 = (已整改（一般）+ 已整改销号（重大））÷ 排查隐患数 = ({general} + {major}) ÷ {found}。"
        "重大隐患须验收销号才算整改完成；分母为 0 时显示“—”。",
        "en": "Rectification rate = (general hazards rectified + major hazards closed after verification) "
        "÷ hazards found = ({general} + {major}) ÷ {found}. A major hazard counts only when verified and "
        "closed (整改销号); “—” where nothing was found.",
    },
    "overview.sites": {"zh": "逾期、督办与重点部位", "en": "Overdue, supervised and key sites"},
    "overview.sites_scope": {
        "zh": "隐患：截至{as_of}尚未销号、摘牌的存量（不论哪年排查，不限于{period}）· 重点部位：台账现状（不按行业筛选）"
        "· {region} · 数据截至{as_of_data}",
        "en": "Hazards: the stock still open on {as_of}, whatever year they were found (not only {period}) · key "
        "sites: the ledger as it stands (not filtered by sector) · {region} · data as of {as_of_data}",
    },
    "overview.trend_empty": {"zh": "近24个月没有事故记录", "en": "no accident in the last 24 months"},
    "overview.ranking_empty": {"zh": "统计期内各乡镇均未排查出隐患", "en": "no township has hazards found in the period"},
    "overview.detail": {"zh": "明细", "en": "Detail"},
    "overview.detail_accidents": {"zh": "事故分级（本期与上年同期）", "en": "Accidents by grade (this period and last year)"},
    "overview.detail_hazards": {"zh": "隐患分级整改情况", "en": "Hazard rectification by grade"},
    "detail.grade": {"zh": "等级", "en": "Grade"},
    "detail.this_period": {"zh": "本期（起）", "en": "This period"},
    "detail.last_year": {"zh": "上年同期（起）", "en": "Same dates last year"},
    "detail.yoy": {"zh": "同比", "en": "Year on year"},
    "detail.total": {"zh": "合计", "en": "Total"},
    "detail.deaths": {"zh": "死亡（含失踪）（人）", "en": "Deaths incl. missing"},
    "detail.serious": {"zh": "重伤（人）", "en": "Serious injuries"},
    "detail.loss": {"zh": "直接经济损失（万元）", "en": "Direct loss (10,000 yuan)"},
    "detail.hazard_grade": {"zh": "隐患等级", "en": "Hazard grade"},
    "detail.found": {"zh": "排查（项）", "en": "Found"},
    "detail.done": {"zh": "已整改/销号（项）", "en": "Rectified / closed"},
    "detail.rate": {"zh": "整改率", "en": "Rate"},
    "detail.overdue": {"zh": "逾期（项）", "en": "Overdue"},
    "detail.overdue_of_period": {"zh": "本期排查中逾期（项）", "en": "Of these, overdue"},
}
