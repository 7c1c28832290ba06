"""The served app's screens, headless: the login screen (wrong password, lockout, the one-time
password's new-password step), a candidate's own trainer after it, and the instructor's class screen."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest
from argon2 import PasswordHasher
from conftest import SIZE, screen_text, until
from test_drill import open_drill

from examprep.practice.accounts import INSTRUCTOR, Accounts
from examprep.practice.records import AnswerRecord
from examprep.practice.store import open_database
from examprep.serve.desk import FrontDesk
from examprep.tui.app import ExamPrepApp
from examprep.tui.screens.class_screen import ClassScreen
from examprep.tui.screens.home_screen import HomeScreen
from examprep.tui.screens.login_screen import LoginScreen, NewPasswordScreen, locked_text

CHEAP = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)  # the real parameters cost ~50 ms a hash


@pytest.fixture()
def passwords(data_dir):
    """Two candidates and an instructor; the second candidate has chosen a password already."""
    database, _ = open_database(data_dir)
    accounts = Accounts(database, CHEAP)
    first = {ident: accounts.add(ident, name, role) for ident, name, role in
             (("c001", "张伟", "candidate"), ("c002", "王芳", "candidate"), ("t001", "李老师", INSTRUCTOR))}
    accounts.change_password("c002", first["c002"], "wangfang-2024")
    accounts.change_password("t001", first["t001"], "teacher-2024")
    database.close()
    return first


@pytest.fixture()
def make_served(bank, data_dir, clock):
    apps = []

    def make(address: str = "10.0.0.7") -> ExamPrepApp:
        app = ExamPrepApp(bank, None, clock=clock, seed=1, desk=FrontDesk(data_dir, address, CHEAP))
        app.animation_level = "none"
        apps.append(app)
        return app

    yield make
    for app in apps:
        app.served_desk.close()


async def log_in(app, pilot, ident: str, password: str, typed: bool = True) -> None:
    """Log in by typing, key by key; or, for the repeated attempts of a test (typed=False), by filling
    the fields and pressing Enter, which saves the pilot's pause per key."""
    await until(pilot, lambda: isinstance(app.screen, LoginScreen))
    if typed:
        await pilot.click("#login-id")
        await pilot.press(*ident, "enter", *password, "enter")
    else:
        await fill_and_submit(app, pilot, {"#login-id": ident, "#login-password": password})
        return
    await pilot.pause()


async def fill_and_submit(app, pilot, values: dict[str, str]) -> None:
    """Fill the fields (selector -> value), focus the last and press Enter: the repeated attempts of a
    test, which the first attempt typed key by key."""
    field = None
    for selector, value in values.items():
        field = app.screen.query_one(selector)
        field.value = value
    field.focus()
    await pilot.press("enter")
    await pilot.pause()


async def new_password(app, pilot, password: str) -> None:
    await fill_and_submit(app, pilot, {"#new-password": password, "#new-password-again": password})


def error_text(app) -> str:
    return str(app.screen.query_one("#login-error").render())


async def test_wrong_password_then_lockout(make_served, passwords):
    app = make_served()
    async with app.run_test(size=SIZE) as pilot:
        await log_in(app, pilot, "c002", "wrong-one")
        assert error_text(app) == "考生编号或密码不正确，请重新输入。"
        assert app.screen.query_one("#login-password").value == ""  # the password is not kept
        await log_in(app, pilot, "nobody", "wrong-one", typed=False)
        assert error_text(app) == "考生编号或密码不正确，请重新输入。"  # an unknown id reads the same
        for _ in range(4):  # five failures of one account lock it
            await log_in(app, pilot, "c002", "wrong-one", typed=False)
        await log_in(app, pilot, "c002", "wangfang-2024", typed=False)  # even the right password waits now
        assert error_text(app).startswith("登录失败次数过多，已暂时锁定，请 ")
        assert isinstance(app.screen, LoginScreen)


def test_lockout_wording():
    assert locked_text(30) == "登录失败次数过多，已暂时锁定，请 30 秒后再试。"
    assert locked_text(0.2) == "登录失败次数过多，已暂时锁定，请 1 秒后再试。"
    assert locked_text(900) == "登录失败次数过多，已暂时锁定，请 15 分钟后再试。"


