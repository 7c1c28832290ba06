"""Question kinds, one module each: a frozen dataclass with its fields and answer type that reads its
YAML, parses and grades an answer, prints its key for a paper's shuffle, and stores and restores an
answer. `registry` maps a YAML `type:` to its kind."""

from __future__ import annotations

from typing import Any

from ..content.model import Question
from ..grading.results import Grading
from .registry import KINDS, QUESTION_TYPES, TYPE_TITLES, kind_of


def grade_answer(question: Question, answer: Any) -> Grading:
    """Grade an answer to any question: its kind's value, or text as typed."""
    return question.grade(answer)


__all__ = ["KINDS", "QUESTION_TYPES", "TYPE_TITLES", "grade_answer", "kind_of"]
