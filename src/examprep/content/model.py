"""The content model: knowledge points, questions, cases and paper blueprints as frozen dataclasses.

Everything the loader produces is one of these; nothing downstream sees raw YAML dicts.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Union

QUESTION_TYPES = ("recall", "single", "multiple", "judge", "order", "calc", "short")
FREE_TEXT_TYPES = frozenset({"recall", "short"})
OBJECTIVE_TYPES = frozenset({"single", "multiple", "judge", "order", "calc"})

# Levels the shipped bank knows; a content root may declare more in levels.yaml.
KNOWN_LEVELS = {"primary": "初级/五级", "intermediate": "中级/四级"}

TYPE_TITLES = {
    "recall": "默写",
    "single": "单项选择",
    "multiple": "多项选择",
    "judge": "判断",
    "order": "排序",
    "calc": "计算",
    "short": "简答",
    "case": "案例分析",
}

Answer = Union[str, tuple[str, ...], bool, float, None]


@dataclass(frozen=True)
class Location:
    """Where something was written: a file (relative to the content root) and a 1-based line."""

    file: str
    line: int

    def __str__(self) -> str:
        return f"{self.file}:{self.line}"


@dataclass(frozen=True)
class Point:
    id: str
    title: str
    level: str
    topic: str
    topic_title: str
    source: str
    items: tuple[str, ...] = ()
    ordered: bool = False
    text: str | None = None
    ref: str | None = None
    tags: tuple[str, ...] = ()
    where: Location = field(default=Location("", 0), compare=False)


@dataclass(frozen=True)
class Topic:
    id: str
    title: str
    level: str
    source: str
    point_ids: tuple[str, ...]
    where: Location = field(default=Location("", 0), compare=False)


@dataclass(frozen=True)
class RubricPoint:
    id: str
    point: str
    keywords: tuple[str, ...]
    weight: float = 1.0
    # `all:` groups: every group (a tuple of alternatives) must be found in one clause, so a fact
    # (a time limit, a method's description) counts only beside its own item.
    all_of: tuple[tuple[str, ...], ...] = ()
    note: str | None = None  # an authoring note, never shown to a candidate
    where: Location = field(default=Location("", 0), compare=False)


@dataclass(frozen=True)
class Lexicon:
    """A bank's own synonyms and antonyms (`synonyms.yaml`), on top of the shipped thesaurus."""

    synonyms: tuple[tuple[str, ...], ...] = ()
    antonyms: tuple[tuple[str, ...], ...] = ()


EMPTY_LEXICON = Lexicon()


@dataclass(frozen=True)
class Example:
    answer: str
    score: float
    where: Location = field(default=Location("", 0), compare=False)


@dataclass(frozen=True)
class Question:
    id: str
    type: str
    level: str
    points: tuple[str, ...]
    stem: str
    score: float
    explanation: str | None = None
    options: tuple[tuple[str, str], ...] = ()
    answer: Answer = None
    tolerance: float = 0.0
    unit: str | None = None
    items: tuple[str, ...] = ()
    rubric: tuple[RubricPoint, ...] = ()
    examples: tuple[Example, ...] = ()
    tags: tuple[str, ...] = ()
    case_id: str | None = None
    note: str | None = None  # an authoring note, never shown to a candidate
    lexicon: Lexicon = field(default=EMPTY_LEXICON, compare=False)
    where: Location = field(default=Location("", 0), compare=False)

    @property
    def is_free_text(self) -> bool:
        return self.type in FREE_TEXT_TYPES

    @property
    def option_map(self) -> dict[str, str]:
        return dict(self.options)


@dataclass(frozen=True)
class Case:
    id: str
    title: str
    level: str
    points: tuple[str, ...]
    source: str
    scenario: str
    questions: tuple[Question, ...]
    tags: tuple[str, ...] = ()
    where: Location = field(default=Location("", 0), compare=False)


@dataclass(frozen=True)
class Section:
    title: str
    type: str  # a question type, or "case"
    count: int
    score: float | None = None  # marks per question; None means the question's own score
    tags: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()
    points: tuple[str, ...] = ()
    instructions: str | None = None
    where: Location = field(default=Location("", 0), compare=False)


@dataclass(frozen=True)
class Blueprint:
    name: str
    title: str
    level: str
    duration: int
    sections: tuple[Section, ...]
    where: Location = field(default=Location("", 0), compare=False)


@dataclass(frozen=True)
class Bank:
    """A whole content root, indexed by id."""

    root: str
    points: dict[str, Point]
    topics: dict[tuple[str, str], Topic]
    questions: dict[str, Question]  # standalone and case questions alike
    cases: dict[str, Case]
    blueprints: dict[str, Blueprint]
    levels: dict[str, str]
    lexicon: Lexicon = EMPTY_LEXICON

    def level_title(self, level: str) -> str:
        return self.levels.get(level, level)

    def questions_for_point(self, point_id: str) -> list[Question]:
        return [q for q in self.questions.values() if point_id in q.points]

    def topic_of(self, question: Question) -> str | None:
        """The topic of a question's first knowledge point."""
        for pid in question.points:
            point = self.points.get(pid)
            if point is not None:
                return point.topic
        return None

    def question_topics(self, question: Question) -> set[str]:
        return {self.points[p].topic for p in question.points if p in self.points}

    def question_tags(self, question: Question) -> set[str]:
        tags = set(question.tags)
        for pid in question.points:
            point = self.points.get(pid)
            if point is not None:
                tags.update(point.tags)
        return tags
