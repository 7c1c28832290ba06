"""The mock exam: drawn from a blueprint, answers kept while moving between questions, submitted by
the candidate or by the clock (injected), the result by section and the review of every question."""

from __future__ import annotations

from examprep.tui.screens.exam_result_screen import ExamResultScreen
from examprep.tui.screens.exam_screen import ExamScreen

from conftest import SIZE, plain, screen_text


async def start_exam(app, pilot) -> ExamScreen:
    await pilot.press("m")
    await pilot.pause()
    listing = screen_text(app)
    await pilot.press("enter", "y")  # the paper, then yes to the confirmation that starts the clock
    await pilot.pause()
    assert isinstance(app.screen, ExamScreen)
    # the list counts questions as the exam does: each one answered on its own (a case's too)
    assert f"{len(app.screen.items)} 小题" in listing and f"已答 0/{len(app.screen.items)}" in screen_text(app)
    return app.screen


async def go_to(screen, pilot, qtype: str):
    target = next(i for i, item in enumerate(screen.items) if item.question.type == qtype)
    while screen.index != target:
        await pilot.press("ctrl+n" if screen.index < target else "ctrl+p")
        await pilot.pause()


async def answer_all(screen, pilot, right: bool = True, typing: bool = False):
    await go_to(screen, pilot, "single")
    item = screen.item
    letter = item.question.letter("B", item) if right else item.question.letter("A", item)
    await pilot.press(letter.lower())
    await go_to(screen, pilot, "recall")
    if typing:
        await pilot.press(*"企业决策和客户分类")
    else:  # as an input method commits a phrase at once
        screen.panel.answer_input.area.insert("企业决策和客户分类")
    await pilot.pause()


async def test_submit_shows_the_result_by_section_and_every_question(make_app, store):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await start_exam(app, pilot)
        await answer_all(screen, pilot)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "还有 1 题没有作答" in screen_text(app)
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, ExamResultScreen)
        summary = plain(app.screen.query_one("#result").content)
        assert "总分 4 / 6" in summary and "合格" in summary
        rows = {line.split()[0]: line.split()[1:] for line in summary.splitlines() if "、" in line}
        assert rows["一、单项选择题"] == ["2", "2", "1/1"]
        assert rows["二、判断题"] == ["0", "1", "0/1"]
        assert rows["三、默写题"] == ["2", "3", "1/1"]
        assert store.unfinished_exam() is None
        assert store.exams()[-1].score == 4
        # the exam's answers count towards the schedule and the 错题本
        assert [a.mode for a in store.answers()] == ["exam", "exam"]
        assert "q.recall" in store.mistake_ids()
        # review every question: the recall one shows its key points
        text = screen_text(app)
        assert "✓" in text and "—" in text
        while app.screen.query_one("#review").highlighted_option.id != "q.recall":
            await pilot.press("down")
        await pilot.press("enter")
        await pilot.pause()
        assert "得分 2 / 3" in plain(app.screen.query_one(".feedback").content)
        # the choice question is reviewed with the letters the paper showed, not the bank's keys
        await pilot.press("escape")
        await pilot.pause()
        while app.screen.query_one("#review").highlighted_option.id != "q.single":
            await pilot.press("up")
        await pilot.press("enter")
        await pilot.pause()
        item = next(i for i in app.screen.results if i.item.id == "q.single").item
        letter = item.question.letter("B", item)
        feedback = plain(app.screen.query_one(".feedback").content)
        assert f"你的答案\n{letter}. 企业决策" in feedback and f"参考答案\n{letter}. 企业决策" in feedback


async def test_time_out_submits(make_app, store, clock):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await start_exam(app, pilot)
        await answer_all(screen, pilot, right=False)
        clock.advance(minutes=29, seconds=30)
        await pilot.pause(0.3)
        assert "剩余 00:30" in screen_text(app)
        await pilot.press("ctrl+s")  # the confirmation is open when the time runs out
        await pilot.pause()
        clock.advance(seconds=31)
        await pilot.pause(0.3)
        await pilot.pause()
        assert isinstance(app.screen, ExamResultScreen)
        summary = plain(app.screen.query_one("#result").content)
        assert "时间到，自动交卷" in summary and "不合格" in summary
        assert store.exams()[-1].submitted_at is not None


