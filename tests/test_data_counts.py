"""数据管理's 各表行数 (issue 17 item 8): the counts are drawn with thousands separators (28,768, as the formula
lines write them) while the table's download keeps the numbers."""

from __future__ import annotations

import pandas as pd
import pyarrow as pa
from conftest import open_page

from riskdash import db
from riskdash.screens.data import view


def shown(table) -> list[list[str]]:
    """The cells st.table draws: its Styler's display values (the arrow data alone holds the raw numbers)."""
    frame = pa.ipc.open_stream(table.proto.arrow_data.styler.display_values).read_pandas()
    return frame.astype(str).values.tolist()


def test_counts_of_a_thousand_and_more_have_separators(small_db_path, monkeypatch):
    con = db.connect(small_db_path)
    try:
        before = con.execute("select count(*) from hazards").fetchone()[0]
        # copies of one hazard under new numbers: the hazards table holds 1,200 more rows
        con.execute("""insert into hazards by name
                       select h.* replace ('HX' || lpad(t.i::varchar, 5, '0') as hazard_id)
                       from (select * from hazards order by hazard_id limit 1) h, range(1200) t(i)""")
    finally:
        con.close()
    monkeypatch.setenv(db.ENV_DB, str(small_db_path))
    app = open_page("data")
    assert not app.exception, app.exception
    [table] = [t for t in app.table if "行数" in t.value.columns]
    assert before == 8
    assert table.value["行数"].tolist() == [6, 4, 7, 0, 1208, 2]  # the frame (and its download) keeps the numbers
    assert shown(table) == [["行政区划", "6"], ["企业", "4"], ["事故", "7"], ["检查", "0"], ["隐患", "1,208"],
                            ["重点部位", "2"]]


def test_counts_shown_keeps_small_numbers_and_the_frame():
    frame = view.counts_table(pd.DataFrame(
        {"table_name": ["hazards", "accidents"], "count_rows": [28768, 999]}), "zh")
    styled = view.counts_shown(frame)
    assert styled.data is frame
    assert styled.to_string(delimiter="|").splitlines()[1:] == ["0|隐患|28,768", "1|事故|999"]
