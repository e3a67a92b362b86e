"""Hints worded by the reader's role (issue 16): where a screen sends its reader to 设置 or 数据管理 for
something only an administrator may do there (annual targets, risk weights, zero-report windows), an account
of another role is told to ask the city administrator instead; a read-only account is not told to import.
The admin's wording is the screen's own key; these are the ``_ask`` / ``_viewer`` variants (PageContext
.is_admin / .can_write choose)."""

TEXT = {
    "target.none_ask": {
        "zh": "{year}年{region}未设定死亡控制指标（请市级管理员在“设置”中录入年度控制指标）。",
        "en": "No {year} death control target is set for {region} (ask the city administrator to enter the "
        "annual targets in Settings).",
    },
    "priority.formula_ask": {
        "zh": "风险分值 = Σ 各项数量 × 权重（权重和分级阈值由市级管理员在“设置”中修改）；"
        "红色预警 ≥ {red}，重点关注（橙色）≥ {orange}，黄色 ≥ {yellow}，其余为蓝色。同分按企业编号排序。",
        "en": "Risk score = Σ component count × weight (weights and level thresholds are set by the city "
        "administrator in Settings); red alert ≥ {red}, close attention (orange) ≥ "
        "{orange}, yellow ≥ {yellow}, blue below. Ties by enterprise ID.",
    },
    "campaigns.form_no_windows_ask": {
        "zh": "本年度截至数据日没有零报告时段（或没有乡镇）：请市级管理员在“设置”或“数据管理”中录入零报告时段。",
        "en": "No zero-report window this year up to the data day (or no township): ask the city administrator "
        "to add the windows (Settings or Data).",
    },
    "campaigns.form_bulk_viewer": {
        "zh": "本账号为只读账号，不能报送零报告。批量报送由乡镇、县级或市级账号下载零报告导入模板，填好后在“数据管理”页导入。",
        "en": "This account is read-only and cannot report. Many reports at once are imported on the Data screen "
        "by a township, county or city account, from the zero-report template.",
    },
}
