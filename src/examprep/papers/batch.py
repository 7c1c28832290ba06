"""Marking many answers at once: JSON Lines in, one grading per good line, totals per candidate.

Each line is `{"candidate": "C001", "question": "<question id>", "answer": ...}`. A bad line is
reported as a `Problem` at its line number and skipped; the rest is marked.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from ..content.errors import Problem
from ..content.fields import did_you_mean
from ..content.model import Bank
from ..grading.results import Grading

REQUIRED_FIELDS = ("candidate", "question", "answer")


@dataclass(frozen=True)
class AnswerLine:
    line: int
    candidate: str
    question: str  # a question id, or with a paper's manifest the number printed on the paper
    answer: object
    paper: str | None = None  # the paper variant the candidate sat ("A"), when the line says
    data: dict | None = field(default=None, compare=False)  # the line as read, to echo its fields

    def fields(self) -> dict:
        if self.data is not None:
            return self.data
        return {"candidate": self.candidate, "question": self.question, "answer": self.answer}


@dataclass(frozen=True)
class MarkedAnswer:
    line: AnswerLine
    grading: Grading
    answered: bool = True

    def to_json(self) -> dict:
        """The input line with the grading fields added."""
        return {**self.line.fields(), **self.grading.to_json()}


@dataclass(frozen=True)
class CandidateTotal:
    candidate: str
    answered: int
    score: float
    max: float

    @property
    def percent(self) -> float:
        return 100.0 * self.score / self.max if self.max else 0.0


def _line_problem(data) -> str | None:
    if not isinstance(data, dict):
        return "a line must be a JSON object like {\"candidate\": …, \"question\": …, \"answer\": …}"
    missing = [f for f in REQUIRED_FIELDS if f not in data]
    if missing:
        return "missing " + ", ".join(f"'{f}'" for f in missing)
    candidate, question, paper = data["candidate"], data["question"], data.get("paper")
    if not isinstance(candidate, (str, int)) or isinstance(candidate, bool) or not str(candidate).strip():
        return "'candidate' must be a name or number"
    if not isinstance(question, (str, int)) or isinstance(question, bool):
        return "'question' must be a question id or number"
    if paper is not None and not isinstance(paper, str):
        return "'paper' must be a letter such as \"A\""
    return None


def parse_answer_lines(text: str, source: str) -> tuple[list[AnswerLine], list[Problem]]:
    """The well-formed lines of a JSON Lines text, and a problem for each bad one (blank lines skipped)."""
    lines: list[AnswerLine] = []
    problems: list[Problem] = []
    loads = json.loads
    for number, raw in enumerate(text.splitlines(), start=1):
        if not raw.strip():
            continue
        try:
            data = loads(raw)
        except ValueError as err:
            problems.append(Problem(source, number, f"not JSON ({getattr(err, 'msg', err)})"))
            continue
        problem = _line_problem(data)
        if problem is not None:
            problems.append(Problem(source, number, problem))
            continue
        paper = data.get("paper")
        lines.append(AnswerLine(number, str(data["candidate"]).strip(), str(data["question"]).strip(),
                                data["answer"], paper.strip().upper() if paper else None, data))
    return lines, problems


def read_answers(text: str, source: str, bank: Bank) -> tuple[list[AnswerLine], list[Problem]]:
    """Well-formed lines whose question is in the bank, each candidate answering a question once."""
    parsed, problems = parse_answer_lines(text, source)
    lines: list[AnswerLine] = []
    seen: dict[tuple[str, str], int] = {}
    for line in parsed:
        if line.question not in bank.questions:
            problems.append(Problem(source, line.line, f"unknown question '{line.question}'"
                                    f"{did_you_mean(line.question, bank.questions)}"))
            continue
        first = seen.get((line.candidate, line.question))
        if first is not None:
            problems.append(Problem(source, line.line,
                                    f"{line.candidate} already answered {line.question} on line {first}"))
            continue
        seen[(line.candidate, line.question)] = line.line
        lines.append(line)
    return lines, sorted(problems)


def mark_answers(lines: list[AnswerLine], bank: Bank) -> list[MarkedAnswer]:
    questions = bank.questions
    out = []
    for line in lines:
        question = questions[line.question]
        out.append(MarkedAnswer(line, question.grade(line.answer), not question.is_blank(line.answer)))
    return out


def candidate_totals(marked: list[MarkedAnswer]) -> list[CandidateTotal]:
    """Per candidate, in the order they first appear: answers given, score and maximum."""
    totals: dict[str, list] = {}
    for m in marked:
        entry = totals.setdefault(m.line.candidate, [0, 0.0, 0.0])
        entry[0] += m.answered
        entry[1] += m.grading.score
        entry[2] += m.grading.max
    return [CandidateTotal(c, n, round(s, 2), round(x, 2)) for c, (n, s, x) in totals.items()]
