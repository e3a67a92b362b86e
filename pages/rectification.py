"""隐患治理 Hazard rectification: being built; the page says what it will hold and shows no figures yet."""

from riskdash import ui

page = ui.start_page("rectification")
ui.planned_page(page, "rectification")
