"""Answer inputs, one per kind of question, and the one function that picks the right one."""

from __future__ import annotations

from ....content.model import Question
from .base import AnswerInput


def answer_input_for(question: Question, *, option_order: tuple[str, ...] | None = None,
                     item_order: tuple[int, ...] | None = None, **kwargs) -> AnswerInput:
    """The input for `question`; a mock paper passes its own option and item shuffles."""
    kind = question.type
    if kind in ("single", "multiple", "judge"):
        from .choice_answer import ChoiceAnswer

        return ChoiceAnswer(question, order=option_order, **kwargs)
    if kind == "order":
        from .order_answer import OrderAnswer

        from ....grading import presented_order

        return OrderAnswer(question, item_order or tuple(presented_order(question)), **kwargs)
    if kind == "calc":
        from .calc_answer import CalcAnswer

        return CalcAnswer(question, **kwargs)
    from .text_answer import TextAnswer

    return TextAnswer(question, **kwargs)


__all__ = ["AnswerInput", "answer_input_for"]
