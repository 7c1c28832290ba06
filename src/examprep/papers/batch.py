"""Marking many answers at once: JSON Lines in, one grading per good line, totals per candidate.

Each line is `{"candidate": "C001", "question": "<question id>", "answer": ...}`. A bad line is
reported as a `Problem` at its line number and skipped; the rest is marked. Files are read a line
at a time (`numbered_lines`), so memory does not grow with the file: a line longer than
MAX_LINE_BYTES is refused by its number without being held.
"""

from __future__ import annotations

import json
from array import array
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import BinaryIO

from ..content.errors import Problem
from ..content.fields import did_you_mean
from ..content.model import Bank
from ..grading.results import Grading
from . import messages as m

REQUIRED_FIELDS = ("candidate", "question", "answer")
MAX_LINE_BYTES = 1 << 20  # 1 MiB: far above any typed answer, small enough to refuse at once
_READ_CHUNK = 1 << 20
_BOM = b"\xef\xbb\xbf"


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

    def totals_entry(self) -> tuple[str, bool, float, float]:
        """What a candidate's total takes from this answer (small, for a worker to send back)."""
        return self.line.candidate, self.answered, self.grading.score, self.grading.max


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
        return m.LINE_NOT_OBJECT
    missing = [f for f in REQUIRED_FIELDS if f not in data]
    if missing:
        return m.LINE_MISSING.format(fields=m.FIELD_SEPARATOR.join(f"'{f}'" for f in missing))
    candidate, question, paper = data["candidate"], data["question"], data.get("paper")
    if not isinstance(candidate, (str, int)) or isinstance(candidate, bool) or not str(candidate).strip():
        return m.CANDIDATE_NOT_NAME
    if not isinstance(question, (str, int)) or isinstance(question, bool):
        return m.QUESTION_NOT_ID
    if paper is not None and not isinstance(paper, str):
        return m.PAPER_NOT_LETTER
    return None


def numbered_lines(stream: BinaryIO, source: str,
                   limit: int = MAX_LINE_BYTES) -> Iterator[tuple[int, str] | Problem]:
    """Each line of a binary stream as (number, text), or a Problem for a line over `limit` bytes
    (skipped without being kept) or not UTF-8. Lines end at \\n; a BOM at the start is dropped."""
    number = 0
    while True:
        raw = stream.readline(limit + 1)
        if not raw:
            return
        number += 1
        if number == 1 and raw.startswith(_BOM):
            raw = raw[len(_BOM):]
        if len(raw) > limit and not raw.endswith(b"\n"):
            while raw and not raw.endswith(b"\n"):  # the rest of the line, a chunk at a time
                raw = stream.readline(_READ_CHUNK)
            yield Problem(source, number, f"这一行超过 {limit // (1 << 20)} MiB（{limit} 字节）的上限")
            continue
        if raw.endswith(b"\n"):
            raw = raw[:-2] if raw.endswith(b"\r\n") else raw[:-1]
        try:
            yield number, raw.decode("utf-8")
        except UnicodeDecodeError as err:
            yield Problem(source, number, f"不是 UTF-8 文本（第 {err.start + 1} 个字节）")


def parse_line(number: int, raw: str, source: str, keep_fields: bool = True) -> AnswerLine | Problem | None:
    """One JSON Lines line read: the answer, a Problem, or None for a blank line. `keep_fields`
    keeps the line as read, for echoing it back (`mark --json`)."""
    if not raw.strip():
        return None
    try:
        data = json.loads(raw, parse_constant=refuse_json_constant)
    except ValueError as err:
        return Problem(source, number, m.NOT_JSON_LINE.format(reason=json_reason(err)))
    problem = _line_problem(data)
    if problem is not None:
        return Problem(source, number, problem)
    paper = data.get("paper")
    return AnswerLine(number, str(data["candidate"]).strip(), str(data["question"]).strip(),
                      data["answer"], paper.strip().upper() if paper else None,
                      data if keep_fields else None)


def json_reason(err: ValueError) -> str:
    """Why a text is not JSON, in Chinese where the JSON reader's words are known."""
    reason = getattr(err, "msg", None)
    return m.JSON_REASONS.get(reason, reason) if isinstance(reason, str) else str(err)


def refuse_json_constant(name: str):
    """For json.loads: NaN and Infinity are not JSON (Python's reader takes them by default)."""
    raise ValueError(f"{name} 不是数（JSON 不允许 NaN、Infinity）")


