"""The content model: knowledge points, questions, cases and paper blueprints as frozen dataclasses.

Everything the loader produces is one of these; nothing downstream sees raw YAML dicts.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar, Protocol

if TYPE_CHECKING:
    from ..grading.results import Grading
    from .fields import FieldReader

# A candidate's answer: each kind has its own type (a key, a set of keys, a bool, a number, item
# indexes, the text, one text per blank), documented in its module.
Answer = Any

# Levels the shipped bank knows; a content root may declare more in levels.yaml.
KNOWN_LEVELS = {"primary": "初级/五级", "intermediate": "中级/四级"}


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
    # `under:` the id of the point that names this point's item (品牌构成 under 按经营情况分类): where
    # the answer names the items, this point counts only in the part about its own item.
    under: str | None = None
    # `label:` the words an answer heads this point's group with (注意事项 for 注意沟通氛围): under another
    # group's heading (有效表达的要求：沟通氛围…) the point earns nothing.
    labels: tuple[str, ...] = ()


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


class Shuffles(Protocol):
    """How a paper printed a question: the bank's option keys printed as A, B, C, … and the indexes of
    an order question's items (0 = first in the right order) printed as A, B, C, …"""

    @property
    def option_order(self) -> tuple[str, ...]: ...

    @property
    def item_order(self) -> tuple[int, ...]: ...


class ReadContext(Protocol):
    """What the loader lends a kind reading its fields: the rubric and examples readers."""

    def read_rubric(self, r: FieldReader) -> tuple[RubricPoint, ...]: ...

    def read_examples(self, r: FieldReader) -> tuple[Example, ...]: ...

    @property
    def lexicon(self) -> Lexicon:
        """The bank's own synonyms and antonyms, for kinds graded by the free-text matcher."""
        ...


@dataclass(frozen=True)
class Question:
    """What every question has. Each kind (a module of `examprep.kinds`) is a subclass with its own
    fields and answer type, implementing the methods below; `kinds.registry` maps `type:` to it."""

    id: str
    type: str
    level: str
    points: tuple[str, ...]
    stem: str
    score: float
    explanation: str | None = None
    tags: tuple[str, ...] = ()
    case_id: str | None = None
    note: str | None = None  # an authoring note, never shown to a candidate
    where: Location = field(default=Location("", 0), compare=False)

    # The `type:` values this kind reads, with their Chinese names.
    TITLES: ClassVar[dict[str, str]] = {}
    # The YAML fields this kind adds to the common ones.
    FIELDS: ClassVar[tuple[str, ...]] = ()
    # The name of its template partials (templates/kinds/<kind>.*.j2).
    kind: ClassVar[str] = ""
    # Prose graded against a rubric: feedback marks the matched words in the answer.
    is_free_text: ClassVar[bool] = False
    # Its grading lists points (rubric points, blanks) earned and missed; a blank answer is still graded.
    reports_points: ClassVar[bool] = False

    # -- the protocol of a kind ------------------------------------------------------------------
    @classmethod
    def read_fields(cls, r: FieldReader, context: ReadContext) -> dict[str, Any]:
        """This kind's fields from its YAML mapping; problems go to `r` with their lines."""
        return {}

    @classmethod
    def default_score(cls, fields: dict[str, Any]) -> float:
        """Full marks when the question does not say."""
        return 1.0

    def parse_answer(self, text: str) -> Any:
        """A candidate's answer as typed (`grade`, `mark`), as this kind's answer value; None when it
        cannot be read."""
        raise NotImplementedError

    def grade(self, answer: Any) -> Grading:
        """Grade an answer: this kind's answer value, or text as typed."""
        raise NotImplementedError

    def key(self, shuffle: Shuffles | None = None) -> str:
        """The right answer as a candidate writes it on a paper printed with `shuffle` (by default
        as the trainer shows the question): 'B', 'AC', 'CABD', '√', '55%'; '' for free text."""
        raise NotImplementedError

    def model_answer(self, shuffle: Shuffles | None = None) -> str:
        """The key as a candidate reads it after answering, in the letters of `shuffle`."""
        raise NotImplementedError

    def answer_text(self, answer: Any, shuffle: Shuffles | None = None) -> str:
        """How an answer (this kind's value) reads to a candidate."""
        if answer is None or answer == "":
            return "（未作答）"
        return str(answer)

    def is_blank(self, answer: Any) -> bool:
        """Whether an answer (this kind's value or text) says nothing."""
        if answer is None:
            return True
        if isinstance(answer, str):
            return not answer.strip()
        if isinstance(answer, (set, frozenset, tuple, list, dict)):
            return all(self.is_blank(a) for a in answer)
        return False

    def encode(self, answer: Any) -> str:
        """The answer value as the progress store keeps it (JSON)."""
        import json

        return json.dumps(answer, ensure_ascii=False)

    def decode(self, stored: str | None) -> Any:
        """A stored answer back as this kind's value; None when it cannot be read."""
        import json

        if stored is None:
            return None
        try:
            return self.decoded(json.loads(stored))
        except ValueError:
            return None

    def decoded(self, value: Any) -> Any:
        """The kind's answer from a JSON value; None when it is not one."""
        return None

    def shuffled(self, rng) -> tuple[tuple[str, ...], tuple[int, ...]]:
        """The option and item orders a paper prints, drawn with `rng`; () for what it does not shuffle."""
        return (), ()

    def to_bank_answer(self, answer: Any, shuffle: Shuffles | None) -> Any:
        """What was written on a paper printed with `shuffle`, as the grader reads it for the bank."""
        return answer

    def shown_choices(self, shuffle: Shuffles | None = None) -> tuple[tuple[str, str], ...]:
        """What a candidate chooses from, as (letter, text) in the order shown; () for other kinds."""
        return ()

    def marks_on_paper(self, grading: Grading, marks: float) -> float:
        """What a grading earns where the question carries `marks` (on a printed paper, in a mock
        exam, or its own score in a drill): by default its share of them. The one rule the key,
        marking and the trainer share."""
        return grading.score / grading.max * marks if grading.max else 0.0

    def point_awards(self, grading: Grading, marks: float) -> tuple[float, ...]:
        """The marks each of `grading.points` is awarded where the question carries `marks`; they
        add up to `marks_on_paper`. By default each point's share of the grader's score."""
        return tuple(p.earned / grading.max * marks if grading.max else 0.0 for p in grading.points)

    def part_weights(self) -> list[float]:
        """The weights of the parts its marks are shared over on a paper (rubric points, calculation
        steps and result); [] for a question marked as a whole."""
        return []

    def shown_stem(self) -> str:
        """The stem as shown to a candidate."""
        return self.stem

    @property
    def title(self) -> str:
        """The type's Chinese name: 单项选择, 判断, …"""
        return self.TITLES.get(self.type, self.type)


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
    pass_mark: float | None = None  # marks needed to pass; None: 60% of the paper's full marks


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
