"""`grade_answer`: one entry point for every question type."""

from __future__ import annotations

from ..content.model import Question
from .objective import grade_objective
from .results import Grading
from .scoring import grade_free_text


def grade_answer(question: Question, answer) -> Grading:
    """Grade an answer to any question: free text against the rubric, objective types exactly."""
    if question.is_free_text:
        if answer is None:
            text = ""
        elif isinstance(answer, str):
            text = answer
        elif isinstance(answer, (list, tuple)):
            text = "\n".join(str(a) for a in answer)
        else:
            text = str(answer)
        return grade_free_text(question, text)
    return grade_objective(question, answer)
