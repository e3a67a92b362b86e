"""数据管理 Data management: the import problems (also the CLI's wording, in English) and the screen."""

TEXT = {
    # ------------------------------------------------------------------------------------------ problems
    # what was expected, per problem code (riskdash.importer.core.Problem.code)
    "data.problem.no_file": {"zh": "找不到该文件", "en": "no such file"},
    "data.problem.empty": {"zh": "文件为空（没有表头和数据）", "en": "the file is empty (expected a header row and data rows)"},
    "data.problem.header_only": {"zh": "只有表头，没有数据行", "en": "the file has a header but no data rows"},
    "data.problem.xlsx_as_csv": {
        "zh": "这是 Excel 文件而不是 CSV：请把扩展名改为 .xlsx",
        "en": "this is an Excel workbook, not CSV: name it .xlsx",
    },
    "data.problem.encoding_utf16": {
        "zh": "文件为 UTF-16 编码：请另存为 UTF-8 或 GBK 编码的 CSV",
        "en": "the file is UTF-16 text: save it as CSV in UTF-8 or GBK",
    },
    "data.problem.encoding_binary": {
        "zh": "文件含有空字节，不是文本 CSV：请另存为 UTF-8 或 GBK 编码的 CSV，或使用 .xlsx",
        "en": "the file holds NUL bytes and is not CSV text: save it as CSV in UTF-8 or GBK, or use .xlsx",
    },
    "data.problem.encoding_unknown": {
        "zh": "无法按 UTF-8、带 BOM 的 UTF-8、GBK 或 GB18030 读取：请另存为 UTF-8 或 GBK 编码的 CSV",
        "en": "cannot be read as UTF-8, UTF-8 with BOM, GBK or GB18030: save it as CSV in UTF-8 or GBK",
    },
    "data.problem.csv_broken": {
        "zh": "CSV 格式错误（{message}），可能是引号未闭合或文件被截断",
        "en": "broken CSV ({message}): an unclosed quote or a cut-off file",
    },
    "data.problem.field_too_long": {
        "zh": "有一个字段超过{limit}个字符（任何一项数据最多{text_max}个字符），已停止读取",
        "en": "a field of more than {limit} characters (a value holds at most {text_max})",
    },
    "data.problem.line_too_long": {
        "zh": "有一行超过{limit}个字符，已停止读取：文件可能不是 CSV，或缺少换行",
        "en": "a line of more than {limit} characters: not a CSV file, or its line breaks are missing",
    },
    "data.problem.too_many_rows": {
        "zh": "数据超过{limit}行：请拆分为多个文件分别导入",
        "en": "more than {limit} rows: split the file",
    },
    "data.problem.xlsx_too_big": {
        "zh": "Excel 文件解压后有 {size}，超过 {limit} 的上限：未读取",
        "en": "the workbook unpacks to {size}, more than {limit}: refused unread",
    },
    "data.problem.xlsx_bomb": {
        "zh": "其中的 {member} 解压后膨胀超过{ratio}倍（由 {packed} 变为 {size}），疑为压缩炸弹：未读取",
        "en": "{member} expands more than {ratio} times ({size} from {packed}): refused unread as a "
              "possible zip bomb",
    },
    "data.problem.xlsx_cell_too_big": {
        "zh": "其中的 {member} 含有超过{limit}字节的单元格或标记（任何一项数据最多{text_max}个字符）：未读取",
        "en": "{member} holds a cell or tag of more than {limit} bytes (a value holds at most {text_max} "
              "characters): refused unread",
    },
    "data.problem.quote_unclosed": {
        "zh": "本行开始的引号直到文件末尾都没有闭合（文件可能被截断）",
        "en": "a quote opened in this row is never closed (the file may be cut off)",
    },
    "data.problem.xlsx_broken": {"zh": "无法打开 Excel 文件（{message}）", "en": "cannot open the workbook ({message})"},
    "data.problem.xlsx_no_sheet": {
        "zh": "没有名为“{sheet}”的工作表（现有：{sheets}）",
        "en": "no sheet named {sheet!r} (the workbook has: {sheets})",
    },
    "data.problem.header_twice": {
        "zh": "两个表头“{first}”和“{second}”都对应列 {column}，请删去一个",
        "en": "headers {first!r} and {second!r} both name column {column}; keep one",
    },
    "data.problem.wrong_delimiter": {
        "zh": "列之间用的是“{delimiter}”而不是英文逗号：请另存为逗号分隔的 CSV",
        "en": "columns are separated by {delimiter!r}, not commas: save the file as comma-separated CSV",
    },
    "data.problem.no_known_header": {
        "zh": "第1行没有可识别的列名（读到：{header}）；表头须为导入说明中的英文列名或中文列名",
        "en": "row 1 names no known column (found: {header}); the header must use the column names or "
        "Chinese headers of docs/import.md",
    },
    "data.problem.field_count": {
        "zh": "该行有{found}个字段，表头有{expected}个：该行可能被截断或多了分隔符",
        "en": "the row has {found} fields, the header {expected}: the line is cut off or has a stray comma",
    },
    "data.problem.missing_column": {
        "zh": "缺少必填列（{zh}）",
        "en": "a required column is missing ({zh})",
    },
    "data.problem.required": {"zh": "必填，不能为空", "en": "a value (required)"},
    "data.problem.int": {"zh": "应为整数", "en": "a whole number"},
    "data.problem.number": {"zh": "应为数字", "en": "a number"},
    "data.problem.date": {
        "zh": "应为日期，如 2024-03-05、2024/3/5 或 2024年3月5日",
        "en": "a date such as 2024-03-05, 2024/3/5 or 2024年3月5日",
    },
    "data.problem.datetime": {
        "zh": "应为日期或日期时间，如 2024-03-05 或 2024-03-05 08:30",
        "en": "a date, or a date and time, such as 2024-03-05 or 2024-03-05 08:30",
    },
    "data.problem.date_range": {"zh": "日期应在1900年至2100年之间", "en": "a date between 1900 and 2100"},
    "data.problem.bool": {"zh": "应为 是/否", "en": "yes or no (是/否, true/false, 1/0)"},
    "data.problem.enum": {"zh": "应为以下之一：{allowed}", "en": "one of: {allowed}"},
    # 是否瞒报 / 是否谎报: the spellings are settings (accident_flag_yes / _no)
    "data.problem.flag": {"zh": "应为是或否，可填写：{allowed}", "en": "yes or no, written as one of: {allowed}"},
    "data.problem.region_format": {
        "zh": "应为12位行政区划代码（6位或9位会自动补零）",
        "en": "a 12-digit region code (6- and 9-digit codes are padded with zeros)",
    },
    "data.problem.text": {"zh": "应为文本", "en": "text"},
    "data.problem.too_long": {
        "zh": "文本过长（{length}个字符，最多{limit}个）",
        "en": "text of at most {limit} characters (this one has {length})",
    },
    "data.problem.at_least": {"zh": "应不小于{bound}", "en": "a value of at least {bound}"},
    "data.problem.setting_int": {"zh": "该设置项应为不小于{bound}的整数", "en": "a whole number of at least {bound} for this setting"},
    "data.problem.setting_number": {"zh": "该设置项应为{low}到{high}之间的数", "en": "a number from {low} to {high} for this setting"},
    "data.problem.setting_flag": {"zh": "该设置项应为1（启用）或0（停用）", "en": "1 (on) or 0 (off) for this setting"},
    "data.problem.setting_month_day": {"zh": "该设置项应为“月-日”，如06-30", "en": "a month and day as MM-DD (e.g. 06-30) for this setting"},
    "data.problem.setting_department_map": {
        "zh": "该设置项应为“行业代码=部门名称”，以逗号分隔，每个行业一次；“{item}”不是",
        "en": "items sector_code=department separated by commas, each sector once, for this setting; not \"{item}\"",
    },
    "data.problem.setting_time_of_day": {"zh": "该设置项应为“时:分”，如16:00", "en": "a time of day as HH:MM (e.g. 16:00) for this setting"},
    "data.problem.setting_days": {"zh": "该设置项应为日期（2026-10-01）或日期范围（2026-10-01..2026-10-07），以逗号分隔；“{item}”不是", "en": "days (2026-10-01) or ranges (2026-10-01..2026-10-07) separated by commas for this setting; not \"{item}\""},
    "data.problem.setting_alias_list": {
        "zh": "该设置项应为以“|”分隔的写法（至少一个，每个不超过40个字符，共不超过{limit}个字符）",
        "en": "spellings separated by \"|\" for this setting (at least one, each at most 40 characters, {limit} in all)",
    },
    "data.problem.setting_alias_overlap": {
        "zh": "该写法同时列在设置项{setting}和{other}中（或为另一取值的代码），导入时无法区分",
        "en": "this spelling is listed in both {setting} and {other} (or is another value's code): an import could not "
              "tell them apart",
    },
    "data.problem.setting_text": {"zh": "该设置项最多{limit}个字符", "en": "a text of at most {limit} characters for this setting"},
    "data.problem.thresholds_order": {
        "zh": "风险等级分数下限应依次递减：红色＞橙色＞黄色＞蓝色（保存后为{order}）",
        "en": "score floors falling from red to orange to yellow to blue (after saving: {order})",
    },
    "data.problem.at_most": {"zh": "应不大于{bound}", "en": "a value of at most {bound}"},
    "data.problem.above": {"zh": "应大于{bound}", "en": "a value above {bound}"},
    "data.problem.region_unknown": {
        "zh": "数据库中没有该行政区划（请先导入行政区划）",
        "en": "a region code in the database (import the regions first)",
    },
    "data.problem.region_level_township": {
        "zh": "应为乡镇级区划（乡、镇、街道或开发区园区），该代码的级别为：{level}",
        "en": "a township-level region (this code's level: {level})",
    },
    "data.problem.region_level_township_county": {
        "zh": "应为乡镇级区划，不知乡镇时可填县级区划；该代码的级别为：{level}",
        "en": "a township-level region, or a county where no township is known (this code's level: {level})",
    },
    "data.problem.enterprise_unknown": {
        "zh": "数据库中没有该企业编号（请先导入企业）",
        "en": "an enterprise id in the database (import the enterprises first)",
    },
    "data.problem.inspection_unknown": {
        "zh": "数据库中没有该检查编号（请先导入检查记录）",
        "en": "an inspection id in the database (import the inspections first)",
    },
    "data.problem.checklist_item_unknown": {"zh": "没有该规范化建设项目代码", "en": "a checklist item code"},
    "data.problem.hazard_basis_unknown": {
        "zh": "重大隐患判定依据中没有该编号（见设置中的判定依据清单，如 工贸-第11条）",
        "en": "a code of the major hazard criteria list (e.g. 工贸-第11条)",
    },
    "data.problem.basis_major_only": {"zh": "判定依据只适用于重大隐患", "en": "a criterion only for a major hazard"},
    "data.problem.accident_unknown": {
        "zh": "数据库中没有该事故编号（请先导入事故）",
        "en": "an accident id in the database (import the accidents first)",
    },
    "data.problem.zero_report_window_unknown": {"zh": "没有该零报告时段编号", "en": "a zero-report window id"},
    "data.problem.parent_unknown": {
        "zh": "上级区划既不在本文件中也不在数据库中",
        "en": "a parent region in this file or in the database",
    },
    "data.problem.parent_level": {
        "zh": "上级级别不符：市无上级，县的上级是市，乡镇的上级是县（上级的级别为：{level}）",
        "en": "a parent one level up: a city has none, a county's is a city, a township's a county (the parent's level: {level})",
    },
    "data.problem.parent_self": {"zh": "上级代码不能是本身", "en": "a parent other than the region itself"},
    "data.problem.city_parent": {
        "zh": "市级区划不填上级代码，县和乡镇必须填写",
        "en": "no parent for the city, a parent for every county and township",
    },
    "data.problem.kind_township_only": {
        "zh": "类型（镇/乡/街道/开发区园区）只用于乡镇级区划",
        "en": "a kind (town / township / subdistrict / zone) only on township-level regions",
    },
    "data.problem.closed_before_occurred": {"zh": "结案日期不能早于事故发生日期", "en": "a closing day on or after the accident day"},
    "data.problem.reported_before_occurred": {"zh": "报告时间不能早于事故发生时间", "en": "a report time on or after the accident"},
    "data.problem.after_today": {"zh": "不能晚于今天（{today}）", "en": "a day on or before today ({today})"},
    "data.problem.deadline_before_found": {"zh": "整改期限不能早于发现日期", "en": "a deadline on or after found_on"},
    "data.problem.rectified_before_found": {"zh": "整改完成日期不能早于发现日期", "en": "a rectification day on or after found_on"},
    "data.problem.verified_not_rectified": {
        "zh": "未填整改完成日期的隐患不能验收销号",
        "en": "a rectification day before verification (verified_on needs rectified_on)",
    },
    "data.problem.verified_before_rectified": {"zh": "验收日期不能早于整改完成日期", "en": "verification on or after rectified_on"},
    "data.problem.supervision_major_only": {"zh": "挂牌督办只适用于重大隐患", "en": "挂牌督办 only for a major hazard"},
    "data.problem.supervised_without_level": {"zh": "填写挂牌日期时须填写挂牌督办级别", "en": "a supervision level when supervised_on is given"},
    "data.problem.supervised_before_found": {"zh": "挂牌日期不能早于发现日期", "en": "supervised_on on or after found_on"},
    "data.problem.delisted_rule": {
        "zh": "摘牌须在挂牌督办且验收销号之后",
        "en": "delisting only under supervision, after verification (delisted_on ≥ verified_on)",
    },
    "data.problem.end_before_start": {"zh": "结束日期不能早于开始日期", "en": "an end on or after the start"},
    "data.problem.outside_account_region": {
        "zh": "不在账号{account}的辖区（{scope}）内（该行区域：{region}）",
        "en": "outside the region of account {account} ({scope}; this row's region: {region})"},
    "data.problem.duplicate_in_file": {"zh": "编号与本文件第{first}行重复", "en": "a unique id (the same as row {first})"},
    "data.problem.exists": {
        "zh": "数据库中已有该编号（如要更新请选择“更新”模式）",
        "en": "a new id (already in the database; use --mode upsert to update)",
    },
}

