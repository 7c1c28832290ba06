"""Marking many answers at once: JSON Lines in, one grading per good line, totals per candidate.

Each line is `{"candidate": "C001", "question": "<question id>", "answer": ...}`. A bad line is
reported as a `Problem` at its line number and skipped; the rest is marked.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from ..content.errors import Problem
from ..content.fields import did_you_mean
from ..content.model import Bank
from .grader import grade_answer
from .results import Grading

REQUIRED_FIELDS = ("candidate", "question", "answer")


@dataclass(frozen=True)
class AnswerLine:
    line: int
    candidate: str
    question: str
    answer: object
    data: dict  # the line as read, so that output can carry every field it had


@dataclass(frozen=True)
class MarkedAnswer:
    line: AnswerLine
    grading: Grading

    def to_json(self) -> dict:
        """The input line with the grading fields added."""
        return {**self.line.data, **self.grading.to_json()}


@dataclass(frozen=True)
class CandidateTotal:
    candidate: str
    answered: int
    score: float
    max: float

    @property
    def percent(self) -> float:
        return 100.0 * self.score / self.max if self.max else 0.0


def _problem(source: str, number: int, data, bank: Bank) -> str | None:
    if not isinstance(data, dict):
        return "not a JSON object like {\"candidate\": …, \"question\": …, \"answer\": …}"
    missing = [f for f in REQUIRED_FIELDS if f not in data]
    if missing:
        return "missing " + ", ".join(f"'{f}'" for f in missing)
    if not isinstance(data["candidate"], (str, int)) or isinstance(data["candidate"], bool):
        return "'candidate' must be text"
    if not isinstance(data["question"], str):
        return "'question' must be a question id"
    if data["question"] not in bank.questions:
        return f"unknown question '{data['question']}'{did_you_mean(data['question'], bank.questions)}"
    return None


def read_answers(text: str, source: str, bank: Bank) -> tuple[list[AnswerLine], list[Problem]]:
    """The good lines of a JSON Lines text, and a problem for each bad one (blank lines are skipped)."""
    lines: list[AnswerLine] = []
    problems: list[Problem] = []
    seen: dict[tuple[str, str], int] = {}
    loads = json.loads
    for number, raw in enumerate(text.splitlines(), start=1):
        if not raw.strip():
            continue
        try:
            data = loads(raw)
        except ValueError as err:
            problems.append(Problem(source, number, f"not JSON ({err.msg if hasattr(err, 'msg') else err})"))
            continue
        problem = _problem(source, number, data, bank)
        if problem is not None:
            problems.append(Problem(source, number, problem))
            continue
        candidate, question = str(data["candidate"]), data["question"]
        first = seen.get((candidate, question))
        if first is not None:
            problems.append(Problem(source, number,
                                    f"{candidate} already answered {question} on line {first}"))
            continue
        seen[(candidate, question)] = number
        lines.append(AnswerLine(number, candidate, question, data["answer"], data))
    return lines, problems


def mark_answers(lines: list[AnswerLine], bank: Bank) -> list[MarkedAnswer]:
    questions = bank.questions
    return [MarkedAnswer(line, grade_answer(questions[line.question], line.answer)) for line in lines]


def _answered(answer) -> bool:
    if answer is None:
        return False
    if isinstance(answer, str):
        return bool(answer.strip())
    if isinstance(answer, (list, tuple, dict, set)):
        return bool(answer)
    return True


def candidate_totals(marked: list[MarkedAnswer]) -> list[CandidateTotal]:
    """Per candidate, in the order they first appear: answers given, score and maximum."""
    totals: dict[str, list] = {}
    for m in marked:
        entry = totals.setdefault(m.line.candidate, [0, 0.0, 0.0])
        entry[0] += _answered(m.line.answer)
        entry[1] += m.grading.score
        entry[2] += m.grading.max
    return [CandidateTotal(c, n, round(s, 2), round(x, 2)) for c, (n, s, x) in totals.items()]
