"""事故趋势 Accident trends: being built; the page says what it will hold and shows no figures yet."""

from riskdash import ui

page = ui.start_page("accidents")
ui.planned_page(page, "accidents")
