"""A mock exam's result: marks by section, pass or fail, and every question to review."""

from __future__ import annotations

from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Static

from ...format import marks_text, visible
from ...practice.exam import ExamResult
from ..format import clock_text
from ..widgets.questions.question_list import QuestionList
from ..widgets.safe_header import SafeHeader
from ..widgets.steady_footer import SteadyFooter
from ..wrapped import Wrapped
from .trainer_screen import TrainerScreen


def result_summary(result: ExamResult, started_at=None) -> Group:
    head = Text()
    head.append(f"{visible(result.title)}\n", style="bold")
    head.append(f"总分 {marks_text(result.earned)} / {marks_text(result.marks)}   ", style="bold")
    head.append("合格" if result.passed else "不合格", style="bold green" if result.passed else "bold red")
    if result.timed_out:
        head.append("   （时间到，自动交卷）", style="yellow")
    elif started_at is not None:
        head.append(f"   用时 {clock_text((result.submitted_at - started_at).total_seconds())}", style="dim")
    table = Table(box=None, pad_edge=False, header_style="bold")
    table.add_column("大题")
    table.add_column("得分", justify="right")
    table.add_column("满分", justify="right")
    table.add_column("已答", justify="right")
    for s in result.sections:
        table.add_row(s.title, marks_text(s.earned), marks_text(s.marks), f"{s.answered}/{len(s.items)}")
    return Group(Wrapped(head), table)


def item_mark(item_result) -> str:
    if item_result.item.question.is_blank(item_result.answer):
        return "—"
    if item_result.earned >= item_result.marks - 1e-9:
        return "✓"
    return "◐" if item_result.earned > 0 else "✗"


class ExamResultScreen(TrainerScreen):
    CSS_PATH = "exam_result_screen.tcss"
    BINDINGS = [
        Binding("enter", "review", "查看此题"),
        Binding("escape", "app.pop_screen", "返回"),
    ]

    def __init__(self, result: ExamResult, started_at=None):
        super().__init__()
        self.result = result
        self.started_at = started_at

    def compose(self) -> ComposeResult:
        yield SafeHeader()
        yield Static(result_summary(self.result, self.started_at), id="result")
        yield Static("逐题回顾：Enter 查看评分详情", classes="hint list-hint")
        yield QuestionList(id="review")
        yield SteadyFooter()

    def on_mount(self) -> None:
        self.sub_title = "模拟考试 · 成绩"
        rows = [(r.item.question, f"{marks_text(r.earned)}/{marks_text(r.marks)}",
                 f"{item_mark(r)} {r.item.number:>2}.") for r in self.result.items]
        self.query_one(QuestionList).show(rows)
        self.query_one(QuestionList).focus()

    def on_option_list_option_selected(self, event) -> None:
        event.stop()
        self.action_review()

    def action_review(self) -> None:
        from .review_screen import ReviewScreen

        current = self.query_one(QuestionList).highlighted
        if current is not None:
            self.app.push_screen(ReviewScreen(list(self.result.items), current))
