"""The grader: Chinese-aware fuzzy grading of free text against a rubric, and exact grading of the
objective types. Pure functions, no I/O: `grade_answer(question, answer) -> Grading`."""

from .grader import grade_answer
from .objective import presented_order
from .results import Grading, PointResult

__all__ = ["Grading", "PointResult", "grade_answer", "presented_order"]
