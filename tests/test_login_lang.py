"""The login page says its language (issue 17 item 9): ``<html lang>`` is zh-CN in Chinese and en in English, and
the screen CSS (caption contrast) is there, before anyone logs in. Before, only a logged-in page set them: the
login page of a Chinese dashboard said lang="en" (seen in Chromium on the demo city)."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import fill_small_city, prepared_database
from streamlit.testing.v1 import AppTest
from test_login import APP, TIMEOUT, add_guarded_accounts

from riskdash import db
from riskdash.ui import printing


@pytest.fixture()
def guarded_db(small_db_path: Path, monkeypatch) -> Path:
    small_db_path.unlink()
    prepared_database(small_db_path, fill_small_city, add_guarded_accounts)
    monkeypatch.setenv(db.ENV_DB, str(small_db_path))
    return small_db_path


def heads(at: AppTest) -> list[str]:
    return [h.proto.body for h in at.get("html") if "documentElement.lang" in h.proto.body]


def test_the_login_page_sets_html_lang_and_the_screen_css(guarded_db):
    at = AppTest.from_file(str(APP), default_timeout=TIMEOUT).run()
    assert not at.exception
    assert [t.label for t in at.text_input] == ["用户名", "密码"]  # the login form: nobody is logged in
    assert heads(at) == [printing.screen_css() + printing.lang_script("zh")]
    assert 'document.documentElement.lang = "zh-CN"' in heads(at)[0]
    at.sidebar.radio[0].set_value("en").run()
    assert [t.label for t in at.text_input] == ["Username", "Password"]
    assert heads(at) == [printing.screen_css() + printing.lang_script("en")]
