"""The code cites the repository's docs for its rules (issue 15 item 4): every ``docs/NAME.md`` and
``docs/NAME.md#anchor`` named in a source file exists, the anchor as GitHub makes it from a heading."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CITATION = re.compile(r"docs/([\w.-]+\.md)(?:#([\w\u4e00-\u9fff-]+))?")


def github_anchor(heading: str) -> str:
    """GitHub's heading slug: lower case, punctuation dropped (letters, digits, CJK, spaces, - and _ kept),
    spaces to hyphens."""
    text = heading.strip().lower()
    text = re.sub(r"[^\w\- ]", "", text)
    return text.replace(" ", "-")


def anchors(doc: Path) -> set[str]:
    found: set[str] = set()
    for line in doc.read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            found.add(github_anchor(line.lstrip("#")))
    return found


def citations() -> list[tuple[str, str, str | None]]:
    cited = []
    for folder in ("src", "pages"):
        for path in sorted((ROOT / folder).rglob("*")):
            if path.suffix not in {".py", ".sql"}:
                continue
            for name, anchor in CITATION.findall(path.read_text(encoding="utf-8")):
                cited.append((str(path.relative_to(ROOT)), name, anchor or None))
    return cited


def test_the_slug_is_githubs():
    assert github_anchor(" Flows and stock") == "flows-and-stock"
    assert github_anchor("Integer keys (schema 9)") == "integer-keys-schema-9"
    assert github_anchor("The headline rules (`riskdash.briefing.headline`, domain.md §6)") == (
        "the-headline-rules-riskdashbriefingheadline-domainmd-6")


def test_the_code_cites_the_rules_page():
    cited = citations()
    assert any(name == "rules.md" for _, name, _ in cited), "no source file cites docs/rules.md"


def test_every_cited_doc_and_anchor_exists():
    missing = []
    for source, name, anchor in citations():
        doc = ROOT / "docs" / name
        if not doc.exists():
            missing.append(f"{source}: docs/{name} does not exist")
        elif anchor and anchor not in anchors(doc):
            missing.append(f"{source}: docs/{name}#{anchor} names no heading")
    assert not missing, "\n".join(missing)


def test_no_source_cites_a_file_outside_the_repository():
    """product.md and domain.md are the team's briefs beside the repository, not in it: the code cites docs/
    (docs/rules.md, docs/import.md) so that a reader of the repository alone can follow every citation."""
    outside = re.compile(r"\b(?:product|domain)\.md\b")
    found = [f"{path.relative_to(ROOT)}:{number}"
             for folder in ("src", "pages") for path in sorted((ROOT / folder).rglob("*"))
             if path.suffix in {".py", ".sql"}
             for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
             if outside.search(line)]
    assert not found, f"cites a file outside the repository: {found}"
