"""The instructor's class screen: who practised this week and how much, accuracy per topic and per
point across the class, the weakest points, mock-exam results and the candidates' claims. The figures
come from practice.class_progress; this screen only shows them."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Static

from ..class_progress_view import class_progress_view
from ..widgets.safe_header import SafeHeader
from ..widgets.steady_footer import SteadyFooter
from .trainer_screen import TrainerScreen


class ClassScreen(TrainerScreen):
    CSS_PATH = "class_screen.tcss"
    BINDINGS = [
        Binding("g", "refresh_view", "刷新"),
        Binding("p", "practise", "自己练习"),
        Binding("q", "app.quit", "退出"),
    ]

    def compose(self) -> ComposeResult:
        yield SafeHeader()
        with VerticalScroll(id="class-view"):
            yield Static(id="class-report")
        yield SteadyFooter()

    def on_mount(self) -> None:
        self.sub_title = "全班学习情况"
        self.action_refresh_view()
        self.query_one("#class-view").focus()

    def on_screen_resume(self) -> None:
        self.action_refresh_view()

    def action_refresh_view(self) -> None:
        today = self.trainer.clock().astimezone().date()
        view = self.app.served_desk.class_progress(self.trainer.bank, today)
        self.query_one("#class-report", Static).update(class_progress_view(view))

    def action_practise(self) -> None:
        self.app.open_trainer()
