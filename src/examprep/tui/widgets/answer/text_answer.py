"""Free text for recall, short and case questions: a TextArea, so Chinese typed through an input
method arrives as it is composed. Enter is a new line; the screen's key (ctrl+s) submits."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import TextArea

from ....content.model import Answer
from .base import AnswerInput


class TextAnswer(AnswerInput):
    HOW = "在文本框中作答，Ctrl+S 提交"
    EXAM_HOW = "在文本框中作答"
    ENTER_SUBMITS = False  # Enter is a new line

    def __init__(self, question, **kwargs):
        super().__init__(question, **kwargs)
        self._area = TextArea(id="text", soft_wrap=True, tab_behavior="focus", highlight_cursor_line=False,
                              placeholder="在此作答，写出要点；Ctrl+S 提交")

    def compose(self) -> ComposeResult:
        yield self._area

    @property
    def area(self) -> TextArea:
        return self._area

    @property
    def value(self) -> Answer:
        text = self.area.text
        return text if text.strip() else None

    def set_value(self, value: Answer) -> None:
        self.area.load_text(value if isinstance(value, str) else "")

    def focus(self, scroll_visible: bool = True):
        self.area.focus(scroll_visible)
        return self

    def freeze(self) -> None:
        super().freeze()
        self.area.read_only = True
        self.area.placeholder = "（未作答）"  # nothing can be typed any more: say so, not how to answer

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        event.stop()
        self.changed()
