"""The registry: each YAML `type:` and the kind (a `Question` subclass) that reads, grades and prints it."""

from __future__ import annotations

from ..content.model import Question
from .calc import Calc
from .choice import MultipleChoice, SingleChoice
from .fill import Fill
from .free_text import FreeText
from .judge import Judge
from .order import Order

# In the order papers and reports list the types.
KINDS: dict[str, type[Question]] = {
    "recall": FreeText,
    "single": SingleChoice,
    "multiple": MultipleChoice,
    "judge": Judge,
    "fill": Fill,
    "order": Order,
    "calc": Calc,
    "short": FreeText,
}
QUESTION_TYPES = tuple(KINDS)
# Every field some kind reads, beside the fields all questions have.
KIND_FIELDS = tuple(dict.fromkeys(f for kind in KINDS.values() for f in kind.FIELDS))
# The Chinese name of each type, and of a blueprint's case section.
TYPE_TITLES = {**{t: kind.TITLES[t] for t, kind in KINDS.items()}, "case": "案例分析"}


def kind_of(question_type: str) -> type[Question]:
    return KINDS[question_type]
