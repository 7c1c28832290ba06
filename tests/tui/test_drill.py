"""Drilling every question type: answering with the keys (Chinese typed into the text area), the
grading shown, and each answer committed to the store the moment it is given."""

from __future__ import annotations

import re

import pytest

from examprep.practice.session import DrillScope, DrillSession
from examprep.tui.screens.drill_screen import DrillScreen
from examprep.tui.widgets.answer.text_answer import TextAnswer

from conftest import SIZE, answer_has_focus, feedback_text, screen_text, until


async def open_drill(app, pilot, *ids: str) -> DrillScreen:
    app.push_screen(DrillScreen(DrillSession("drill", "练习", list(ids))))
    await until(pilot, lambda: isinstance(app.screen, DrillScreen) and answer_has_focus(app))
    return app.screen


OBJECTIVE = [
    ("q.single", ["b", "enter"], "✓ 正确", ["得分 1 / 1", "你的答案\nB. 企业决策"]),
    ("q.single", ["a", "enter"], "✗ 错误", ["得分 0 / 1", "参考答案\nB. 企业决策", "解析\n客户信息是企业决策的基础。"]),
    ("q.single", ["down", "space", "enter"], "✓ 正确", ["B. 企业决策"]),  # with the cursor
    ("q.multiple", ["a", "b", "d", "enter"], "✓ 正确", ["A. 企业决策；B. 客户分类；D. 客户满意"]),
    ("q.multiple", ["a", "c", "c", "enter"], "✗ 错误", ["你的答案\nA. 企业决策\n"]),  # C toggled off again
    ("q.judge", ["a", "enter"], "✓ 正确", ["你的答案\n对"]),
    ("q.judge", ["b", "enter"], "✗ 错误", ["你的答案\n错", "参考答案\n对"]),
    ("q.calc", ["4", "5", "enter"], "✓ 正确", ["参考答案\n45 %（允许误差 ±0.5）"]),
    ("q.calc", ["5", "0", "enter"], "✗ 错误", ["你的答案\n50 %"]),
]


async def test_objective_types(make_app, store):
    app = make_app()  # one run of the app, a fresh drill per row: starting the app is most of the time
    async with app.run_test(size=SIZE) as pilot:
        for row, (qid, keys, verdict, shown) in enumerate(OBJECTIVE):
            before = len(store.answers(qid))
            screen = await open_drill(app, pilot, qid)
            await pilot.press(*keys)
            await pilot.pause()
            text = feedback_text(app)
            assert text.startswith(verdict), row
            for piece in shown:
                assert piece in text, row
            answers = store.answers(qid)
            assert len(answers) == before + 1 and answers[-1].correct == verdict.startswith("✓"), row
            app.pop_screen()
            await until(pilot, lambda: app.screen is not screen)


async def test_order_question(make_app, bank, store):
    start = list(bank.questions["q.order"].presented_order())
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_drill(app, pilot, "q.order")
        widget = screen.panel.answer_input
        assert list(widget.order) == start
        # Put the items right by moving them: bubble each into place with shift+arrows.
        for target in range(3):
            row = widget.order.index(target)
            while widget.cursor != row:
                await pilot.press("down" if widget.cursor < row else "up")
            for _ in range(row - target):
                await pilot.press("shift+up")
        assert list(widget.order) == [0, 1, 2]
        await pilot.press("enter")
        await pilot.pause()
        assert feedback_text(app).startswith("✓ 正确")
        assert store.answers("q.order")[0].answer == "[0, 1, 2]"


async def test_a_wrong_order_shows_each_place_with_the_item_expected(make_app, bank):
    question = bank.questions["q.order"]
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_drill(app, pilot, "q.order")
        await pilot.press("enter")  # the order as shown, never the right one
        await pilot.pause()
        text = re.sub(r"([✓✗]) +", r"\1 ", feedback_text(app))
        assert text.startswith("✗ 错误") and "各位置" in text
        shown = question.presented_order()
        for n, expected in enumerate(question.items):
            if shown[n] == n:
                assert f"✓ 第{n + 1}位：{expected}" in text
            else:
                assert f"✗ 第{n + 1}位：{question.items[shown[n]]}（应为：{expected}）" in text


