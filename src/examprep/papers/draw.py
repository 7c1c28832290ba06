"""Drawing a mock paper from a blueprint: which questions, in which order, with which marks.

`draw_paper` is a pure function of (bank, blueprint, seed, variant): no I/O, no clock, no global
random state, so the same inputs always give the same paper (the printed files are byte-identical)
and the trainer's mock exam can call it as well as `examprep paper`.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from fractions import Fraction

from ..content.model import Bank, Blueprint, Case, Question, Section
from .selection import eligible_cases, eligible_questions, shortfall_message

LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
MAX_VARIANTS = len(LETTERS)

# Marks shared out over a case's questions are rounded to this step, so a paper never prints 6.67.
MARK_STEP = Fraction(1, 2)

# An option that speaks about the other options ("以上都对") must stay where the author put it.
_REFERS_TO_OTHERS = re.compile(r"以上|上述|前述|均正确|均不正确|都正确|都不正确|都对|都不对|全部正确")
# A capital letter standing alone ("B、C属于…", "E错误", not "TPO"): maybe an option named by its key.
_STANDALONE_LETTER = re.compile(r"(?<![A-Za-z0-9])[A-Z](?![A-Za-z0-9])")


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
    def type(self) -> str:
        return self.question.type

    @property
    def options(self) -> tuple[tuple[str, str], ...]:
        """(printed letter, text) in printed order."""
        texts = self.question.option_map
        return tuple((LETTERS[i], texts[key]) for i, key in enumerate(self.option_order))

    @property
    def items(self) -> tuple[tuple[str, str], ...]:
        """Order questions: (printed letter, text) in printed (shuffled) order."""
        return tuple((LETTERS[i], self.question.items[j]) for i, j in enumerate(self.item_order))

    def printed_letter(self, bank_key: str) -> str:
        """The letter this paper printed for the bank's option `bank_key`."""
        return LETTERS[self.option_order.index(bank_key)]

    @property
    def key(self) -> str:
        """The answer in the paper's own letters: 'B', 'AC', an order like 'CABD', '√'/'×', or a number."""
        return printed_key(self.question, self.option_order, self.item_order)

    def rubric_marks(self) -> tuple[tuple[object, float], ...]:
        """Each rubric point with the marks it carries on this paper: shared by weight in half marks
        (largest remainder), so that the key never prints 2.67 and the shares add up to the marks."""
        rubric = self.question.rubric
        return tuple(zip(rubric, point_shares(self.marks, [p.weight for p in rubric])))

    @property
    def model_answer(self) -> str:
        """An example the author marked full, else the rubric's key points joined."""
        for example in self.question.examples:
            if example.score >= self.question.score:
                return example.answer
        return "；".join(p.point for p in self.question.rubric)


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
    def all_items(self) -> tuple[PaperItem, ...]:
        if self.type == "case":
            return tuple(i for c in self.cases for i in c.items)
        return self.items

    @property
    def count(self) -> int:
        return len(self.cases) if self.type == "case" else len(self.items)

    @property
    def marks(self) -> float:
        return sum(i.marks for i in self.all_items)

    @property
    def uniform_marks(self) -> float | None:
        """The marks of each question (or case) when they are all the same, else None."""
        values = {c.marks for c in self.cases} if self.type == "case" else {i.marks for i in self.items}
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

    @property
    def items(self) -> tuple[PaperItem, ...]:
        return tuple(i for s in self.sections for i in s.all_items)

    @property
    def total(self) -> float:
        return sum(s.marks for s in self.sections)


def printed_key(question: Question, option_order: tuple[str, ...], item_order: tuple[int, ...]) -> str:
    """The right answer in the letters of a paper that printed the options and order items so."""
    if question.type == "single":
        return LETTERS[option_order.index(question.answer)]
    if question.type == "multiple":
        return "".join(sorted(LETTERS[option_order.index(k)] for k in question.answer))
    if question.type == "order":
        return "".join(LETTERS[item_order.index(j)] for j in range(len(question.items)))
    if question.type == "judge":
        return "√" if question.answer else "×"
    if question.type == "calc":
        return f"{question.answer:g}"
    return ""


def variant_index(variant: str) -> int:
    if len(variant) != 1 or variant not in LETTERS:
        raise ValueError(f"a paper variant is one capital letter A–Z, not '{variant}'")
    return LETTERS.index(variant)


def _rng(seed: int, *parts: object) -> random.Random:
    # A string seed goes through SHA-512 (random's version 2 seeding): stable across runs and platforms,
    # unaffected by PYTHONHASHSEED.
    return random.Random("/".join(str(p) for p in (seed, *parts)))


