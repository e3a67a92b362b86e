"""Interface text: every key in both languages, every key the screens use exists, every page is listed."""

from __future__ import annotations

import ast
import re
import string
from pathlib import Path

import pytest

from riskdash import i18n

ROOT = Path(__file__).resolve().parents[1]
SCREEN_SOURCES = [ROOT / "app.py", *sorted((ROOT / "pages").glob("*.py")),
                  *sorted((ROOT / "src" / "riskdash" / "ui").glob("*.py"))]
# t("key" ...), page.t("key" ...), ctx.t('key' ...), i18n.t("key" ...)
USED_KEY = re.compile(r"""\bt\(\s*["']([a-z_]+\.[a-z_.]+)["']""")


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def _text_problem(entry: dict) -> str | None:
    if set(entry) != set(i18n.LANGS):
        return f"languages {sorted(entry)}"
    if not (entry["zh"].strip() and entry["en"].strip()):
        return "an empty text"
    if placeholders(entry["zh"]) != placeholders(entry["en"]):
        return f"placeholders zh {sorted(placeholders(entry['zh']))} en {sorted(placeholders(entry['en']))}"
    return None


def test_every_key_has_chinese_and_english_with_the_same_placeholders():
    # one test for the whole dictionary, naming every key that fails and why
    problems = {key: _text_problem(entry) for key, entry in sorted(i18n.TEXT.items())}
    assert {key: why for key, why in problems.items() if why} == {}


def test_the_key_check_names_each_failing_key():
    assert _text_problem({"zh": "{n}项", "en": "{n} items"}) is None
    assert _text_problem({"zh": "{n}项", "en": "items"}) == "placeholders zh ['n'] en []"
    assert _text_problem({"zh": "项"}) == "languages ['zh']"
    assert _text_problem({"zh": " ", "en": "x"}) == "an empty text"


def test_chinese_text_is_chinese():
    # the default language: a key left in English by mistake shows up here
    # (a pure pattern of placeholders and punctuation, e.g. "{whole}（{part}）", has no words to translate)
    ascii_only = [k for k, v in i18n.TEXT.items() if not re.search(r"[\u4e00-\u9fff]", v["zh"])
                  and re.search(r"[A-Za-z]", re.sub(r"\{[^{}]*\}", "", v["zh"]))]
    assert ascii_only == []


def test_every_enum_code_has_both_names():
    missing = sorted(f"{kind}.{code}" for kind, codes in i18n.ENUMS.items() for code, names in codes.items()
                     if set(names) != set(i18n.LANGS) or not all(names.values()))
    assert missing == []


def test_enum_codes_match_the_domain():
    from riskdash.domain import GRADES
    from riskdash.filters import PRESETS

    assert tuple(i18n.ENUMS["grade"]) == GRADES
    assert tuple(i18n.ENUMS["preset"]) == PRESETS


def test_every_key_the_screens_use_exists():
    used = {key for path in SCREEN_SOURCES for key in USED_KEY.findall(path.read_text(encoding="utf-8"))}
    assert used, "the pattern found no keys: has the calling convention changed?"
    assert sorted(used - i18n.TEXT.keys()) == []


def test_every_page_has_its_title_and_is_in_the_navigation():
    files = {p.stem for p in (ROOT / "pages").glob("*.py")}
    assert files == set(i18n.PAGES)
    app = (ROOT / "app.py").read_text(encoding="utf-8")
    listed = re.findall(r'nav_page\("pages/(\w+)\.py", "([^"]+)"', app)
    assert [name for name, _ in listed] == list(i18n.PAGES)
    assert all(icon.startswith(":material/") for _, icon in listed)  # emoji render as boxes on the intranet PCs
    for name in i18n.PAGES:
        assert f"page.{name}" in i18n.TEXT
        assert f'start_page("{name}")' in (ROOT / "pages" / f"{name}.py").read_text(encoding="utf-8")


def streamlit_layer(path: Path) -> bool:
    """riskdash/ui/ and each screen's draw.py: the only modules allowed to import Streamlit."""
    parts = path.relative_to(ROOT / "src" / "riskdash").parts
    return parts[0] == "ui" or (parts[0] == "screens" and parts[-1] == "draw.py")