async def test_order_question_with_grab_and_move(make_app, bank):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_drill(app, pilot, "q.order")
        widget = screen.panel.answer_input
        before = list(widget.order)
        await pilot.press("space", "down", "space")  # pick up the first, carry it down one
        assert widget.order == [before[1], before[0], before[2]]


async def test_recall_typed_in_chinese_shows_points_and_highlights(make_app, store):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_drill(app, pilot, "q.recall")
        area = screen.panel.answer_input.area
        assert area.has_focus
        await pilot.press(*"客户信息是企业决策的基础")
        area.insert("，")  # full-width punctuation, as an input method sends it
        await pilot.press(*"也是客户分累的基础")  # 类 typed as 累: a homophone slip
        assert area.text == "客户信息是企业决策的基础，也是客户分累的基础"
        await pilot.press("ctrl+s")
        await pilot.pause()
        text = feedback_text(app)
        assert text.startswith("◐ 部分正确")
        assert "得分 2 / 3" in text
        lines = text.splitlines()
        assert any(line.startswith("✓") and "客户信息是企业决策的基础「企业决策」" in line for line in lines)
        assert any(line.startswith("✗") and "客户信息是客户满意的基础" in line for line in lines)
        # the matched words are highlighted in the answer as typed
        from examprep.tui.widgets.feedback.feedback_panel import FeedbackPanel, MATCH_STYLE

        group = screen.query_one(FeedbackPanel).content
        answer = next(r for r in group.renderables if getattr(r, "plain", "") == area.text).text
        marked = {answer.plain[s.start:s.end] for s in answer.spans if str(s.style) == MATCH_STYLE}
        assert marked == {"企业决策", "客户分累"}
        assert store.answers("q.recall")[0].answer == '"客户信息是企业决策的基础，也是客户分累的基础"'
        assert area.read_only  # graded: no more changes


async def test_short_question_through_the_input_method(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_drill(app, pilot, "q.short")
        await pilot.press(*"要清晰期望", "enter", *"还要加强感受")
        await pilot.press("ctrl+s")
        await pilot.pause()
        text = feedback_text(app)
        assert text.startswith("✓ 正确") and "得分 4 / 4" in text


async def test_blank_answer_is_not_submitted(make_app, store):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_drill(app, pilot, "q.recall", "q.single")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not screen.panel.graded
        assert store.answer_count() == 0


async def test_next_previous_and_the_summary(make_app, store):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_drill(app, pilot, "q.single", "q.judge")
        await pilot.pause()
        footer = screen_text(app).splitlines()[-1]  # keys as the keyboard prints them, not Textual's
        assert "^S 提交" in footer and "Esc 返回" in footer and "F1 帮助" in footer and "esc" not in footer
        await pilot.press("n")  # before grading, n does not skip
        assert screen.question.id == "q.single"
        await pilot.press("b", "enter")
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        assert screen.question.id == "q.judge"
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert screen.question.id == "q.single"
        await pilot.press("ctrl+n", "ctrl+n")  # ctrl+n skips, even unanswered
        await pilot.pause()
        assert screen.session.finished
        assert "本轮练习完成" in screen_text(app)
        assert "作答 1 题，全对 1 题" in screen_text(app)
        footer = screen_text(app).splitlines()[-1]
        assert "返回" in footer and not any(key in footer for key in ("提交", "下一题", "上一题", "收藏"))
        await pilot.press("ctrl+p")  # the drill's keys do nothing here either
        await pilot.pause()
        assert screen.session.finished
        assert app.trainer.store.get_setting("last_session") is None  # a finished drill is not offered again


async def test_favourite_toggle(make_app, store):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_drill(app, pilot, "q.recall")
        await pilot.press("ctrl+f")  # works while the text area has the focus
        await pilot.pause()
        assert store.favourites() == ["q.recall"]
        assert "★ 已收藏" in screen_text(app)
        await pilot.press("ctrl+f")
        assert store.favourites() == []


async def test_setup_screen_starts_a_drill(make_app):
    from examprep.tui.screens.drill_setup_screen import DrillSetupScreen

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        app.push_screen(DrillSetupScreen())
        await pilot.pause()
        setup = app.screen
        setup.query_one("#level").value = "primary"
        await pilot.pause()
        setup.query_one("#topic").value = "phone-ordering"
        await pilot.pause()
        assert "共 1 题：今日到期 0，学习中 0，新题 1（今日已学新题 0，还可学 20）" in screen_text(app)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, DrillScreen)
        assert app.screen.session.question_ids == ["q.calc"]
        assert app.screen.session.scope == DrillScope(level="primary", topic="phone-ordering")