TEXT.update({
    # ------------------------------------------------------------------------------------------ screen
    "data.import.heading": {"zh": "导入数据", "en": "Import a file"},
    "data.import.scope": {
        "zh": "CSV（UTF-8 或 GBK）或 .xlsx；先逐行校验，任一行有误则一行都不写入；每次导入记入操作日志。",
        "en": "CSV (UTF-8 or GBK) or .xlsx; every row is checked first and nothing is written if any row is "
        "wrong; every import is logged.",
    },
    "data.import.kind": {"zh": "数据类别", "en": "Kind of data"},
    "data.import.mode": {"zh": "导入方式", "en": "Mode"},
    "data.mode.append": {"zh": "追加（编号已存在则拒绝）", "en": "Append (refuse ids already present)"},
    "data.mode.upsert": {"zh": "更新（编号已存在则更新，记录修改前后）", "en": "Upsert (update ids already present, log before and after)"},
    "data.edit.enterprise": {"zh": "企业（输入名称、编号或乡镇查找）", "en": "Enterprise (type a name, number or township)"},
    "data.counts.file": {"zh": "各表行数", "en": "Rows per table"},
    "data.jobs.file": {"zh": "定时任务运行记录", "en": "Scheduled job runs"},
    "data.edit.file": {"zh": "{table}记录{id}", "en": "{table} record {id}"},
    "data.flow.file": {"zh": "隐患{id}整改闭环", "en": "Hazard {id} loop"},
    "data.form.pick_narrow": {
        "zh": "所选地区企业较多，请输入企业编号；在侧栏选择县或乡镇后可从列表中选择。",
        "en": "Too many enterprises in the chosen region to list: type the number, or choose a county or township "
        "in the sidebar to pick from a list.",
    },
    "data.import.actor": {"zh": "操作人", "en": "Your name (for the log)"},
    "data.import.template": {"zh": "下载导入模板（.xlsx）", "en": "Download the template (.xlsx)"},
    "data.import.file": {"zh": "选择文件", "en": "Choose a file"},
    "data.upload.too_big": {
        "zh": "文件 {name} 为 {size} MB，超过上传上限 {limit} MB（上限可在“设置”中修改），未读取、未写入任何数据",
        "en": "{name} is {size} MB, over the upload limit of {limit} MB (a setting); nothing was read or written",
    },
    "data.import.run": {"zh": "导入这 {rows} 行", "en": "Import these {rows} rows"},
    "data.import.done": {
        "zh": "已导入 {file}（{kind}）：共 {rows} 行，新增 {inserted} 行，更新 {updated} 行；数据截至{data_as_of}。",
        "en": "Imported {file} ({kind}): {rows} rows, {inserted} new, {updated} updated; data as of {data_as_of}.",
    },
    "data.check.failed": {
        "zh": "校验未通过：{rows} 行中发现 {total} 处问题，未写入任何数据。请按下表修改后重新上传。",
        "en": "Check failed: {total} problems in {rows} rows; nothing was written. Fix them and upload again.",
    },
    "data.check.passed": {"zh": "校验通过：{rows} 行均符合要求。", "en": "Check passed: all {rows} rows are valid."},
    "data.check.file": {"zh": "导入问题清单_{name}", "en": "Import problems_{name}"},
    "data.backup.file_name": {"zh": "数据备份", "en": "Data backup"},
    "data.audit.file_name": {"zh": "操作日志", "en": "Audit log"},
    "data.import.template_file": {"zh": "{kind}导入模板", "en": "{kind} import template"},
    "data.check.download": {"zh": "下载问题清单（CSV）", "en": "Download the problems (CSV)"},
    "data.col.file": {"zh": "文件", "en": "File"},
    "data.col.row": {"zh": "行号", "en": "Row"},
    "data.col.column": {"zh": "列", "en": "Column"},
    "data.col.value": {"zh": "填写的值", "en": "Value"},
    "data.col.expected": {"zh": "要求", "en": "Expected"},
    "data.export.heading": {"zh": "导出数据", "en": "Export a table"},
    "data.export.scope": {
        "zh": "整张表全部行（不受左侧筛选影响），数据截至{day}；以“=”等开头的文本按文本导出，表格软件不会执行。",
        "en": "Every row of the table (the filters do not apply), data as of {day}; text starting with \"=\" "
        "and the like is exported as text that spreadsheets do not run.",
    },
    "data.export.table": {"zh": "数据表", "en": "Table"},
    "data.export.csv": {"zh": "导出 CSV", "en": "Export CSV"},
    "data.export.xlsx": {"zh": "导出 Excel", "en": "Export Excel"},
    "data.audit.heading": {"zh": "操作日志", "en": "Audit log"},
    "data.audit.scope": {
        "zh": "最近500条（可按数据表、类别、操作和日期筛选）：每次导入一条（操作人、时间、文件、类别、行数）；更新导入、新增记录、"
        "修改和整改闭环的每一步逐条记录数据表、编号及改动字段的修改前后；恢复备份一条。",
        "en": "The latest 500 entries (filter by table, kind, action and date): one per import (who, when, file, kind, "
        "rows); upserts, added records, edits and each rectification step log the table, id and the changed fields "
        "before and after; one per restore.",
    },
    "data.audit.empty": {"zh": "还没有写入记录。", "en": "Nothing has been written yet."},
    "data.jobs.heading": {"zh": "定时任务", "en": "Scheduled jobs"},
    "data.jobs.scope": {
        "zh": "每日备份和每月报表与通报最近几次运行（服务器定时执行）：成功或失败、时间及内容。失败同时记入操作日志——"
        "仪表盘占用数据库时，在仪表盘下一次写入（导入、新增、修改或保存设置）时补记。",
        "en": "The last runs of the nightly backup and the monthly documents (run by the server's timers): ok or "
        "failed, when, and what. A failure also goes into the audit log — while the dashboard holds the database, "
        "at the dashboard's next write (an import, a record added or edited, a setting saved).",
    },
    "data.jobs.empty": {"zh": "还没有定时任务运行记录。", "en": "No scheduled job has run yet."},
    "data.jobs.failed": {"zh": "最近一次{job}失败：{what}", "en": "The last {job} failed: {what}"},
    "data.jobs.col.job": {"zh": "任务", "en": "Job"},
    "data.jobs.col.result": {"zh": "结果", "en": "Result"},
    "data.jobs.col.started": {"zh": "开始", "en": "Started"},
    "data.jobs.col.ended": {"zh": "结束", "en": "Ended"},
    "data.jobs.col.what": {"zh": "内容", "en": "What"},
    "data.jobs.col.audit": {"zh": "操作日志", "en": "Audit log"},
    "data.jobs.ok": {"zh": "成功", "en": "OK"},
    "data.jobs.fail": {"zh": "失败", "en": "Failed"},
    "data.jobs.logged": {"zh": "已记入", "en": "Logged"},
    "data.jobs.pending": {"zh": "待记入", "en": "Pending"},
    "data.jobs.name.backup": {"zh": "每日备份", "en": "Nightly backup"},
    "data.jobs.name.monthly": {"zh": "每月报表与通报", "en": "Monthly documents"},
    "data.audit.download": {"zh": "导出操作日志（CSV）", "en": "Export the audit log (CSV)"},
})

