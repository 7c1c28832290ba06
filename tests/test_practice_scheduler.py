"""The schedule as a pure function of the review history, tested with dates."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from fsrs import Rating

from fsrs import State

from examprep.practice.scheduler import REVIEW, Review, end_of_day, rating_for, schedule

LEARNING, RELEARNING = int(State.Learning), int(State.Relearning)

T0 = datetime(2024, 3, 1, 12, tzinfo=timezone.utc)


def at(days: float, fraction: float) -> Review:
    return Review(T0 + timedelta(days=days), fraction)


@pytest.mark.parametrize("fraction, rating", [
    (0.0, Rating.Again), (0.5, Rating.Again), (0.59, Rating.Again),
    (0.6, Rating.Hard), (0.75, Rating.Hard),
    (0.85, Rating.Good), (1.0, Rating.Good),
])
def test_rating_from_the_fraction_of_marks(fraction, rating):
    assert rating_for(fraction) == rating


@pytest.mark.parametrize("history, state, due_after, lapses", [
    # a first right answer: back in ten minutes (a learning step), then days apart
    ([at(0, 1)], LEARNING, timedelta(minutes=10), 0),
    ([at(0, 1), at(0.01, 1)], REVIEW, timedelta(days=2), 0),
    ([at(0, 1), at(0.01, 1), at(4, 1)], REVIEW, timedelta(days=14), 0),
    # a first wrong answer: again in a minute
    ([at(0, 0)], LEARNING, timedelta(minutes=1), 0),
    # forgotten after being learnt: relearn in ten minutes, one lapse
    ([at(0, 1), at(0.01, 1), at(4, 1), at(20, 0.2)], RELEARNING, timedelta(minutes=10), 1),
])
def test_schedule_after_history(history, state, due_after, lapses):
    card = schedule(history)
    assert card.state == state
    assert card.due - history[-1].answered_at == due_after
    assert card.lapses == lapses
    assert card.reviews == len(history)


def test_no_history_no_schedule():
    assert schedule([]) is None


def test_same_history_same_schedule():
    history = [at(0, 1), at(0.01, 0.7), at(3, 1), at(9, 0.4), at(9.01, 1)]
    assert schedule(history) == schedule(list(history))


def test_retrievability_falls_with_time():
    card = schedule([at(0, 1), at(0.01, 1), at(4, 1)])
    later = [card.retrievability(T0 + timedelta(days=d)) for d in (4, 10, 30, 90)]
    assert later == sorted(later, reverse=True)
    assert 0.95 < later[0] <= 1.0


def test_answers_are_timezone_aware():
    with pytest.raises(ValueError):
        schedule([Review(datetime(2024, 3, 1, 12), 1.0)])


def test_end_of_day_is_the_last_moment_of_the_local_day():
    end = end_of_day(T0)
    local = T0.astimezone()
    assert end.date() == local.date()
    assert (end + timedelta(microseconds=1)).time().hour == 0
