"""专项行动与乡镇规范化 Campaigns and township standards: being built; the page says what it will hold and shows no figures yet."""

from riskdash import ui

page = ui.start_page("campaigns")
ui.planned_page(page, "campaigns")
