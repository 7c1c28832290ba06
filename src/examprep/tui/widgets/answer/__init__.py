"""Answer inputs, one per kind of question, and the one function that picks the right one."""

from __future__ import annotations

from ....content.model import Question
from ....kinds.base import Shuffle
from ....kinds.calc import Calc
from ....kinds.choice import Choice, MultipleChoice
from ....kinds.fill import Fill
from ....kinds.free_text import FreeText
from ....kinds.judge import Judge
from ....kinds.order import Order
from .base import AnswerInput
from .calc_answer import CalcAnswer
from .choice_answer import ChoiceAnswer
from .fill_answer import FillAnswer
from .order_answer import OrderAnswer
from .text_answer import TextAnswer


def answer_input_for(question: Question, *, option_order: tuple[str, ...] | None = None,
                     item_order: tuple[int, ...] | None = None, **kwargs) -> AnswerInput:
    """The input for `question`'s kind; a mock paper passes its own option and item shuffles."""
    if isinstance(question, Choice):
        shuffle = Shuffle(option_order or tuple(k for k, _ in question.options))
        choices: list[tuple[str, object, str]] = [(letter, key, text) for key, (letter, text)
                   in zip(shuffle.option_order, question.shown_choices(shuffle))]
        return ChoiceAnswer(question, choices, multiple=isinstance(question, MultipleChoice), **kwargs)
    if isinstance(question, Judge):
        return ChoiceAnswer(question, [("A", True, "对"), ("B", False, "错")], judge=True, **kwargs)
    if isinstance(question, Order):
        return OrderAnswer(question, item_order or question.presented_order(), **kwargs)
    if isinstance(question, Calc):
        return CalcAnswer(question, **kwargs)
    if isinstance(question, Fill):
        return FillAnswer(question, **kwargs)
    if isinstance(question, FreeText):
        return TextAnswer(question, **kwargs)
    raise TypeError(f"no answer input for {type(question).__name__}")


__all__ = ["AnswerInput", "answer_input_for"]
