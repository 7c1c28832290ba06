"""A list of questions, one line each: type, stem and a note (times missed, marks earned…). The stem
takes the width there is, cut with "…" only where the line would not fit, and again on every resize."""

from __future__ import annotations

from rich.cells import cell_len
from rich.text import Text
from textual import events
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from ....content.model import Question
from ....format import visible
from ...format import clip

MIN_STEM_CELLS = 10  # a stem is never cut shorter than this: the line is cut instead


def question_line(question: Question, note: str = "", mark: str = "", cells: int = 80) -> Text:
    """One question on one line of `cells` cells: the stem gets what the mark, type and note leave."""
    head = (mark + " " if mark else "") + f"[{question.title}] "
    tail = f"  {note}" if note else ""
    stem_cells = max(MIN_STEM_CELLS, cells - cell_len(head) - cell_len(tail))
    line = Text()
    if mark:
        line.append(mark + " ")
    line.append(f"[{question.title}] ", style="cyan")
    line.append(visible(clip(question.stem, stem_cells), newlines=False))
    if note:
        line.append(tail, style="dim")
    return line


class QuestionList(OptionList):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.rows: list[tuple[Question, str, str]] = []

    def show(self, rows: list[tuple[Question, str, str]]) -> None:
        """rows: (question, note, mark)"""
        self.rows = list(rows)
        cells = self.line_cells()
        self.set_options([Option(question_line(q, note, mark, cells), id=q.id) for q, note, mark in rows])
        if rows:
            self.highlighted = 0

    def line_cells(self) -> int:
        """The cells a line has: the list's own width inside its border and padding once laid out."""
        width = self.scrollable_content_region.width
        return width if width > 0 else max(20, self.app.size.width - 4)

    def on_resize(self, event: events.Resize) -> None:
        cells = self.line_cells()
        for index, (q, note, mark) in enumerate(self.rows):
            self.replace_option_prompt_at_index(index, question_line(q, note, mark, cells))

    @property
    def current_id(self) -> str | None:
        option = self.highlighted_option
        return option.id if option else None