def _imports_streamlit(path) -> bool:
    """An import statement of the module (read with ast: a script kept as text, like the bench's floor app, is
    not an import of the package)."""
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        names = [a.name for a in node.names] if isinstance(node, ast.Import) else (
            [node.module or ""] if isinstance(node, ast.ImportFrom) else [])
        if any(n == "streamlit" or n.startswith("streamlit.") for n in names):
            return True
    return False


def test_only_the_ui_layer_imports_streamlit():
    package = ROOT / "src" / "riskdash"
    importing = {p.relative_to(package).as_posix() for p in package.rglob("*.py") if _imports_streamlit(p)}
    assert sorted(p for p in importing if not streamlit_layer(package / p)) == []
    assert "screens/accidents/draw.py" in importing  # the test sees the screens' Streamlit modules


def test_t_formats_and_refuses_unknown_keys_and_languages():
    assert i18n.t("stamp.as_of", "zh", day="2026年11月28日") == "数据截至2026年11月28日"
    assert i18n.t("stamp.as_of", "en", day="28 Nov 2026") == "Data as of 28 Nov 2026"
    with pytest.raises(KeyError):
        i18n.t("no.such.key")
    with pytest.raises(ValueError):
        i18n.t("app.title", "fr")


def test_numbers_and_dates():
    from datetime import date

    assert i18n.pct(None) == "—"
    assert i18n.pct(0) == "0.0%"
    assert i18n.pct(1) == "100.0%"
    assert i18n.pct(1 / 3) == "33.3%"
    assert i18n.pct(0.00125) == "0.1%"  # half away from zero
    assert i18n.signed_pct(None) == "—"
    assert i18n.signed_pct(-33.3) == "-33.3%"
    assert i18n.signed_pct(12) == "+12.0%"
    assert i18n.signed_pct(0.0) == "0.0%"
    assert i18n.day(date(2026, 11, 28)) == "2026年11月28日"
    assert i18n.period(date(2026, 1, 1), date(2026, 6, 30)) == "2026年1—6月"
    assert i18n.preset_name("completed_months", date(2026, 11, 28)) == "1—10月"
    assert i18n.preset_name("completed_months", date(2026, 11, 28), "en") == "Jan–Oct"
    assert i18n.preset_name("year_to_date", date(2026, 11, 28)) == "本年至今（1月1日—11月28日）"
    assert i18n.sector_name(("工贸", "Industry and trade"), "en") == "Industry and trade"
    assert i18n.sector_name(("工贸", None), "en") == "工贸"


def test_no_text_key_is_written_twice_in_one_dictionary():
    # a dict literal keeps the last of two equal keys without a word: one screen then shows another's label
    import ast

    sources = [ROOT / "src" / "riskdash" / "i18n.py", *(ROOT / "src" / "riskdash" / "text").glob("*.py")]
    repeated = []
    for path in sources:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Dict):
                keys = [k.value for k in node.keys if isinstance(k, ast.Constant) and isinstance(k.value, str)]
                repeated += [(path.name, key) for key in set(keys) if keys.count(key) > 1]
    assert repeated == []


