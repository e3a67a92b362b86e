"""数据管理 Data management: being built; the page says what it will hold and shows no figures yet."""

from riskdash import ui

page = ui.start_page("data")
ui.planned_page(page, "data")
