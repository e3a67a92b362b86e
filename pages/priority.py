"""重点部位/较大事故风险 Key sites / major-accident risk: being built; the page says what it will hold and shows no figures yet."""

from riskdash import ui

page = ui.start_page("priority")
ui.planned_page(page, "priority")