async def test_drill_started_from_the_command_line(make_app):
    from examprep.tui.app import Start

    app = make_app(Start("drill", scope=DrillScope(level="intermediate")))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, DrillScreen)
        assert app.screen.session.question_ids == ["q.short"]
        assert isinstance(app.screen.panel.answer_input, TextAnswer)
        await pilot.press("escape")
        await pilot.pause()
        assert type(app.screen).__name__ == "HomeScreen"


async def test_setup_screen_keeps_the_drill_size_and_the_new_questions_a_day(make_app, store):
    from textual.widgets import Input

    from examprep.practice.limits import read_limits
    from examprep.tui.screens.drill_setup_screen import DrillSetupScreen

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        app.push_screen(DrillSetupScreen())
        await pilot.pause()
        setup = app.screen
        setup.query_one("#drill_size", Input).value = "0"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is setup  # refused, and said why
        assert any("每次题量应在 1–9999 之间，而不是 0" in str(n.message) for n in app._notifications)
        setup.query_one("#drill_size", Input).value = "3"
        setup.query_one("#new_per_day", Input).value = "2"
        await pilot.press("ctrl+s")
        await until(pilot, lambda: isinstance(app.screen, DrillScreen))
        assert len(app.screen.session.question_ids) == 2  # all new: the day's two
        limits = read_limits(store)
        assert (limits.drill_size, limits.new_per_day) == (3, 2)
        await pilot.press("escape")
        await pilot.pause()
        assert "今日新题 0（剩余 2）" in screen_text(app)


@pytest.mark.parametrize("keys", [["tab", "b", "enter"], ["tab", "shift+tab", "tab", "b", "enter"], ["tab", "enter"]])
async def test_tab_on_a_choice_question_leaves_the_keys_working_and_the_focus_visible(make_app, store, keys):
    from examprep.tui.widgets.question.question_panel import QuestionPanel

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_drill(app, pilot, "q.single")
        await pilot.press("tab")
        await pilot.pause()
        focused = app.focused
        assert focused is not None and (focused is screen.panel or screen.panel in focused.ancestors)
        if focused is screen.panel:  # the question itself: shown as focused
            assert isinstance(focused, QuestionPanel) and focused.has_focus
        await pilot.press(*keys[1:])
        await pilot.pause()
        if keys[-2] == "b":
            assert screen.panel.graded and feedback_text(app).startswith("✓ 正确")
            assert [a.question_id for a in store.answers()] == ["q.single"]
        else:  # Enter with nothing chosen: asks for an answer, as it does with the focus on the options
            assert not screen.panel.graded


async def test_the_siblings_are_worked_out_in_a_thread_after_start(make_app, bank):
    from examprep.practice import siblings

    siblings._CACHE.clear()
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        app.warm_up_siblings()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert siblings._CACHE[id(bank)][0] is bank  # the first drill finds them ready


async def test_the_drill_says_whether_a_question_is_new_learning_or_due(make_app, store, clock):
    from datetime import timedelta

    from examprep.practice.records import AnswerRecord

    for days in (30, 29):  # q.judge in review and due again
        store.record_answer(AnswerRecord("q.judge", clock() - timedelta(days=days), 1, 1, True, "true"))
    store.record_answer(AnswerRecord("q.calc", clock() - timedelta(minutes=20), 0, 2, False, "0"))  # learning
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        app.start_drill(DrillScope(level="primary", types=("judge", "calc", "single")), "due")
        await until(pilot, lambda: isinstance(app.screen, DrillScreen) and answer_has_focus(app))
        screen = app.screen
        assert screen.session.question_ids == ["q.calc", "q.judge", "q.single"]
        seen = []
        for keys in (["4", "5", "enter"], ["a", "enter"], ["b", "enter"]):
            status = screen.query_one("#drill-status").content.plain
            seen.append(status.split(" · ")[1].split()[0])
            await pilot.press(*keys)
            await pilot.pause()
            assert "N / Enter 下一题" in screen.query_one("#drill-status").content.plain.split("本轮")[0]
            await pilot.press("n")
            await until(pilot, lambda: screen.session.finished or answer_has_focus(app))
        assert seen == ["学习中", "到期复习", "新题"]
