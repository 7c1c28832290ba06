"""Checks a whole content root: everything the loader finds, plus whether its blueprints can be met."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from .errors import Problem
from .loader import read_bank
from .model import Bank


@dataclass(frozen=True)
class ValidationReport:
    bank: Bank
    problems: list[Problem]

    @property
    def ok(self) -> bool:
        return not self.problems

    def summary(self) -> str:
        by_type = Counter(q.type for q in self.bank.questions.values())
        types = ", ".join(f"{t} {n}" for t, n in sorted(by_type.items()))
        levels = ", ".join(sorted({p.level for p in self.bank.points.values()}))
        return (
            f"ok: {len(self.bank.points)} points in {len(self.bank.topics)} topics, "
            f"{len(self.bank.questions)} questions ({types}), {len(self.bank.cases)} cases, "
            f"{len(self.bank.blueprints)} blueprints; levels: {levels or 'none'}"
        )


def blueprint_problems(bank: Bank) -> list[Problem]:
    from ..papers.selection import shortfall_message, shortfalls

    return [
        Problem(section.where.file, section.where.line, shortfall_message(blueprint, section, available))
        for blueprint in bank.blueprints.values()
        for section, available in shortfalls(bank, blueprint)
    ]


EXAMPLE_TOLERANCE = 0.01  # marks: the grader rounds each score to two decimals


def example_problems(bank: Bank) -> list[Problem]:
    """Every `examples:` answer graded; a problem at the example for each score the grader disagrees
    with, naming the points it earned and missed so the author sees which keyword to fix."""
    from ..grading import grade_answer

    problems = []
    for question in bank.questions.values():
        for example in question.examples:
            grading = grade_answer(question, example.answer)
            if abs(grading.score - example.score) <= EXAMPLE_TOLERANCE:
                continue
            earned = ", ".join(f"{p.id}「{p.matched}」" for p in grading.points if p.hit) or "none"
            missed = ", ".join(p.id for p in grading.points if not p.hit) or "none"
            problems.append(Problem(
                example.where.file, example.where.line,
                f"example scored {grading.score:g} by the grader, {example.score:g} expected "
                f"(earned: {earned}; missed: {missed})",
            ))
    return problems


def validate(root: Path | str) -> ValidationReport:
    bank, problems = read_bank(root)
    problems = problems + blueprint_problems(bank) + example_problems(bank)
    return ValidationReport(bank, sorted(problems))
