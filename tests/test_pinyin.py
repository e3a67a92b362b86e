"""Pinyin initials for searchable region and enterprise lists (issue 17 item 11): riskdash.pinyin on hand-made
names — each letter's first and last character in GB2312 level 1, level-2 characters through the overrides,
the place-name readings of 重 and 藏, ASCII letters and digits kept, the rest left out — and the share of the
real 2023 division names it spells in full."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from riskdash import pinyin

# per letter: its first character in level 1 and the last character before the next letter's first
BOUNDARIES = {
    "a": "啊澳", "b": "芭怖", "c": "擦错", "d": "搭堕", "e": "蛾贰", "f": "发咐", "g": "噶过", "h": "哈祸",
    "j": "击骏", "k": "喀阔", "l": "垃络", "m": "妈穆", "n": "拿诺", "o": "哦沤", "p": "啪瀑", "q": "期群",
    "r": "然弱", "s": "撒所", "t": "塌唾", "w": "挖误", "x": "昔迅", "y": "压孕", "z": "匝座",
}
REAL = Path("/work/shared/data/real/cn-admin-divisions")


def test_every_letter_from_its_first_to_its_last_level_one_character():
    assert {letter: [pinyin.initial(ch) for ch in chars] for letter, chars in BOUNDARIES.items()} == {
        letter: [letter, letter] for letter in BOUNDARIES}


def test_whole_names():
    assert pinyin.initials("绿阳区") == "lyq"
    assert pinyin.initials("长沙市") == "css"  # 长 sits under c in level 1
    assert pinyin.initials("重庆市") == "cqs"  # level 1 files 重 under zhòng: the place-name reading wins
    assert pinyin.initials("西藏自治区") == "xzzzq"  # 藏 zàng, not cáng
    assert pinyin.initials("亳州市") == "bzs"  # 亳 is level 2 (ordered by radical): from the overrides
    assert pinyin.initials("盱眙县") == "xyx"  # both level 2
    assert pinyin.initials("东镇2号库A") == "dz2hka"  # a digit and an ASCII letter kept, lower case
    assert pinyin.initials("城关街道（一）") == "cgjdy"  # full-width brackets left out
    assert pinyin.initials("Lakeside 1") == "lakeside1"


def test_unknown_characters_give_no_initials_rather_than_a_part():
    assert pinyin.initial("東") is None  # traditional: not in GB2312
    assert pinyin.initial("亍") is None  # level 2 (0xD8A1), not an override
    assert pinyin.initial("罍") is None  # outside GB2312
    assert pinyin.initials("東城") is None
    assert pinyin.initials("亍街") is None
    assert pinyin.initials("") is None and pinyin.initials("（）·") is None
    assert pinyin.initial("A") is None and pinyin.initial("1") is None  # one character: Chinese only


def test_searchable_labels():
    assert pinyin.searchable("绿阳区", "419801000000") == "绿阳区 · lyq · 419801000000"
    assert pinyin.searchable("绿阳区") == "绿阳区 · lyq"
    assert pinyin.searchable("東城", "E1") == "東城 · E1"  # no initials: the name and the code
    assert pinyin.searchable("Lakeside Mill", "E1") == "Lakeside Mill · E1"  # initials would repeat the name
    assert pinyin.hint("Lakeside Mill") is None and pinyin.hint("東城") is None and pinyin.hint("东镇2号") == "dz2h"
    assert pinyin.searchable("甲县", None, "") == "甲县 · jx"
    assert pinyin.with_initials("东镇（3）", "东镇") == "东镇（3） · dz"  # the count is not spelled
    assert pinyin.with_initials("東城（3）", "東城") == "東城（3）"


def test_the_overrides_hold_no_level_one_character_and_no_character_twice():
    listed = "".join(pinyin._BY_LETTER.values())
    assert len(listed) == len(set(listed))
    level_one = [ch for ch in listed if pinyin._code(ch) is not None and pinyin._code(ch) <= pinyin._LEVEL1_LAST]
    assert level_one == []


@pytest.mark.skipif(not REAL.exists(), reason="the real division names are not on this machine")
def test_real_division_names_are_spelled_in_full():
    """Every province, city and county of the 2023 division codes; at least 99 % of the 41,352 townships
    (the rest each carry a character that occurs once or twice in the whole list)."""
    def names(file: str) -> list[str]:
        with open(REAL / file, encoding="utf-8") as handle:
            return [row["name"] for row in csv.DictReader(handle)]

    for file in ("provinces.csv", "cities.csv", "areas.csv"):
        assert [n for n in names(file) if pinyin.initials(n) is None] == [], file
    streets = names("streets.csv")
    missed = [n for n in streets if pinyin.initials(n) is None]
    assert len(missed) / len(streets) < 0.01
