"""Text of the 月报表 as a statistics form (统计报表, docs/rules.md#statistics-forms): the .xlsx the 隐患治理 screen's button and
``riskdash form monthly`` write. zh is what the office files; en is the visitor's reading of the same form."""

TEXT: dict[str, dict[str, str]] = {
    "monthly_form.title": {
        "zh": "工矿企业安全生产事故隐患排查治理情况月报表",
        "en": "Monthly form of hazard investigation and rectification at industrial, mining and trade enterprises",
    },
    "monthly_form.sheet": {"zh": "月报表", "en": "Monthly form"},
    # the top-right block of a statistics form; values from settings (form_*)
    "monthly_form.table_no": {"zh": "表　　号：{value}", "en": "Form no.: {value}"},
    "monthly_form.issuer": {"zh": "制定机关：{value}", "en": "Issued by: {value}"},
    "monthly_form.approval_no": {"zh": "批准文号：{value}", "en": "Approval no.: {value}"},
    "monthly_form.valid_until": {"zh": "有效期至：{value}", "en": "Valid until: {value}"},
    "monthly_form.unit": {"zh": "填报单位（盖章）：{unit}", "en": "Reporting unit (seal): {unit}"},
    "monthly_form.report_period": {"zh": "报告期：{month}", "en": "Report period: {month}"},
    "monthly_form.cumulative": {
        "zh": "累计期间：{start}至{as_of}",
        "en": "Cumulative: {start} to {as_of}",
    },
    # 栏次: the row under the headers that numbers the columns (甲 for the row names, then 1, 2, …)
    "monthly_form.column_label": {"zh": "甲", "en": "A"},
    "monthly_form.total": {"zh": "合计", "en": "Total"},
    # the notes under the table, numbered in order (1. 2. …)
    "monthly_form.notes": {"zh": "说明：{items}", "en": "Notes: {items}"},
    "monthly_form.note_period": {
        "zh": "本表数据为当年1月1日至{as_of}累计数，统计截至{as_of}。",
        "en": "Figures are cumulative from 1 January to {as_of}, as of {as_of}.",
    },
    "monthly_form.note_sectors": {
        "zh": "本表只填报工矿商贸行业领域（{sectors}）",
        "en": "Only the industrial, mining and trade sectors ({sectors})",
    },
    "monthly_form.note_others": {
        "zh": "{others}等行业领域的隐患由行业主管部门另表填报",
        "en": "hazards of {others} are reported by their departments on their own forms",
    },
    "monthly_form.note_rates": {
        "zh": "重大事故隐患经验收销号方为已整改销号；当期排查为0的，整改率填“—”。",
        "en": "A major hazard counts as closed only when verified; a rate with nothing found is “—”.",
    },
    "monthly_form.note_checked": {
        "zh": "排查治理的生产经营单位为统计期内有检查记录（含企业自查）或排查出隐患的企业。",
        "en": "Enterprises that checked: with an inspection (self-checks included) or a hazard found in the period.",
    },
    # the signature block; left blank for the signatures and the date the form is sent
    "monthly_form.head": {"zh": "单位负责人：", "en": "Head of unit:"},
    "monthly_form.statistics_head": {"zh": "统计负责人：", "en": "Head of statistics:"},
    "monthly_form.filled_by": {"zh": "填表人：", "en": "Filled in by:"},
    "monthly_form.phone": {"zh": "联系电话：", "en": "Telephone:"},
    "monthly_form.sent_on": {"zh": "报出日期：　　　　年　　月　　日", "en": "Sent on: ____ / __ / __"},
    # 重大隐患判定依据 (issue 18, schema 26): the form's list of major hazards, a sheet of its own
    "monthly_form.majors_sheet": {"zh": "重大隐患清单", "en": "Major hazards"},
    "monthly_form.majors_title": {
        "zh": "重大事故隐患清单（{start}至{end}排查，截至{as_of}）",
        "en": "Major hazards found from {start} to {end}, as of {as_of}",
    },
    "monthly_form.majors_col_hazard": {"zh": "隐患编号", "en": "Hazard"},
    "monthly_form.majors_col_enterprise": {"zh": "企业", "en": "Enterprise"},
    "monthly_form.majors_col_county": {"zh": "县（市、区）", "en": "County"},
    "monthly_form.majors_col_township": {"zh": "乡镇（街道）", "en": "Township"},
    "monthly_form.majors_col_sector": {"zh": "行业", "en": "Sector"},
    "monthly_form.majors_col_found_on": {"zh": "排查日期", "en": "Found on"},
    "monthly_form.majors_col_basis": {"zh": "判定依据", "en": "Judged by"},
    "monthly_form.majors_col_closed": {"zh": "整改销号", "en": "Closed"},
    "monthly_form.majors_closed": {"zh": "已整改销号", "en": "closed"},
    "monthly_form.majors_open": {"zh": "未销号", "en": "open"},
    "monthly_form.majors_empty": {"zh": "统计期内未排查出重大事故隐患", "en": "No major hazard found in the period"},
    "monthly_form.file_name": {"zh": "隐患排查治理月报表_{month}.xlsx", "en": "hazard-monthly-form_{month}.xlsx"},
}
