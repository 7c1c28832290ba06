"""What every answer input shares: its question, its value, its messages, and freezing once graded."""

from __future__ import annotations

from typing import ClassVar

from textual.message import Message
from textual.widget import Widget

from ....content.model import Answer, Question

# What Enter does after a choice, an order, a number or a blank: grade it in a drill, move on in an exam.
ENTER_DOES = {"drill": "Enter 提交", "exam": "Enter 下一题", "review": ""}


class AnswerInput(Widget):
    """An input for one question's answer. `value` is what the grader takes (None when blank)."""

    HOW: ClassVar[str] = ""  # how to answer, shown beside the question's heading
    EXAM_HOW: ClassVar[str | None] = None  # the hint in a mock exam, when it differs
    ENTER_SUBMITS: ClassVar[bool] = True

    class Submitted(Message):
        """The candidate asked to submit (Enter in a choice list or number field)."""

        def __init__(self, source: AnswerInput):
            super().__init__()
            self.source = source

    class Changed(Message):
        """The answer changed (the mock exam keeps it at once)."""

        def __init__(self, source: AnswerInput):
            super().__init__()
            self.source = source

    def __init__(self, question: Question, **kwargs):
        super().__init__(**kwargs)
        self.question = question
        self.how = self.HOW
        self.frozen = False

    @property
    def value(self) -> Answer:
        raise NotImplementedError

    def set_value(self, value: Answer) -> None:
        raise NotImplementedError

    def how_to_answer(self, mode: str) -> str:
        """The hint for `mode` (drill, exam or review)."""
        if mode == "exam" and self.EXAM_HOW is not None:
            return self.EXAM_HOW
        if self.ENTER_SUBMITS and ENTER_DOES.get(mode):
            return f"{self.how}，{ENTER_DOES[mode]}"
        return self.how

    def outside_key(self, key: str, character: str | None) -> bool:
        """A key pressed while the question around this input has the focus (Tab moved it there):
        True when it answers (a choice's letter, Enter), so the keys keep working."""
        return False

    def freeze(self) -> None:
        """No more changes: the answer has been graded."""
        self.frozen = True
        self.add_class("-frozen")
        self.refresh()

    def changed(self) -> None:
        self.post_message(self.Changed(self))
