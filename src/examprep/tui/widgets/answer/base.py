"""What every answer input shares: its question, its value, its messages, and freezing once graded."""

from __future__ import annotations

from textual.message import Message
from textual.widget import Widget

from ....content.model import Question
from ....practice.answers import AnswerValue


class AnswerInput(Widget):
    """An input for one question's answer. `value` is what the grader takes (None when blank)."""

    class Submitted(Message):
        """The candidate asked to submit (Enter in a choice list or number field)."""

        def __init__(self, source: "AnswerInput"):
            super().__init__()
            self.source = source

    class Changed(Message):
        """The answer changed (the mock exam keeps it at once)."""

        def __init__(self, source: "AnswerInput"):
            super().__init__()
            self.source = source

    def __init__(self, question: Question, **kwargs):
        super().__init__(**kwargs)
        self.question = question
        self.frozen = False

    @property
    def value(self) -> AnswerValue:
        raise NotImplementedError

    def set_value(self, value: AnswerValue) -> None:
        raise NotImplementedError

    def freeze(self) -> None:
        """No more changes: the answer has been graded."""
        self.frozen = True
        self.add_class("-frozen")
        self.refresh()

    def changed(self) -> None:
        self.post_message(self.Changed(self))
