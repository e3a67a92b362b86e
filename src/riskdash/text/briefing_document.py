"""Wording of the Word 通报 and the A4 PDF 通报 (``riskdash.briefing.tongbao``): title, 主送, opening, 落款,
table and figure labels, the footer. The sections' own wording comes from the Brief (``text/briefing_export.py``).
zh first, en complete; every key starts with ``briefing.document.``.
"""

TEXT: dict[str, dict[str, str]] = {
    "briefing.document.title": {
        "zh": "关于{period}{region}安全生产形势的通报",
        "en": "Work-safety bulletin: {region}, {period}",
    },
    "briefing.document.subtitle": {"zh": "（数据截至{day}）", "en": "(data as of {day})"},
    # 主送 names the bodies one level down and the members of the issuing committee
    "briefing.document.addressee.city": {
        "zh": "各县（市、区）安委会，市安委会各成员单位：",
        "en": "To the safety committees of the counties and districts and the members of the city safety committee:",
    },
    "briefing.document.addressee.county": {
        "zh": "各乡镇（街道）安委会，县安委会各成员单位：",
        "en": "To the township safety committees and the members of the county safety committee:",
    },
    "briefing.document.addressee.township": {
        "zh": "各村（社区），镇安委会各成员单位：",
        "en": "To the villages and communities and the members of the township safety committee:",
    },
    "briefing.document.opening": {
        "zh": "现将{period}{region}安全生产形势通报如下。",
        "en": "This bulletin reports the work-safety situation of {region} in {period}.",
    },
    "briefing.document.kpi_table": {"zh": "主要指标", "en": "Key figures"},
    "briefing.document.col.section": {"zh": "类别", "en": "Area"},
    "briefing.document.col.indicator": {"zh": "指标", "en": "Indicator"},
    "briefing.document.col.value": {"zh": "数值", "en": "Value"},
    "briefing.document.scope_note": {
        "zh": "注：{region}，{period}，数据截至{day}。",
        "en": "Note: {region}, {period}, data as of {day}.",
    },
    "briefing.document.formulas": {"zh": "口径：{text}", "en": "Formulas: {text}"},
    "briefing.document.more_rows": {"zh": "共{total}项，列出前{shown}项。", "en": "{total} in all, first {shown} listed."},
    "briefing.document.table_label": {"zh": "表{n} {title}", "en": "Table {n}. {title}"},
    "briefing.document.figure_label": {"zh": "图{n} {title}", "en": "Figure {n}. {title}"},
    "briefing.document.issuer": {
        "zh": "{region}安全生产委员会办公室",
        "en": "Office of the Work Safety Committee, {region}",
    },
    "briefing.document.footer_demo": {"zh": " · {demo}（非真实数据）", "en": " · {demo} (not real figures)"},
}
