"""One graded question of a mock exam, read-only, with its feedback; N/P move through the paper."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Container

from ..widgets.question.question_panel import QuestionPanel, case_scenario
from ..widgets.safe_header import SafeHeader
from ..widgets.steady_footer import SteadyFooter
from .trainer_screen import TrainerScreen


class ReviewScreen(TrainerScreen):
    BINDINGS = [
        Binding("n,ctrl+n", "move(1)", "下一题"),
        Binding("p,ctrl+p", "move(-1)", "上一题"),
        Binding("escape", "app.pop_screen", "返回"),
    ]

    def __init__(self, results: list, index: int):
        super().__init__()
        self.results = results
        self.index = index

    def compose(self) -> ComposeResult:
        yield SafeHeader()
        yield Container(id="question-area")
        yield SteadyFooter()

    def on_mount(self) -> None:
        self.show_item()

    def show_item(self) -> None:
        r = self.results[self.index]
        item = r.item
        self.sub_title = f"回顾 · 第 {item.number} 题"
        scenario = case_scenario(self.trainer.bank, item.question)
        panel = QuestionPanel(item.question, number=f"第 {item.number} 题", scenario=scenario,
                              paper_marks=item.marks, option_order=item.option_order or None,
                              item_order=item.item_order or None, mode="review", value=r.answer,
                              grading=r.grading)
        area = self.query_one("#question-area", Container)
        area.remove_children()
        area.mount(panel)

    def action_move(self, step: int) -> None:
        target = self.index + step
        if 0 <= target < len(self.results):
            self.index = target
            self.show_item()
