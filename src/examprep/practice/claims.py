"""Claims: the candidate's word against the grader's on one rubric point of one free-text answer.

A candidate who wrote a key point the grader missed claims it ("I think I earned this point"); one
who was given a point they did not write concedes it. The claims are kept with the answer, the
schedule counts the answer at its corrected score, the feedback shows both views, and instructors
read the claims, grouped by rubric point, to teach the rubric the words real answers use.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import datetime

from ..content.model import Bank, Question
from ..grading.results import Grading, PointResult

CLAIM = "claim"  # the grader missed the point; the candidate says it is in the answer
CONCEDE = "concede"  # the grader gave the point; the candidate says it is not
DIRECTIONS = (CLAIM, CONCEDE)


@dataclass(frozen=True)
class Claim:
    """One claim, as the store keeps it. The answer is named by its question and the moment it was
    given, so a claim can follow an answer that still waits in memory to be written."""

    question_id: str
    answered_at: datetime  # the answer's moment (timezone-aware)
    point_id: str
    direction: str  # CLAIM or CONCEDE
    made_at: datetime
    point: str  # the point's text when the claim was made
    grader_earned: float  # the marks the grader gave the point
    grader_matched: str | None  # the answer's text the grader matched for it (None: nothing)
    account: str | None = None


@dataclass(frozen=True)
class StoredClaim:
    """A claim read back, with the answer it is about."""

    id: int
    answer_id: int
    claim: Claim
    encoded_answer: str  # the answer as stored (the kind's JSON)
    score: float  # the grader's score of the answer
    max: float
    claimed_score: float | None  # the answer's score with its claims, as counted by the schedule

    # the claim's own fields, flat, for reports
    @property
    def account(self) -> str | None:
        return self.claim.account

    @property
    def question_id(self) -> str:
        return self.claim.question_id

    @property
    def point_id(self) -> str:
        return self.claim.point_id

    @property
    def point(self) -> str:
        return self.claim.point

    @property
    def direction(self) -> str:
        return self.claim.direction

    @property
    def day(self) -> str:
        """The candidate's local date of the answer."""
        return self.claim.answered_at.astimezone().date().isoformat()

    @property
    def answer(self) -> str:
        """The answer as the candidate typed it (free text is stored as a JSON string)."""
        return answer_text(None, self.encoded_answer)


def direction_for(point: PointResult) -> str:
    """What disagreeing with the grader on `point` means: claiming a missed point, conceding an earned one."""
    return CONCEDE if point.earned > 0 else CLAIM


def claims_for(grading: Grading, earned: Mapping[str, bool], *, question_id: str, answered_at: datetime,
               made_at: datetime, account: str | None = None) -> tuple[Claim, ...]:
    """The claims that say the candidate's view `earned` (rubric point id -> earned) where it differs
    from the grader's; points `earned` leaves out keep the grader's view."""
    out = []
    for p in grading.points:
        if p.id in earned and earned[p.id] != (p.earned > 0):
            out.append(Claim(question_id, answered_at, p.id, direction_for(p), made_at, p.point,
                             float(p.earned), p.matched, account))
    return tuple(out)


def candidate_view(grading: Grading, claims: Iterable[Claim]) -> dict[str, bool]:
    """Each rubric point (id) earned or not, as the candidate sees it after their claims."""
    view = {p.id: p.earned > 0 for p in grading.points}
    for c in claims:
        if c.point_id in view:
            view[c.point_id] = c.direction == CLAIM
    return view


def corrected_grading(grading: Grading, claims: Iterable[Claim]) -> Grading:
    """The grading as the candidate sees it, by the grader's own rule: each point granted earns its
    share of the marks by weight, and all of them earn full marks. The matched words stay the
    grader's."""
    claims = tuple(claims)
    total = sum(p.weight for p in grading.points)
    if not claims or not total:
        return grading
    view = candidate_view(grading, claims)
    points = tuple(replace(p, earned=round(grading.max * p.weight / total, 2) if view[p.id] else 0.0)
                   for p in grading.points)
    earned = sum(p.weight for p in grading.points if view[p.id])
    score = float(grading.max) if abs(earned - total) < 1e-9 else round(grading.max * earned / total, 2)
    return replace(grading, score=score, points=points, correct=None)