async def test_time_out_at_once_under_the_confirmation_shows_the_result(make_app, store, clock):
    """The clock's tick that finds the time up arrives while the 交卷 confirmation is open: the
    confirmation closes and the result replaces the exam in one step, the exam committed."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await start_exam(app, pilot)
        await answer_all(screen, pilot, right=False)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert type(app.screen).__name__ == "ConfirmScreen"
        clock.advance(minutes=31)
        screen.tick()
        await pilot.pause()
        await pilot.pause(0.2)
        assert isinstance(app.screen, ExamResultScreen)
        assert store.exams()[-1].submitted_at is not None
    assert app.return_code in (None, 0)


async def test_answers_are_kept_when_moving_and_the_exam_resumed_with_the_clock_running(make_app, store, clock):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await start_exam(app, pilot)
        assert "已答 0/3" in screen_text(app) and "剩余 30:00" in screen_text(app)
        await answer_all(screen, pilot, typing=True)
        assert "已答 2/3" in screen_text(app)
        await go_to(screen, pilot, "single")  # back: the choice is still there
        assert screen.panel.value == "B"
        await go_to(screen, pilot, "recall")
        assert screen.panel.value == "企业决策和客户分类"
        await pilot.press("escape", "escape")  # leave the room, and go home; the exam keeps its time
        await pilot.pause()
        assert type(app.screen).__name__ == "HomeScreen"
        exam = store.unfinished_exam()
        assert exam is not None and set(store.exam_answers(exam.id)) == {"q.single", "q.recall"}
        clock.advance(minutes=10)
        app.screen.refresh_counts()
        assert "模拟考试进行中：初级模拟试卷，剩余 20:00（按 M 继续）" in screen_text(app)
        await pilot.press("m")
        await pilot.pause()
        assert "继续未完成的考试" in screen_text(app) and "剩余 20:00" in screen_text(app)
        await pilot.press("enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ExamScreen)
        assert screen.exam.answers.get("q.single") == "B"
        assert screen.exam.answers.get("q.recall") == "企业决策和客户分类"


async def test_a_broken_exam_is_abandoned_not_a_crash_and_an_unfinished_one_by_hand(make_app, store, bank, clock):
    name = next(iter(bank.blueprints))
    # A stored exam whose paper cannot be drawn again (here a variant no paper has).
    store.start_exam(name, "坏掉的考试", 1, "no such variant", clock(), 60)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("m")
        await pilot.pause()
        await pilot.press("enter")  # 继续未完成的考试
        await pilot.pause()
        assert not isinstance(app.screen, ExamScreen)
        assert store.unfinished_exam() is None
        assert any("这场考试无法继续，已放弃" in str(n.message) for n in app._notifications)
        await pilot.press("enter", "y")  # a new exam can start at once
        await pilot.pause()
        assert isinstance(app.screen, ExamScreen)
        await pilot.press("escape")  # leave it unfinished: the list offers to continue it
        await pilot.pause()
        assert "继续未完成的考试" in screen_text(app)
        await pilot.press("x")
        await pilot.pause()
        await pilot.press("enter")  # 放弃
        await pilot.pause()
        assert store.unfinished_exam() is None
        assert "继续未完成的考试" not in screen_text(app)


async def test_sigint_in_an_exam_keeps_its_answers_and_exits_130(make_app, store):
    import signal

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await start_exam(app, pilot)
        await answer_all(screen, pilot)
        app.terminate(signal.SIGINT)
        await pilot.pause()
    assert app.return_code == 130
    exam = store.unfinished_exam()
    assert exam is not None and set(store.exam_answers(exam.id)) == {"q.single", "q.recall"}


async def test_review_keeps_the_feedback_on_n_and_p(make_app):
    from examprep.tui.widgets.answer.text_answer import TextAnswer
    from examprep.tui.widgets.feedback.feedback_panel import FeedbackPanel

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await start_exam(app, pilot)
        await go_to(screen, pilot, "single")
        await pilot.press("b")
        screen.finish()  # the judge and recall questions left blank
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        review = app.screen
        seen = set()
        for key in ["n", "n", "p", "p", "n", "n"]:
            await pilot.press(key)
            await pilot.pause()
            await pilot.pause()
            r = review.results[review.index]
            seen.add(r.item.id)
            feedback = review.query_one(FeedbackPanel)
            text = plain(feedback.content)
            assert feedback.display and "得分" in text and "参考答案" in text, (key, r.item.id)
            for area in review.query(TextAnswer):  # a blank free-text answer: no hint to type
                assert "Ctrl+S" not in area.area.placeholder and "在此作答" not in area.area.placeholder
                assert area.area.placeholder == "（未作答）"
        assert seen == {"q.single", "q.judge", "q.recall"}


def test_review_lines_and_total_are_the_marks_awarded(bank):
    """2 of the recall question's 3 points on a paper that gives it 2 marks: the key prints 1, 0.5 and
    0.5, so the lines say +0.5 twice and the total 1 (not +0.67 each under 1.5)."""
    from examprep.tui.widgets.feedback.feedback_panel import feedback_renderable

    question = bank.questions["q.recall"]
    answer = "客户分类和客户满意"
    text = plain(feedback_renderable(question, answer, question.grade(answer), marks=2))
    assert "得分 1 / 2" in text
    assert text.count("+0.5") == 2 and "+0.67" not in text and "+1" not in text
