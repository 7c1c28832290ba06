"""Drill queues: which questions a drill asks, in which order, and where a candidate left off.

Drills cover the standalone questions of a level or topic; case questions are practised with their
case, and come back through the 错题本 and 收藏 (shown with their scenario).
"""

from __future__ import annotations

import random
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime

from ..content.model import Bank, Question
from .due import DUE, LEARNING, NEW, Scheduled, due_counts, status
from .records import QuestionProgress
from .scheduler import end_of_day
from .siblings import SPREAD, arrange, bank_siblings

ORDERS = {"due": "到期优先", "random": "随机", "order": "顺序"}
KINDS = {"drill": "练习", "mistakes": "错题本", "favourites": "收藏", "case": "案例"}


@dataclass(frozen=True)
class DrillScope:
    level: str | None = None
    topic: str | None = None
    types: tuple[str, ...] = ()  # question types; empty means all
    point: str | None = None  # one knowledge point, from the study screen

    def admits(self, bank: Bank, question: Question) -> bool:
        if self.level and question.level != self.level:
            return False
        if self.types and question.type not in self.types:
            return False
        if self.point and self.point not in question.points:
            return False
        return not self.topic or self.topic in bank.question_topics(question)


def _bank_order(bank: Bank) -> dict[str, int]:
    """Questions in study order: by level, then by their first knowledge point's place in the bank,
    then as written."""
    level_rank = {level: i for i, level in enumerate(bank.levels)}
    point_rank = {pid: i for i, pid in enumerate(bank.points)}
    ranked = sorted(
        enumerate(bank.questions.values()),
        key=lambda iq: (level_rank.get(iq[1].level, len(level_rank)),
                        min((point_rank.get(p, len(point_rank)) for p in iq[1].points),
                            default=len(point_rank)), iq[0]),
    )
    return {q.id: rank for rank, (_, q) in enumerate(ranked)}


def drill_questions(bank: Bank, scope: DrillScope) -> list[Question]:
    """The standalone questions a drill of this scope may ask, in study order."""
    order = _bank_order(bank)
    chosen = [q for q in bank.questions.values() if q.case_id is None and scope.admits(bank, q)]
    return sorted(chosen, key=lambda q: order[q.id])


def due_first(questions: list[Question], progress: dict[str, QuestionProgress], now: datetime,
              new_left: int | None = None) -> list[str]:
    """Today's work (`due.status`): learning questions whose next step has come, the due ones (most
    overdue first), up to `new_left` new ones (in study order; None: all), then the learning ones
    whose step comes later today. When there is nothing of that left, the questions due on later
    days, soonest first (reviewing ahead), so a drill is empty only when there is nothing to ask."""
    until = end_of_day(now)
    new: list[str] = []
    learning_now: list[tuple[datetime, str]] = []
    due: list[tuple[datetime, str]] = []
    learning_later: list[tuple[datetime, str]] = []
    later: list[tuple[datetime, str]] = []
    for q in questions:
        p = progress.get(q.id)
        kind = status(p.card if p else None, until)
        if kind == NEW:
            new.append(q.id)
        elif p is None:  # for the type checker: only a new question has no progress
            continue
        elif kind == LEARNING:
            (learning_now if p.card.due <= now else learning_later).append((p.card.due, q.id))
        else:
            (due if kind == DUE else later).append((p.card.due, q.id))
    if new_left is not None:
        new = new[:max(new_left, 0)]
    today = [i for _, i in sorted(learning_now)] + [i for _, i in sorted(due)] + new + \
        [i for _, i in sorted(learning_later)]
    return today or [i for _, i in sorted(later)]


def in_order_from_where_i_left(questions: list[Question], progress: dict[str, QuestionProgress]) -> list[str]:
    """Study order, starting at the first question never answered and going round: a drill in order
    carries on through the scope instead of asking its first questions again."""
    ids = [q.id for q in questions]
    first_new = next((i for i, qid in enumerate(ids) if qid not in progress), 0)
    return ids[first_new:] + ids[:first_new]


def drill_queue(bank: Bank, scope: DrillScope, order: str, progress: dict[str, QuestionProgress],
                now: datetime, seed: int | None = None, *, size: int | None = None,
                new_left: int | None = None) -> list[str]:
    """The questions of one drill: chosen by `order`, at most `size` of them (None: all), at most
    `new_left` new ones in a due-first drill, and arranged so that siblings stand apart
    (`siblings.arrange`; in study order only a question giving the one before it away is moved)."""
    questions = drill_questions(bank, scope)
    if order == "due":
        ids = due_first(questions, progress, now, new_left)
    elif order == "random":
        ids = [q.id for q in questions]
        random.Random(seed).shuffle(ids)
    elif order == "order":
        ids = in_order_from_where_i_left(questions, progress)
    else:
        raise ValueError(f"unknown drill order '{order}'; orders are {', '.join(ORDERS)}")
    if size is not None:
        ids = ids[:max(size, 0)]
    return arrange(ids, bank_siblings(bank), spread=1 if order == "order" else SPREAD)