# ---------------------------------------------------------------------------------------------- records
# why a form, an edit or a step of the rectification loop was refused (riskdash.records.RecordRefused.code)
TEXT.update({
    "data.rule.more": {"zh": "（另有 {n} 处问题）", "en": " (and {n} more problems)"},
    "data.rule.not_found": {"zh": "{table} 中没有编号为“{id}”的记录", "en": "no record {id!r} in {table}"},
    "data.rule.key_change": {
        "zh": "编号（{column}）不能修改：请新增一条记录",
        "en": "the id ({column}) cannot be changed; add a new record instead",
    },
    "data.rule.unknown_column": {"zh": "{table} 没有列 {column}", "en": "{table} has no column {column}"},
    "data.rule.future": {
        "zh": "{column} 为 {value}，晚于今天（{today}）：不能登记尚未发生的事",
        "en": "{column} {value} is after today ({today}): nothing can be recorded before it happens",
    },
    "data.rule.unknown_action": {"zh": "未知操作 {action}", "en": "unknown action {action!r}"},
    "data.rule.already_rectified": {
        "zh": "该隐患已于 {day} 整改完成，不能再次登记整改",
        "en": "the hazard was already rectified on {day}",
    },
    "data.rule.verify_not_rectified": {
        "zh": "该隐患尚未整改完成，不能验收销号：请先登记整改完成",
        "en": "the hazard is not rectified yet, so it cannot be verified: record the rectification first",
    },
    "data.rule.already_verified": {"zh": "该隐患已于 {day} 验收销号", "en": "the hazard was already verified on {day}"},
    "data.rule.supervise_major_only": {
        "zh": "只有重大隐患才能挂牌督办",
        "en": "only a major hazard can be placed under supervision (挂牌督办)",
    },
    "data.rule.supervise_level": {
        "zh": "督办级别须为县级、市级或省级（填写的是“{level}”）",
        "en": "the supervision level must be county, city or province (got {level!r})",
    },
    "data.rule.already_supervised": {
        "zh": "该隐患已由{level}级挂牌督办，不能重复挂牌",
        "en": "the hazard is already under {level}-level supervision",
    },
    "data.rule.supervise_closed": {
        "zh": "该隐患已于 {day} 验收销号，不再挂牌督办",
        "en": "the hazard was verified and closed on {day}; a closed hazard is not placed under supervision",
    },
    "data.rule.delist_not_supervised": {"zh": "该隐患未挂牌督办，无需摘牌", "en": "the hazard is not under supervision"},
    "data.rule.already_delisted": {"zh": "该隐患已于 {day} 摘牌", "en": "the hazard was already delisted on {day}"},
    "data.rule.delist_not_verified": {
        "zh": "该隐患尚未验收销号，不能摘牌：请先验收",
        "en": "the hazard is not verified yet, so it cannot be delisted: verify it first",
    },
    "data.rule.action_future": {
        "zh": "日期 {day} 晚于今天（{today}）",
        "en": "the date {day} is after today ({today})",
    },
    "data.rule.backwards": {
        "zh": "日期 {day} 早于该隐患已登记的 {column}（{latest}）：办理日期不能倒退",
        "en": "the date {day} is before the hazard's {column} ({latest}): dates never go backwards",
    },
})

