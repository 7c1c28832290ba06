"""The 错题本: filtered by level, topic and type; the last wrong answer beside the key; the rule that
takes a question out, in plain words; 移出 by hand (asked first, undone with z, kept as an event);
and a redo that draws the book as it is now."""

from __future__ import annotations

from datetime import timedelta

import pytest

from examprep.practice.mistakes import CORRECT_DAYS_TO_LEAVE, WayOut
from examprep.practice.records import AnswerRecord
from examprep.practice.session import DrillScope, DrillSession
from examprep.tui.screens.confirm_screen import ConfirmScreen
from examprep.tui.screens.drill_screen import DrillScreen
from examprep.tui.screens.mistakes_screen import MistakesScreen, way_out_text
from examprep.tui.widgets.form.select import ChineseSelect
from examprep.tui.widgets.questions.question_list import QuestionList

from conftest import SIZE, T0, screen_text, until

WIDE = (160, 45)


@pytest.mark.parametrize("way, text", [
    (WayOut(2, False, 0), "在 2 个不同的日子各答对 1 次即可移出"),
    (WayOut(1, True, 1), "再在另一天答对 1 次即可移出"),  # right today: today does not count twice
    (WayOut(1, False, 1), "再答对 1 次即可移出"),  # right on an earlier day: today will do
    (WayOut(1, False, 0), "答对 1 次即可移出"),
    (WayOut(3, True, 1), "再在另外 3 个不同的日子各答对 1 次即可移出"),
    (WayOut(2, False, 1), "再在 2 个不同的日子各答对 1 次即可移出"),
])
def test_the_rule_in_plain_words(way, text):
    assert way_out_text(way) == text


def test_the_shipped_rule_is_two_days():
    assert CORRECT_DAYS_TO_LEAVE == 2  # the texts above and the README say so


def wrong(store, qid, when, answer, score=0.0, max_score=1.0):
    store.record_answer(AnswerRecord(qid, when, score, max_score, False, answer))


def book_ids(app) -> list[str]:
    return [app.screen.query_one(QuestionList).get_option_at_index(i).id
            for i in range(app.screen.query_one(QuestionList).option_count)]


async def open_book(app, pilot) -> MistakesScreen:
    await pilot.press("w")
    await until(pilot, lambda: isinstance(app.screen, MistakesScreen))
    await pilot.pause()
    return app.screen


async def test_filters_last_wrong_answer_and_the_rule(make_app, store):
    wrong(store, "q.single", T0 - timedelta(days=2), '"A"')
    wrong(store, "q.short", T0 - timedelta(days=2), '"说不清楚"', max_score=4)
    wrong(store, "q.judge", T0 - timedelta(days=1), "false")
    store.record_answer(AnswerRecord("q.judge", T0, 1, 1, True, "true"))  # right today, once
    wrong(store, "case.promise.q1", T0 - timedelta(days=1), '"不知道"', max_score=10)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_book(app, pilot)
        assert set(book_ids(app)) == {"q.single", "q.short", "q.judge", "case.promise.q1"}
        screen.query_one(QuestionList).highlighted = book_ids(app).index("q.judge")
        await pilot.pause()
        text = screen_text(app)
        assert "你上次答错（2/29）" in text and "参考答案" in text and "再在另一天答对 1 次即可移出" in text
        screen.query_one(QuestionList).highlighted = book_ids(app).index("q.single")
        await pilot.pause()
        text = screen_text(app)
        assert "A. 生产" in text and "B. 企业决策" in text  # my wrong choice beside the key
        assert "在 2 个不同的日子各答对 1 次即可移出" in text
        screen.query_one("#book-level", ChineseSelect).value = "intermediate"
        await pilot.pause()
        assert set(book_ids(app)) == {"q.short", "case.promise.q1"}
        screen.query_one("#book-type", ChineseSelect).value = "short"
        screen.query_one("#book-topic", ChineseSelect).value = "expectation"
        await pilot.pause()
        assert set(book_ids(app)) == {"q.short", "case.promise.q1"}  # the case question is 简答 too
        screen.query_one("#book-type", ChineseSelect).value = "judge"
        await pilot.pause()
        assert book_ids(app) == [] and "所选级别、主题或题型下没有题目" in screen_text(app)
        screen.query_one("#book-level", ChineseSelect).value = "primary"
        screen.query_one("#book-topic", ChineseSelect).clear()
        await pilot.pause()
        assert book_ids(app) == ["q.judge"]
        # the redo asks the filtered book, and keeps its filter for 继续上次
        screen.query_one(QuestionList).focus()
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, DrillScreen))
        assert app.screen.session.question_ids == ["q.judge"]
        assert app.screen.session.scope == DrillScope(level="primary", types=("judge",))


