"""docs/township-assessment.md states every rule of the township assessment and its source (issue 18, "Done
when … docs/township-assessment.md states every rule and its source"): each veto rule the code judges
(metrics.campaigns.VETO_CODES) has its numbered paragraph citing where it comes from, and every setting the
assessment reads stands in the document's settings table with the default a new database gets
(reference.SETTINGS), the defaults of ../shared/domain.md §5 where it names one."""

from __future__ import annotations

import re
from pathlib import Path

from riskdash.metrics.campaigns import VETO_CODES
from riskdash.reference import SETTINGS

DOC = (Path(__file__).resolve().parents[1] / "docs" / "township-assessment.md").read_text(encoding="utf-8")
DEFAULTS = {key: value for key, value, *_ in SETTINGS}

# the settings the assessment and its issue-18 rules read (metrics/campaigns.py)
ASSESSMENT_SETTINGS = sorted(
    [key for key in DEFAULTS if key.startswith("assessment_")]
    + ["staff_min_key", "staff_min_ordinary", "checklist_report_key", "zero_report_cutoff"])

# where a rule may say its source comes from: a regulation, a speech, the domain brief, the issue
SOURCES = ("493号令", "speech", "domain.md", "issue 18", "条例")

# defaults ../shared/domain.md §5 names (the document outside the repository; copied here as the contract)
DOMAIN_DEFAULTS = {"assessment_late_report_hours": "1", "staff_min_key": "2", "staff_min_ordinary": "0",
                   "checklist_report_key": "07-05", "zero_report_cutoff": "16:00"}


def settings_table() -> dict[str, str]:
    """`key` -> the first word of its default cell in the document's settings table."""
    rows = re.findall(r"^\| `([a-z_]+)` \| ([^|]+)\|", DOC, flags=re.M)
    return {key: cell.split()[0] for key, cell in rows}


def test_every_setting_the_assessment_reads_is_in_the_table_with_its_default():
    table = settings_table()
    assert [key for key in ASSESSMENT_SETTINGS if table.get(key) != DEFAULTS[key]] == []
    assert {key: DEFAULTS[key] for key in DOMAIN_DEFAULTS} == DOMAIN_DEFAULTS


def test_every_veto_rule_has_its_paragraph_with_a_source_and_its_switch():
    paragraphs = re.findall(r"^  (\d)\. `([a-z_]+)` — (.+?)(?=^  \d\. `|^  Rules|\Z)", DOC, flags=re.M | re.S)
    assert [code for _, code, _ in paragraphs] == list(VETO_CODES)  # numbered in the contract's order
    assert [code for _, code, text in paragraphs if not any(source in text for source in SOURCES)] == []
    # each rule is a setting assessment_veto_<code>, listed with its default (1: on)
    assert [code for code in VETO_CODES if settings_table().get(f"assessment_veto_{code}") != "1"] == []
