"""Options to pick: one for single choice and judge, several for multiple choice.

Keys: the option's letter picks (or toggles) it at once; ↑/↓ and space do the same with a cursor;
Enter submits.
"""

from __future__ import annotations

from rich.console import Group
from rich.text import Text
from textual.binding import Binding
from textual.events import Key
from textual.reactive import reactive

from ....content.model import Answer, Question
from ....format import visible
from ....kinds.base import LETTERS
from ...wrapped import Wrapped
from .base import AnswerInput


class ChoiceAnswer(AnswerInput, can_focus=True):
    BINDINGS = [
        Binding("up", "move(-1)", "上", show=False),
        Binding("down", "move(1)", "下", show=False),
        Binding("space", "pick", "选择", show=False),
        Binding("enter", "submit", "提交", show=False),
    ]
    cursor = reactive(0)

    def __init__(self, question: Question, choices: list[tuple[str, object, str]], multiple: bool = False,
                 judge: bool = False, **kwargs):
        """`choices`: (letter shown, the value it answers, text) in the order shown."""
        super().__init__(question, **kwargs)
        self.choices = choices
        self.multiple = multiple
        self.picked: set[int] = set()
        self.how = ("按 A（对）或 B（错）" if judge else "按字母键勾选，再按取消" if multiple
                    else "按字母键选择")

    @property
    def value(self) -> Answer:
        values = [self.choices[i][1] for i in sorted(self.picked)]
        if self.multiple:
            return frozenset(values) or None
        return values[0] if values else None

    def set_value(self, value: Answer) -> None:
        wanted = value if isinstance(value, (set, frozenset)) else {value}
        self.picked = {i for i, (_, v, _) in enumerate(self.choices) if v in wanted}
        self.refresh()

    def pick(self, index: int) -> None:
        if self.frozen or not 0 <= index < len(self.choices):
            return
        self.cursor = index
        if self.multiple:
            self.picked ^= {index}
        else:
            self.picked = {index}
        self.refresh()
        self.changed()

    def action_move(self, step: int) -> None:
        self.cursor = (self.cursor + step) % len(self.choices)

    def action_pick(self) -> None:
        self.pick(self.cursor)

    def action_submit(self) -> None:
        if not self.frozen:
            self.post_message(self.Submitted(self))

    def letter_index(self, character: str | None) -> int | None:
        char = (character or "").upper()
        return LETTERS.index(char) if len(char) == 1 and char in LETTERS[: len(self.choices)] else None

    def on_key(self, event: Key) -> None:
        index = self.letter_index(event.character)
        if index is not None:
            event.stop()
            event.prevent_default()
            self.pick(index)

    def outside_key(self, key: str, character: str | None) -> bool:
        index = self.letter_index(character)
        if index is not None:
            self.pick(index)
            return True
        if key == "enter":
            self.action_submit()
            return True
        return False

    def watch_cursor(self) -> None:
        self.refresh()

    def render(self) -> Group:
        lines = []
        for i, (label, _value, text) in enumerate(self.choices):
            chosen = i in self.picked
            mark = ("☑" if chosen else "☐") if self.multiple else ("◉" if chosen else "○")
            pointer = "❯ " if i == self.cursor and self.has_focus and not self.frozen else "  "
            style = "bold" if chosen else ""
            line = Text(pointer, style="bold")
            line.append(f"{mark} {label}. ", style=style)
            lead = line.cell_len  # a long option wraps under its own text
            line.append(visible(text), style=style)
            lines.append(Wrapped(line, indent=lead, hang=False))
        return Group(*lines)

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()
