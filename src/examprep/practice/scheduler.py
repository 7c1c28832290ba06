"""When each question is next due: FSRS (the `fsrs` library) folded over a question's answers.

The schedule is a pure function of the review history, so it is tested with dates, not sleeps.
A rating comes from the fraction of the marks earned, not from the candidate's own judgement:
the grader has already said how well the answer went.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from fsrs import Card, Rating, Scheduler, State

# Bumped whenever the ratings or the scheduler's settings change, so the store knows its cached
# schedules are stale and replays every answer.
SCHEDULER_VERSION = 1

# The appraisal passes at 60%; below it the answer counts as forgotten. Full marks are "Good", not
# "Easy": a right choice may be a lucky guess, and an exam candidate would rather see it again soon.
FAIL_BELOW = 0.6
HARD_BELOW = 0.85

# Fuzzing draws random intervals; without it the same history always gives the same schedule.
_SCHEDULER = Scheduler(enable_fuzzing=False)

REVIEW = int(State.Review)  # a card past its learning steps; the stats count these answers


@dataclass(frozen=True)
class Review:
    """One graded answer, as the scheduler sees it."""

    answered_at: datetime  # timezone-aware
    fraction: float  # share of the marks earned, 0..1


@dataclass(frozen=True)
class CardState:
    """A question's schedule after its answers so far."""

    due: datetime
    state: int  # fsrs.State: learning, review or relearning
    step: int | None
    stability: float
    difficulty: float
    last_review: datetime
    reviews: int
    lapses: int  # answers below the pass mark after the first

    def retrievability(self, now: datetime) -> float:
        """The predicted chance of answering it right at `now`."""
        return float(_SCHEDULER.get_card_retrievability(_to_card(self), _utc(now)))


def rating_for(fraction: float) -> Rating:
    if fraction < FAIL_BELOW:
        return Rating.Again
    if fraction < HARD_BELOW:
        return Rating.Hard
    return Rating.Good


def _utc(moment: datetime) -> datetime:
    if moment.tzinfo is None:
        raise ValueError("review times must be timezone-aware")
    return moment.astimezone(timezone.utc)


def _to_card(state: CardState) -> Card:
    # card_id is given: without it fsrs sleeps a millisecond to make a fresh one.
    return Card(
        card_id=0,
        state=State(state.state),
        step=state.step,
        stability=state.stability,
        difficulty=state.difficulty,
        due=_utc(state.due),
        last_review=_utc(state.last_review),
    )


def next_state(previous: CardState | None, review: Review) -> CardState:
    """The schedule after one more answer."""
    when = _utc(review.answered_at)
    if previous is None:
        card = Card(card_id=0, due=when)
        reviews = lapses = 0
    else:
        card = _to_card(previous)
        reviews, lapses = previous.reviews, previous.lapses
    rating = rating_for(review.fraction)
    card, _log = _SCHEDULER.review_card(card, rating, review_datetime=when)
    if previous is not None and rating == Rating.Again:
        lapses += 1
    return CardState(
        due=card.due,
        state=int(card.state),
        step=card.step,
        stability=float(card.stability or 0.0),  # set by the review just given
        difficulty=float(card.difficulty or 0.0),
        last_review=when,
        reviews=reviews + 1,
        lapses=lapses,
    )


def schedule(history: Iterable[Review]) -> CardState | None:
    """The schedule after all of a question's answers (oldest first); None if never answered."""
    state = None
    for review in history:
        state = next_state(state, review)
    return state


def end_of_day(now: datetime) -> datetime:
    """The last moment of `now`'s local day: what is "due today" for a candidate."""
    local = now.astimezone()
    start = local.replace(hour=0, minute=0, second=0, microsecond=0)
    return start + timedelta(days=1) - timedelta(microseconds=1)
