"""Checks a whole content root: everything the loader finds, plus whether its blueprints can be met."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from .errors import Problem
from .loader import read_bank
from .model import Bank


@dataclass(frozen=True)
class ValidationReport:
    bank: Bank
    problems: list[Problem]
    warnings: list[Problem] = field(default_factory=list)  # worth a look, but the content is usable

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
    from ..papers.selection import shortfall_message, shortfalls, unknown_filters

    problems = [
        Problem(section.where.file, section.where.line, shortfall_message(blueprint, section, available, bank))
        for blueprint in bank.blueprints.values()
        for section, available in shortfalls(bank, blueprint)
    ]
    problems += [
        Problem(section.where.file, section.where.line, message)
        for blueprint in bank.blueprints.values()
        for section in blueprint.sections
        for message in unknown_filters(bank, section)
    ]
    return problems


def half_mark_warnings(bank: Bank) -> list[Problem]:
    """Free-text questions whose rubric weights do not share the marks in half marks (the key then
    rounds the shares to half marks, so some points carry more than their weight says)."""
    from ..marks import uneven_shares
    from ..papers.selection import eligible_questions

    warnings = []
    for question in bank.questions.values():
        weights = [p.weight for p in question.rubric]
        if weights and uneven_shares(question.score, weights):
            warnings.append(Problem(question.where.file, question.where.line,
                                    f"（提醒）题目 {question.id} 满分 {question.score:g} 分，得分点权重"
                                    f" {'、'.join(f'{w:g}' for w in weights)} 不能按半分分配；答案上按半分取整"))
    for blueprint in bank.blueprints.values():
        for section in blueprint.sections:
            if section.score is None or section.type == "case":
                continue
            uneven = [q.id for q in eligible_questions(bank, blueprint, section)
                      if q.rubric and uneven_shares(section.score, [p.weight for p in q.rubric])]
            if uneven:
                listed = "、".join(uneven[:3]) + (" 等" if len(uneven) > 3 else "")
                warnings.append(Problem(section.where.file, section.where.line,
                                        f"（提醒）大题“{section.title}”每题 {section.score:g} 分，{len(uneven)} 道题的"
                                        f"得分点不能按半分分配（{listed}）；答案上按半分取整"))
    return warnings


EXAMPLE_TOLERANCE = 0.01  # marks: the grader rounds each score to two decimals


def example_problems(bank: Bank) -> list[Problem]:
    """Every `examples:` answer graded; a problem at the example for each score the grader disagrees
    with, naming the points it earned and missed so the author sees which keyword to fix."""
    problems = []
    for question in bank.questions.values():
        for example in getattr(question, "examples", ()):
            grading = question.grade(example.answer)
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
    return ValidationReport(bank, sorted(problems), sorted(half_mark_warnings(bank)))
