"""Statistics: accuracy per topic, answers per day, retention and the due forecast."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

from examprep.practice.records import AnswerRecord
from examprep.practice.stats import accuracy_by_topic, answers_per_day, collect_stats, due_forecast
from examprep.practice.store import open_memory_store

from test_practice_fixtures import sample_bank

T0 = datetime(2024, 3, 10, 12, tzinfo=timezone.utc)


@pytest.fixture()
def bank(tmp_path):
    return sample_bank(tmp_path)


def test_accuracy_by_topic(bank):
    totals = {"q.single": (4, 3), "q.judge": (2, 1), "q.calc": (1, 0), "q.gone": (9, 9)}
    rows = {(t.level, t.topic): t for t in accuracy_by_topic(bank, totals)}
    info = rows[("primary", "customer-info")]
    assert (info.questions, info.seen, info.answers, info.correct) == (5, 2, 6, 4)
    assert info.accuracy == pytest.approx(4 / 6)
    assert rows[("primary", "phone-ordering")].accuracy == 0
    assert rows[("intermediate", "expectation")].accuracy is None
    assert rows[("intermediate", "expectation")].questions == 2  # the case question counts


def test_answers_per_day_fills_the_gaps():
    days = answers_per_day({"2024-03-08": (5, 4), "2024-03-10": (2, 2)}, date(2024, 3, 10), days=4)
    assert [(d.day.isoformat(), d.answers, d.correct) for d in days] == [
        ("2024-03-07", 0, 0), ("2024-03-08", 5, 4), ("2024-03-09", 0, 0), ("2024-03-10", 2, 2)]


def test_due_forecast_counts_overdue_today_and_learning_apart(bank):
    store = open_memory_store()
    for qid, days_ago, ok in [("q.single", 20, True), ("q.judge", 0.5, True), ("q.calc", 0, False)]:
        store.record_answer(AnswerRecord(qid, T0 - timedelta(days=days_ago), int(ok), 1, ok, '""'))
    store.record_answer(AnswerRecord("q.single", T0 - timedelta(days=19.9), 1, 1, True, '""'))
    store.record_answer(AnswerRecord("q.judge", T0 - timedelta(days=0.49), 1, 1, True, '""'))
    forecast = due_forecast(store.progress(), T0, days=4)
    # q.single in review and overdue: today; q.judge in 2 days; q.calc relearning in a minute: not a day's due
    assert [d.answers for d in forecast] == [1, 0, 1, 0]
    assert forecast[0].day == T0.astimezone().date()


def test_collect_stats_on_an_empty_store(bank):
    stats = collect_stats(bank, open_memory_store(), T0)
    assert stats.answers == 0 and stats.accuracy is None
    assert stats.retention.measured is None and stats.retention.predicted is None
    assert len(stats.days) == 14 and sum(d.answers for d in stats.days) == 0
    assert sum(d.answers for d in stats.forecast) == 0


def test_collect_stats(bank):
    store = open_memory_store()
    history = [("q.single", 9, True), ("q.single", 8.99, True), ("q.single", 2, False),
               ("q.judge", 1, True), ("q.calc", 5, True), ("q.calc", 4.99, True), ("q.gone", 1, True)]
    for qid, days_ago, ok in history:
        store.record_answer(AnswerRecord(qid, T0 - timedelta(days=days_ago), int(ok), 1, ok, '""'))
    store.set_favourite("q.calc", True)
    store.set_favourite("q.gone", True)
    stats = collect_stats(bank, store, T0)
    assert (stats.answers, stats.correct) == (6, 5)  # the vanished question is not counted
    assert (stats.retention.reviews, stats.retention.recalled) == (1, 0)  # the review on day -2 was missed
    # only q.calc is in review: q.single lapsed (relearning), q.judge is in its learning steps
    assert stats.retention.studied == 1 and 0 < stats.retention.predicted < 1
    assert stats.mistakes == 1 and stats.favourites == 1
    assert stats.days[-1].day == T0.astimezone().date()


def test_the_retention_curve_falls_day_by_day_from_todays_chance(bank):
    from examprep.practice.stats import retention_curve

    store = open_memory_store()
    for days_ago in (5, 4.99):  # q.calc answered right twice: in review
        store.record_answer(AnswerRecord("q.calc", T0 - timedelta(days=days_ago), 1, 1, True, '""'))
    store.record_answer(AnswerRecord("q.judge", T0, 1, 1, True, '""'))  # still learning: not counted
    progress = store.progress()
    curve = retention_curve(progress, T0, days=10)
    assert len(curve) == 11 and curve[0] == pytest.approx(progress["q.calc"].card.retrievability(T0))
    assert all(a > b for a, b in zip(curve, curve[1:]))
    assert retention_curve({q: p for q, p in progress.items() if q == "q.judge"}, T0) == ()
    assert collect_stats(bank, store, T0).retention_curve[0] == pytest.approx(curve[0])


def test_the_exam_trend_is_each_finished_exam_oldest_first_as_a_share_of_its_marks(bank):
    from examprep.practice.stats import exam_trend

    store = open_memory_store()
    for day, score in ((3, 2.0), (1, 6.0)):
        exam_id = store.start_exam("mock-primary", "初级模拟试卷", 1, "A", T0 - timedelta(days=day), 1800)
        store.finish_exam(exam_id, T0 - timedelta(days=day) + timedelta(minutes=20), score, 8, (), (), 4.8)
    store.start_exam("mock-primary", "初级模拟试卷", 1, "A", T0, 1800)  # not finished: not in the trend
    trend = collect_stats(bank, store, T0).exams
    assert [(p.fraction, p.pass_fraction, p.passed) for p in trend] == [(0.25, 0.6, False), (0.75, 0.6, True)]
    assert trend[0].day == (T0 - timedelta(days=3) + timedelta(minutes=20)).astimezone().date()
    assert exam_trend([]) == ()
