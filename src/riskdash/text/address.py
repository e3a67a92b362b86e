"""The view kept in the address (``?from=&to=&region=&industry=&lang=``): what is said about a value in it
that cannot be applied (riskdash.ui.address)."""

TEXT = {
    "address.bad_lang": {
        "zh": "地址中的语言“{value}”无法识别（可用 zh 或 en），已忽略。",
        "en": "The language “{value}” in the address is not known (zh or en); ignored.",
    },
    "address.bad_date": {
        "zh": "地址中的日期“{value}”不是有效日期（格式 2026-01-31），统计期未按地址设置。",
        "en": "The date “{value}” in the address is not a valid date (form 2026-01-31); its period was not applied.",
    },
    "address.date_out_of_range": {
        "zh": "地址中的日期“{value}”不在 {earliest} 至数据截至日 {as_of} 之间，统计期未按地址设置。",
        "en": "The date “{value}” in the address is not between {earliest} and the data's as-of day {as_of}; "
        "its period was not applied.",
    },
    "address.dates_backwards": {
        "zh": "地址中的结束日期 {end} 早于开始日期 {start}，统计期未按地址设置。",
        "en": "The address's end date {end} comes before its start date {start}; its period was not applied.",
    },
    "address.bad_region": {
        "zh": "地址中的地区代码“{value}”不在本库的行政区划中，已忽略。",
        "en": "The region code “{value}” in the address is not a region of this database; ignored.",
    },
    "address.bad_industry": {
        "zh": "地址中的行业代码“{value}”不在本库的行业分类中，已忽略。",
        "en": "The sector code “{value}” in the address is not a sector of this database; ignored.",
    },
}
