"""Interface text of the 专项行动与乡镇规范化 (campaigns and townships) screen."""

TEXT = {
    # ------------------------------------------------------------------ veto reasons (also in the CLI JSON)
    "campaigns.veto.larger": {
        "zh": "发生较大及以上事故{n}起（一票否决）",
        "en": "{n} accident(s) of the larger grade or above (one-vote veto)",
    },
    "campaigns.veto.target": {
        "zh": "死亡（含失踪）{deaths}人，超过控制指标{target}人（一票否决）",
        "en": "{deaths} deaths (incl. missing), above the target of {target} (one-vote veto)",
    },
}
