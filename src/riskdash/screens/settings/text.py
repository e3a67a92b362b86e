"""设置 Settings: the reference-data editor."""

TEXT = {
    "settings.intro": {
        "zh": "这些是本地规则：各地标准不同，因此作为可修改的设置保存在数据库中，而不是写死在程序里。"
        "每项设置的含义见“说明”列。",
        "en": "These are local rules: they differ between provinces, so they are settings stored in the database, "
        "never constants in the program. What each one means: its description column.",
    },
    "settings.how": {
        "zh": "在表格中修改或在末尾添加行，然后点击“保存”：修改内容按与文件导入相同的规则校验（更新模式），"
        "全部通过才写入，并记入操作日志。本页面不提供删除行；修改主键列等于新增一行。",
        "en": "Edit cells or add rows at the end, then press Save: the table is checked with the same rules as a file "
        "import (upsert mode) and written only if every row passes, with an audit-log entry. Deleting rows is "
        "not offered on this screen; changing a key column adds a new row.",
    },
    "settings.tab.scope": {
        "zh": "{title}：当前共 {rows} 行（数据库中的现值）",
        "en": "{title}: {rows} rows stored now (the database's current values)",
    },
    "settings.save": {"zh": "保存", "en": "Save"},
    "settings.actor": {"zh": "操作人", "en": "Changed by"},
    "settings.unchanged": {"zh": "没有修改，未写入任何内容。", "en": "Nothing was changed; nothing was written."},
    "settings.failed": {
        "zh": "{rows} 行中有 {total} 处问题，未写入任何内容：",
        "en": "{total} problems in {rows} rows; nothing was written:",
    },
    "settings.saved": {
        "zh": "{title} 已保存：新增 {inserted} 行，修改 {updated} 行，未变 {unchanged} 行。",
        "en": "{title} saved: {inserted} rows added, {updated} changed, {unchanged} unchanged.",
    },
    "settings.add.heading": {"zh": "添加设置项", "en": "Add a setting"},
    "settings.add.pick": {"zh": "设置项（表中尚无的）", "en": "Setting (not yet in the table)"},
    "settings.add.value": {"zh": "值", "en": "Value"},
    "settings.add.submit": {"zh": "添加并保存", "en": "Add and save"},
    "settings.add.none": {
        "zh": "所有设置项都已在上表中；修改数值请直接编辑上表后点击“保存”。",
        "en": "Every setting is in the table above; to change a value, edit it there and press Save.",
    },
    "settings.col.row": {"zh": "表格行", "en": "Table row"},
    "settings.col.column": {"zh": "列", "en": "Column"},
    "settings.col.value": {"zh": "值", "en": "Value"},
    "settings.col.expected": {"zh": "应为", "en": "Expected"},
    # the editors' English column labels (issue 17 item 10; the Chinese ones are the import headers, the
    # stored column names stay the keys): settings.label.<column name>
    "settings.label.key": {"zh": "设置项", "en": "Setting"},
    "settings.label.value": {"zh": "值", "en": "Value"},
    "settings.label.description_zh": {"zh": "说明", "en": "Description (Chinese)"},
    "settings.label.description_en": {"zh": "英文说明", "en": "Description"},
    "settings.label.component": {"zh": "评分项", "en": "Component"},
    "settings.label.weight": {"zh": "权重", "en": "Weight"},
    "settings.label.unit_zh": {"zh": "单位", "en": "Unit (Chinese)"},
    "settings.label.level": {"zh": "风险等级", "en": "Level"},
    "settings.label.min_score": {"zh": "分数下限", "en": "Lowest score"},
    # shorter headers where the full one would push the editor past the page at 1024×768 (issue 17 item 7; the full
    # one is the column's tooltip), and the themed views of an editor that cannot fit whole
    "settings.short.inherent_risk": {"zh": "固有风险", "en": "Inherent risk"},
    "settings.short.industrial_employed": {"zh": "就业人员", "en": "Employed"},
    "settings.short.motor_vehicles": {"zh": "机动车", "en": "Vehicles"},
    "settings.short.unit_zh": {"zh": "单位", "en": "Unit"},
    "settings.short.description_zh": {"zh": "说明", "en": "Chinese"},
    "settings.view.label": {"zh": "显示列", "en": "Columns"},
    "settings.view.values": {"zh": "值与说明", "en": "Values"},
    "settings.view.keys": {"zh": "设置项与中文说明", "en": "Keys and Chinese"},
    "settings.view.english": {"zh": "英文标题", "en": "English"},
    "settings.view.chinese": {"zh": "判定标准与条款", "en": "Chinese"},
    "settings.view.in_english": {"zh": "英文", "en": "English"},
    "settings.view.in_chinese": {"zh": "中文", "en": "Chinese"},
    "settings.view.names": {"zh": "名称与别名", "en": "Names"},
    "settings.view.class": {"zh": "类别与风险", "en": "Class and risk"},
    "settings.view.pending": {"zh": "有未保存的修改：保存后可切换显示列。",
                              "en": "Unsaved changes: save them to switch columns."},
    "settings.label.code": {"zh": "代码", "en": "Code"},
    "settings.label.name_zh": {"zh": "名称", "en": "Name (Chinese)"},
    "settings.label.name_en": {"zh": "英文名称", "en": "Name"},
    "settings.label.aliases": {"zh": "别名", "en": "Aliases"},
    "settings.label.stat_class": {"zh": "统计类别", "en": "Statistical class"},
    "settings.label.inherent_risk": {"zh": "固有风险系数", "en": "Inherent risk"},
    "settings.label.is_high_risk": {"zh": "高危行业", "en": "High-risk"},
    "settings.label.sort_order": {"zh": "排序", "en": "Order"},
    "settings.label.year": {"zh": "年度", "en": "Year"},
    "settings.label.region_code": {"zh": "区划代码", "en": "Region code"},
    "settings.label.max_deaths": {"zh": "死亡人数控制指标", "en": "Death limit"},
    "settings.label.target_class": {"zh": "指标类别", "en": "Target class"},
    "settings.label.max_count": {"zh": "控制指标", "en": "Limit"},
    "settings.label.indicator": {"zh": "相对指标", "en": "Rate"},
    "settings.label.max_rate": {"zh": "控制指标", "en": "Ceiling"},
    "settings.label.gdp_yi": {"zh": "地区生产总值（亿元）", "en": "GDP (100M yuan)"},
    "settings.label.industrial_employed": {"zh": "工矿商贸就业人员", "en": "Industrial employed"},
    "settings.label.motor_vehicles": {"zh": "机动车保有量", "en": "Motor vehicles"},
    "settings.label.coal_output_wan_t": {"zh": "煤炭产量（万吨）", "en": "Coal (10k t)"},
    "settings.label.item_code": {"zh": "项目代码", "en": "Item code"},
    "settings.label.item_group": {"zh": "项目类别", "en": "Group"},
    "settings.label.applies_to": {"zh": "适用范围", "en": "Applies to"},
    "settings.label.sector": {"zh": "行业", "en": "Sector"},
    "settings.label.standard_zh": {"zh": "判定标准", "en": "Standard (Chinese)"},
    "settings.label.title_zh": {"zh": "条款标题", "en": "Title (Chinese)"},
    "settings.label.title_en": {"zh": "英文标题", "en": "Title"},
}
