"""Judge questions (判断): a statement that is right or wrong.

Answers typed: 对/错, 正确/错误, true/false, T/F, √/×, yes/no; from the trainer, a bool.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, ClassVar

from ..content import messages as m
from ..content.fields import FieldReader
from ..content.model import Question, ReadContext, Shuffles
from ..grading.results import Grading
from .base import exact_grading, fold

TRUE_WORDS = frozenset({"对", "正确", "是", "真", "true", "t", "yes", "y", "√", "✓", "✔", "1", "o", "对的"})
FALSE_WORDS = frozenset({"错", "错误", "否", "假", "false", "f", "no", "n", "×", "✗", "✘", "x", "0", "不对",
                         "错的"})


def judge_text(value: bool) -> str:
    return "对" if value else "错"


def read_judgement(text: str) -> bool | None:
    """True or False from the ways people write them (对, √, true, …); None when it is neither."""
    word = re.sub(r"[\s。.!！]", "", fold(text)).lower()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    return None


@dataclass(frozen=True)
class Judge(Question):
    answer: bool = False

    TITLES: ClassVar[dict[str, str]] = {"judge": "判断"}
    FIELDS: ClassVar[tuple[str, ...]] = ("answer",)
    kind: ClassVar[str] = "judge"

    @classmethod
    def read_fields(cls, r: FieldReader, context: ReadContext) -> dict[str, Any]:
        answer = r.data.get("answer")
        if not isinstance(answer, bool):
            r.fail(r.line("answer") if "answer" in r.data else r.data.line,
                   m.JUDGE_NEEDS_ANSWER)
        return {"answer": bool(answer)}

    def parse_answer(self, text: str) -> bool | None:
        return read_judgement(text)

    def read(self, answer: Any) -> bool | None:
        if isinstance(answer, bool):
            return answer
        return self.parse_answer(answer) if isinstance(answer, str) else None

    def grade(self, answer: Any) -> Grading:
        judgement = self.read(answer)
        given = None if judgement is None else judge_text(judgement)
        return exact_grading(self, judgement is not None and judgement == self.answer, given)

    def key(self, shuffle: Shuffles | None = None) -> str:
        return "√" if self.answer else "×"

    def model_answer(self, shuffle: Shuffles | None = None) -> str:
        return judge_text(self.answer)

    def answer_text(self, answer: Any, shuffle: Shuffles | None = None) -> str:
        judgement = self.read(answer)
        return judge_text(judgement) if judgement is not None else super().answer_text(answer)

    def decoded(self, value: Any) -> bool | None:
        return value if isinstance(value, bool) else None
