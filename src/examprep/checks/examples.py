"""`examples:` answers graded as a candidate's would be, against the marks their author gave."""

from __future__ import annotations

from ..content.errors import Problem
from ..content.model import Bank
from ..format import marks_text
from ..grading.explain import point_detail
from ..grading.results import PointResult
from ..kinds.free_text import FreeText
from . import messages as m

EXAMPLE_TOLERANCE = 0.01  # marks: the grader rounds each score to two decimals


def example_problems(bank: Bank) -> list[Problem]:
    """Every `examples:` answer graded; a problem at the example for each score the grader disagrees
    with, naming the points it earned and missed so the author sees which keyword to fix."""
    problems = []
    for question in bank.questions.values():
        if not isinstance(question, FreeText):
            continue
        for example in question.examples:
            grading = question.grade(example.answer)
            if abs(grading.score - example.score) <= EXAMPLE_TOLERANCE:
                continue
            earned = m.LIST_SEPARATOR.join(_shown(p) for p in grading.points if p.hit) or m.NONE
            missed = m.LIST_SEPARATOR.join(_shown(p) for p in grading.points if not p.hit) or m.NONE
            problems.append(Problem(
                example.where.file, example.where.line,
                m.EXAMPLE_MISMATCH.format(scored=marks_text(grading.score), expected=marks_text(example.score),
                                         earned=earned, missed=missed),
            ))
    return problems


def _shown(point: PointResult) -> str:
    """A point as the example problem names it: its id, the words that earned it, how or why."""
    shown = f"{point.id}「{point.matched}」" if point.hit else point.id
    detail = point_detail(point)
    return f"{shown}（{detail}）" if detail else shown
