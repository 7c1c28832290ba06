"""The grader's text matching: Chinese-aware fuzzy grading of free text against a rubric.
Pure functions, no I/O: `scoring.grade_free_text(question, text) -> Grading`. Each question kind
(`examprep.kinds`) grades its own answers, free text and blanks through this package."""

from .results import Grading, PointResult

__all__ = ["Grading", "PointResult"]
