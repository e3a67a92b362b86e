"""Hints worded by the reader's role (issue 16): where a text sends its reader to 设置 or 数据管理 for something
only an administrator may do there (annual targets, risk weights, veto switches, limits and day counts,
zero-report windows; the importer's lines on regions and the major-hazard criteria list), an account of any other role reads that it is the city administrator's to do.

``ASK_PHRASES``: the phrases rewritten, per language, in every text ``i18n.t`` gives a reader who is not an
admin (ui/frame.start_page sets the reader per page run; the command line and documents are the file's
owner, admin). ``ASK_KEYS``: keys whose non-admin wording a view asks for by name (``<key>_ask``, made from
the key's own text with the same phrases, so the two never drift apart). ``TEXT``: wordings of their own.
Data only: nothing imported."""

ASK_PHRASES = {
    "zh": (
        ("（可在“设置”中录入年度控制指标）", "（请市级管理员在“设置”中录入年度控制指标）"),
        ("请先在“设置”或“数据管理”中录入", "请市级管理员在“设置”或“数据管理”中录入"),
        ("在“设置”中可查看", "由市级管理员在“设置”中维护"),
        ("可在“设置”中停用", "可由市级管理员在“设置”中停用"),
        ("可在“设置”中修改", "由市级管理员在“设置”中修改"),
        ("可在“设置”中录入", "由市级管理员在“设置”中录入"),
        # the importer's problem lines (数据管理): regions and the criteria list are reference data, the admin's
        ("（请先导入行政区划）", "（请市级管理员先导入行政区划）"),
        ("（见设置中的判定依据清单，", "（判定依据清单由市级管理员在“设置”中维护，"),
        ("（清单可在“设置”中导入）", "（清单由市级管理员在“设置”中导入）"),
    ),
    "en": (
        ("(annual targets are entered in Settings)", "(ask the city administrator to enter the annual targets in Settings)"),
        ("add the windows first (Settings or Data)", "ask the city administrator to add the windows (Settings or Data)"),
        ("are editable in Settings", "are set by the city administrator in Settings"),
        ("can be switched off in Settings", "can be switched off by the city administrator in Settings"),
        ("are listed in Settings", "are kept by the city administrator in Settings"),
        ("set in Settings", "set by the city administrator in Settings"),
        ("(import the regions first)", "(ask the city administrator to import the regions first)"),
        ("(the list can be imported on Settings)", "(the list is imported by the city administrator on Settings)"),
    ),
}

ASK_KEYS = ("target.none", "priority.formula", "campaigns.form_no_windows")

TEXT = {
    "campaigns.form_bulk_viewer": {
        "zh": "本账号为只读账号，不能报送零报告。批量报送由乡镇、县级或市级账号下载零报告导入模板，填好后在“数据管理”页导入。",
        "en": "This account is read-only and cannot report. Many reports at once are imported on the Data screen "
        "by a township, county or city account, from the zero-report template.",
    },
}
