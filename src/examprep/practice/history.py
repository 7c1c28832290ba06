"""Mock-exam history: every exam sat to the end, with its date, marks, pass or fail, time used and
marks per section. Pure functions over what the store keeps."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from ..content.model import Bank
from .exam import pass_marks
from .store import ExamRecord, SectionMarks


@dataclass(frozen=True)
class SatExam:
    id: int
    blueprint: str
    title: str
    started_at: datetime
    submitted_at: datetime
    duration: timedelta  # the time allowed
    earned: float
    marks: float
    pass_mark: float  # the marks needed to pass
    sections: tuple[SectionMarks, ...]  # () for an exam finished before they were kept

    @property
    def passed(self) -> bool:
        return self.marks > 0 and self.earned >= self.pass_mark - 1e-9

    @property
    def time_used(self) -> timedelta:
        return max(timedelta(0), min(self.submitted_at - self.started_at, self.duration))

    @property
    def timed_out(self) -> bool:
        return self.time_used >= self.duration

    @property
    def fraction(self) -> float:
        return self.earned / self.marks if self.marks else 0.0


def sat_exam(record: ExamRecord, sections: tuple[SectionMarks, ...], bank: Bank) -> SatExam:
    """A finished exam; its pass mark as kept, else (sat before pass marks were kept) its blueprint's."""
    assert record.submitted_at is not None and record.score is not None
    marks = record.max or 0.0
    pass_mark = record.pass_mark
    if pass_mark is None and record.blueprint in bank.blueprints:
        pass_mark = bank.blueprints[record.blueprint].pass_mark
    return SatExam(record.id, record.blueprint, record.title, record.started_at, record.submitted_at,
                   timedelta(seconds=record.duration_s), record.score, marks, pass_marks(marks, pass_mark),
                   sections)


def exam_history(bank: Bank, store) -> list[SatExam]:
    """Every exam sat to the end, newest first."""
    return [sat_exam(record, sections, bank) for record, sections in reversed(store.finished_exams())]
