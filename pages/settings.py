"""设置 Settings: being built; the page says what it will hold and shows no figures yet."""

from riskdash import ui

page = ui.start_page("settings")
ui.planned_page(page, "settings")
