"""The accepted spellings of an accident's 事故性质 and of 是/否 in 是否瞒报 / 是否谎报 are settings (issue 18: "an
accident `nature` … and 谎报/瞒报 flags (import, forms, settings' aliases)"; importer/aliases.py SETTING_DOMAINS,
docs/settings.md): the defaults accept exactly what was accepted before; a spelling an administrator adds is accepted
on import; a value in no list is refused in one line naming the file, row, column and the accepted spellings, and
nothing is written; the lists themselves are checked when saved (none empty, no spelling in two lists)."""

from __future__ import annotations

from datetime import date

import pytest
from test_import_issue18 import ACC_HEADER, ACC_ROW, accidents_file, con, refused, stored, write  # noqa: F401

from riskdash import records
from riskdash.importer import ImportFailed, import_file
from riskdash.importer.aliases import (BOOL_FALSE, BOOL_TRUE, FIXED, SETTING_ALIAS_KEYS, SETTING_DOMAINS,
                                       setting_spellings, split_aliases)
from riskdash.reference import SETTINGS

DEFAULTS = {key: value for key, value, *_ in SETTINGS}


def set_settings(con, tmp_path, **values):  # noqa: F811
    """Save settings as the 设置 screen does (an upsert of the settings kind, its checks included)."""
    lines = ["设置项,值"] + [f"{key},{value}" for key, value in values.items()]
    return import_file(con, "settings", write(tmp_path, "s.csv", "\n".join(lines) + "\n"), mode="upsert")


# ---------------------------------------------------------------------------------------------- defaults


def test_the_defaults_accept_what_was_accepted_before():
    assert set(SETTING_ALIAS_KEYS) <= set(DEFAULTS)
    nature = SETTING_DOMAINS["accident_nature"]
    for code, spellings in FIXED["accident_nature"].items():
        assert split_aliases(DEFAULTS[nature[code]]) == list(spellings)
    # yes / no: the list and the code (true / false) are the spellings of BOOL_TRUE / BOOL_FALSE
    assert {"true", *split_aliases(DEFAULTS["accident_flag_yes"])} == set(BOOL_TRUE)
    assert {"false", *split_aliases(DEFAULTS["accident_flag_no"])} == set(BOOL_FALSE)


def test_a_new_database_holds_them_and_an_older_one_reads_the_defaults(con):  # noqa: F811
    held = dict(con.execute("select key, value from settings").fetchall())
    assert {key: held[key] for key in SETTING_ALIAS_KEYS} == {key: DEFAULTS[key] for key in SETTING_ALIAS_KEYS}
    before = setting_spellings(con, "accident_flag")
    con.execute("delete from settings where key in ('accident_flag_yes', 'accident_nature_pending')")
    assert setting_spellings(con, "accident_flag") == before
    assert setting_spellings(con, "accident_nature")["pending"] == ("待定", "待认定", "未定")


def test_every_default_spelling_imports(con, tmp_path):  # noqa: F811
    yes, no = list(BOOL_TRUE), list(BOOL_FALSE)
    cells = [f"{y},{n}" for y, n in zip(yes, no)]
    import_file(con, "accidents", accidents_file(tmp_path, "是否瞒报,是否谎报", cells))
    assert {row[1:] for row in stored(con, "concealed, falsely_reported")} == {(True, False)}
    natures = [s for code, spellings in FIXED["accident_nature"].items() for s in (code, *spellings)]
    path = write(tmp_path, "n.csv", "\n".join([f"{ACC_HEADER},事故性质"]
                                              + [f"N{i},{ACC_ROW},{n}" for i, n in enumerate(natures)]) + "\n")
    import_file(con, "accidents", path)
    got = con.execute("select nature, count(*) from accidents where accident_id like 'N%' group by 1 "
                      "order by 1").fetchall()
    assert got == [("liability", 3), ("non_liability", 3), ("pending", 4)]