async def test_a_removal_by_hand_is_asked_first_kept_and_undone(make_app, store):
    wrong(store, "q.single", T0 - timedelta(days=1), '"A"')
    wrong(store, "q.judge", T0 - timedelta(days=2), "false")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_book(app, pilot)
        assert book_ids(app) == ["q.single", "q.judge"]
        footer = screen_text(app).splitlines()[-1]
        assert "重做" in footer and "X 移出" in footer
        assert "撤销移出" not in footer  # nothing to undo yet
        await pilot.press("x")
        await until(pilot, lambda: isinstance(app.screen, ConfirmScreen))
        assert "把这道题移出错题本" in screen_text(app) and "客户信息是什么的基础" in screen_text(app)
        await pilot.press("n")  # no: nothing happens
        await until(pilot, lambda: app.screen is screen)
        assert book_ids(app) == ["q.single", "q.judge"] and store.removals() == []
        await pilot.press("x")
        await until(pilot, lambda: isinstance(app.screen, ConfirmScreen))
        await pilot.press("y")
        await until(pilot, lambda: app.screen is screen and book_ids(app) == ["q.judge"])
        assert [r.question_id for r in store.removals()] == ["q.single"]  # kept as an event
        assert "q.single" not in store.mistake_ids()
        assert "Z 撤销移出" in screen_text(app).splitlines()[-1]
        await pilot.press("z")
        await until(pilot, lambda: book_ids(app) == ["q.single", "q.judge"])
        assert store.removals() == [] and "q.single" in store.mistake_ids()


async def test_a_redo_continued_later_draws_the_book_as_it_is_now(make_app, store, clock):
    for qid in ("q.single", "q.judge", "q.multiple"):
        wrong(store, qid, T0 - timedelta(days=1), '"A"' if qid != "q.judge" else "false")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_book(app, pilot)
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, DrillScreen))
        first = app.screen.session.question_ids
        assert len(first) == 3
        await pilot.press("escape")  # left before answering anything
        await until(pilot, lambda: isinstance(app.screen, MistakesScreen))
        screen = app.screen
        screen.query_one(QuestionList).highlighted = book_ids(app).index(first[1])
        await pilot.press("x")
        await until(pilot, lambda: isinstance(app.screen, ConfirmScreen))
        await pilot.press("y")
        await until(pilot, lambda: app.screen is screen and len(book_ids(app)) == 2)
        await pilot.press("escape")
    wrong(store, "q.calc", T0, '"50"', max_score=2)  # a new mistake since
    session = app.trainer.last_session()
    assert session is not None and session.kind == "mistakes"
    assert session.question_ids == app.trainer.mistakes_queue()  # the book now, not the snapshot
    assert first[1] not in session.question_ids and "q.calc" in session.question_ids


async def test_the_book_side_by_side_at_160_columns(make_app, store):
    wrong(store, "q.single", T0 - timedelta(days=1), '"A"')
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await open_book(app, pilot)
        lines = screen_text(app).splitlines()
        row = next(i for i, line in enumerate(lines) if "[单项选择] 客户信息是什么的基础" in line)
        detail = next(i for i, line in enumerate(lines) if "【单项选择】客户信息是什么的基础" in line)
        assert abs(row - detail) <= 1  # the details beside the list, on its rows
        assert "你上次答错（2/29）" in lines[row] or "你上次答错（2/29）" in lines[row + 1]


async def test_an_empty_list_offers_no_redo_and_favourites_filter_too(make_app, store):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f")
        await pilot.pause()
        footer = screen_text(app).splitlines()[-1]
        assert "重做" not in footer and "取消收藏" not in footer
        app.pop_screen()
        await pilot.pause()
        store.set_favourite("q.short", True, T0)
        store.set_favourite("q.single", True, T0 + timedelta(seconds=1))
        await pilot.press("f")
        await pilot.pause()
        assert book_ids(app) == ["q.short", "q.single"] and "U 取消收藏" in screen_text(app).splitlines()[-1]
        app.screen.query_one("#book-level", ChineseSelect).value = "primary"
        await pilot.pause()
        assert book_ids(app) == ["q.single"]