# ---------------------------------------------------------------------------------------------- the screen
TEXT.update({
    "data.tab.import": {"zh": "导入文件", "en": "Import a file"},
    "data.tab.add": {"zh": "新增记录", "en": "Add a record"},
    "data.tab.flow": {"zh": "隐患整改闭环", "en": "Rectification loop"},
    "data.tab.edit": {"zh": "修改记录", "en": "Edit a record"},
    "data.tab.export": {"zh": "导出与备份", "en": "Export and backup"},
    "data.tab.audit": {"zh": "操作日志", "en": "Audit log"},
    "data.col.field": {"zh": "字段", "en": "Field"},
    "data.col.stored": {"zh": "当前值", "en": "Stored value"},
    "data.record.actor": {"zh": "操作人", "en": "Who"},
    "data.add.heading": {"zh": "新增一条记录", "en": "Add one record"},
    "data.add.scope": {
        "zh": "逐条录入事故、检查或隐患：与导入文件执行同样的校验（区划级别、企业是否存在、日期先后、枚举、数值范围、编号重复），"
        "发生类日期不能晚于今天；写入后记入操作日志（修改前为空、修改后为整行）。带*为必填。",
        "en": "Enter one accident, inspection or hazard: the same checks as an imported file (region level, enterprise "
        "exists, dates in order, enumerations, ranges, duplicate id); event dates may not be after today. Each write "
        "is logged (before empty, after the row). * = required.",
    },
    "data.add.kind": {"zh": "记录类别", "en": "Record kind"},
    "data.add.submit": {"zh": "校验并保存", "en": "Check and save"},
    "data.form.choose": {"zh": "（未填）", "en": "(empty)"},
    "data.form.yes": {"zh": "是", "en": "yes"},
    "data.form.no": {"zh": "否", "en": "no"},
    "data.form.time_hint": {"zh": "如 2025-03-05 08:30，只知日期可只填日期", "en": "e.g. 2025-03-05 08:30; a date alone is fine"},
    "data.record.refused": {"zh": "未保存：{message}", "en": "Not saved: {message}"},
    # a failing disk during a write on the screen (db.IOFailure): what happened, and whether it was kept
    "data.io.failed.kept": {
        "zh": "磁盘读写出错：{what}；此前写入已提交并保留（下次打开时读入）",
        "en": "The disk failed: {what}; the change had been committed and is kept (read at the next open)",
    },
    "data.io.failed.none": {
        "zh": "磁盘读写出错：{what}；未写入任何数据",
        "en": "The disk failed: {what}; nothing was written",
    },
    "data.record.done.insert": {
        "zh": "已保存：{table} 新增 {id}（操作日志第 {entry} 条）",
        "en": "Saved: {id} added to {table} (audit entry {entry})",
    },
    "data.record.done.update": {
        "zh": "已保存：{table} {id} 修改了 {columns}（操作日志第 {entry} 条）",
        "en": "Saved: {table} {id}, changed {columns} (audit entry {entry})",
    },
    "data.record.unchanged": {"zh": "{table} {id} 没有变化，未写入", "en": "{table} {id}: nothing changed, nothing written"},
    "data.edit.heading": {"zh": "修改一条记录", "en": "Edit one record"},
    "data.edit.scope": {
        "zh": "按编号调出事故、检查、隐患、企业或重点部位，修改后按导入规则校验；违反规则（如整改期限早于发现日期）则不保存，数据库不变。"
        "只写入改动的字段，操作日志记录每个改动字段的修改前后。编号不可修改。",
        "en": "Load an accident, inspection, hazard, enterprise or key site by its id; the edit is checked by the import "
        "rules, and one that breaks a rule (e.g. a deadline before the day found) is refused with the database "
        "unchanged. Only changed fields are written; the audit log keeps each one before and after. Ids cannot change.",
    },
    "data.edit.kind": {"zh": "数据表", "en": "Table"},
    "data.edit.key": {"zh": "编号", "en": "Id"},
    "data.edit.missing": {"zh": "{table} 中没有编号为“{id}”的记录", "en": "No record {id!r} in {table}"},
    "data.edit.submit": {"zh": "校验并保存修改", "en": "Check and save the edit"},
    "data.flow.heading": {"zh": "隐患整改闭环", "en": "Hazard rectification loop"},
    "data.flow.scope": {
        "zh": "登记整改完成 → 验收销号 → （重大隐患）挂牌督办与摘牌。规则：未整改不能验收；只有重大隐患可挂牌（县级、市级或省级）；"
        "摘牌须已验收；办理日期不早于该隐患已登记的任一日期，也不晚于今天（可晚于数据截至日，截至日随之后移）。每一步记入操作日志。",
        "en": "Record rectified → verified and closed → (major hazards) 挂牌督办 and delisting. Rules: no verification "
        "before rectification; only major hazards are supervised (county, city or province); delisting needs "
        "verification; a step's date is never before a date already recorded on the hazard nor after today (it may "
        "be after the data's as-of day, which then moves forward). Every step is logged.",
    },
    "data.flow.township": {"zh": "乡镇（街道）", "en": "Township"},
    "data.flow.open": {"zh": "未闭环隐患（最早发现的 {n} 条）", "en": "Hazards not closed (the {n} found earliest)"},
    "data.flow.none_open": {"zh": "该乡镇没有未闭环的隐患。", "en": "No hazard of this township is still open."},
    "data.flow.by_id": {"zh": "或直接输入隐患编号", "en": "Or type a hazard id"},
    "data.flow.current": {
        "zh": "隐患 {id}（{grade}，{enterprise}）：{description}",
        "en": "Hazard {id} ({grade}, {enterprise}): {description}",
    },
    "data.flow.step": {"zh": "环节", "en": "Step"},
    "data.flow.day": {"zh": "日期", "en": "Day"},
    "data.flow.col.found_on": {"zh": "发现", "en": "Found"},
    "data.flow.col.deadline": {"zh": "整改期限", "en": "Deadline"},
    "data.flow.col.rectified_on": {"zh": "整改完成", "en": "Rectified"},
    "data.flow.col.verified_on": {"zh": "验收销号", "en": "Verified and closed"},
    "data.flow.col.supervised_on": {"zh": "挂牌督办", "en": "Placed under supervision"},
    "data.flow.col.delisted_on": {"zh": "摘牌", "en": "Delisted"},
    "data.flow.level.county": {"zh": "县级", "en": "county"},
    "data.flow.level.city": {"zh": "市级", "en": "city"},
    "data.flow.level.province": {"zh": "省级", "en": "province"},
    "data.flow.grade.general": {"zh": "一般", "en": "general"},
    "data.flow.grade.major": {"zh": "重大", "en": "major"},
    "data.flow.action": {"zh": "办理", "en": "Step"},
    "data.flow.action.rectify": {"zh": "登记整改完成", "en": "Mark rectified"},
    "data.flow.action.verify": {"zh": "验收销号", "en": "Verify and close"},
    "data.flow.action.supervise": {"zh": "挂牌督办", "en": "Place under supervision"},
    "data.flow.action.delist": {"zh": "摘牌", "en": "Delist"},
    "data.flow.on": {"zh": "办理日期", "en": "Date"},
    "data.flow.level": {"zh": "督办级别", "en": "Supervision level"},
    "data.flow.submit": {"zh": "保存", "en": "Save"},
    "data.flow.closed": {"zh": "该隐患已完成闭环，没有待办环节。", "en": "This hazard's loop is complete; nothing left to do."},
    "data.view.heading": {"zh": "导出筛选结果", "en": "Export the filtered view"},
    "data.view.scope": {
        "zh": "按左侧筛选（{start} 至 {end}，{region}，{sector}）选出的{table}，数据截至{day}；事故按发生地，隐患、检查按企业所在地。",
        "en": "{table} selected by the filters ({start} to {end}, {region}, {sector}), data as of {day}; accidents by "
        "their own region, hazards and inspections by the enterprise's.",
    },
    "data.backup.heading": {"zh": "备份与恢复", "en": "Backup and restore"},
    "data.backup.scope": {
        "zh": "完整备份：每张表一个 Parquet 文件和清单（库结构版本、行数、校验值），打包为 .zip。恢复：上传备份 .zip，"
        "全部成功才替换数据库（被替换的数据库保留为带日期的副本 .pre-restore-年月日-时分秒，保留最近 5 份，可随时还原），"
        "否则数据库不变；备份与恢复均记入操作日志。",
        "en": "Full backup: one Parquet file per table and a manifest (schema version, row counts, checksums) in a .zip. "
        "Restore: upload a backup .zip; the database is replaced only if every table loads and matches (the replaced "
        "database is kept as a dated copy .pre-restore-YYYYMMDD-HHMMSS, the last 5, so a restore can be undone), else "
        "it is unchanged; backups and restores are logged.",
    },
    "data.backup.download": {"zh": "下载备份（.zip）", "en": "Download the backup (.zip)"},
    "data.backup.file": {"zh": "上传备份 .zip 以恢复", "en": "Upload a backup .zip to restore"},
    "data.backup.confirm": {
        "zh": "我确认用该备份替换当前数据库的全部数据",
        "en": "I confirm: replace all data of the database with this backup",
    },
    "data.backup.restore": {"zh": "恢复", "en": "Restore"},
    "data.backup.restored": {
        "zh": "已恢复：{tables} 张表共 {rows} 行，数据截至 {data_as_of}。被替换的数据库保留在 {previous}",
        "en": "Restored: {rows} rows in {tables} tables, data as of {data_as_of}. The replaced database is kept at "
        "{previous}",
    },
    "data.audit.filter.table": {"zh": "数据表", "en": "Table"},
    "data.audit.filter.kind": {"zh": "类别", "en": "Kind"},
    "data.audit.filter.action": {"zh": "操作", "en": "Action"},
    "data.audit.filter.start": {"zh": "起始日期", "en": "From"},
    "data.audit.filter.end": {"zh": "截止日期", "en": "To"},
    "data.audit.all": {"zh": "全部", "en": "All"},
    "data.audit.download_xlsx": {"zh": "导出操作日志（Excel）", "en": "Export the audit log (Excel)"},
    "data.audit.shown": {"zh": "符合条件的最近 {n} 条", "en": "The latest {n} matching entries"},
    # the log in themed views of its columns (issue 17 item 7: twelve columns took about 870 px of headers alone);
    # the entry's before and after (long JSON) in its card, the exports carry every column
    "data.audit.view_label": {"zh": "显示列", "en": "Columns"},
    "data.audit.view_action": {"zh": "操作", "en": "Action"},
    "data.audit.view_record": {"zh": "数据与文件", "en": "Record and file"},
    "data.audit.hint": {"zh": "在上表中选中一行，查看该条日志的全部内容（含修改前、修改后）。",
                        "en": "Select a row above to see the whole entry (with its before and after)."},
    "data.audit.entry": {"zh": "日志 {id}", "en": "Entry {id}"},
})

