"""The mock list's facts and the confirmation before the clock starts; the history of finished
exams (date, marks, pass or fail, time used, marks per section) from the mock list and from 统计;
the trend chart on the stats screen."""

from __future__ import annotations

from examprep.tui.screens.exam_history_screen import ExamHistoryScreen
from examprep.tui.screens.exam_screen import ExamScreen
from examprep.tui.screens.exam_setup_screen import ExamSetupScreen
from examprep.tui.screens.stats_screen import StatsScreen

from conftest import SIZE, plain, screen_text, until


def sit_an_exam(app, clock, minutes: int, answers: dict) -> None:
    trainer = app.trainer
    exam, exam_id = trainer.start_exam("mock-primary")
    for qid, value in answers.items():
        exam.answer(qid, value)
    clock.advance(minutes=minutes)
    trainer.finish_exam(exam_id, exam)


async def test_the_mock_list_shows_marks_pass_mark_and_time_and_asks_before_the_clock_starts(make_app, store):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("m")
        await until(pilot, lambda: isinstance(app.screen, ExamSetupScreen))
        assert "3 大题 3 小题 · 满分 6 分 · 3.6 分合格 · 限时 30 分钟" in screen_text(app)
        await pilot.press("enter")
        await pilot.pause()
        text = screen_text(app)
        assert "开始“初级模拟试卷”？" in text and "共 3 大题 3 小题，满分 6 分，3.6 分合格。" in text
        assert "限时 30 分钟，确定后立即开始计时" in text
        assert store.unfinished_exam() is None  # nothing started while asking
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, ExamSetupScreen) and store.unfinished_exam() is None
        await pilot.press("enter", "y")
        await until(pilot, lambda: isinstance(app.screen, ExamScreen))
        assert store.unfinished_exam() is not None


async def test_the_history_lists_each_finished_exam_from_the_mock_list_and_from_stats(make_app, clock):
    app = make_app()
    async with app.run_test(size=(100, 32)) as pilot:
        sit_an_exam(app, clock, 12, {"q.single": "B", "q.judge": True, "q.recall": "企业决策和客户分类"})
        clock.advance(days=1)
        sit_an_exam(app, clock, 45, {})  # nothing answered, submitted when the time ran out
        await pilot.press("m")
        await until(pilot, lambda: isinstance(app.screen, ExamSetupScreen))
        await pilot.press("h")
        await until(pilot, lambda: isinstance(app.screen, ExamHistoryScreen))
        report = plain(app.screen.query_one("#history-report").content, width=98)
        rows = [line for line in report.splitlines() if "初级模拟试卷" in line]
        newest, oldest = rows[-2].split(), rows[-1].split()
        assert newest[1:5] == ["初级模拟试卷", "0/6", "不合格", "30:00"]  # the whole 30 minutes
        assert oldest[1:5] == ["初级模拟试卷", "5/6", "合格", "12:00"]
        assert "一、单项选择题 2/2  二、判断题 1/1  三、默写题 2/3" in report
        assert "≥3.6" in report and "时间到" in report
        assert "共 2 次，合格 1 次" in report and "100%┤" in report  # the trend chart
        await pilot.press("escape", "escape", "t")
        await until(pilot, lambda: isinstance(app.screen, StatsScreen))
        stats = plain(app.screen.query_one("#report").content, width=78)
        assert "模拟考试成绩" in stats and "共 2 次，合格 1 次" in stats
        await pilot.press("h")
        await until(pilot, lambda: isinstance(app.screen, ExamHistoryScreen))


async def test_no_history_yet(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("t", "h")
        await until(pilot, lambda: isinstance(app.screen, ExamHistoryScreen))
        assert "还没有交卷的模拟考试" in screen_text(app)
