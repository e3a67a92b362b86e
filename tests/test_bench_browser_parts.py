"""riskdash bench's browser tasks (issue 17), the parts that need no browser: the steps and their targets, the
medians beside the floor, the ports, the served copy of the database with its bench account, the floor
script (same labels and keys as the dashboard, served with the same options). The browser itself:
tests/test_bench_browser.py."""

import inspect
import shutil

import pytest

from riskdash import accounts, cli, db
from riskdash.bench import browser_tasks as bt


def test_the_steps_of_one_run_in_order_with_their_targets():
    assert bt.step_names() == [
        "start", "login",
        "first/事故趋势", "first/隐患治理", "first/重点部位", "first/专项行动", "first/汇报",
        "warm/record", "warm/preset", "warm/date", "warm/region", "warm/tab", "warm/drill",
    ]
    assert bt.target_of("start") is None
    assert bt.target_of("login") == bt.target_of("first/汇报") == 3.0
    assert bt.target_of("warm/drill") == 1.0
    assert bt.describe("first/汇报") == "first visit of 汇报 after a server start"
    assert bt.describe("login") == "log in → 总览 (first visit)"


def test_summarise_gives_each_step_its_median_beside_the_floor():
    app = [{"start": 9.0, "login": 4.0, "warm/drill": 1.0},
           {"start": 7.0, "login": 2.0, "warm/drill": 1.5},
           {"start": 8.0, "login": 3.0}]  # the third run's drill failed: two runs count for it
    floor = [{"start": 2.0, "login": 0.5, "warm/drill": 0.25}, {"start": 4.0, "login": 0.7, "warm/drill": 0.35}]
    tasks = {task["name"]: task for task in bt.summarise(app, floor, load="5.00 4.00 3.00 on 2 CPUs")}
    assert list(tasks) == [f"browser/{step}" for step in bt.step_names()]
    assert tasks["browser/start"] == {
        "name": "browser/start", "what": "server start to health", "seconds": 8.0, "floor_seconds": 3.0,
        "over_floor_seconds": 5.0, "runs": 3, "all_seconds": [9.0, 7.0, 8.0], "target_seconds": None,
        "meets_target": None, "load_average": "5.00 4.00 3.00 on 2 CPUs"}
    login = tasks["browser/login"]
    assert (login["seconds"], login["floor_seconds"], login["meets_target"]) == (3.0, 0.6, True)  # 3.0 ≤ 3 s: met
    drill = tasks["browser/warm/drill"]
    assert (drill["seconds"], drill["runs"], drill["floor_seconds"]) == (1.25, 2, 0.3)
    assert drill["over_floor_seconds"] == 0.95
    assert drill["meets_target"] is False  # 1.25 s > 1 s
    # a step no run reached: no figure, no verdict
    empty = tasks["browser/first/汇报"]
    assert (empty["seconds"], empty["floor_seconds"], empty["runs"], empty["meets_target"]) == (None, None, 0, None)
    assert "load_average" not in bt.summarise(app, floor)[0]


def test_ports_come_from_the_given_range_and_a_bad_range_is_one_line(monkeypatch):
    assert bt.port_candidates(None) == [0]
    assert bt.port_candidates("8760-8762") == [8760, 8761, 8762]
    for bad in ("8762-8760", "8760", "a-b"):
        with pytest.raises(db.RiskdashError, match="expected a range such as 8760-8779"):
            bt.port_candidates(bad)
    monkeypatch.setenv(bt.PORTS_ENV, "8763-8765")
    assert 8763 <= bt.free_port() <= 8765


def test_only_browser_prefixes_select_the_browser_tasks():
    assert bt.browser_selected(["browser/"]) and bt.browser_selected(["browser/warm/drill"])
    assert not bt.browser_selected(None) and not bt.browser_selected([])  # never in a plain `riskdash bench`
    assert not bt.browser_selected(["brief/", "metrics/"])