def corrected_score(grading: Grading, claims: Iterable[Claim]) -> float:
    """The answer's score with the candidate's claims granted (see `corrected_grading`)."""
    return float(corrected_grading(grading, claims).score)


def is_full(score: float, max_score: float) -> bool:
    return max_score > 0 and abs(score - max_score) < 1e-9


# -- for instructors: the claims by rubric point ------------------------------------------------------
@dataclass(frozen=True)
class ClaimedAnswer:
    """One claim on a point, with the answer's text and what the bank's grader says of it today."""

    stored: StoredClaim
    text: str  # the answer as the candidate typed it
    now_earned: bool | None  # the grader today; None when the question or the point left the bank
    now_matched: str | None

    @property
    def direction(self) -> str:
        return self.stored.claim.direction

    @property
    def settled(self) -> bool:
        """Whether today's grader already agrees with the candidate (a synonym or keyword was added)."""
        if self.now_earned is None:
            return False
        return self.now_earned == (self.direction == CLAIM)


@dataclass(frozen=True)
class PointClaims:
    point_id: str
    point: str  # the point's text (today's, else as claimed)
    answers: tuple[ClaimedAnswer, ...]

    def count(self, direction: str) -> int:
        return sum(1 for a in self.answers if a.direction == direction)

    @property
    def settled(self) -> int:
        return sum(1 for a in self.answers if a.settled)


@dataclass(frozen=True)
class QuestionClaims:
    question_id: str
    stem: str | None  # None: the question is no longer in the bank
    points: tuple[PointClaims, ...]

    @property
    def total(self) -> int:
        return sum(len(p.answers) for p in self.points)


def claims_report(bank: Bank, stored: Iterable[StoredClaim]) -> list[QuestionClaims]:
    """The claims grouped by question and rubric point (in the rubric's order), the questions with
    the most claims first; each answer graded again by the bank as it is now."""
    by_question: dict[str, list[StoredClaim]] = {}
    for s in stored:
        by_question.setdefault(s.claim.question_id, []).append(s)
    out = []
    for question_id, claims in by_question.items():
        question = bank.questions.get(question_id)
        today = _graded_today(question, claims)
        texts = {p.id: p.point for p in getattr(question, "rubric", ())}  # today's, in the rubric's order
        rank = {pid: i for i, pid in enumerate(texts)}
        points: dict[str, list[ClaimedAnswer]] = {}
        for s in claims:
            now = today.get((s.answer_id, s.claim.point_id))
            text = answer_text(question, s.encoded_answer)
            points.setdefault(s.claim.point_id, []).append(
                ClaimedAnswer(s, text, now.earned > 0 if now else None, now.matched if now else None))
            texts.setdefault(s.claim.point_id, s.claim.point)
        order = sorted(points, key=lambda pid: (rank.get(pid, len(rank)), pid))
        out.append(QuestionClaims(question_id, question.stem if question else None,
                                  tuple(PointClaims(pid, texts[pid], tuple(points[pid])) for pid in order)))
    out.sort(key=lambda q: (-q.total, q.question_id))
    return out


def answer_text(question: Question | None, stored: str) -> str:
    """A stored free-text answer as typed (read by its question's kind when there is one)."""
    if question is not None:
        value = question.decode(stored)
        if isinstance(value, str):
            return value
    try:
        value = json.loads(stored)
    except ValueError:
        return stored
    return value if isinstance(value, str) else stored


def _graded_today(question: Question | None, claims: list[StoredClaim]) -> dict[tuple[int, str], PointResult]:
    """(answer id, point id) -> today's grading of that point; each distinct answer text graded once."""
    if question is None:
        return {}
    out: dict[tuple[int, str], PointResult] = {}
    by_text: dict[str, tuple[PointResult, ...]] = {}
    for s in claims:
        text = answer_text(question, s.encoded_answer)
        if text not in by_text:
            by_text[text] = question.grade(text).points
        for p in by_text[text]:
            out[(s.answer_id, p.id)] = p
    return out
