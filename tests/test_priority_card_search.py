"""The enterprise card opens for any enterprise in scope (issue 17 item 11): found by a part of its name,
number or township (not only the top 300 by risk), and a ranking row opens its card."""

from __future__ import annotations

import pandas as pd
from test_priority_page import CARD, GAPS, app_db, open_tab, own_db, start  # noqa: F401

from riskdash.screens.priority import view

SCORES = pd.DataFrame({
    "rank": [1, 2, 3, 4],
    "enterprise_id": ["E2", "E10", "E1", "X7"],
    "name": ["东镇化工", "城关建材", "东镇建材厂", "Lakeside Mill"],
    "region_name": ["东镇", "城关街道（甲县）", "东镇", None],
})


def test_card_choices_match_name_number_or_township_in_rank_order():
    assert view.card_choices(SCORES) == ({
        "E2": "1. 东镇化工（E2） · dzhg · 东镇", "E10": "2. 城关建材（E10） · cgjc · 城关街道（甲县）",
        "E1": "3. 东镇建材厂（E1） · dzjcc · 东镇", "X7": "4. Lakeside Mill（X7）"}, 4)
    assert view.card_choices(SCORES, "建材") == ({"E10": "2. 城关建材（E10） · cgjc · 城关街道（甲县）",
                                                "E1": "3. 东镇建材厂（E1） · dzjcc · 东镇"}, 2)
    assert view.card_choices(SCORES, " e1 ")[0].keys() == {"E10", "E1"}  # numbers too, any case
    assert list(view.card_choices(SCORES, "甲县")[0]) == ["E10"]  # the township's shown name
    assert list(view.card_choices(SCORES, "lakeSIDE")[0]) == ["X7"]
    assert view.card_choices(SCORES, "东镇", limit=1) == ({"E2": "1. 东镇化工（E2） · dzhg · 东镇"}, 2)  # 2 found, 1 listed
    assert view.card_choices(SCORES, "无此企业") == ({}, 0)
    # pinyin initials of the name or of the township (issue 17 item 11)
    assert list(view.card_choices(SCORES, "DZ")[0]) == ["E2", "E1"]
    assert list(view.card_choices(SCORES, "cgjc")[0]) == ["E10"]
    assert list(view.card_choices(SCORES, "cgjdjx")[0]) == ["E10"]  # 城关街道（甲县）


def test_the_card_finds_an_enterprise_by_search(app_db):  # noqa: F811
    at = start()
    ranking = at.dataframe[0].value
    rank = int(ranking[ranking["企业编号"] == "E3"]["排名"].iloc[0])
    open_tab(at, CARD)
    at.text_input(key="priority_card_search").set_value("运输").run()
    assert not at.exception, at.exception
    assert at.selectbox(key="priority_card").options == [f"{rank}. 西乡运输（E3） · xxys · 西乡"]
    assert "西乡运输（E3）" in "\n".join(c.value for c in at.caption)
    at.text_input(key="priority_card_search").set_value("无此企业").run()
    assert any("没有名称、编号或乡镇含“无此企业”" in i.value for i in at.info)


def test_a_ranking_row_opens_the_enterprise_card(app_db):  # noqa: F811
    at = start()
    assert any("选中一行，查看该企业的档案" in c.value for c in at.caption)
    second = at.dataframe[0].value.iloc[1]["企业编号"]
    at.session_state["priority_rank_table"] = {"selection": {"rows": [1], "columns": [], "cells": []}}
    at.run()
    assert not at.exception, at.exception
    words = "\n".join(m.value for m in at.markdown)
    assert "排名第2位" in words  # the card of the second row, beside the card tab's first
    assert sum(f"（{second}）" in c.value for c in at.caption) >= 1


def test_a_row_of_the_high_risk_enterprises_without_sites_opens_its_card(own_db):  # noqa: F811
    from conftest import TOWN_A2

    from riskdash import db

    con = db.connect(own_db)  # it adds an enterprise: a copy of its own, not the shared file
    con.execute("insert into enterprises (enterprise_id, name, region_code, industry, employees) values "
                "('E5', '西乡建筑', ?, 'construction', 50)", [TOWN_A2])
    db.sync_keys(con)
    con.close()
    at = start(GAPS)
    assert not any(c.value.startswith("西乡建筑（E5）") for c in at.caption)
    at.session_state["priority_gap_enterprises"] = {"selection": {"rows": [0], "columns": [], "cells": []}}
    at.run()
    assert not at.exception, at.exception
    assert any(c.value.startswith("西乡建筑（E5）") for c in at.caption)