def test_the_served_copy_has_a_bench_admin_and_the_source_is_untouched(small_db_path, tmp_path):
    before = small_db_path.read_bytes()
    folder = tmp_path / "served"
    folder.mkdir()
    served, password = bt.prepare_database(small_db_path, folder)
    assert served.parent == folder and small_db_path.read_bytes() == before
    con = db.connect(served)
    try:
        account = accounts.get_account(con, bt.BENCH_ACCOUNT)
        assert account.role == "admin" and not account.must_change_password
        assert accounts.authenticate(con, bt.BENCH_ACCOUNT, password).account.name == bt.BENCH_ACCOUNT
    finally:
        con.close()
    # a second copy over a database that already has the account sets a new password instead
    shutil.copyfile(served, tmp_path / "again.duckdb")
    again, second = bt.prepare_database(tmp_path / "again.duckdb", folder)
    con = db.connect(again)
    try:
        assert second != password and not accounts.get_account(con, bt.BENCH_ACCOUNT).must_change_password
        assert accounts.authenticate(con, bt.BENCH_ACCOUNT, second).account.name == bt.BENCH_ACCOUNT
    finally:
        con.close()


def test_the_floor_is_served_with_the_dashboards_server_options(tmp_path):
    serve_source = inspect.getsource(cli.cmd_serve)
    for option in bt.SERVER_OPTIONS[::2]:
        assert f'"{option}"' in serve_source, option
    command = bt.floor_command(tmp_path / "floor_app.py", 8765)
    assert command[1:4] == ["-m", "streamlit", "run"] and command[-len(bt.SERVER_OPTIONS):] == bt.SERVER_OPTIONS
    assert bt.serve_command(tmp_path / "x.duckdb", 8765)[1:4] == ["-m", "riskdash", "serve"]


def test_the_floor_draws_the_dashboards_labels_and_keys_without_data():
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_string(bt.FLOOR_APP).run()
    assert [w.label for w in at.text_input] == ["用户名", "密码"]
    at.session_state["who"] = "floor"
    at.run()
    assert not at.exception
    assert [s.label for s in at.sidebar.selectbox] == ["统计期", "县（市、区）"]
    assert "上月" in at.sidebar.selectbox[0].options and "自定义" in at.sidebar.selectbox[0].options
    assert at.title[0].value == "总览" and at.metric[0].label == "事故起数（起）"
    assert [t.label for t in at.tabs] == ["分类", "按行业", "按地区"]
    # lazy tabs as 事故趋势's (issue 17): only the open tab is drawn, so the drill select waits for 按地区
    assert "acc_drill" not in [s.key for s in at.selectbox]
    at.session_state["acc_breakdown"] = "按地区"
    at.run()
    assert at.selectbox(key="acc_drill").label == "下钻"
    # a drill choice runs the whole page (the county changes, as the dashboard's region does)
    at.selectbox(key="acc_drill").select("东镇").run()
    assert not at.exception
    assert at.sidebar.selectbox[1].value == "甲县"
    at.sidebar.selectbox[0].select("自定义").run()
    assert [d.label for d in at.sidebar.date_input] == ["开始日期"]


def test_a_served_process_leaves_no_descendant_behind(tmp_path):
    """kaleido's Chromium runs in a session of its own (outside the server's process group): the bench's stop
    ends every descendant, or each run left a server and a Chromium behind (seen on the shared machine)."""
    import sys
    import time

    port = bt.free_port()
    script = tmp_path / "server.py"
    script.write_text(
        "import http.server, subprocess, sys\n"
        "subprocess.Popen(['sleep', '300'], start_new_session=True)\n"
        "class H(http.server.BaseHTTPRequestHandler):\n"
        "    def do_GET(self):\n"
        "        self.send_response(200); self.end_headers(); self.wfile.write(b'ok')\n"
        "    def log_message(self, *a): pass\n"
        f"http.server.HTTPServer(('127.0.0.1', {port}), H).serve_forever()\n")
    with bt.served([sys.executable, str(script)], port, tmp_path / "log.txt", tmp_path) as (_, _, proc):
        family = bt.descendants(proc.pid)
        assert len(family) == 1  # the sleep, in its own session
        started = bt._started(family[0])

    def alive(pid: int) -> bool:  # the same process, neither gone nor a zombie waiting for init to reap it
        try:
            with open(f"/proc/{pid}/stat") as stat:
                state = stat.read().rsplit(")", 1)[1].split()[0]
        except OSError:
            return False
        return state != "Z" and bt._started(pid) == started

    deadline = time.monotonic() + 5
    while alive(family[0]) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not alive(family[0])