TEXT.update({
    "data.counts.heading": {"zh": "各表现有行数", "en": "Rows held now"},
    "data.counts.table": {"zh": "数据表", "en": "Table"},
    "data.counts.rows": {"zh": "行数", "en": "Rows"},
})

TEXT.update({
    # the account actions of the audit log in words (issue 16; accounts.py writes the codes): the screen shows
    # the words, the column 操作代码 beside them keeps the code (the .csv/.xlsx exports carry both)
    "data.audit.word.login": {"zh": "登录", "en": "Logged in"},
    "data.audit.word.login_resumed": {"zh": "刷新页面后恢复登录", "en": "Login resumed after a page refresh"},
    "data.audit.word.login_failed": {"zh": "登录失败（密码错误）", "en": "Login failed (wrong password)"},
    "data.audit.word.login_refused": {"zh": "登录被拒（账号锁定或停用）", "en": "Login refused (account locked or disabled)"},
    "data.audit.word.account_locked": {"zh": "账号锁定", "en": "Account locked"},
    "data.audit.word.logout": {"zh": "退出登录", "en": "Logged out"},
    "data.audit.word.account_add": {"zh": "新增账号", "en": "Account added"},
    "data.audit.word.account_set": {"zh": "修改账号角色或辖区", "en": "Account's role or region changed"},
    "data.audit.word.account_disable": {"zh": "停用账号", "en": "Account disabled"},
    "data.audit.word.account_password": {"zh": "管理员重设密码", "en": "Password reset by an administrator"},
    "data.audit.word.password_change": {"zh": "本人修改密码", "en": "Password changed by its owner"},
    "data.audit.word.account": {"zh": "账号", "en": "Account"},
    "data.audit.word.accounts": {"zh": "账号", "en": "Accounts"},
    "data.audit.col.action_code": {"zh": "操作代码", "en": "Action code"},
    "data.audit.col.entry_id": {"zh": "序号", "en": "Entry"},
    "data.audit.col.logged_at": {"zh": "时间", "en": "When"},
    "data.audit.col.actor": {"zh": "操作人", "en": "Who"},
    "data.audit.col.action": {"zh": "操作", "en": "Action"},
    "data.audit.col.kind": {"zh": "类别", "en": "Kind"},
    "data.audit.col.file_name": {"zh": "文件", "en": "File"},
    "data.audit.col.table_name": {"zh": "数据表", "en": "Table"},
    "data.audit.col.record_key": {"zh": "编号", "en": "Id"},
    "data.audit.col.row_count": {"zh": "行数", "en": "Rows"},
    "data.audit.col.before_json": {"zh": "修改前", "en": "Before"},
    "data.audit.col.after_json": {"zh": "修改后", "en": "After"},
})