# ---------------------------------------------------------------------------------------------- edited lists


def test_a_spelling_added_in_settings_is_accepted(con, tmp_path):  # noqa: F811
    set_settings(con, tmp_path, accident_nature_non_liability="非责任事故|非责任|自然灾害",
                 accident_flag_yes=DEFAULTS["accident_flag_yes"] + "|属实")
    import_file(con, "accidents", accidents_file(tmp_path, "事故性质,是否瞒报,是否谎报",
                                                 ["自然灾害,属实,否", "责任,否,属实"]))
    assert stored(con, "nature, concealed, falsely_reported") == [
        ("A1", "non_liability", True, False), ("A2", "liability", False, True)]


def test_an_unknown_value_is_refused_in_one_line_naming_the_lists(con, tmp_path):  # noqa: F811
    set_settings(con, tmp_path, accident_nature_pending="待定|调查中", accident_flag_no="否|没有")
    exc = refused(con, "accidents", accidents_file(tmp_path, "事故性质", ["调查中", "不明"]))
    assert exc.lines() == [
        "a.csv: row 3: column nature: value '不明': one of: 责任事故、责任 (liability), 非责任事故、非责任 "
        "(non_liability), 待定、调查中 (pending); nothing was written"]
    exc = refused(con, "accidents", accidents_file(tmp_path, "是否谎报", ["没有", "无"]))  # 无 left the list
    assert exc.lines() == [
        "a.csv: row 3: column falsely_reported: value '无': yes or no, written as one of: "
        "是、有、已落实、√、✓、yes、y、t、1 (true), 否、没有 (false); nothing was written"]
    assert [(p.row, p.column, p.code) for p in exc.problems] == [(3, "falsely_reported", "flag")]
    assert exc.problems[0].expected("zh") == ("应为是或否，可填写：是、有、已落实、√、✓、yes、y、t、1 (true), "
                                              "否、没有 (false)")
    assert stored(con, "nature") == []


def test_the_form_sends_codes_which_are_always_accepted(con, tmp_path):  # noqa: F811
    set_settings(con, tmp_path, accident_flag_yes="属实", accident_flag_no="不属实",
                 accident_nature_liability="责任事故")
    values = {"accident_id": "F1", "occurred_at": "2025-03-05", "region_code": "419901001000",
              "industry": "industry_trade", "accident_type": "machinery", "deaths": "1", "serious_injuries": "0",
              "direct_loss_wan": "5", "nature": "liability", "concealed": "true", "falsely_reported": "false"}
    records.add(con, "accidents", values, actor="t", today=date(2025, 12, 1))
    assert stored(con, "nature, concealed, falsely_reported") == [("F1", "liability", True, False)]
    with pytest.raises(records.RecordRefused):  # 有 is no longer a spelling of yes (是, the exports', always is)
        records.add(con, "accidents", {**values, "accident_id": "F2", "concealed": "有"}, actor="t",
                    today=date(2025, 12, 1))


# ---------------------------------------------------------------------------------------------- saving the lists


@pytest.mark.parametrize(("values", "code"), [
    ({"accident_flag_yes": "|"}, "setting_alias_list"),  # no spelling
    ({"accident_nature_pending": "待定|" + "长" * 41}, "setting_alias_list"),  # one over 40 characters
    ({"accident_nature_non_liability": "非责任事故|责任"}, "setting_alias_overlap"),  # 责任 is liability's
    ({"accident_flag_no": "否|是"}, "setting_alias_overlap"),
    ({"accident_nature_pending": "待定|liability"}, "setting_alias_overlap"),  # another value's code
])
def test_a_bad_list_is_refused_and_nothing_is_written(con, tmp_path, values, code):  # noqa: F811
    before = con.execute("select key, value from settings order by key").fetchall()
    with pytest.raises(ImportFailed) as info:
        set_settings(con, tmp_path, **values)
    assert [p.code for p in info.value.problems] == [code]
    assert len(info.value.lines()) == 1 and info.value.lines()[0].endswith("nothing was written")
    assert con.execute("select key, value from settings order by key").fetchall() == before


