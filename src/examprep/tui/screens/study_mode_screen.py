"""背题 (study mode): a topic's or point's questions one after another with the answer shown at once.

Nothing is answered: each question shown is kept as seen (the store's study views), never as a review,
so the schedule, the due counts and the day's new questions stay as they were. The drill offered as
继续上次 is left alone.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Static

from ..widgets.safe_header import SafeHeader
from ..widgets.steady_footer import SteadyFooter
from ..widgets.study.study_card import study_card
from .trainer_screen import TrainerScreen


class StudyModeScreen(TrainerScreen):
    CSS_PATH = "study_mode_screen.tcss"
    BINDINGS = [
        Binding("n,right,space", "next", "下一题"),
        Binding("p,left", "previous", "上一题"),
        Binding("escape", "app.pop_screen", "返回"),
    ]

    def __init__(self, title: str, question_ids: list[str]):
        super().__init__()
        self.title_text = title
        self.question_ids = question_ids
        self.position = 0

    def compose(self) -> ComposeResult:
        yield SafeHeader()
        yield Static(id="study-status")
        with VerticalScroll(id="study-card-area"):
            yield Static(id="study-card")
        yield SteadyFooter()

    def on_mount(self) -> None:
        self.sub_title = f"背题 · {self.title_text}"
        self.show_current()
        self.query_one("#study-card-area").focus()

    @property
    def question(self):
        return self.trainer.bank.questions[self.question_ids[self.position]]

    def show_current(self) -> None:
        question = self.question
        self.trainer.mark_studied(question.id)
        total = len(self.question_ids)
        self.query_one("#study-card", Static).update(study_card(self.trainer.bank, question))
        self.query_one("#study-card-area", VerticalScroll).scroll_home(animate=False)
        status = Text(f"第 {self.position + 1}/{total} 题", style="bold")
        status.append(f"   已背 {self.trainer.studied(self.question_ids)}/{total} 题 · 只看不答，不计入复习",
                      style="dim")
        self.query_one("#study-status", Static).update(status)

    def action_next(self) -> None:
        if self.position + 1 < len(self.question_ids):
            self.position += 1
            self.show_current()
        else:
            self.notify("已是最后一题，按 Esc 返回。", timeout=3)

    def action_previous(self) -> None:
        if self.position > 0:
            self.position -= 1
            self.show_current()
