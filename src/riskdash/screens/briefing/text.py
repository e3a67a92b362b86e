"""Interface text of the briefing screen (汇报) and its presentation mode: zh first, en complete."""

TEXT: dict[str, dict[str, str]] = {
    # ------------------------------------------------------------------------------------------ screen
    "briefing.subtitle": {
        "zh": "安全生产形势汇报：{period} · {region}（含下辖地区）· {sector} · 数据截至{as_of}。"
        "幻灯片按安全生产会议的顺序排列，导出文件与本页内容一致。",
        "en": "Work-safety briefing: {period} · {region} and below · {sector} · data as of {as_of}. The slides "
        "follow the order of a safety meeting; the exported files hold the same content.",
    },
    "briefing.present": {"zh": "进入演示模式", "en": "Start presentation"},
    # a shorter header in the preview's grid at 1024 px (the full one is its tooltip; the files keep it)
    "briefing.short.enterprise": {"zh": "企业", "en": "Firm"},
    "briefing.short.days_overdue": {"zh": "逾期天数", "en": "Days late"},
    "briefing.short.supervision": {"zh": "挂牌督办", "en": "Listing"},
    "briefing.present_help": {
        "zh": "全屏放映：隐藏侧边栏，大字号，每页一个结论。用 → / ← 、PageDown / PageUp（翻页笔）或空格翻页，"
        "Esc 退出；按 F11 让浏览器全屏。刷新页面仍停留在当前页。",
        "en": "Full screen for a projector: sidebar hidden, large type, one message per slide. Page with → / ←, "
        "PageDown / PageUp (a presenter's clicker) or space; Esc leaves; F11 makes the browser full screen. "
        "Reloading keeps the slide.",
    },
    "briefing.downloads": {"zh": "导出", "en": "Export"},
    "briefing.downloads_scope": {
        "zh": "按当前筛选条件生成（{period} · {region} · 数据截至{as_of}）；点击后生成文件并下载。",
        "en": "Made for the current filters ({period} · {region} · data as of {as_of}); the file is built when "
        "you click.",
    },
    "briefing.file_slides": {"zh": "安全生产形势分析演示文稿", "en": "Work-safety briefing slides"},
    "briefing.file_report": {"zh": "安全生产形势通报", "en": "Work-safety briefing"},
    "briefing.download_pptx": {"zh": "下载演示文稿（PPTX）", "en": "Download slides (PPTX)"},
    "briefing.download_docx": {"zh": "下载通报（Word）", "en": "Download 通报 (Word)"},
    "briefing.download_pdf": {"zh": "下载通报（PDF）", "en": "Download 通报 (PDF)"},
    "briefing.export_failed": {
        "zh": "{format} 文件生成失败：{message}",
        "en": "Could not build the {format} file: {message}",
    },
    "briefing.preview": {"zh": "幻灯片预览", "en": "Slide preview"},
    "briefing.preview_scope": {
        "zh": "共 {count} 页，按安全生产会议的顺序：封面 → {sections}。每页标题即该页结论。",
        "en": "{count} slides in the order of a safety meeting: title → {sections}. Each slide's title is its "
        "conclusion.",
    },
    "briefing.slide_label": {"zh": "第 {number} 页", "en": "Slide {number}"},
    "briefing.cover": {"zh": "封面", "en": "Title"},
    "briefing.cover_period": {"zh": "统计期：{period}", "en": "Period: {period}"},
    "briefing.cover_as_of": {"zh": "数据截至{as_of}", "en": "Data as of {as_of}"},
    "briefing.cover_contents": {"zh": "汇报内容：{sections}", "en": "Contents: {sections}"},
    "briefing.making_charts": {"zh": "正在生成{what}：绘制图表（{count}幅）……",
                               "en": "Making the {what}: drawing the charts ({count})…"},
    "briefing.making_write": {"zh": "正在生成{what}：排版文件……", "en": "Making the {what}: laying out the file…"},
    "briefing.made": {"zh": "{what}已生成，浏览器开始下载。", "en": "The {what} is made; your browser downloads it."},
    "briefing.make_failed": {"zh": "{what}生成失败，请重试或联系管理员。",
                             "en": "The {what} could not be made; try again or tell the administrator."},
    "briefing.what_docx": {"zh": "Word 通报", "en": "Word 通报"},
    "briefing.what_pdf": {"zh": "PDF 通报", "en": "PDF 通报"},
    "briefing.building": {"zh": "正在根据当前筛选条件生成汇报内容……", "en": "Building the briefing for these filters…"},
    "briefing.brief_failed": {
        "zh": "生成汇报内容时出错：{message}",
        "en": "Could not build the briefing: {message}",
    },
    # ------------------------------------------------------------------------------------------ presentation
    "briefing.previous": {"zh": "上一页", "en": "Previous"},
    "briefing.next": {"zh": "下一页", "en": "Next"},
    "briefing.exit": {"zh": "退出演示", "en": "Leave"},
    "briefing.keys": {
        "zh": "翻页：→ / ←、PageDown / PageUp、空格；Esc 退出；F11 浏览器全屏",
        "en": "Keys: → / ←, PageDown / PageUp, space; Esc leaves; F11 browser full screen",
    },
    "briefing.col.kind": {"zh": "事项", "en": "Item"},
    "briefing.col.object": {"zh": "对象", "en": "Subject"},
    "briefing.col.unit": {"zh": "责任单位", "en": "Responsible unit"},
    "briefing.col.due": {"zh": "完成时限", "en": "Due"},
    # the 完成时限 of each kind of work item on the next-steps slide
    "briefing.due.overdue_major": {"zh": "立即整改销号（{detail}）", "en": "At once ({detail})"},
    "briefing.due.unfiled": {"zh": "下次例会前完成备案（{detail}）", "en": "Filed before the next meeting ({detail})"},
    "briefing.due.uninspected": {"zh": "下次例会前完成检查（{detail}）", "en": "Inspected before the next meeting ({detail})"},
    "briefing.footer": {
        "zh": "{region} · {period} · 数据截至{as_of}",
        "en": "{region} · {period} · data as of {as_of}",
    },
}