async def test_the_failures_of_one_address_count_across_accounts(make_served, passwords, data_dir):
    database, _ = open_database(data_dir)
    accounts = Accounts(database, CHEAP)
    for i in range(20):  # twenty failures from one address lock it for every id tried from there
        accounts.login(f"x{i:03d}", "guess", "10.0.0.9")
    database.close()
    app = make_served("10.0.0.9")
    async with app.run_test(size=SIZE) as pilot:
        await log_in(app, pilot, "c002", "wangfang-2024")
        assert error_text(app).startswith("登录失败次数过多")
    other = make_served("10.0.0.10")
    async with other.run_test(size=SIZE) as pilot:
        await log_in(other, pilot, "c002", "wangfang-2024")
        assert isinstance(other.screen, HomeScreen)


async def test_one_time_password_asks_for_a_new_one(make_served, passwords, data_dir):
    app = make_served()
    async with app.run_test(size=SIZE) as pilot:
        await log_in(app, pilot, "c001", passwords["c001"])
        await until(pilot, lambda: isinstance(app.screen, NewPasswordScreen))
        await pilot.press(*"zhangwei-1", "enter", *"zhangwei-2", "enter")
        await pilot.pause()
        assert error_text(app) == "两次输入的新密码不一致。"
        await new_password(app, pilot, "short")  # the accounts' own rule, said as they say it
        assert isinstance(app.screen, NewPasswordScreen) and "8" in error_text(app)
        await new_password(app, pilot, "zhangwei-2024")
        await until(pilot, lambda: isinstance(app.screen, HomeScreen))
        assert "张伟" in screen_text(app)
        assert len(app.screen_stack) == 2  # no way back to the login: the home screen over the base
    database, _ = open_database(data_dir)
    result = Accounts(database, CHEAP).login("c001", "zhangwei-2024", "10.0.0.7")
    database.close()
    assert result.ok and not result.must_change


async def test_a_candidate_answers_into_their_own_progress(make_served, passwords, data_dir):
    app = make_served()
    async with app.run_test(size=SIZE) as pilot:
        await log_in(app, pilot, "c002", "wangfang-2024")
        await until(pilot, lambda: isinstance(app.screen, HomeScreen))
        assert app.trainer.store.account == "c002"
        await open_drill(app, pilot, "q.judge")
        await pilot.press("a", "enter")
        await until(pilot, lambda: "✓ 正确" in screen_text(app))
    database, _ = open_database(data_dir)
    try:
        assert [a.question_id for a in database.store("c002", refold=False).answers()] == ["q.judge"]
        assert database.store("c001", refold=False).answers() == []
    finally:
        database.close()


async def test_the_instructor_sees_the_class(make_served, passwords, data_dir):
    database, _ = open_database(data_dir)
    store = database.store("c002")
    when = datetime(2024, 3, 1, 2, tzinfo=timezone.utc)  # the clock of the pilot tests
    for question, right in (("q.judge", True), ("q.single", False), ("q.single", False), ("q.single", False)):
        store.record_answer(AnswerRecord(question, when, 1.0 if right else 0.0, 1.0, right, "A"))
    exam = store.start_exam("mock-primary", "初级模拟试卷", 1, "A", when, 3600)
    store.finish_exam(exam, when, 8, 10)
    database.close()
    app = make_served()
    async with app.run_test(size=(120, 60)) as pilot:
        await log_in(app, pilot, "t001", "teacher-2024")
        await until(pilot, lambda: isinstance(app.screen, ClassScreen))
        from conftest import plain

        text = plain(app.screen.query_one("#class-report").content)
        assert "考生 2 人，本周（2月26日–3月1日）练习了 1 人。" in text
        assert "王芳" in text and "张伟" in text and "从未练习" in text
        assert "客户信息的重要性" in text.split("最薄弱的考点")[1].split("各主题正确率")[0]
        assert "初级模拟试卷：1 人参考、1 次" in text and "合格率 100%" in text
        assert "李老师" not in text  # the instructor is not one of the class
        await pilot.press("p")  # and may practise like a candidate
        await until(pilot, lambda: isinstance(app.screen, HomeScreen))
        assert app.trainer.store.account == "t001"