# One name per figure (domain.md §6), in each language, on every screen and document: the text modules hold
# every label, so a synonym written anywhere shows up here. Each banned word names the figure's one name.
BANNED_NAMES = {
    "账龄": "隐患存续时间",
    "漏报": "台账漏项 (漏报 means unreported accidents)",
    "漏洞": "台账漏项",
    "重大风险": "风险评分: 红色预警 / 重点关注 (重大风险 is the enterprise's own assessment)",
    "较大风险": "重点关注",
    "高风险企业": "红色预警和重点关注企业",
    "整改销号率": "重大隐患整改率",
    "重大隐患销号": "重大隐患整改率",
    "挂牌督办未销号": "挂牌督办未摘牌 (supervision ends at 摘牌)",
    "达标": "合格/不合格",
    # English words match as written: "larger" stays plain English ("a difference this large or larger")
    "Larger": "relatively major (较大)",
    "larger-and": "relatively major or worse (较大及以上)",
    "larger and above": "relatively major or worse (较大及以上)",
    "larger-or": "relatively major or worse (较大及以上)",
    "larger grade": "relatively major (较大)",
    "Especially major": "especially serious (特别重大)",
    "especially major": "especially serious (特别重大)",
    "high-risk enterprise": "red-alert and close-attention enterprises",
    "High-risk enterprise": "red-alert and close-attention enterprises",
    "Major rate": "major-hazard rectification rate",
    "major rate": "major-hazard rectification rate",
    "General rate": "general-hazard rectification rate",
    "general rate": "general-hazard rectification rate",
    "Age": "time open (隐患存续时间)",
}
# each figure's name in Chinese (a unit in brackets may follow) and its one English name
FIGURE_NAMES = {
    "隐患整改率": "Rectification rate",
    "一般隐患整改率": "General-hazard rectification rate",
    "重大隐患整改率": "Major-hazard rectification rate",
    "逾期未销号隐患": "Overdue, not closed",
    "逾期未销号重大隐患": "Overdue major hazards not closed",
    "挂牌督办未摘牌": "Listed supervision not lifted",
    "较大及以上事故": "Relatively major or worse accidents",
    "红色预警": "Red alert",
    "重点关注": "Close attention",
    "红色预警企业": "Red-alert enterprises",
    "重点关注企业": "Close-attention enterprises",
    "隐患存续时间": "Time open",
    "台账漏项": "Ledger gaps",
    "死亡（含失踪）": "Deaths incl. missing",
    "合格": "Passed",
    "不合格": "Failed",
}
UNIT = re.compile(r"（[^（）]*）$")
NOTE = re.compile(r" \([^()]*\)$")


def _all_names() -> list[tuple[str, dict[str, str]]]:
    texts = list(i18n.TEXT.items())
    texts += [(f"{kind}.{code}", names) for kind, codes in i18n.ENUMS.items() for code, names in codes.items()]
    return texts


def test_no_figure_goes_by_a_banned_name():
    found = []
    for key, entry in _all_names():
        for word, name in BANNED_NAMES.items():
            pattern = re.escape(word) if re.search(r"[\u4e00-\u9fff]", word) else rf"\b{re.escape(word)}\b"
            for lang, text in entry.items():
                if re.search(pattern, text):
                    found.append(f"{key} ({lang}) says {word!r}: use {name}")
    assert found == []


def test_each_figure_has_one_english_name():
    named, seen = {}, set()
    for key, entry in _all_names():
        once = UNIT.sub("", entry["zh"])  # 重大隐患整改率（%） → 重大隐患整改率; 死亡（含失踪）（人） → 死亡（含失踪）
        zh = next((name for name in (entry["zh"], once, UNIT.sub("", once)) if name in FIGURE_NAMES), None)
        if zh:
            seen.add(zh)
            # a trailing note in brackets may follow; a column of one row each may say it in the singular
            en = NOTE.sub("", entry["en"]).lower()
            named[key] = en in (FIGURE_NAMES[zh].lower(), FIGURE_NAMES[zh].lower().removesuffix("s")) or entry["en"]
    # every figure is named somewhere, and everywhere the same way
    assert {k: v for k, v in named.items() if v is not True} == {}
    assert seen == set(FIGURE_NAMES)


def test_every_text_module_is_listed_by_name():
    """i18n names its text modules (no package scan): a screen's text.py or a text/ module left off the list
    would leave its keys missing."""
    package = ROOT / "src" / "riskdash"
    files = [*package.glob("screens/*/text.py"), *(package / "text").glob("*.py")]
    on_disk = {".".join(p.relative_to(package).with_suffix("").parts) for p in files if p.name != "__init__.py"}
    listed = [m.__name__.removeprefix("riskdash.") for m in i18n._text_modules()]
    assert sorted(listed) == sorted(on_disk)
    assert len(listed) == len(set(listed))