# ---------------------------------------------------------------------------------------------- evidence
# evidence files of hazards and inspections (issue 18; riskdash/evidence.py, records.attach): refusals and the
# record card's list
TEXT.update({
    "data.rule.evidence_empty": {"zh": "{name} 是空文件：未保存", "en": "{name} is empty: nothing saved"},
    "data.rule.evidence_too_big": {
        "zh": "{name} 为 {size} MB，超过佐证文件上限 {limit} MB：未保存",
        "en": "{name} is {size} MB, over the evidence limit of {limit} MB: nothing saved",
    },
    "data.rule.evidence_type": {
        "zh": "{name} 不是 JPEG、PNG 图片或 PDF 文件（按文件内容判断，不看文件名）：未保存",
        "en": "{name} is not a JPEG or PNG image or a PDF (judged by its content, not its name): nothing saved",
    },
    "data.rule.evidence_role": {
        "zh": "佐证类别“{role}”无效（可选：{roles}）",
        "en": "evidence role {role!r} is not known (expected one of {roles})",
    },
    "data.rule.evidence_kind": {
        "zh": "佐证只能附在隐患或检查记录上（{kind}；可选：{kinds}）",
        "en": "evidence belongs to a hazard or an inspection ({kind}; expected one of {kinds})",
    },
    "data.rule.evidence_step": {
        "zh": "“{action}”这一步不附佐证文件（整改完成附整改后照片，验收销号附验收记录）",
        "en": "the step {action!r} takes no evidence file (rectify takes the after photo, verify the acceptance record)",
    },
    "data.evidence.title": {"zh": "整改佐证（{n} 份）", "en": "Evidence ({n} files)"},
    "data.evidence.none": {"zh": "尚无佐证文件", "en": "No evidence attached yet"},
    "data.evidence.role.before": {"zh": "整改前", "en": "Before rectification"},
    "data.evidence.role.after": {"zh": "整改后", "en": "After rectification"},
    "data.evidence.role.acceptance": {"zh": "验收", "en": "Acceptance"},
    "data.evidence.line": {"zh": "{role} · {name} · {size} · 上传人 {who} · 上传于 {at}",
                           "en": "{role} · {name} · {size} · by {who} · {at}"},
    "data.evidence.download": {"zh": "下载", "en": "Download"},
    "data.evidence.missing": {"zh": "文件缺失或已损坏：{name}", "en": "File missing or damaged: {name}"},
    "data.evidence.upload": {
        "zh": "上传佐证文件（JPEG、PNG 图片或 PDF，不超过 {limit} MB）",
        "en": "Attach an evidence file (JPEG or PNG image or PDF, up to {limit} MB)",
    },
    "data.evidence.role_pick": {"zh": "佐证类别", "en": "Role"},
    "data.evidence.submit": {"zh": "上传", "en": "Attach"},
    "data.evidence.saved": {"zh": "已保存佐证：{name}（{role}）", "en": "Evidence saved: {name} ({role})"},
    "data.evidence.same": {
        "zh": "{name} 已作为{role}附在此记录上，未重复保存",
        "en": "{name} is already attached to this record as {role}: nothing saved again",
    },
    "data.evidence.step_file": {
        "zh": "随本步骤附{role}文件（可选；JPEG、PNG 或 PDF，不超过 {limit} MB）",
        "en": "Attach the {role} file with this step (optional; JPEG, PNG or PDF, up to {limit} MB)",
    },
    "data.evidence.record": {"zh": "佐证所属记录", "en": "Evidence of"},
    "data.evidence.kind.hazard": {"zh": "隐患", "en": "Hazard"},
    "data.evidence.kind.inspection": {"zh": "检查记录", "en": "Inspection"},
})
