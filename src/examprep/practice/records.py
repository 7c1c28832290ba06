"""What the progress store keeps: each answer given, and each question's progress folded from them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from .mistakes import MistakeState
from .scheduler import CardState

# What an answer was given in; the mock exam's answers count towards the schedule too.
MODES = ("drill", "case", "mistakes", "favourites", "exam")

NEW = 0  # a question's first answer; other answers carry the schedule state they were given in


@dataclass(frozen=True)
class AnswerRecord:
    question_id: str
    answered_at: datetime  # timezone-aware
    score: float
    max: float
    correct: bool
    answer: str  # encoded with answers.encode_answer
    mode: str = "drill"

    @property
    def fraction(self) -> float:
        return self.score / self.max if self.max > 0 else 0.0

    @property
    def day(self) -> str:
        """The candidate's local date: days for the 错题本 and the charts are the candidate's days."""
        return self.answered_at.astimezone().date().isoformat()


@dataclass(frozen=True)
class QuestionProgress:
    question_id: str
    card: CardState
    mistakes: MistakeState
    last_fraction: float
    last_answer: str | None = None  # encoded


@dataclass(frozen=True)
class StoredAnswer:
    """An answer as read back from the store."""

    id: int
    question_id: str
    answered_at: datetime
    day: str
    score: float
    max: float
    correct: bool
    answer: str
    mode: str
    kind: int  # NEW, or the scheduler state the question was in when answered
    claimed_score: float | None = None  # the score with the candidate's claims (None: no claims)

    @property
    def counted_score(self) -> float:
        """The score the schedule and the 错题本 count: the grader's, corrected by any claims."""
        return self.score if self.claimed_score is None else self.claimed_score

    @property
    def counted_correct(self) -> bool:
        if self.claimed_score is None:
            return self.correct
        return self.max > 0 and abs(self.claimed_score - self.max) < 1e-9

    def counted_record(self) -> AnswerRecord:
        """The answer as the schedule folds it: at its counted score."""
        return AnswerRecord(self.question_id, self.answered_at, self.counted_score, self.max,
                            self.counted_correct, self.answer, self.mode)
