"""What a question is today, in one definition the home screen, the stats and the drill queue share.

- new: never answered;
- learning: in its first short steps, or relearning after a miss (FSRS's learning and relearning
  states): due again within minutes, and counted apart from the due ones, as Anki does;
- due: in review and due by the end of the candidate's local day;
- later: in review and due on a later day.

Answering a due question takes it out of "due" at once (to a later day when right, to learning when
missed), so the day's due count falls with every answer.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import NamedTuple, Protocol

from .scheduler import REVIEW, end_of_day

NEW, LEARNING, DUE, LATER = "new", "learning", "due", "later"
STATUS_TITLES = {NEW: "新题", LEARNING: "学习中", DUE: "到期复习", LATER: "提前复习"}


class Scheduled(Protocol):
    """What `status` needs of a question's schedule: a `scheduler.CardState`, or a `Schedule`."""

    @property
    def state(self) -> int: ...

    @property
    def due(self) -> datetime: ...


class Schedule(NamedTuple):
    """Just the schedule's state and due moment, as the store reads them for counting."""

    state: int
    due: datetime


def status(schedule: Scheduled | None, until: datetime) -> str:
    """new, learning, due or later; `schedule` is the question's (None: never answered), `until`
    the end of the candidate's day (`end_of_day`)."""
    if schedule is None:
        return NEW
    if schedule.state != REVIEW:
        return LEARNING
    return DUE if schedule.due <= until else LATER


@dataclass(frozen=True)
class DueCounts:
    """How many of some questions are due, learning and new today."""

    due: int = 0
    learning: int = 0
    new: int = 0


def due_counts(question_ids: Iterable[str], schedules: Mapping[str, Scheduled], now: datetime) -> DueCounts:
    """`schedules`: question id -> its schedule (`store.schedules()`, or each progress's card)."""
    until = end_of_day(now)
    counts = {NEW: 0, LEARNING: 0, DUE: 0, LATER: 0}
    for qid in question_ids:
        counts[status(schedules.get(qid), until)] += 1
    return DueCounts(due=counts[DUE], learning=counts[LEARNING], new=counts[NEW])
