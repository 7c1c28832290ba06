"""A number, typed as the candidate would write it (45, 45%, 0.45, 四十五), with the unit beside it;
Enter submits. The grader reads the number from the text. A question with scoring steps also has a
box for the working above it, graded step by step (its value is the working with the result as its
last line)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Input, Label, TextArea

from ....content.model import Answer
from ....format import number_text
from ....kinds.calc import Calc
from .base import AnswerInput


class CalcAnswer(AnswerInput):
    HOW = "输入数值"
    WORKING_HOW = "写出计算过程（按步骤给分），结果框中 Enter 或 Ctrl+S 提交"
    WORKING_EXAM_HOW = "写出计算过程（按步骤给分）并填写结果"

    def __init__(self, question: Calc, **kwargs):
        super().__init__(question, **kwargs)
        self.unit = question.unit
        self._field = Input(placeholder="输入计算结果", id="number")
        self._working: TextArea | None = None
        if question.steps:
            self._working = TextArea(id="working", soft_wrap=True, tab_behavior="focus",
                                     highlight_cursor_line=False,
                                     placeholder="计算过程：列出公式，代入数值，逐步计算（如 甲÷乙×100%=…）")

    def how_to_answer(self, mode: str) -> str:
        if self._working is None:
            return super().how_to_answer(mode)
        return {"drill": self.WORKING_HOW, "exam": self.WORKING_EXAM_HOW}.get(mode, "")

    def compose(self) -> ComposeResult:
        if self._working is not None:
            yield self._working
        with Horizontal(classes="result"):
            yield self._field
            if self.unit:
                yield Label(self.unit, id="unit")

    @property
    def field(self) -> Input:
        return self._field

    @property
    def working(self) -> TextArea | None:
        return self._working

    @property
    def value(self) -> Answer:
        result = self.field.value.strip()
        working = self._working.text.strip() if self._working is not None else ""
        return "\n".join(part for part in (working, result) if part) or None

    def set_value(self, value: Answer) -> None:
        if isinstance(value, float):
            value = number_text(value)
        text = value or ""
        if self._working is not None:
            working, _, text = text.rpartition("\n")
            self._working.load_text(working)
        self.field.value = text

    def focus(self, scroll_visible: bool = True):
        (self._working or self.field).focus(scroll_visible)
        return self

    def freeze(self) -> None:
        super().freeze()
        self.field.disabled = True
        if self._working is not None:
            self._working.read_only = True

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if not self.frozen:
            self.post_message(self.Submitted(self))

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self.changed()

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        event.stop()
        self.changed()
