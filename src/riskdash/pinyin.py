"""Pinyin initials of Chinese names ("绿阳区" → "lyq"), so that a region or an enterprise can be found in a
list by typing the initials, as officials do in every government system.

There is no pinyin dictionary on the machines the dashboard runs on. The 3,755 characters of GB2312 level 1
(0xB0A1–0xD7F9) are ordered by pinyin, so the initial of one of them is the letter whose first character
(``_FIRSTS``: 啊 a, 芭 b, 擦 c, … 匝 z) is the last one at or before it. Level 2 (0xD8A1–0xF7FE) is ordered by
radical, and characters outside GB2312 have no order at all: ``_OVERRIDES`` gives the initials of those that
are common in place names (measured on the 2023 national division names: about 330 characters cover most of
the names that level 1 misses), and the place-name reading of a few 多音字 whose level-1 position follows
another reading (重庆 chóng, not zhòng; 西藏 zàng, not cáng). Pure: no Streamlit, no database.
"""

from __future__ import annotations

from functools import lru_cache

# the first character of each initial in GB2312 level 1 (no words begin with i, u or v)
_FIRSTS = "啊芭擦搭蛾发噶哈击喀垃妈拿哦啪期然撒塌挖昔压匝"
_LETTERS = "abcdefghjklmnopqrstwxyz"
_LEVEL1_LAST = 0xD7F9  # 座, the last character of level 1


def _code(ch: str) -> int | None:
    try:
        raw = ch.encode("gb2312")
    except UnicodeEncodeError:
        return None
    return int.from_bytes(raw, "big") if len(raw) == 2 else None


_BOUNDS = [_code(ch) for ch in _FIRSTS]

# place-name characters outside level 1, by initial (level 2 is ordered by radical, so each is listed)
_BY_LETTER = {
    "a": "坳庵鳌岙",
    "b": "陂坂璧亳灞汴砭浜碚濞桲弼坌岜脿鲅俵",
    "c": "漕岑汊祠褚槎塍厝埕禅瀍嵯鹚酂萃苌敕淙菖茈涔茌邨",
    "d": "岱垌峒磴埭垱硐棣砀町笃荻塅铎儋坻宕窦邸渎笪沌汈澹凼垤",
    "e": "鹗莪",
    "f": "畈芙孚凫垡妃洑罘滏沣淝邡",
    "g": "尕仡圪莞堌牯卦垓堽珙洸崮虢崞枸郜淦呷泔藁",
    "h": "桦蒿祜璜隍骅濠斛珲潢铧琥邗堠泓皓扈篁茴晖浍湟瀚洄鄠漷",
    "j": "泾蛟矶戛枧绛鸠莒迳稷旌暨菁碣滘鹫芨迦葭泃弶谏笕麂漈茭涓琚苴峤桷缙鄄郏伽",
    "k": "崆窠岢阚叩龛夔",
    "l": "岚麟澧泸蓼赉栾溧垅寮涞珞渌濂榄蠡浏蔺闾鸬鹭濑雒鸾漯醴塄珑菉嫘崂崃骊砬浬砻堎醪泺栎崀笠胪埌耒阆蒗",
    "m": "勐沐濛湄岷茗闵洺峁蟒茆邙沔汨仫谟嵋秣洣咪渑",
    "n": "楠廿埝坭讷鲇垴辇",
    "o": "瓯",
    "p": "濮蟠邳泮珀磻鄱郫湓",
    "q": "岐箐麒衢瞿谯湫蕲邛碛淇樵杞阡溱虬碶钤朐綦耆阙茜荞硚犍郄",
    "r": "榕箬稔瀼汭芮",
    "s": "泗畲嵩佘沭睢濉淞胥嵊鄯卅驷歙浉虒",
    "t": "疃坨沱洮潼覃滕佗昙郯佟鮀邰",
    "w": "圩汶佤辋仵倭薇浯沩畹婺兀鹉渥",
    "x": "岘浔莘浒硖潇筱陉芗鑫逍漩盱淅馨榭澥庠峃荥蚬隰岫猇浠溆瑕",
    "y": "驿垭塬颍晏闫垟垸琊沅瀛弋郢攸怡桠毓埇鄢昱鹦庾迤猗邺鄞峄兖郓蓥奕夭旸嵛芫雩岈胭筠莺墕幺崾眙黟偃郾禺邕钰洇妪",
    "z": "梓柘渚冢圳芷诏竺砦濯涿沚枞嶂昝祯赭侏陟钊榛獐塚畛祉箦岞雉鄣陬洙臧罾秭浈",
}
# level-1 characters read otherwise in place names than their level-1 position says
_PLACE_READINGS = {"重": "c", "藏": "z"}
_OVERRIDES = {ch: letter for letter, chars in _BY_LETTER.items() for ch in chars} | _PLACE_READINGS


@lru_cache(maxsize=None)  # one entry per character ever asked: a few thousand at most
def initial(ch: str) -> str | None:
    """The pinyin initial of one Chinese character, lower case ("绿" → "l"); None for a character that is
    not Chinese or whose initial is not known here (level 2 or outside GB2312, and not in the overrides)."""
    if ch in _OVERRIDES:
        return _OVERRIDES[ch]
    code = _code(ch)
    if code is None or not _BOUNDS[0] <= code <= _LEVEL1_LAST:
        return None
    letter = _LETTERS[0]
    for bound, candidate in zip(_BOUNDS, _LETTERS):
        if code < bound:
            break
        letter = candidate
    return letter


def is_han(ch: str) -> bool:
    return "\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff" or "\U00020000" <= ch <= "\U0003134f"


def initials(name: str) -> str | None:
    """The initials of ``name``: one lower-case letter per Chinese character, ASCII letters (lower case) and
    digits kept, anything else (spaces, brackets, punctuation) left out: "绿阳区" → "lyq", "东镇2号库A" →
    "dz2hka". None when a Chinese character's initial is not known (a partial string would mislead a search),
    and for a name with nothing to spell."""
    letters = []
    for ch in name:
        if is_han(ch):
            letter = initial(ch)
            if letter is None:
                return None
            letters.append(letter)
        elif ch.isascii() and ch.isalnum():
            letters.append(ch.lower())
    return "".join(letters) or None


# 数据管理's forms label every enterprise on every run (15,000 in the demo city: 0.27 s of the page's 0.47 s of CPU
# a run before this cache)
@lru_cache(maxsize=1 << 16)
def hint(name: str) -> str | None:
    """The initials to show beside ``name`` in a list: None for a name without Chinese characters (they would
    only repeat it) or whose initials are not known."""
    return initials(name) if any(is_han(ch) for ch in name) else None


def searchable(name: str, *extra: str | None) -> str:
    """A select's label that finds ``name`` by its text, its initials or the ``extra`` parts (a code, a
    place): "绿阳区 · lyq · 419801000000"; the initials left out where ``hint`` gives none."""
    return " · ".join(p for p in (name, hint(name), *extra) if p)


def with_initials(label: str, name: str) -> str:
    """``label`` (a name with something after it, such as its count: "东镇（3）") followed by the initials of
    ``name`` alone: "东镇（3） · dz"; ``label`` unchanged where ``hint`` gives none."""
    spelled = hint(name)
    return f"{label} · {spelled}" if spelled else label
