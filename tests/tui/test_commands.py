"""`examprep`, `drill`, `case` and `stats` from the command line: the checks made before the app
opens, the plain-text statistics, the corrupt-file path, and answers surviving kill -9."""

from __future__ import annotations

import signal
import subprocess
import sys
import textwrap

import pytest

from examprep.cli import main
from examprep.practice.records import AnswerRecord
from examprep.practice.store import FILE_NAME, open_store
from examprep.tui.app import ExamPrepApp

from conftest import T0
from test_practice_fixtures import write_sample_root


@pytest.fixture()
def root(tmp_path):
    return write_sample_root(tmp_path / "content")


@pytest.fixture()
def opened(monkeypatch):
    """Stands in for running the app: records how it would have opened."""
    seen = []

    def run(self):
        seen.append(self)

    monkeypatch.setattr(ExamPrepApp, "run", run)
    return seen


@pytest.mark.parametrize("argv, message", [
    (["drill", "--level", "primry"], "未知的级别 'primry'（是不是 'primary'？）；可用的级别：primary（初级/五级）"),
    (["drill", "--topic", "custmer-info"], "未知的主题 'custmer-info'（是不是 'customer-info'？）；"),
    (["drill", "--level", "intermediate", "--topic", "customer-info"],
     "未知的主题 'customer-info'（级别 'intermediate'）"),
    (["case", "case.promis"], "未知的案例 'case.promis'（是不是 'case.promise'？）；"),
])
def test_unknown_names_exit_1_before_the_app_opens(root, tmp_path, capsys, opened, argv, message):
    assert main(["--content", str(root), "--data", str(tmp_path / "d"), *argv]) == 1
    assert message in capsys.readouterr().err
    assert opened == []


@pytest.mark.parametrize("argv, kind, level, topic, case_id", [
    ([], "home", None, None, None),
    (["drill"], "drill", None, None, None),
    (["drill", "--level", "primary", "--topic", "phone-ordering"], "drill", "primary", "phone-ordering", None),
    (["drill", "--topic", "客户信息管理"], "drill", None, "customer-info", None),  # a topic by its title
    (["case"], "case", None, None, None),
    (["case", "case.promise"], "case", None, None, "case.promise"),
])
def test_where_the_app_opens(root, tmp_path, opened, argv, kind, level, topic, case_id):
    data = tmp_path / "d"
    assert main(["--content", str(root), "--data", str(data), *argv]) == 0
    (app,) = opened
    assert (app.start.kind, app.start.scope.level, app.start.scope.topic, app.start.case_id) == (
        kind, level, topic, case_id)
    assert (data / FILE_NAME).exists()  # progress is kept in --data


def test_drill_flags_set_the_size_and_the_new_questions_a_day(root, tmp_path, opened):
    argv = ["--content", str(root), "--data", str(tmp_path / "d"), "drill", "--size", "5", "--new-per-day", "0"]
    assert main(argv) == 0
    (app,) = opened
    assert (app.start.size, app.start.new_per_day) == (5, 0)


@pytest.mark.parametrize("flag, value, message", [
    ("--size", "0", "参数 --size：每次题量应在 1–9999 之间，而不是 0"),
    ("--new-per-day", "很多", "参数 --new-per-day：每日新题上限应为整数（0–9999），而不是“很多”"),
])
def test_drill_flags_out_of_range_are_usage_errors(root, tmp_path, capsys, flag, value, message):
    assert main(["--content", str(root), "--data", str(tmp_path / "d"), "drill", flag, value]) == 2
    assert message in capsys.readouterr().err


async def test_a_drill_opened_with_flags_has_their_size_and_keeps_the_allowance(make_app, store):
    from examprep.practice.limits import read_limits
    from examprep.practice.session import DrillScope
    from examprep.tui.app import Start
    from examprep.tui.screens.drill_screen import DrillScreen

    app = make_app(Start("drill", scope=DrillScope(level="primary"), size=2, new_per_day=7))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, DrillScreen) and len(app.screen.session.question_ids) == 2
    assert read_limits(store).new_per_day == 7 and read_limits(store).drill_size == 20


def test_corrupt_progress_file_is_moved_aside_and_the_app_says_so(root, tmp_path, capsys, opened):
    data = tmp_path / "d"
    data.mkdir()
    (data / FILE_NAME).write_bytes(b"garbage" * 1000)
    assert main(["--content", str(root), "--data", str(data)]) == 0
    err = capsys.readouterr().err
    assert "进度文件已损坏" in err and "已移到" in err
    assert opened[0].notice and "已移到" in opened[0].notice
    assert any(".corrupt-" in p.name for p in data.iterdir())


def test_stats_on_an_empty_data_folder(root, tmp_path, capsys):
    data = tmp_path / "never-used"
    assert main(["--content", str(root), "--data", str(data), "stats"]) == 0
    out = capsys.readouterr().out
    assert "共作答 0 次，正确率 —" in out and "各主题正确率" in out and "未来 7 天到期" in out
    assert "\x1b[" not in out  # plain text when not on a terminal
    assert not data.exists()  # looking creates nothing


