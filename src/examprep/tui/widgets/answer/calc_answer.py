"""A number, typed as the candidate would write it (45, 45%, 0.45, 四十五), with the unit beside it;
Enter submits. The grader reads the number from the text."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Input, Label

from ....content.model import Answer
from ....format import number_text
from ....kinds.calc import Calc
from .base import AnswerInput


class CalcAnswer(AnswerInput):
    HOW = "输入数值"

    def __init__(self, question: Calc, **kwargs):
        super().__init__(question, **kwargs)
        self.unit = question.unit
        self._field = Input(placeholder="输入计算结果", id="number")

    def compose(self) -> ComposeResult:
        yield self._field
        if self.unit:
            yield Label(self.unit, id="unit")

    @property
    def field(self) -> Input:
        return self._field

    @property
    def value(self) -> Answer:
        text = self.field.value.strip()
        return text or None

    def set_value(self, value: Answer) -> None:
        if isinstance(value, float):
            value = number_text(value)
        self.field.value = value or ""

    def focus(self, scroll_visible: bool = True):
        self.field.focus(scroll_visible)
        return self

    def freeze(self) -> None:
        super().freeze()
        self.field.disabled = True

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if not self.frozen:
            self.post_message(self.Submitted(self))

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self.changed()
