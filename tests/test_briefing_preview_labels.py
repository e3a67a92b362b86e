"""汇报's preview: shorter English headers for a table that would pass the preview's width (issue 17 item 7)."""

from __future__ import annotations

from riskdash import i18n
from riskdash.screens.briefing import view


def test_the_overdue_majors_headers_are_shortened_in_english_only():
    names = ("hazard", "township", "enterprise", "deadline", "days_overdue", "state", "supervision")
    english = [i18n.t(f"briefing.x.col.{n}", "en") for n in names]
    assert view.preview_labels(english) == {"Enterprise": "Firm", "Days overdue": "Days late",
                                            "Listed by": "Listing"}
    assert view.preview_labels([i18n.t(f"briefing.x.col.{n}", "zh") for n in names]) == {}
    assert view.preview_labels(["Hazard", "Deadline"]) == {}
