"""A list of questions, one line each: type, stem and a note (times missed, marks earned…)."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from ....content.model import Question
from ....format import visible
from ...format import clip

STEM_CELLS = 34


def question_line(question: Question, note: str = "", mark: str = "") -> Text:
    line = Text()
    if mark:
        line.append(mark + " ")
    line.append(f"[{question.title}] ", style="cyan")
    line.append(visible(clip(question.stem, STEM_CELLS), newlines=False))
    if note:
        line.append(f"  {note}", style="dim")
    return line


class QuestionList(OptionList):
    def show(self, rows: list[tuple[Question, str, str]]) -> None:
        """rows: (question, note, mark)"""
        self.set_options([Option(question_line(q, note, mark), id=q.id) for q, note, mark in rows])
        if rows:
            self.highlighted = 0

    @property
    def current_id(self) -> str | None:
        option = self.highlighted_option
        return option.id if option else None