def share_marks(total: float, weights: list[float]) -> list[float]:
    """`total` shared in proportion to `weights`, in steps of MARK_STEP, summing exactly to `total`.

    Largest remainder: each share is rounded down to a step, and the steps left over go to the shares
    that lost most, earliest first on ties.
    """
    steps = int(Fraction(total).limit_denominator(1000) / MARK_STEP)
    whole = sum(Fraction(w).limit_denominator(1000) for w in weights)
    exact = [Fraction(w).limit_denominator(1000) * steps / whole for w in weights]
    floors = [int(e) for e in exact]
    left = steps - sum(floors)
    by_loss = sorted(range(len(weights)), key=lambda i: (-(exact[i] - floors[i]), i))
    for i in by_loss[:left]:
        floors[i] += 1
    return [float(f * MARK_STEP) for f in floors]


def point_shares(total: float, weights: list[float]) -> list[float]:
    """The marks of each rubric point on a paper: half marks when `total` is a whole number of them,
    else the exact proportional shares."""
    if (Fraction(total).limit_denominator(1000) / MARK_STEP).denominator == 1:
        return share_marks(total, weights)
    whole = sum(weights)
    return [total * w / whole for w in weights]


def uneven_shares(total: float, weights: list[float]) -> bool:
    """Whether sharing `total` by `weights` gives a share that is not a whole number of MARK_STEPs."""
    whole = sum(Fraction(w).limit_denominator(1000) for w in weights)
    marks = Fraction(total).limit_denominator(1000)
    return any((marks * Fraction(w).limit_denominator(1000) / whole / MARK_STEP).denominator != 1
               for w in weights)


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


def names_option_keys(question: Question) -> bool:
    """Whether the stem, an option or the explanation names options by key ("A、B属于基础信息"):
    shuffled, the key's explanation would point at the wrong options. A false alarm ("A类客户")
    costs only a shuffle, so any standalone key letter counts."""
    keys = {k for k, _ in question.options}
    texts = [question.stem, question.explanation or "", *(t for _, t in question.options)]
    return any(m.group() in keys for text in texts for m in _STANDALONE_LETTER.finditer(text))


def _shuffled_options(question: Question, rng: random.Random) -> tuple[str, ...]:
    keys = [k for k, _ in question.options]
    if names_option_keys(question):
        return tuple(keys)
    texts = question.option_map
    movable = [k for k in keys if not _REFERS_TO_OTHERS.search(texts[k])]
    rng.shuffle(movable)
    moving = iter(movable)
    return tuple(k if _REFERS_TO_OTHERS.search(texts[k]) else next(moving) for k in keys)


def _shuffled_items(question: Question, rng: random.Random) -> tuple[int, ...]:
    order = list(range(len(question.items)))
    rng.shuffle(order)
    if order == sorted(order):  # printed in the right order would give the answer away
        order = order[1:] + order[:1]
    return tuple(order)


def _item(question: Question, number: int, marks: float, seed: int, variant: str) -> PaperItem:
    rng = _rng(seed, variant, question.id)
    option_order = _shuffled_options(question, rng) if question.type in ("single", "multiple") else ()
    item_order = _shuffled_items(question, rng) if question.type == "order" else ()
    return PaperItem(question, number, marks, option_order, item_order)


def _check(bank: Bank, blueprint: Blueprint, section: Section, available: int) -> None:
    if available < section.count:
        raise BlueprintError(section.where.file, section.where.line,
                             shortfall_message(blueprint, section, available, bank))


def draw_paper(bank: Bank, blueprint: Blueprint, seed: int, variant: str = "A") -> Paper:
    """The paper `variant` of `blueprint` for `seed`.

    Each section's eligible questions are shuffled once per seed; variant k reads them from position
    k × count, so parallel papers share no question while the bank has enough, and overlap (in a
    different order, with other option shuffles) when it has not.
    """
    k = variant_index(variant)
    used_points: set[str] = set()
    number = 0
    sections = []
    for index, section in enumerate(blueprint.sections):
        if section.type == "case":
            pool = eligible_cases(bank, blueprint, section)
        else:
            pool = eligible_questions(bank, blueprint, section)
        _check(bank, blueprint, section, len(pool))
        _rng(seed, "pool", index).shuffle(pool)
        chosen = _pick(pool, section.count, k * section.count, used_points, lambda e: e.points)
        _rng(seed, variant, "order", index).shuffle(chosen)
        items: list[PaperItem] = []
        cases: list[PaperCase] = []
        if section.type == "case":
            for case in chosen:
                if section.score is not None:
                    marks = share_marks(section.score, [q.score for q in case.questions])
                else:
                    marks = [q.score for q in case.questions]
                case_items = []
                for question, m in zip(case.questions, marks):
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
        variant=variant, sections=tuple(sections),
    )
