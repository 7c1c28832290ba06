"""The home screen: counts per level, the menu to every screen, and continuing where I left off."""

from __future__ import annotations

import pytest

from examprep.practice.records import AnswerRecord
from examprep.tui.screens.home_screen import HomeScreen

from conftest import SIZE, T0, answer_has_focus, plain, screen_text, until


async def test_counts_per_level(make_app, store):
    store.record_answer(AnswerRecord("q.single", T0, 0, 1, False, '"A"'))  # learning, in the book
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        table = plain(app.screen.query_one("#levels").content)
        primary = next(line for line in table.splitlines() if "初级" in line).split()
        # 级别 今日到期 学习中 新题 错题本 题量 案例
        assert primary[1:] == ["0", "1", "5", "1", "6", "0"]
        text = screen_text(app)
        assert "错题本（1）" in text and "模拟考试（1）" in text and "案例分析（1）" in text
        assert "Q 退出" in text  # keys are shown in the footer


MENU_KEYS = [
    ("s", "StudyScreen", "客户信息管理"),
    ("d", "DrillSetupScreen", "共 7 题"),
    ("c", "CaseListScreen", "八大承诺"),
    ("w", "MistakesScreen", "错题本是空的"),
    ("f", "FavouritesScreen", "还没有收藏"),
    ("m", "ExamSetupScreen", "初级模拟试卷"),
    ("t", "StatsScreen", "各主题正确率"),
    ("question_mark", "HelpScreen", "Ctrl+Q"),
]


async def test_menu_keys_and_enter_open_each_screen_and_escape_returns(make_app):
    app = make_app()  # one run of the app for every key: starting the app is most of a pilot test's time
    async with app.run_test(size=SIZE) as pilot:
        for key, screen_name, sees in MENU_KEYS:
            await pilot.press(key)
            await pilot.pause()
            assert type(app.screen).__name__ == screen_name, key
            assert sees in screen_text(app), key
            await pilot.press("escape")
            await pilot.pause()
            assert isinstance(app.screen, HomeScreen), key
        await pilot.press("down", "enter")  # and with Enter: the second entry is 练习
        await pilot.pause()
        assert type(app.screen).__name__ == "DrillSetupScreen"


async def test_continue_where_i_left_off(make_app, bank, store, clock):
    from examprep.practice.session import DrillScope
    from examprep.practice.trainer import Trainer
    from examprep.tui.screens.drill_screen import DrillScreen

    # A drill left after its first answer, saved as the drill screen saves it (tests/tui/test_commands.py
    # checks that it does): as if already moved on to the next question.
    trainer = Trainer(bank, store, clock, seed=1)
    session = trainer.drill(DrillScope(level="primary"), "order")
    assert session is not None and session.current == "q.recall"
    grading = trainer.answer(bank.questions["q.recall"], "企业决策", "drill")
    session.record("q.recall", float(grading.fraction))
    session.advance()
    trainer.save_session(session)
    app = make_app()  # a new run of the app: home offers to go on from the next question
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "上次：练习 · 初级 · 顺序（第 2/6 题）" in screen_text(app)
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, DrillScreen)
        assert app.screen.question.id == "q.single"
        assert app.screen.session.scores == {"q.recall": pytest.approx(1 / 3)}


async def test_ctrl_c_explains_how_to_quit_in_chinese(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+c")
        await pilot.pause()
        assert any("按 Ctrl+Q 退出" in str(n.message) for n in app._notifications)
        await pilot.press("ctrl+q")
    assert app.return_code == 0


async def test_a_moved_aside_progress_file_is_announced(make_app):
    app = make_app(notice="进度文件无法读取（file is not a database），已移到 /x/progress.corrupt.sqlite3")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert any("已移到 /x/progress.corrupt.sqlite3" in str(n.message) for n in app._notifications)


async def test_a_case_leaves_the_unfinished_drill_to_continue(make_app, bank, store, clock):
    """Defect 4: three questions of a drill, Esc, a case, Esc: home still offers 继续上次, and so does
    the next start of the app."""
    from examprep.practice.session import DrillScope
    from examprep.tui.screens.case_screen import CaseScreen
    from examprep.tui.screens.drill_screen import DrillScreen

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        app.start_drill(DrillScope(level="primary"), "order")
        await until(pilot, lambda: isinstance(app.screen, DrillScreen) and answer_has_focus(app))
        for keys in ([*"企业决策", "ctrl+s"], ["b", "enter"], ["a", "b", "d", "enter"]):  # recall, single, multiple
            await pilot.press(*keys)
            await pilot.pause()
            await pilot.press("n")
            await until(pilot, lambda: answer_has_focus(app))
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, HomeScreen))
        assert "上次：练习 · 初级 · 顺序（第 4/6 题）" in screen_text(app)
        app.open_case("case.promise")
        await until(pilot, lambda: isinstance(app.screen, CaseScreen) and answer_has_focus(app))
        await pilot.press(*"清晰期望", "ctrl+s")
        await pilot.pause()
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, HomeScreen))
        assert "上次：练习 · 初级 · 顺序（第 4/6 题）" in screen_text(app)
        assert "继续上次" in screen_text(app)
    again = make_app()  # and after a restart
    async with again.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "上次：练习 · 初级 · 顺序（第 4/6 题）" in screen_text(again)
        await pilot.press("r")
        await until(pilot, lambda: isinstance(again.screen, DrillScreen))
        assert again.screen.question.id == "q.judge"
