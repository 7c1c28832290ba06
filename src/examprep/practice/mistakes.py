"""The 错题本 (book of mistakes): which questions a candidate got wrong and has not yet mastered.

A wrong answer puts a question in the book; it leaves after correct answers on two separate days
(one good day may be luck or short-term memory), or when the candidate takes it out by hand (移出).
Like the schedule, this is a fold over the answers and those removals, in the order they happened.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

CORRECT_DAYS_TO_LEAVE = 2


@dataclass(frozen=True)
class MistakeState:
    in_book: bool = False
    wrong_count: int = 0  # wrong answers ever
    last_wrong_day: str | None = None  # ISO date, local
    correct_days: tuple[str, ...] = ()  # distinct days with a correct answer since the last wrong one


@dataclass(frozen=True)
class Outcome:
    """One answer, as the 错题本 sees it."""

    day: str  # the local date it was given, ISO
    correct: bool


@dataclass(frozen=True)
class Removal:
    """The candidate took the question out of the book by hand (移出); a wrong answer puts it back."""

    day: str  # the local date, ISO


def next_mistake_state(previous: MistakeState | None, outcome: Outcome | Removal) -> MistakeState:
    state = previous or MistakeState()
    if isinstance(outcome, Removal):
        return MistakeState(False, state.wrong_count, state.last_wrong_day, ())
    if not outcome.correct:
        return MistakeState(True, state.wrong_count + 1, outcome.day, ())
    if not state.in_book:
        return state
    days = state.correct_days
    if outcome.day not in days:
        days = (*days, outcome.day)
    return MistakeState(len(days) < CORRECT_DAYS_TO_LEAVE, state.wrong_count, state.last_wrong_day, days)


def mistake_state(history: Iterable[Outcome | Removal]) -> MistakeState:
    state = MistakeState()
    for outcome in history:
        state = next_mistake_state(state, outcome)
    return state


@dataclass(frozen=True)
class WayOut:
    """What it takes a question in the book to leave it: `days` more days with a correct answer,
    of which today is not one when `today_counted` (today already has one)."""

    days: int
    today_counted: bool
    counted: int  # days with a correct answer already counted


def way_out(state: MistakeState, today: str) -> WayOut:
    counted = len(state.correct_days)
    return WayOut(max(0, CORRECT_DAYS_TO_LEAVE - counted), today in state.correct_days, counted)
