"""`examprep serve` and `examprep class report` on the command line, and what the server hands each
browser session (served mode, the browser's address), without a browser."""

from __future__ import annotations

import json
import shlex
import subprocess
import sys
from datetime import datetime, timezone

import pytest
from argon2 import PasswordHasher
from test_practice_fixtures import write_sample_root

from examprep.cli import main
from examprep.commands.serve import is_loopback, session_command
from examprep.practice.accounts import Accounts
from examprep.practice.records import AnswerRecord
from examprep.practice.store import open_database
from examprep.serve.session_env import (
    CLIENT_ADDRESS_ENV,
    SERVED_ENV,
    browser_address,
    client_address,
    is_served,
)

CHEAP = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)


def test_the_browser_address_trusts_only_the_named_proxy():
    proxies = frozenset({"127.0.0.1"})
    assert browser_address("10.1.2.3", None, proxies) == "10.1.2.3"
    # a browser may send any X-Forwarded-For: believed only from the proxy, and only its last entry
    assert browser_address("10.1.2.3", "1.1.1.1", proxies) == "10.1.2.3"
    assert browser_address("127.0.0.1", "6.6.6.6, 10.1.2.3", proxies) == "10.1.2.3"
    assert browser_address("127.0.0.1", None, proxies) == "127.0.0.1"
    assert browser_address(None, None, proxies) == "unknown"


def test_a_session_learns_it_is_served_and_from_where():
    assert is_served({SERVED_ENV: "1"}) and not is_served({})
    assert client_address({CLIENT_ADDRESS_ENV: "10.1.2.3"}) == "10.1.2.3"
    assert client_address({}) == "unknown"


def test_the_server_starts_each_session_served_with_the_address():
    pytest.importorskip("textual_serve")
    from examprep.serve.server import _SessionService

    service = _SessionService("true", write_bytes=None, write_str=None, close=None, download_manager=None,
                              address="10.1.2.3")
    env = service._build_environment(100, 30)
    assert env[SERVED_ENV] == "1" and env[CLIENT_ADDRESS_ENV] == "10.1.2.3"
    assert env["COLUMNS"] == "100" and env["TEXTUAL_DRIVER"].endswith("WebDriver")


def test_the_session_command_survives_spaces_and_carries_no_database_url(tmp_path):
    class Args:
        content = str(tmp_path / "我的 题库")
        data = str(tmp_path / "data; rm -rf x")
        db = "postgresql://exam:secret@127.0.0.1/exam"

    argv = shlex.split(session_command(Args()))
    assert argv == [sys.executable, "-m", "examprep", "--content", Args.content, "--data", Args.data]
    assert "secret" not in session_command(Args())


@pytest.mark.parametrize(("host", "loopback"), [("127.0.0.1", True), ("localhost", True), ("::1", True),
                                                ("0.0.0.0", False), ("192.168.1.5", False), ("exam.local", False)])
def test_loopback_hosts(host, loopback):
    assert is_loopback(host) is loopback


def test_a_port_out_of_range_is_a_usage_error(capsys):
    assert main(["serve", "--port", "70000"]) == 2
    assert "端口应在 1 到 65535 之间，不能是 70000" in capsys.readouterr().err


def test_serve_without_the_extra_says_how_to_install_it(tmp_path):
    code = ("import sys; sys.modules['textual_serve'] = None; sys.modules['textual_serve.server'] = None;"
            "from examprep.cli import main; sys.exit(main(['--data', sys.argv[1], 'serve']))")
    done = subprocess.run([sys.executable, "-c", code, str(tmp_path)], capture_output=True, text=True, timeout=60)
    assert done.returncode == 1
    assert "pip install 'examprep[serve]'" in done.stderr


def test_the_terminal_commands_load_no_server():
    code = ("import sys, examprep.cli, examprep.commands.app, examprep.tui.app, examprep.commands.class_progress;"
            "print(sorted(m for m in sys.modules if m.startswith(('textual_serve', 'aiohttp', 'argon2', 'psycopg'))))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


@pytest.fixture()
def class_data(tmp_path):
    data = tmp_path / "data"
    database, _ = open_database(data)
    accounts = Accounts(database, CHEAP)
    accounts.add("c001", "张伟")
    accounts.add("c002", "王芳")
    accounts.add("t001", "李老师", role="instructor")
    when = datetime.now(timezone.utc)
    store = database.store("c001")
    store.record_answer(AnswerRecord("q.judge", when, 1, 1, True, "true"))
    store.record_answer(AnswerRecord("q.single", when, 0, 1, False, "A"))
    exam = store.start_exam("mock-primary", "初级模拟试卷", 1, "A", when, 3600)
    store.finish_exam(exam, when, 5, 10)
    database.close()
    return data


def test_class_report_json(tmp_path, class_data, capsys):
    content = write_sample_root(tmp_path / "content")
    assert main(["--content", str(content), "--data", str(class_data), "class", "report", "--format", "json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["candidates"] == 2 and report["practised_this_week"] == 1
    assert [(a["account"], a["answers"], a["correct"]) for a in report["activity"]] == [("c001", 2, 1), ("c002", 0, 0)]
    (exam,) = report["exams"]
    assert (exam["candidates"], exam["passed"], exam["pass_rate"]) == (1, 0, 0.0)
    points = {p["id"]: (p["answers"], p["correct"]) for p in report["points"]}
    assert points["primary.customer-info.importance"] == (2, 1)


def test_class_report_html_to_a_file(tmp_path, class_data, capsys):
    content = write_sample_root(tmp_path / "content")
    out = tmp_path / "全班.html"
    assert main(["--content", str(content), "--data", str(class_data), "class", "report", "-o", str(out)]) == 0
    assert f"已写入全班学习情况报告 {out}" in capsys.readouterr().out
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "全班学习情况" in page and "张伟" in page and "李老师" not in page


def test_class_report_through_db_url(tmp_path, class_data, capsys):
    content = write_sample_root(tmp_path / "content")
    url = f"sqlite:{class_data / 'progress.sqlite3'}"
    assert main(["--content", str(content), "class", "report", "--format", "json", "--db", url]) == 0
    assert json.loads(capsys.readouterr().out)["candidates"] == 2