def test_the_overlap_names_both_settings(con, tmp_path):  # noqa: F811
    with pytest.raises(ImportFailed) as info:
        set_settings(con, tmp_path, accident_nature_non_liability="非责任事故|责任")
    assert info.value.lines() == [
        "s.csv: column value: value '责任': this spelling is listed in both accident_nature_non_liability and "
        "accident_nature_liability (or is another value's code): an import could not tell them apart; "
        "nothing was written"]


# ---------------------------------------------------------------------------------------------- round trip


def screen_export(con, tmp_path, name: str = "export.csv"):  # noqa: F811
    """数据管理's Chinese export of the accidents table, as its download button writes it (CSV)."""
    from riskdash.importer.export import export_table, to_csv_bytes
    from riskdash.metrics.data import enum_choices
    from riskdash.screens.data.view import export_frame

    frame = export_frame(export_table(con, "accidents"), "accidents", enum_choices(con), "zh")
    path = tmp_path / name
    path.write_bytes(to_csv_bytes(frame))
    return path, frame


def test_an_export_reimports_after_the_lists_lose_the_spellings_it_writes(con, tmp_path):  # noqa: F811
    """The export writes 事故性质 as 责任事故 / 非责任事故 / 待定 and 是否瞒报 / 是否谎报 as 是 / 否 (CANONICAL): these
    are accepted whatever the settings hold, so an administrator who drops them from the lists (keeping only
    spellings of their own) does not break the export → import round trip. The lists still bind the rest."""
    import_file(con, "accidents", accidents_file(tmp_path, "事故性质,是否瞒报,是否谎报",
                                                 ["责任事故,是,否", "非责任,否,有", "待认定,否,否"]))
    before = stored(con, "nature, concealed, falsely_reported")
    assert before == [("A1", "liability", True, False), ("A2", "non_liability", False, True),
                      ("A3", "pending", False, False)]
    path, frame = screen_export(con, tmp_path)
    assert list(frame["事故性质"]) == ["责任事故", "非责任事故", "待定"]
    assert list(frame["是否瞒报"]) == ["是", "否", "否"] and list(frame["是否谎报"]) == ["否", "是", "否"]
    # the administrator keeps spellings of their own only: none of the export's is in a list any more
    set_settings(con, tmp_path, accident_nature_liability="责任", accident_nature_non_liability="非责任",
                 accident_nature_pending="待认定", accident_flag_yes="属实", accident_flag_no="不属实")
    con.execute("delete from accidents")
    import_file(con, "accidents", path)
    assert stored(con, "nature, concealed, falsely_reported") == before
    # the messages name the canonical spelling first, then the list
    con.execute("delete from accidents")
    exc = refused(con, "accidents", accidents_file(tmp_path, "是否瞒报", ["有"]))  # 有 left the list
    assert exc.lines() == [
        "a.csv: row 2: column concealed: value '有': yes or no, written as one of: 是、属实 (true), 否、不属实 "
        "(false); nothing was written"]


def test_a_list_may_not_give_a_canonical_spelling_to_another_value(con, tmp_path):  # noqa: F811
    """是 is always yes and 责任事故 always liability, listed or not: a list of another value naming them is refused
    on save, even where their own value's list no longer holds them."""
    for values in ({"accident_flag_yes": "属实", "accident_flag_no": "不属实|是"},
                   {"accident_nature_liability": "责任", "accident_nature_pending": "待定|责任事故"}):
        before = con.execute("select key, value from settings order by key").fetchall()
        with pytest.raises(ImportFailed) as info:
            set_settings(con, tmp_path, **values)
        assert [p.code for p in info.value.problems] == ["setting_alias_overlap"], values
        assert con.execute("select key, value from settings order by key").fetchall() == before
