"""Wording of the Word 通报 and the A4 PDF 通报 (``riskdash.briefing.tongbao``): title, 主送, opening, section
headings, 附件, 落款, 版记, table and figure labels. The sections' own wording comes from the Brief
(``text/briefing_export.py``); the issuer, document number and 抄送 from the settings tongbao_*.
zh first, en complete; every key starts with ``briefing.document.``.
"""

TEXT: dict[str, dict[str, str]] = {
    # title = issuer + 关于 + whole months + 安全生产形势的通报 (GB/T 9704; docs/rules.md#official-wording)
    "briefing.document.title": {
        "zh": "{issuer}关于{period}安全生产形势的通报",
        "en": "{issuer}: work-safety bulletin, {period}",
    },
    # 主送 names the bodies one level down by their kinds and the members of the issuing committee
    "briefing.document.addressee.below": {"zh": "各{kinds}安委会", "en": "{kinds}"},
    "briefing.document.addressee.members": {"zh": "{kind}安委会各成员单位：", "en": "members of the {kind} committee:"},
    "briefing.document.addressee.below.镇": {"zh": "各村（社区）", "en": "villages and communities"},
    "briefing.document.addressee.below.乡": {"zh": "各村（社区）", "en": "villages and communities"},
    "briefing.document.addressee.below.街道": {"zh": "各社区（村）", "en": "communities and villages"},
    "briefing.document.addressee.below.园区": {"zh": "园区各企业", "en": "enterprises of the zone"},
    "briefing.document.addressee.city": {
        "zh": "各县（区、市）安委会，市安委会各成员单位：",
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
        "zh": "现将{period}{cut_off}{region}安全生产形势通报如下：",
        "en": "This bulletin reports the work-safety situation of {region} in {period}{cut_off}:",
    },
    "briefing.document.cut_off": {"zh": "（截至{day}）", "en": " (to {day})"},
    # section headings as in a 通报
    "briefing.document.section.accidents": {"zh": "生产安全事故情况", "en": "Accidents"},
    "briefing.document.section.rectification": {"zh": "隐患排查治理情况", "en": "Hazard rectification"},
    "briefing.document.section.priority": {"zh": "重点部位风险管控情况", "en": "Key sites"},
    "briefing.document.section.townships": {"zh": "乡镇安全生产考核情况", "en": "Townships"},
    "briefing.document.section.next_steps": {"zh": "下一步工作要求", "en": "Next steps"},
    "briefing.document.kpi_table": {"zh": "主要指标", "en": "Key figures"},
    "briefing.document.col.section": {"zh": "类别", "en": "Area"},
    "briefing.document.col.indicator": {"zh": "指标", "en": "Indicator"},
    "briefing.document.col.value": {"zh": "数值", "en": "Value"},
    "briefing.document.formulas": {"zh": "注：{text}。", "en": "Note: {text}."},
    "briefing.document.more_rows": {"zh": "共{total}项，列出前{shown}项。", "en": "{total} in all, first {shown} listed."},
    "briefing.document.table_label": {"zh": "表{n} {title}", "en": "Table {n}. {title}"},
    "briefing.document.figure_label": {"zh": "图{n} {title}", "en": "Figure {n}. {title}"},
    # 附件 (GB/T 9704 7.3.4 and 7.3.5)
    "briefing.document.see_attachment": {"zh": "（详见附件{n}）", "en": " (see attachment {n})"},
    "briefing.document.attachment_note_first": {"zh": "附件：{n}. {title}", "en": "Attachments: {n}. {title}"},
    "briefing.document.attachment_label": {"zh": "附件{n}", "en": "Attachment {n}"},
    # a 下步工作 group whose rows another list prints already, in one row: "共39项，详见附件1"
    "briefing.document.see_list": {"zh": "共{total}项，详见{where}", "en": "{total} in all, see {where}"},
    "briefing.document.table_ref": {"zh": "表{n}", "en": "Table {n}"},
    "briefing.document.issuer": {
        "zh": "{region}安全生产委员会办公室",
        "en": "Office of the Work Safety Committee, {region}",
    },
    # 版记
    "briefing.document.copy_to": {"zh": "抄送：{to}。", "en": "Copied to: {to}."},
    "briefing.document.printed_on": {"zh": "{day}印发", "en": "Issued {day}"},
    "briefing.document.footer_demo": {"zh": "{demo}（非真实数据）", "en": "{demo} (not real figures)"},
}
