"""汇报 Briefing: being built; the page says what it will hold and shows no figures yet."""

from riskdash import ui

page = ui.start_page("briefing")
ui.planned_page(page, "briefing")
