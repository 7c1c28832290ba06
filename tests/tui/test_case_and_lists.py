"""The case screen, the 错题本 and 收藏: re-drilling what I got wrong or marked."""

from __future__ import annotations

from datetime import timedelta

from examprep.practice.records import AnswerRecord
from examprep.tui.app import Start
from examprep.tui.screens.case_screen import CaseScreen
from examprep.tui.screens.drill_screen import DrillScreen
from examprep.tui.widgets.feedback.feedback_panel import feedback_renderable

from conftest import SIZE, T0, feedback_text, plain, screen_text


async def test_case_scenario_beside_the_question(make_app, store):
    app = make_app(Start("case", case_id="case.promise"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, CaseScreen)
        text = screen_text(app)
        rows_with_both = [line for line in text.splitlines() if "八大承诺" in line or "请谈谈" in line]
        assert "L烟草推出" in text and "请谈谈如何进行客户期望管理" in text
        # side by side: the scenario's lines and the question's share the screen's rows
        scenario_row = next(i for i, line in enumerate(text.splitlines()) if "L烟草推出" in line)
        stem_row = next(i for i, line in enumerate(text.splitlines()) if "请谈谈" in line)
        assert abs(scenario_row - stem_row) < 6 and rows_with_both
        await pilot.press(*"首先要清晰期望，不过度承诺")
        await pilot.press("ctrl+s")
        await pilot.pause()
        feedback = feedback_text(app)
        assert feedback.startswith("◐ 部分正确") and "得分 5 / 10" in feedback
        assert store.answers("case.promise.q1")[0].mode == "case"
        await pilot.press("ctrl+t")  # hide the scenario for more room
        assert not app.screen.query_one("#scenario").display


async def test_mistakes_book_redrill_and_leaving_after_two_days(make_app, store, clock):
    store.record_answer(AnswerRecord("q.judge", T0 - timedelta(days=2), 0, 1, False, "false"))
    store.record_answer(AnswerRecord("case.promise.q1", T0 - timedelta(days=2), 0, 10, False, '""'))
    store.record_answer(AnswerRecord("q.judge", T0 - timedelta(days=1), 1, 1, True, "true"))
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("w")
        await pilot.pause()
        text = screen_text(app)
        assert "共 2 题" in text and "判断" in text and "错1次" in text and "再答对 1 次即可移出" in text
        await pilot.press("enter")  # drill from the highlighted (most recently missed first)
        await pilot.pause()
        assert isinstance(app.screen, DrillScreen)
        ids = app.screen.session.question_ids
        assert set(ids) == {"q.judge", "case.promise.q1"}
        while app.screen.question.id != "q.judge":
            await pilot.press("ctrl+n")
            await pilot.pause()
        await pilot.press("a", "enter")  # right again, on a second day: out of the book
        await pilot.pause()
        assert store.answers("q.judge")[-1].mode == "mistakes"
        await pilot.press("escape")
        await pilot.pause()
        text = screen_text(app)
        assert "共 1 题" in text and "判断" not in text


async def test_case_list_opens_a_case_and_a_missed_case_question_comes_with_its_scenario(make_app, store):
    store.record_answer(AnswerRecord("case.promise.q1", T0, 0, 10, False, '""'))
    app = make_app(Start("case"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "八大承诺" in screen_text(app) and "1 小题 · 10 分" in screen_text(app)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, CaseScreen)
        await pilot.press("escape", "escape")  # home; then the 错题本, where the case question is drilled
        await pilot.pause()
        await pilot.press("w", "enter")
        await pilot.pause()
        assert isinstance(app.screen, DrillScreen) and not isinstance(app.screen, CaseScreen)
        assert "【案例】八大承诺" in screen_text(app)


async def test_favourites_drill_and_unmark(make_app, store):
    store.set_favourite("q.calc", True, T0)
    store.set_favourite("q.single", True, T0 + timedelta(seconds=1))
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f")
        await pilot.pause()
        text = screen_text(app)
        assert "共 2 题" in text and "未作答" in text
        await pilot.press("u")  # unmark the highlighted (the first marked)
        await pilot.pause()
        assert store.favourites() == ["q.single"]
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.session.question_ids == ["q.single"]
        await pilot.press("b", "enter")
        await pilot.pause()
        assert feedback_text(app).startswith("✓ 正确")
        assert store.answers("q.single")[0].mode == "favourites"


def test_case_feedback_says_why_a_point_did_not_count(bank):
    question = bank.questions["case.promise.q1"]
    answer = "要清晰期望；加强感受就不必了"
    feedback = plain(feedback_renderable(question, answer, question.grade(answer)))
    assert "得分 5 / 10" in feedback
    assert "找到「加强感受」，但被否定" in feedback