def iter_answer_lines(lines: Iterable[tuple[int, str] | Problem], source: str,
                      keep_fields: bool = True) -> Iterator[AnswerLine | Problem]:
    """The well-formed lines and a Problem for each bad one, in order (blank lines skipped)."""
    for item in lines:
        if isinstance(item, Problem):
            yield item
            continue
        parsed = parse_line(*item, source, keep_fields)
        if parsed is not None:
            yield parsed


def parse_answer_lines(text: str, source: str) -> tuple[list[AnswerLine], list[Problem]]:
    """The well-formed lines of a JSON Lines text, and a problem for each bad one (blank lines skipped)."""
    lines: list[AnswerLine] = []
    problems: list[Problem] = []
    for item in iter_answer_lines(enumerate(text.splitlines(), start=1), source):
        if isinstance(item, Problem):
            problems.append(item)
        else:
            lines.append(item)
    return lines, problems


class FirstAnswers:
    """Which questions each candidate has answered, and on which line: a second answer to the same
    question is refused. Per candidate it keeps two arrays of numbers (8 bytes an answer), so a million
    lines cost megabytes."""

    def __init__(self, bank: Bank):
        self.index = {qid: i for i, qid in enumerate(bank.questions)}
        self.seen: dict[str, tuple[array, array]] = {}  # candidate -> (question indexes, their lines)

    def refuse(self, source: str, line: int, candidate: str, question: str) -> Problem | None:
        """The problem with this answer being the candidate's answer to the question (None: take it)."""
        i = self.index[question]
        asked, on_line = self.seen.setdefault(candidate, (array("I"), array("I")))
        if i in asked:
            first = on_line[asked.index(i)]
            return Problem(source, line, m.ANSWERED_TWICE.format(candidate=candidate, question=question,
                                                                 first=first))
        asked.append(i)
        on_line.append(line)
        return None


def unknown_question(source: str, line: AnswerLine, bank: Bank) -> Problem | None:
    if line.question in bank.questions:
        return None
    return Problem(source, line.line, m.UNKNOWN_QUESTION.format(
        question=line.question, hint=did_you_mean(line.question, bank.questions)))


def checked_answers(items: Iterable[AnswerLine | Problem], source: str,
                    bank: Bank) -> Iterator[AnswerLine | Problem]:
    """The lines whose question is in the bank, each candidate answering a question once, and a
    Problem for each other one, in order."""
    first = FirstAnswers(bank)
    for line in items:
        if isinstance(line, Problem):
            yield line
            continue
        problem = unknown_question(source, line, bank) or first.refuse(source, line.line, line.candidate,
                                                                       line.question)
        yield problem if problem is not None else line


def read_answers(text: str, source: str, bank: Bank) -> tuple[list[AnswerLine], list[Problem]]:
    """Well-formed lines whose question is in the bank, each candidate answering a question once."""
    lines: list[AnswerLine] = []
    problems: list[Problem] = []
    parsed = iter_answer_lines(enumerate(text.splitlines(), start=1), source)
    for item in checked_answers(parsed, source, bank):
        if isinstance(item, Problem):
            problems.append(item)
        else:
            lines.append(item)
    return lines, sorted(problems)


def mark_answers(lines: list[AnswerLine], bank: Bank) -> list[MarkedAnswer]:
    return [mark_line(line, bank) for line in lines]


def mark_line(line: AnswerLine, bank: Bank) -> MarkedAnswer:
    question = bank.questions[line.question]
    return MarkedAnswer(line, question.grade(line.answer), not question.is_blank(line.answer))


class Totals:
    """Per candidate, in the order they first appear: answers given, score and maximum. Fed one
    marked answer at a time, so marking need not keep the answers."""

    def __init__(self):
        self._totals: dict[str, list] = {}

    def add(self, m: MarkedAnswer) -> None:
        self.add_entry(*m.totals_entry())

    def add_entry(self, candidate: str, answered: bool, score: float, full: float) -> None:
        entry = self._totals.setdefault(candidate, [0, 0.0, 0.0])
        entry[0] += answered
        entry[1] += score
        entry[2] += full

    def result(self) -> list[CandidateTotal]:
        return [CandidateTotal(c, n, round(s, 2), round(x, 2)) for c, (n, s, x) in self._totals.items()]


def candidate_totals(marked: Iterable[MarkedAnswer]) -> list[CandidateTotal]:
    """Per candidate, in the order they first appear: answers given, score and maximum."""
    totals = Totals()
    for one in marked:
        totals.add(one)
    return totals.result()
