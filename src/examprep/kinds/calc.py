"""Calculation questions (计算): a number, within a tolerance, in an optional unit.

Answers typed: a number, with or without its unit, in full-width digits or Chinese numerals; from the
trainer, the text as typed (45%, 四十五) or a float.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, ClassVar

from ..content.fields import FieldReader
from ..content.model import Question, ReadContext, Shuffles
from ..format import number_text
from ..grading.numbers import parse_number
from ..grading.results import Grading
from .base import exact_grading

# A comma not followed by a group of exactly three digits (77,5  1,2345), or a negation (不是5, 非 45).
_AMBIGUOUS = re.compile(r"\d[,，](?!\d{3}(?![\d]))|[不非没无否]")


@dataclass(frozen=True)
class Calc(Question):
    answer: float = 0.0
    tolerance: float = 0.0
    unit: str | None = None

    TITLES: ClassVar[dict[str, str]] = {"calc": "计算"}
    FIELDS: ClassVar[tuple[str, ...]] = ("answer", "tolerance", "unit")
    kind: ClassVar[str] = "calc"

    @classmethod
    def read_fields(cls, r: FieldReader, context: ReadContext) -> dict[str, Any]:
        return {"answer": r.signed_number("answer", True) or 0.0,
                "tolerance": r.number("tolerance", default=0.0), "unit": r.text("unit")}

    def parse_answer(self, text: str) -> float | None:
        if _AMBIGUOUS.search(text):
            return None  # 77,5 (a decimal comma, or a typo for 775?) or 不是 5: never guess
        return parse_number(text)

    def read(self, answer: Any) -> float | None:
        if isinstance(answer, bool):
            return None
        if isinstance(answer, (int, float)):
            return float(answer)
        return self.parse_answer(answer) if isinstance(answer, str) else None

    def grade(self, answer: Any) -> Grading:
        value = self.read(answer)
        right = value is not None and abs(value - self.answer) <= self.tolerance + 1e-9
        return exact_grading(self, right, None if value is None else number_text(value))

    def key(self, shuffle: Shuffles | None = None) -> str:
        return number_text(self.answer) + (self.unit or "")

    def model_answer(self, shuffle: Shuffles | None = None) -> str:
        text = number_text(self.answer) + (f" {self.unit}" if self.unit else "")
        if self.tolerance:
            text += f"（允许误差 ±{number_text(self.tolerance)}）"
        return text

    def answer_text(self, answer: Any, shuffle: Shuffles | None = None) -> str:
        if isinstance(answer, (int, float)) and not isinstance(answer, bool):
            return number_text(float(answer)) + (f" {self.unit}" if self.unit else "")
        if answer and self.unit and not str(answer).strip().endswith(self.unit):
            return f"{answer} {self.unit}"
        return super().answer_text(answer)

    def decoded(self, value: Any) -> float | str | None:
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return float(value)
        return value if isinstance(value, str) else None  # a number as typed: 45%, 四十五