def mistakes_queue(bank: Bank, progress: dict[str, QuestionProgress], level: str | None = None,
                   scope: DrillScope | None = None) -> list[str]:
    """The 错题本 (within `scope`, case questions included): most recently missed first; ids no
    longer in the bank are left out."""
    rows = [
        (p.mistakes.last_wrong_day or "", qid) for qid, p in progress.items()
        if p.mistakes.in_book and qid in bank.questions
        and (level is None or bank.questions[qid].level == level)
        and (scope is None or scope.admits(bank, bank.questions[qid]))
    ]
    order = _bank_order(bank)
    rows.sort(key=lambda r: (r[0], -order[r[1]]), reverse=True)
    return [qid for _, qid in rows]


def favourites_queue(bank: Bank, favourites: list[str], level: str | None = None,
                     scope: DrillScope | None = None) -> list[str]:
    return [q for q in favourites
            if q in bank.questions and (level is None or bank.questions[q].level == level)
            and (scope is None or scope.admits(bank, bank.questions[q]))]


@dataclass
class DrillSession:
    """A run through a queue of questions; saved after each answer so it can be continued."""

    kind: str  # a key of KINDS
    title: str
    question_ids: list[str]
    position: int = 0
    scope: DrillScope = field(default_factory=DrillScope)
    order: str = "due"
    case_id: str | None = None
    scores: dict[str, float] = field(default_factory=dict)  # question id -> fraction earned

    @property
    def current(self) -> str | None:
        if 0 <= self.position < len(self.question_ids):
            return self.question_ids[self.position]
        return None

    @property
    def finished(self) -> bool:
        return self.position >= len(self.question_ids)

    @property
    def remaining(self) -> int:
        return max(0, len(self.question_ids) - self.position)

    def record(self, question_id: str, fraction: float) -> None:
        self.scores[question_id] = fraction

    def advance(self) -> None:
        self.position = min(self.position + 1, len(self.question_ids))

    def back(self) -> None:
        self.position = max(self.position - 1, 0)

    def to_dict(self) -> dict:
        return {
            "kind": self.kind, "title": self.title, "question_ids": self.question_ids,
            "position": self.position, "level": self.scope.level, "topic": self.scope.topic,
            "types": list(self.scope.types), "point": self.scope.point, "order": self.order, "case_id": self.case_id,
            "scores": self.scores,
        }

    @classmethod
    def from_dict(cls, data: dict, bank: Bank) -> DrillSession | None:
        """A saved session with the questions the bank no longer has dropped; None if unusable."""
        try:
            ids = [q for q in data["question_ids"] if q in bank.questions]
            position = int(data["position"])
            # Keep the place: count only the questions before it that still exist.
            kept_before = sum(1 for q in data["question_ids"][:position] if q in bank.questions)
            scope = DrillScope(data.get("level"), data.get("topic"), tuple(data.get("types") or ()),
                               data.get("point"))
            return cls(data["kind"], data["title"], ids, kept_before, scope, data.get("order", "due"),
                       data.get("case_id"), dict(data.get("scores") or {}))
        except (KeyError, TypeError, ValueError):
            return None


def with_current_book(session: DrillSession, book: list[str]) -> DrillSession:
    """A 错题本 redo continued later: the questions already done, then the book as it is now (a
    question that left it since is not asked again, one that came in is), in the book's order."""
    done = session.question_ids[:session.position]
    rest = [q for q in book if q not in done]
    return replace(session, question_ids=[*done, *rest])


@dataclass(frozen=True)
class LevelOverview:
    """What the home screen shows for one level (`due.status` says what due, learning and new are)."""

    level: str
    title: str
    questions: int  # standalone questions
    due: int  # in review and due by the end of today
    learning: int  # in their learning steps, due again within minutes
    new: int  # never answered
    mistakes: int  # in the 错题本 (case questions included)
    cases: int


def level_overview(bank: Bank, schedules: Mapping[str, Scheduled], mistake_ids: set[str],
                   now: datetime) -> list[LevelOverview]:
    """Per level; `schedules` is each answered question's schedule (`store.schedules()`)."""
    out = []
    for level, title in bank.levels.items():
        standalone = [q.id for q in bank.questions.values() if q.level == level and q.case_id is None]
        if not standalone and not any(c.level == level for c in bank.cases.values()):
            continue
        counts = due_counts(standalone, schedules, now)
        out.append(LevelOverview(
            level=level,
            title=title,
            questions=len(standalone),
            due=counts.due,
            learning=counts.learning,
            new=counts.new,
            mistakes=sum(1 for q, question in bank.questions.items()
                         if question.level == level and q in mistake_ids),
            cases=sum(1 for c in bank.cases.values() if c.level == level),
        ))
    return out