def test_stats_in_plain_text(root, tmp_path, capsys):
    data = tmp_path / "d"
    store, _ = open_store(data)
    store.record_answer(AnswerRecord("q.single", T0, 1, 1, True, '"B"'))
    store.record_answer(AnswerRecord("q.gone", T0, 0, 1, False, '"B"'))  # no longer in the bank
    store.close()
    assert main(["--content", str(root), "--data", str(data), "stats"]) == 0
    out = capsys.readouterr().out
    assert "共作答 1 次，正确率 100%" in out
    row = next(line for line in out.splitlines() if "客户信息管理" in line).split()
    assert row[:5] == ["初级", "客户信息管理", "1/5", "1", "100%"]


def test_stats_and_the_trainer_refuse_data_naming_a_file(root, tmp_path, capsys, opened):
    target = tmp_path / "a-file"
    target.write_text("x")
    for argv in (["stats"], []):
        assert main(["--content", str(root), "--data", str(target), *argv]) == 1
        assert "不是文件夹" in capsys.readouterr().err
    assert opened == []


def test_stats_leave_a_damaged_file_where_it_is(root, tmp_path, capsys):
    data = tmp_path / "d"
    data.mkdir()
    (data / FILE_NAME).write_bytes(b"garbage" * 1000)
    assert main(["--content", str(root), "--data", str(data), "stats"]) == 1
    assert "已损坏" in capsys.readouterr().err
    assert [p.name for p in data.iterdir()] == [FILE_NAME]


def test_answers_the_disk_refused_to_the_end_make_the_exit_code_1(root, tmp_path, capsys, monkeypatch):
    def run(self):  # the trainer's session: the disk fills up, then an answer is given
        store = self.trainer.store
        pages = store._db.execute("PRAGMA page_count").fetchone()[0]
        store._db.execute(f"PRAGMA max_page_count = {pages}")
        store.record_answer(AnswerRecord("q.single", T0, 1, 1, True, '"B"' + " " * 5000))

    monkeypatch.setattr(ExamPrepApp, "run", run)
    assert main(["--content", str(root), "--data", str(tmp_path / "d")]) == 1
    assert "1 条记录未能保存" in capsys.readouterr().err


KILLED_IN_A_DRILL = """
import asyncio, os, signal, sys
from examprep.content import load_bank
from examprep.practice.store import open_store
from examprep.practice.session import DrillScope
from examprep.tui.app import ExamPrepApp

async def drill():
    store, _ = open_store(sys.argv[2])
    app = ExamPrepApp(load_bank(sys.argv[1]), store, seed=1)
    async with app.run_test(size=(80, 24)) as pilot:
        app.start_drill(DrillScope(level="primary"), "order")
        await pilot.pause()
        await pilot.press(*"企业决策", "ctrl+s")  # q.recall
        await pilot.pause()
        await pilot.press("n", "b", "enter")  # q.single
        await pilot.pause()
        print("answered", flush=True)
        os.kill(os.getpid(), signal.SIGKILL)  # mid-drill: no clean shutdown of anything

asyncio.run(drill())
"""


def test_answers_given_in_the_app_survive_kill_9(root, tmp_path):
    data = tmp_path / "d"
    proc = subprocess.run([sys.executable, "-c", KILLED_IN_A_DRILL, str(root), str(data)],
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == -signal.SIGKILL, proc.stderr
    assert proc.stdout.strip().endswith("answered")
    store, notice = open_store(data)
    assert notice is None
    assert [(a.question_id, a.correct) for a in store.answers()] == [("q.recall", False), ("q.single", True)]
    assert store.get_setting("last_session")["position"] == 2  # continuing starts at the third


def run_in_a_terminal_until(argv, signum, ready: bytes = "学习".encode(), timeout: float = 60):
    """Run examprep on a pseudo-terminal, send `signum` once `ready` is on screen; (exit code, output
    after the signal)."""
    import os
    import pty
    import select
    import time

    pid, fd = pty.fork()
    if pid == 0:  # the child: examprep on the terminal
        os.execv(sys.executable, [sys.executable, "-m", "examprep", *argv])
    seen, after, deadline = b"", b"", time.monotonic() + timeout
    sent = False
    while time.monotonic() < deadline:
        if not sent and ready in seen:
            os.kill(pid, signum)
            sent = True
        readable, _, _ = select.select([fd], [], [], 0.2)
        if not readable:
            continue
        try:
            chunk = os.read(fd, 65536)
        except OSError:  # the child has gone: the terminal is closed
            break
        if not chunk:
            break
        if sent:
            after += chunk
        else:
            seen += chunk
    if not sent:
        os.kill(pid, signal.SIGKILL)
    _, status = os.waitpid(pid, 0)
    os.close(fd)
    assert sent, f"the trainer never showed its home screen: {seen[-500:]!r}"
    return os.waitstatus_to_exitcode(status), after


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM, signal.SIGHUP])
def test_sigint_sigterm_and_sighup_restore_the_terminal(root, tmp_path, signum):
    code, after = run_in_a_terminal_until(["--content", str(root), "--data", str(tmp_path / "d")], signum)
    assert code == 128 + signum
    assert b"\x1b[?1049l" in after  # the alternate screen is left
    assert b"\x1b[?25h" in after  # the cursor is shown again
    assert b"\x1b[?1000l" in after  # mouse tracking is off
