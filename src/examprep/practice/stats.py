"""A candidate's statistics: accuracy per topic, answers per day, retention and what falls due.

Pure functions over what the store reports; `collect_stats` gathers them for the screen and the CLI.
Answers to questions no longer in the bank count in the daily totals but not in any topic.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from ..content.model import Bank
from .due import DUE, LATER, DueCounts, due_counts, status
from .history import SatExam, exam_history
from .limits import new_left, read_limits
from .records import QuestionProgress
from .scheduler import REVIEW, end_of_day

RETENTION_WINDOW_DAYS = 30
CURVE_DAYS = 30  # the retention curve: today and the next 30 days
CHART_DAYS = 14
FORECAST_DAYS = 7


@dataclass(frozen=True)
class TopicAccuracy:
    level: str
    topic: str
    title: str
    questions: int  # in the bank, case questions included
    seen: int  # answered at least once
    answers: int
    correct: int

    @property
    def accuracy(self) -> float | None:
        return self.correct / self.answers if self.answers else None


@dataclass(frozen=True)
class DayCount:
    day: date
    answers: int
    correct: int


@dataclass(frozen=True)
class Retention:
    reviews: int  # answers, in the window, to questions the scheduler had in review
    recalled: int  # of those, correct
    predicted: float | None  # mean chance of recall now (FSRS) over the questions in review
    studied: int  # questions in review: learnt, no longer in their first short steps

    @property
    def measured(self) -> float | None:
        return self.recalled / self.reviews if self.reviews else None


@dataclass(frozen=True)
class Today:
    """Today's work over the questions drills ask: due, learning, new, and the day's new allowance."""

    counts: DueCounts
    new_today: int  # new questions today's drills brought
    new_left: int  # new questions the allowance still has room for


@dataclass(frozen=True)
class Stats:
    answers: int
    correct: int
    topics: tuple[TopicAccuracy, ...]
    days: tuple[DayCount, ...]
    retention: Retention
    forecast: tuple[DayCount, ...]  # `answers` here is the number of questions (drilled alone) due that day
    mistakes: int
    favourites: int
    today: Today
    # The predicted mean chance of recall of the questions in review, today and each day after
    # if none were answered again (FSRS's forgetting curve); () when none is in review.
    retention_curve: tuple[float, ...] = ()
    exams: tuple[ExamPoint, ...] = ()  # every mock exam sat to the end, oldest first

    @property
    def accuracy(self) -> float | None:
        return self.correct / self.answers if self.answers else None


@dataclass(frozen=True)
class ExamPoint:
    """One mock exam in the trend: when, the share of the marks earned and the share needed."""

    day: date
    title: str
    fraction: float
    pass_fraction: float
    passed: bool


def accuracy_by_topic(bank: Bank, totals: dict[str, tuple[int, int]]) -> list[TopicAccuracy]:
    """Each topic of the bank with the answers given to its questions (a question counts for the
    topic of its first knowledge point)."""
    per_topic: dict[tuple[str, str], list[int]] = {key: [0, 0, 0, 0] for key in bank.topics}
    for q in bank.questions.values():
        topic = bank.topic_of(q)
        key = (q.level, topic)
        if topic is None or key not in per_topic:
            continue
        row = per_topic[key]
        row[0] += 1
        n, c = totals.get(q.id, (0, 0))
        if n:
            row[1] += 1
            row[2] += n
            row[3] += c
    level_rank = {level: i for i, level in enumerate(bank.levels)}
    ordered = sorted(per_topic, key=lambda key: level_rank.get(key[0], len(level_rank)))
    return [TopicAccuracy(level, topic, bank.topics[(level, topic)].title, *per_topic[(level, topic)])
            for level, topic in ordered]


def answers_per_day(totals: dict[str, tuple[int, int]], today: date, days: int = CHART_DAYS) -> list[DayCount]:
    """The last `days` days, oldest first, today included, days without answers as zero."""
    out = []
    for back in range(days - 1, -1, -1):
        day = today - timedelta(days=back)
        n, c = totals.get(day.isoformat(), (0, 0))
        out.append(DayCount(day, n, c))
    return out


def retention(outcomes: tuple[int, int], progress: dict[str, QuestionProgress], now: datetime) -> Retention:
    reviews, recalled = outcomes
    # Questions still in their learning steps were seen minutes ago; their chance of recall says
    # nothing yet, so only those the scheduler has moved to review count.
    chances = [p.card.retrievability(now) for p in progress.values() if p.card.state == REVIEW]
    predicted = sum(chances) / len(chances) if chances else None
    return Retention(reviews, recalled, predicted, len(chances))


def retention_curve(progress: dict[str, QuestionProgress], now: datetime,
                    days: int = CURVE_DAYS) -> tuple[float, ...]:
    """The mean predicted chance of recall, over the questions in review, today and on each of the
    next `days` days if none were answered again."""
    cards = [p.card for p in progress.values() if p.card.state == REVIEW]
    if not cards:
        return ()
    return tuple(sum(c.retrievability(now + timedelta(days=d)) for c in cards) / len(cards)
                 for d in range(days + 1))


def exam_trend(history: list[SatExam]) -> tuple[ExamPoint, ...]:
    """Each exam sat to the end, oldest first, as a share of its marks."""
    return tuple(ExamPoint(e.submitted_at.astimezone().date(), e.title, e.fraction,
                           e.pass_mark / e.marks if e.marks else 0.0, e.passed)
                 for e in sorted(history, key=lambda e: e.submitted_at))


def due_forecast(progress: dict[str, QuestionProgress], now: datetime, days: int = FORECAST_DAYS) -> list[DayCount]:
    """How many questions fall due on each of the next `days` local days; today's is the due count
    of `due.status` (overdue ones included), the one the home screen shows. Questions in their
    learning steps are counted apart (`Today.counts.learning`): they come back within minutes."""
    today = now.astimezone().date()
    until = end_of_day(now)
    counts = [0] * days
    for p in progress.values():
        kind = status(p.card, until)
        if kind == DUE:
            counts[0] += 1
        elif kind == LATER:
            offset = (p.card.due.astimezone().date() - today).days
            if offset < days:
                counts[offset] += 1
    return [DayCount(today + timedelta(days=i), n, 0) for i, n in enumerate(counts)]


def collect_stats(bank: Bank, store, now: datetime) -> Stats:
    """Everything the stats screen and `examprep stats` show, for questions still in the bank."""
    today = now.astimezone().date()
    totals = store.totals_by_question()
    known_totals = {q: t for q, t in totals.items() if q in bank.questions}
    progress = {q: p for q, p in store.progress().items() if q in bank.questions}
    drilled = {q: p for q, p in progress.items() if bank.questions[q].case_id is None}
    since = (today - timedelta(days=RETENTION_WINDOW_DAYS - 1)).isoformat()
    chart_since = (today - timedelta(days=CHART_DAYS - 1)).isoformat()
    introduced = store.first_answers_on(today.isoformat())
    standalone = [q.id for q in bank.questions.values() if q.case_id is None]
    return Stats(
        answers=sum(n for n, _ in known_totals.values()),
        correct=sum(c for _, c in known_totals.values()),
        topics=tuple(accuracy_by_topic(bank, known_totals)),
        days=tuple(answers_per_day(store.totals_by_day(chart_since), today)),
        retention=retention(store.review_outcomes(since), progress, now),
        forecast=tuple(due_forecast(drilled, now)),
        mistakes=sum(1 for p in progress.values() if p.mistakes.in_book),
        favourites=sum(1 for q in store.favourites() if q in bank.questions),
        today=Today(due_counts(standalone, {q: p.card for q, p in drilled.items()}, now), introduced,
                    new_left(read_limits(store), introduced)),
        retention_curve=retention_curve(progress, now),
        exams=exam_trend(exam_history(bank, store)),
    )
