"""Items to put in order. Keys: ↑/↓ move the cursor; shift+↑/↓ (or space to pick an item up, then
↑/↓) move the item; Enter submits."""

from __future__ import annotations

from rich.console import Group
from rich.text import Text
from textual.binding import Binding
from textual.reactive import reactive

from ....content.model import Answer
from ....format import visible
from ....kinds.order import Order
from ...wrapped import Wrapped
from .base import AnswerInput


class OrderAnswer(AnswerInput, can_focus=True):
    BINDINGS = [
        Binding("up", "move(-1)", "上", show=False),
        Binding("down", "move(1)", "下", show=False),
        Binding("shift+up", "shift(-1)", "上移", show=False),
        Binding("shift+down", "shift(1)", "下移", show=False),
        Binding("space", "grab", "拿起/放下", show=False),
        Binding("enter", "submit", "提交", show=False),
    ]
    cursor = reactive(0)
    HOW = "Shift+↑↓ 移动，或空格拿起后 ↑↓ 移动"

    def __init__(self, question: Order, start: tuple[int, ...], **kwargs):
        """`start`: the indexes of the question's items (0 = first in the right order), as first shown."""
        super().__init__(question, **kwargs)
        self.items = question.items
        self.order = list(start)
        self.grabbed = False
        self.touched = False  # an order is only an answer once the candidate has moved something

    @property
    def value(self) -> Answer:
        return tuple(self.order)

    def set_value(self, value: Answer) -> None:
        if isinstance(value, (tuple, list)) and sorted(value) == sorted(self.order):
            self.order = list(value)
            self.touched = True
            self.refresh()

    def action_move(self, step: int) -> None:
        if self.grabbed:
            self.action_shift(step)
        else:
            self.cursor = max(0, min(len(self.order) - 1, self.cursor + step))

    def action_shift(self, step: int) -> None:
        target = self.cursor + step
        if self.frozen or not 0 <= target < len(self.order):
            return
        self.order[self.cursor], self.order[target] = self.order[target], self.order[self.cursor]
        self.cursor = target
        self.touched = True
        self.refresh()
        self.changed()

    def action_grab(self) -> None:
        if not self.frozen:
            self.grabbed = not self.grabbed
            self.refresh()

    def action_submit(self) -> None:
        if not self.frozen:
            self.grabbed = False
            self.post_message(self.Submitted(self))

    def outside_key(self, key: str, character: str | None) -> bool:
        if key == "enter":
            self.action_submit()
            return True
        return False

    def watch_cursor(self) -> None:
        self.refresh()

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.grabbed = False
        self.refresh()

    def render(self) -> Group:
        lines = []
        for row, index in enumerate(self.order):
            here = row == self.cursor and self.has_focus and not self.frozen
            line = Text("❯ " if here else "  ", style="bold")
            handle = "⇅" if here and self.grabbed else "≡"
            line.append(f"{row + 1}. {handle} ", style="bold" if here else "")
            lead = line.cell_len  # a long item wraps under its own text
            line.append(visible(self.items[index]), style="reverse" if here and self.grabbed else "")
            lines.append(Wrapped(line, indent=lead, hang=False))
        return Group(*lines)
