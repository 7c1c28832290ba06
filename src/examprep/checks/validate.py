"""`validate`: a whole content root checked, everything the loader finds plus what needs the layers
above content (examples graded, blueprints satisfiable)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from ..content.errors import Problem
from ..content.loader import read_bank
from ..content.model import Bank
from . import messages as m
from .blueprints import blueprint_problems, half_mark_warnings
from .examples import example_problems


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
        types = m.LIST_SEPARATOR.join(f"{t} {n}" for t, n in sorted(by_type.items()))
        levels = m.LIST_SEPARATOR.join(sorted({p.level for p in self.bank.points.values()}))
        return m.SUMMARY.format(
            points=len(self.bank.points), topics=len(self.bank.topics), questions=len(self.bank.questions),
            types=types, cases=len(self.bank.cases), blueprints=len(self.bank.blueprints),
            levels=levels or m.NONE,
        )


def validate(root: Path | str) -> ValidationReport:
    bank, problems = read_bank(root)
    problems = problems + blueprint_problems(bank) + example_problems(bank)
    return ValidationReport(bank, sorted(problems), sorted(half_mark_warnings(bank)))
