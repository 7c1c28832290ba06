"""A mock exam in progress: the drawn paper, the answers so far, the countdown, and the result.

The clock is injected (a function returning an aware datetime), so the time-out is tested by moving
a fake clock rather than by waiting.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from ..content.model import Answer
from ..grading.results import Grading
from .records import AnswerRecord

if TYPE_CHECKING:
    from ..papers.draw import Paper, PaperItem

PASS_FRACTION = 0.6  # the appraisal's pass mark

Clock = Callable[[], datetime]


def pass_marks(full: float, pass_mark: float | None) -> float:
    """The marks needed to pass a paper of `full` marks: its blueprint's pass mark, else 60%."""
    return pass_mark if pass_mark is not None else PASS_FRACTION * full


@dataclass(frozen=True)
class ItemResult:
    item: PaperItem
    answer: Answer
    grading: Grading | None  # None for an objective question left blank
    earned: float  # marks on this paper: the key's shares of the points earned (marks_on_paper)

    @property
    def marks(self) -> float:
        return self.item.marks


@dataclass(frozen=True)
class SectionResult:
    title: str
    items: tuple[ItemResult, ...]

    @property
    def earned(self) -> float:
        return sum(i.earned for i in self.items)

    @property
    def marks(self) -> float:
        return sum(i.marks for i in self.items)

    @property
    def answered(self) -> int:
        return sum(1 for i in self.items if not i.item.question.is_blank(i.answer))


@dataclass(frozen=True)
class ExamResult:
    title: str
    sections: tuple[SectionResult, ...]
    submitted_at: datetime
    timed_out: bool

    @property
    def earned(self) -> float:
        return sum(s.earned for s in self.sections)

    @property
    def marks(self) -> float:
        return sum(s.marks for s in self.sections)

    pass_mark: float | None = None  # the paper's (its blueprint's); None: PASS_FRACTION of the marks

    @property
    def marks_to_pass(self) -> float:
        return pass_marks(self.marks, self.pass_mark)

    @property
    def passed(self) -> bool:
        return self.marks > 0 and self.earned >= self.marks_to_pass - 1e-9

    @property
    def items(self) -> tuple[ItemResult, ...]:
        return tuple(i for s in self.sections for i in s.items)


class ExamOver(Exception):
    """An answer was given after the exam was submitted or its time ran out."""


@dataclass
class MockExam:
    paper: Paper
    started_at: datetime
    clock: Clock
    answers: dict[str, Answer] = field(default_factory=dict)
    result: ExamResult | None = None

    @property
    def duration(self) -> timedelta:
        return timedelta(minutes=self.paper.duration)

    @property
    def deadline(self) -> datetime:
        return self.started_at + self.duration

    def remaining(self) -> timedelta:
        left = self.deadline - self.clock()
        return max(left, timedelta(0))

    @property
    def timed_out(self) -> bool:
        return self.clock() >= self.deadline

    @property
    def submitted(self) -> bool:
        return self.result is not None

    def answer(self, question_id: str, value: Answer) -> None:
        if self.submitted or self.timed_out:
            raise ExamOver(question_id)
        question = next((i.question for i in self.paper.items if i.id == question_id), None)
        if question is None or question.is_blank(value):
            self.answers.pop(question_id, None)
        else:
            self.answers[question_id] = value

    @property
    def answered(self) -> int:
        return sum(1 for item in self.paper.items if item.id in self.answers)

    def submit(self, grade: Callable | None = None) -> ExamResult:
        """Grade every question (blank ones earn nothing) and close the exam; idempotent."""
        if self.result is not None:
            return self.result
        now = self.clock()
        sections = []
        for section in self.paper.sections:
            results = []
            for item in section.all_items:
                value = self.answers.get(item.id)
                if item.question.is_blank(value) and not item.question.reports_points:
                    results.append(ItemResult(item, None, None, 0.0))
                    continue
                grading = grade(item.question, value) if grade else item.question.grade(value)
                results.append(ItemResult(item, value, grading, item.question.marks_on_paper(grading, item.marks)))
            sections.append(SectionResult(section.title, tuple(results)))
        self.result = ExamResult(self.paper.title, tuple(sections), min(now, self.deadline),
                                 timed_out=now >= self.deadline, pass_mark=self.paper.pass_mark)
        return self.result


def exam_records(result: ExamResult) -> list[AnswerRecord]:
    """The answers of a submitted exam as the store keeps them (blank ones are not answers)."""
    out = []
    for r in result.items:
        question = r.item.question
        if r.grading is None or question.is_blank(r.answer):
            continue
        g = r.grading
        out.append(AnswerRecord(r.item.id, result.submitted_at, float(g.score), float(g.max),
                                bool(g.correct), question.encode(r.answer), "exam"))
    return out
