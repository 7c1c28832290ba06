"""Drawing a mock paper from a blueprint: which questions, in which order, with which marks.

`draw_paper` is a pure function of (bank, blueprint, seed, variant): no I/O, no clock, no global
random state, so the same inputs always give the same paper (the printed files are byte-identical)
and the trainer's mock exam can call it as well as `examprep paper`.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from typing import Any

from ..content.model import Bank, Blueprint, Case, Question, Section
from ..kinds.base import LETTERS
from ..marks import share_marks
from . import messages as m
from .selection import eligible_cases, eligible_questions, shortfall_message

MAX_VARIANTS = len(LETTERS)


class BlueprintError(ValueError):
    """A blueprint that this bank cannot satisfy; carries where the section was written."""

    def __init__(self, file: str, line: int, message: str):
        self.file = file
        self.line = line
        self.message = message
        super().__init__(f"{file}:{line}: {message}")


@dataclass(frozen=True)
class PaperItem:
    """One question as printed: its running number, its marks and its shuffles."""

    question: Question
    number: int
    marks: float
    # single/multiple: the bank's option keys in the order printed as A, B, C, …
    option_order: tuple[str, ...] = ()
    # order: the indexes of the bank's items (0-based, correct order) in the order printed as A, B, C, …
    item_order: tuple[int, ...] = ()

    @property
    def id(self) -> str:
        return self.question.id

    @property
    def key(self) -> str:
        """The answer in the paper's own letters: 'B', 'AC', an order like 'CABD', '√'/'×', or a number."""
        return self.question.key(self)

    @property
    def choices(self) -> tuple[tuple[str, str], ...]:
        """Options, or order items, as (printed letter, text) in printed order."""
        return self.question.shown_choices(self)

    @property
    def model_answer(self) -> str:
        return self.question.model_answer(self)


@dataclass(frozen=True)
class PaperCase:
    case: Case
    items: tuple[PaperItem, ...]

    @property
    def marks(self) -> float:
        return sum(i.marks for i in self.items)


@dataclass(frozen=True)
class PaperSection:
    index: int  # 0-based position in the blueprint
    title: str
    type: str
    instructions: str | None
    marks_each: float | None  # the blueprint's `score`, when it set one
    items: tuple[PaperItem, ...] = ()  # standalone questions
    cases: tuple[PaperCase, ...] = ()  # for a `case` section

    @property
    def is_case(self) -> bool:
        """A case section: whole cases, each a scenario and its questions."""
        return self.type == "case"

    @property
    def all_items(self) -> tuple[PaperItem, ...]:
        if self.is_case:
            return tuple(i for c in self.cases for i in c.items)
        return self.items

    @property
    def count(self) -> int:
        return len(self.cases) if self.is_case else len(self.items)

    @property
    def marks(self) -> float:
        return sum(i.marks for i in self.all_items)

    @property
    def uniform_marks(self) -> float | None:
        """The marks of each question (or case) when they are all the same, else None."""
        values = {c.marks for c in self.cases} if self.is_case else {i.marks for i in self.items}
        return values.pop() if len(values) == 1 else None


@dataclass(frozen=True)
class Paper:
    blueprint: str  # the blueprint's name (file stem)
    title: str
    level: str
    level_title: str
    duration: int
    seed: int
    variant: str
    sections: tuple[PaperSection, ...]
    pass_mark: float | None = None  # the blueprint's; None: 60% of the full marks

    @property
    def items(self) -> tuple[PaperItem, ...]:
        return tuple(i for s in self.sections for i in s.all_items)

    @property
    def total(self) -> float:
        return sum(s.marks for s in self.sections)


def variant_index(variant: str) -> int:
    if len(variant) != 1 or variant not in LETTERS:
        raise ValueError(m.BAD_VARIANT.format(variant=variant))
    return LETTERS.index(variant)


def _rng(seed: int, *parts: object) -> random.Random:
    # A string seed goes through SHA-512 (random's version 2 seeding): stable across runs and platforms,
    # unaffected by PYTHONHASHSEED.
    return random.Random("/".join(str(p) for p in (seed, *parts)))


def _pick(pool: list, count: int, start: int, used_points: set[str], points_of) -> list:
    """`count` entries of `pool` read cyclically from `start`, preferring ones whose knowledge points
    the paper has not tested yet (a judge item must not give away the answer to a recall item)."""
    ring = [pool[(start + i) % len(pool)] for i in range(len(pool))]
    chosen: list = []
    taken: set[int] = set()
    for fresh_only in (True, False):  # second pass: not enough fresh points, fill up in ring order
        for position, entry in enumerate(ring):
            if len(chosen) == count:
                break
            if position in taken or (fresh_only and used_points.intersection(points_of(entry))):
                continue
            chosen.append(entry)
            taken.add(position)
            used_points.update(points_of(entry))
    return chosen


def _item(question: Question, number: int, marks: float, seed: int, variant: str) -> PaperItem:
    option_order, item_order = question.shuffled(_rng(seed, variant, question.id))
    return PaperItem(question, number, marks, option_order, item_order)


def _check(bank: Bank, blueprint: Blueprint, section: Section, available: int) -> None:
    if available < section.count:
        raise BlueprintError(section.where.file, section.where.line,
                             shortfall_message(blueprint, section, available, bank))


def draw_paper(bank: Bank, blueprint: Blueprint, seed: int, variant: str = "A",
               same_questions: bool = False) -> Paper:
    """The paper `variant` of `blueprint` for `seed`.

    Each section's eligible questions are shuffled once per seed; variant k reads them from position
    k × count, so parallel papers share no question while the bank has enough, and overlap (in a
    different order, with other option shuffles) when it has not. With `same_questions` every
    variant holds the questions of variant A, in its own order and with its own option shuffles.
    """
    k = 0 if same_questions else variant_index(variant)
    used_points: set[str] = set()
    number = 0
    sections = []
    for index, section in enumerate(blueprint.sections):
        pool: list[Any] = (eligible_cases(bank, blueprint, section) if section.type == "case"
                           else eligible_questions(bank, blueprint, section))
        _check(bank, blueprint, section, len(pool))
        _rng(seed, "pool", index).shuffle(pool)
        chosen = _pick(pool, section.count, k * section.count, used_points, lambda e: e.points)
        _rng(seed, variant, "order", index).shuffle(chosen)
        items: list[PaperItem] = []
        cases: list[PaperCase] = []
        if section.type == "case":
            for case in chosen:
                if section.score is not None:
                    shares = share_marks(section.score, [q.score for q in case.questions])
                else:
                    shares = [q.score for q in case.questions]
                case_items = []
                for question, m in zip(case.questions, shares):
                    number += 1
                    case_items.append(_item(question, number, m, seed, variant))
                cases.append(PaperCase(case, tuple(case_items)))
        else:
            for question in chosen:
                number += 1
                marks = section.score if section.score is not None else question.score
                items.append(_item(question, number, marks, seed, variant))
        sections.append(PaperSection(
            index=index, title=section.title, type=section.type, instructions=section.instructions,
            marks_each=section.score, items=tuple(items), cases=tuple(cases),
        ))
    return Paper(
        blueprint=blueprint.name, title=blueprint.title, level=blueprint.level,
        level_title=bank.level_title(blueprint.level), duration=blueprint.duration, seed=seed,
        variant=variant, sections=tuple(sections), pass_mark=blueprint.pass_mark,
    )
