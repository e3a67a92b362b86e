"""Words of the rate targets (相对指标控制值, issue 18; rate_targets, schema 28): the 通报's sentence and the overview's
bars. Data only."""

TEXT = {
    "rates.brief.targets": {"zh": "相对指标控制方面，{parts}。", "en": "Rate targets: {parts}."},
    "rates.brief.target": {
        "zh": "{what}{rate}，占全年控制指标（{target}）的{used_pct}{gap}",
        "en": "{what} {rate}, {used_pct} of the year's ceiling ({target}){gap}",
    },
    "rates.brief.target_over": {
        "zh": "{what}{rate}，已突破全年控制指标（{target}）",
        "en": "{what} {rate}, above the year's ceiling ({target})",
    },
    "rates.brief.target_zero": {
        "zh": "{what}为零，控制指标为零",
        "en": "{what} none, against a ceiling of none",
    },
    "rates.brief.target_unknown": {
        "zh": "{what}因未录入{year}年指标分母无法计算（控制指标{target}）",
        "en": "{what} cannot be computed without the denominator of {year} (ceiling {target})",
    },
    # the overview's bar under the death target (ui.widgets.target_progress)
    "rates.bar": {
        "zh": "{what}控制指标 {target}：1月1日至{to}死亡 {deaths} 人，相对指标 {rate}，已用{used_pct}，时间进度{elapsed}",
        "en": "{what}: ceiling {target}; {deaths} deaths from 1 January to {to}, rate {rate}, {used_pct} used, time "
              "elapsed {elapsed}",
    },
    "rates.bar_unknown": {
        "zh": "{what}控制指标 {target}：未录入{year}年指标分母，无法计算",
        "en": "{what}: ceiling {target}; no denominator entered for {year}, cannot be computed",
    },
}

ENUMS = {
    # a rate target's indicator (rate_targets.indicator; metrics.accidents.RATE_INDICATORS)
    "rate_indicator": {
        "per_gdp": {"zh": "亿元GDP生产安全事故死亡率", "en": "Deaths per 100 million yuan of GDP"},
        "per_industrial_employed": {"zh": "工矿商贸就业人员十万人生产安全事故死亡率",
                                    "en": "Industrial deaths per 100,000 employed"},
        "per_vehicles": {"zh": "道路交通万车死亡率", "en": "Road deaths per 10,000 motor vehicles"},
        "per_coal_output": {"zh": "煤矿百万吨死亡率", "en": "Coal-mine deaths per million tonnes"},
    },
}
