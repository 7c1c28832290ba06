"""Free-text questions: recall (默写), short answer (简答) and the questions of a case (案例分析),
graded against a rubric of key points by the Chinese-aware matcher in `grading`.

Answers: the text as typed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, ClassVar

from ..content.fields import FieldReader
from ..content.model import EMPTY_LEXICON, Example, Lexicon, Question, ReadContext, RubricPoint, Shuffles
from ..grading.results import Grading
from ..grading.scoring import grade_free_text
from ..marks import point_shares
from .base import awards_of_shares


def answer_as_text(answer: Any) -> str:
    """Whatever came as an answer, as the text the matcher reads (a list is one entry per line)."""
    if answer is None:
        return ""
    if isinstance(answer, str):
        return answer
    if isinstance(answer, (list, tuple)):
        return "\n".join(str(a) for a in answer)
    return str(answer)


@dataclass(frozen=True)
class FreeText(Question):
    rubric: tuple[RubricPoint, ...] = ()
    examples: tuple[Example, ...] = ()
    lexicon: Lexicon = field(default=EMPTY_LEXICON, compare=False)  # the bank's synonyms.yaml

    TITLES: ClassVar[dict[str, str]] = {"recall": "默写", "short": "简答"}
    FIELDS: ClassVar[tuple[str, ...]] = ("rubric", "examples")
    kind: ClassVar[str] = "free_text"
    is_free_text: ClassVar[bool] = True
    reports_points: ClassVar[bool] = True

    @classmethod
    def read_fields(cls, r: FieldReader, context: ReadContext) -> dict[str, Any]:
        return {"rubric": context.read_rubric(r), "examples": context.read_examples(r),
                "lexicon": context.lexicon}

    @classmethod
    def default_score(cls, fields: dict[str, Any]) -> float:
        return sum(p.weight for p in fields.get("rubric", ())) or 1.0

    def parse_answer(self, text: str) -> str:
        return text

    def grade(self, answer: Any) -> Grading:
        return grade_free_text(self, answer_as_text(answer))

    def key(self, shuffle: Shuffles | None = None) -> str:
        return ""

    def model_answer(self, shuffle: Shuffles | None = None) -> str:
        """A sample answer the author marked full, else the rubric's key points, one a line."""
        for example in self.examples:
            if example.score >= self.score:
                return example.answer
        return "\n".join(f"{i}. {p.point}" for i, p in enumerate(self.rubric, 1))

    def point_marks(self, marks: float) -> tuple[tuple[RubricPoint, float], ...]:
        """Each rubric point with the marks it carries when the question is worth `marks` on a paper:
        shared by weight in half marks (largest remainder), so that the key never prints 2.67 and the
        shares add up to the marks."""
        return tuple(zip(self.rubric, point_shares(marks, [p.weight for p in self.rubric])))

    def point_awards(self, grading: Grading, marks: float) -> tuple[float, ...]:
        """Each earned rubric point is awarded its share as the key prints it (`point_marks`, half
        marks); a missed one nothing."""
        awards = awards_of_shares(grading, {p.id: m for p, m in self.point_marks(marks)})
        return super().point_awards(grading, marks) if awards is None else awards

    def part_weights(self) -> list[float]:
        return [p.weight for p in self.rubric]

    def marks_on_paper(self, grading: Grading, marks: float) -> float:
        if not grading.max:
            return 0.0
        if not grading.points or not self.rubric:
            return super().marks_on_paper(grading, marks)
        return sum(self.point_awards(grading, marks))

    def decoded(self, value: Any) -> str | None:
        return value if isinstance(value, str) else None
