"""The blanks of a fill question, one text field each, labelled （1）, （2）, … as the stem numbers them.
Chinese typed through an input method goes in as composed; Enter (or Tab) moves to the next blank,
and Enter in the last submits."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Input, Label

from ....content.model import Answer
from ....kinds.fill import Fill
from .base import AnswerInput


class FillAnswer(AnswerInput):
    HOW = "在各空中填写，Enter 或 Tab 到下一空"

    def __init__(self, question: Fill, **kwargs):
        super().__init__(question, **kwargs)
        self.fields = [Input(placeholder=f"第 {n} 空", id=f"blank-{n}") for n in range(1, len(question.answer) + 1)]

    def compose(self) -> ComposeResult:
        for n, field in enumerate(self.fields, 1):
            with Horizontal(classes="blank"):
                yield Label(f"（{n}）")
                yield field

    @property
    def value(self) -> Answer:
        entries = tuple(field.value.strip() for field in self.fields)
        return entries if any(entries) else None

    def set_value(self, value: Answer) -> None:
        entries = list(value) if isinstance(value, (tuple, list)) else []
        for n, field in enumerate(self.fields):
            field.value = str(entries[n]) if n < len(entries) else ""

    def focus(self, scroll_visible: bool = True):
        if self.fields:
            self.fields[0].focus(scroll_visible)
        return self

    def freeze(self) -> None:
        super().freeze()
        for field in self.fields:
            field.disabled = True

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if self.frozen:
            return
        position = self.fields.index(event.input)
        if position + 1 < len(self.fields):
            self.fields[position + 1].focus()
        else:
            self.post_message(self.Submitted(self))

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self.changed()
