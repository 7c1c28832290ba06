"""Drill queues (due first, random, in order, by level and topic), the 错题本 and 收藏 queues,
saved sessions and the home screen's per-level counts."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from examprep.practice.records import AnswerRecord
from examprep.practice.session import (
    DrillScope, DrillSession, drill_queue, drill_questions, due_first, favourites_queue, level_overview,
    mistakes_queue,
)
from examprep.practice.store import open_memory_store

from test_practice_fixtures import sample_bank

T0 = datetime(2024, 3, 1, 12, tzinfo=timezone.utc)
PRIMARY_IN_ORDER = ["q.recall", "q.single", "q.multiple", "q.judge", "q.order", "q.calc"]


@pytest.fixture()
def bank(tmp_path):
    return sample_bank(tmp_path)


def answered(store, qid, when, correct):
    store.record_answer(AnswerRecord(qid, when, 1 if correct else 0, 1, correct, '""'))


@pytest.mark.parametrize("scope, expected", [
    (DrillScope(level="primary"), PRIMARY_IN_ORDER),
    (DrillScope(level="primary", topic="phone-ordering"), ["q.calc"]),
    (DrillScope(topic="customer-info"), PRIMARY_IN_ORDER[:5]),
    (DrillScope(level="intermediate"), ["q.short"]),  # the case question is not drilled alone
    (DrillScope(types=("judge", "single")), ["q.single", "q.judge"]),
    (DrillScope(level="intermediate", topic="customer-info"), []),
    (DrillScope(point="primary.customer-info.steps"), ["q.order"]),
])
def test_in_order_by_level_and_topic(bank, scope, expected):
    assert drill_queue(bank, scope, "order", {}, T0) == expected


def test_due_first_learning_due_new_then_later_steps(bank):
    store = open_memory_store()
    answered(store, "q.calc", T0 - timedelta(days=10), True)  # learning: its next step long overdue
    answered(store, "q.single", T0 - timedelta(days=1), False)  # learning: a minute after, yesterday
    answered(store, "q.judge", T0 - timedelta(hours=1), True)
    answered(store, "q.judge", T0 - timedelta(minutes=30), True)  # in review, due in two days
    answered(store, "q.order", T0 - timedelta(seconds=30), True)  # learning: its next step in 10 minutes
    questions = drill_questions(bank, DrillScope(level="primary"))
    progress = store.progress()
    assert due_first(questions, progress, T0) == ["q.calc", "q.single", "q.recall", "q.multiple", "q.order"]
    assert due_first(questions, progress, T0, new_left=1) == ["q.calc", "q.single", "q.recall", "q.order"]
    assert due_first(questions, progress, T0, new_left=0) == ["q.calc", "q.single", "q.order"]


def test_with_nothing_left_for_today_a_due_first_drill_reviews_ahead(bank):
    store = open_memory_store()
    for qid in ("q.judge", "q.calc"):
        answered(store, qid, T0 - timedelta(hours=1), True)
        answered(store, qid, T0 - timedelta(minutes=30), True)  # both in review, due in days
    questions = drill_questions(bank, DrillScope(level="primary", types=("judge", "calc")))
    assert due_first(questions, store.progress(), T0, new_left=5) == ["q.calc", "q.judge"]  # soonest first
    later = store.progress()["q.calc"].card.due
    assert later > T0 + timedelta(days=1)


def test_a_drill_has_at_most_its_size_and_the_new_allowance(bank):
    scope = DrillScope(level="primary")
    assert len(drill_queue(bank, scope, "due", {}, T0, size=4)) == 4
    assert len(drill_queue(bank, scope, "due", {}, T0, size=20, new_left=2)) == 2
    assert len(drill_queue(bank, scope, "random", {}, T0, seed=1, size=3, new_left=0)) == 3  # all new: fine
    assert drill_queue(bank, scope, "due", {}, T0, new_left=0) == []


def test_a_drill_in_order_carries_on_from_the_first_question_never_answered(bank):
    store = open_memory_store()
    answered(store, "q.recall", T0, True)
    answered(store, "q.single", T0, True)
    queue = drill_queue(bank, DrillScope(level="primary"), "order", store.progress(), T0, size=3)
    assert queue == ["q.multiple", "q.judge", "q.order"]
    everything = drill_queue(bank, DrillScope(level="primary"), "order", store.progress(), T0)
    assert everything == ["q.multiple", "q.judge", "q.order", "q.calc", "q.recall", "q.single"]


def test_a_due_first_drill_spreads_the_questions_of_one_point(bank):
    queue = drill_queue(bank, DrillScope(level="primary"), "due", {}, T0)
    assert queue == ["q.recall", "q.order", "q.calc", "q.single", "q.multiple", "q.judge"]


def test_random_is_a_seeded_shuffle(bank):
    scope = DrillScope(level="primary")
    first = drill_queue(bank, scope, "random", {}, T0, seed=3)
    assert sorted(first) == sorted(PRIMARY_IN_ORDER)
    assert first == drill_queue(bank, scope, "random", {}, T0, seed=3)
    assert first != drill_queue(bank, scope, "random", {}, T0, seed=4)


def test_unknown_order(bank):
    with pytest.raises(ValueError, match="unknown drill order"):
        drill_queue(bank, DrillScope(), "sideways", {}, T0)


def test_mistakes_queue_leaves_after_two_correct_days(bank):
    store = open_memory_store()
    answered(store, "q.single", T0, False)
    answered(store, "case.promise.q1", T0 + timedelta(hours=1), False)
    answered(store, "q.gone", T0, False)  # no longer in the bank: left out, no error
    assert set(mistakes_queue(bank, store.progress())) == {"q.single", "case.promise.q1"}
    assert mistakes_queue(bank, store.progress(), level="primary") == ["q.single"]
    answered(store, "q.single", T0 + timedelta(days=1), True)
    assert "q.single" in mistakes_queue(bank, store.progress())
    answered(store, "q.single", T0 + timedelta(days=2), True)
    assert mistakes_queue(bank, store.progress()) == ["case.promise.q1"]


def test_favourites_queue_keeps_the_order_marked(bank):
    assert favourites_queue(bank, ["q.calc", "q.gone", "case.promise.q1", "q.recall"]) == [
        "q.calc", "case.promise.q1", "q.recall"]
    assert favourites_queue(bank, ["q.calc", "case.promise.q1"], level="intermediate") == ["case.promise.q1"]


def test_a_saved_session_continues_where_it_stopped(bank):
    session = DrillSession("drill", "练习", ["q.recall", "q.gone", "q.single", "q.judge"], position=3,
                           scope=DrillScope("primary", "customer-info", point="primary.customer-info.steps"),
                           order="order")
    session.record("q.recall", 1.0)
    again = DrillSession.from_dict(session.to_dict(), bank)
    assert again.question_ids == ["q.recall", "q.single", "q.judge"]
    assert again.current == "q.judge"  # the vanished question does not shift the place
    assert again.scope == session.scope and again.scores == {"q.recall": 1.0}
    assert DrillSession.from_dict({"kind": "drill"}, bank) is None


def test_session_moves(bank):
    session = DrillSession("drill", "练习", ["a", "b"])
    assert session.current == "a" and session.remaining == 2
    session.advance()
    session.advance()
    session.advance()
    assert session.finished and session.current is None and session.remaining == 0
    session.back()
    assert session.current == "b"


def test_level_overview(bank):
    store = open_memory_store()
    answered(store, "q.single", T0 - timedelta(days=1), False)  # learning again
    answered(store, "q.judge", T0 - timedelta(days=9), True)
    answered(store, "q.judge", T0 - timedelta(days=8), True)  # in review, due again by now
    answered(store, "q.calc", T0 - timedelta(minutes=1), True)  # learning
    answered(store, "case.promise.q1", T0, False)
    rows = level_overview(bank, store.schedules(), store.mistake_ids(), T0)
    by_level = {r.level: r for r in rows}
    primary = by_level["primary"]
    assert (primary.questions, primary.due, primary.learning, primary.new, primary.mistakes) == (6, 1, 2, 3, 1)
    assert (by_level["intermediate"].questions, by_level["intermediate"].new,
            by_level["intermediate"].mistakes, by_level["intermediate"].cases) == (1, 1, 1, 1)


@pytest.mark.parametrize("query, found", [
    ("", {"primary.customer-info.importance", "primary.customer-info.steps", "primary.phone-ordering.rate",
          "intermediate.expectation.methods"}),
    ("决策", {"primary.customer-info.importance"}),  # an item
    ("订货率 户数", {"primary.phone-ordering.rate"}),  # all words, from title and text
    ("客户期望", {"intermediate.expectation.methods"}),  # the topic's title
    ("khxx", {"primary.customer-info.importance", "primary.customer-info.steps"}),  # pinyin initials
    ("dinghuo", {"primary.phone-ordering.rate"}),  # full pinyin
    ("无此内容", set()),
])
def test_search_points(bank, query, found):
    from examprep.practice.search import search_points

    assert {p.id for p in search_points(bank, query)} == found
