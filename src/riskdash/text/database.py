"""The database as every screen meets it: waiting while another user's import or restore writes the file."""

TEXT = {
    "db.busy": {
        "zh": "其他用户正在导入或恢复数据，数据库暂时被占用。本页面正在等待，写入完成后将自动显示最新数据，请勿关闭页面。",
        "en": "Another user is importing or restoring data and the database is busy for the moment. This page is "
        "waiting and will show the latest data as soon as the write is done; please keep it open.",
    },
}
