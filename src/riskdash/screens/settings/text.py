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
}
