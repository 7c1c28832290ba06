"""A fill question in the trainer: one field per blank, Chinese typed into each, graded blank by blank,
kept and restored in a mock exam."""

from __future__ import annotations

import pytest

from examprep.practice.session import DrillSession
from examprep.tui.screens.drill_screen import DrillScreen
from examprep.tui.screens.exam_result_screen import ExamResultScreen
from examprep.tui.screens.exam_screen import ExamScreen
from examprep.tui.widgets.answer.fill_answer import FillAnswer

from conftest import SIZE, answer_has_focus, feedback_text, plain, screen_text, until
from test_practice_fixtures import sample_bank


@pytest.fixture(scope="module")
def bank(tmp_path_factory):
    return sample_bank(tmp_path_factory.mktemp("content"), with_fill=True)


async def open_fill_drill(app, pilot) -> FillAnswer:
    app.push_screen(DrillScreen(DrillSession("drill", "练习", ["q.fill"])))
    await until(pilot, lambda: isinstance(app.screen, DrillScreen) and answer_has_focus(app))
    widget = app.screen.panel.answer_input
    assert isinstance(widget, FillAnswer)
    return widget


async def test_each_blank_takes_chinese_and_enter_moves_on_then_submits(make_app, store):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        widget = await open_fill_drill(app, pilot)
        text = screen_text(app)
        assert "【填空】" in text and "（　1　）" in text and "（　2　）" in text  # the stem's blanks numbered
        assert "在各空中填写" in text
        assert widget.fields[0].has_focus
        await pilot.press(*"决策")
        await pilot.press("enter")
        assert widget.fields[1].has_focus
        await pilot.press(*"细分", "enter")
        await pilot.pause()
        feedback = feedback_text(app)
        assert feedback.startswith("✓ 正确") and "得分 2 / 2" in feedback
        assert "你的答案\n（1）决策　（2）细分" in feedback
        assert "参考答案\n（1）决策；（2）分类（或：细分）" in feedback
        [record] = store.answers("q.fill")
        assert record.correct and record.answer == '["决策", "细分"]'
        assert widget.fields[0].disabled  # graded: no more changes


async def test_a_wrong_blank_shows_which_one(make_app, store):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        widget = await open_fill_drill(app, pilot)
        widget.fields[0].insert_text_at_cursor("决策")  # as an input method commits a phrase
        widget.fields[1].focus()
        await pilot.press(*"天气", "enter")
        await pilot.pause()
        feedback = feedback_text(app)
        assert feedback.startswith("◐ 部分正确") and "得分 1 / 2" in feedback
        assert "✓  第1空：决策「决策」" in feedback and "✗  第2空：分类" in feedback
        assert store.answers("q.fill")[0].score == 1


async def test_mock_exam_keeps_restores_and_marks_the_blanks(make_app, store, clock):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("m")
        await pilot.pause()
        await pilot.press("enter", "y")  # the first blueprint: the fill paper, and yes to start
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ExamScreen) and screen.item.question.type == "fill"
        await pilot.press(*"决策", "enter", *"分类")
        await pilot.pause()
        await pilot.press("escape")  # leave; the exam goes on
        await pilot.pause()
        exam = store.unfinished_exam()
        assert store.exam_answers(exam.id)["q.fill"] == '["决策", "分类"]'
        await pilot.press("enter")  # continue the unfinished exam
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ExamScreen)
        assert screen.panel.value == ("决策", "分类")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "还有 1 题没有作答" in screen_text(app)  # the judge question
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, ExamResultScreen)
        summary = plain(app.screen.query_one("#result").content)
        rows = {line.split()[0]: line.split()[1:] for line in summary.splitlines() if "、" in line}
        assert rows["一、填空题"] == ["2", "2", "1/1"]
        [record] = store.answers("q.fill")
        assert record.mode == "exam" and record.correct
