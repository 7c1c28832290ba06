"""Statistics: accuracy per topic, answers per day as a chart, retention, and what falls due."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Static

from ...practice.stats import collect_stats
from ..stats_report import stats_report
from ..widgets.safe_header import SafeHeader
from ..widgets.steady_footer import SteadyFooter
from .trainer_screen import TrainerScreen


class StatsScreen(TrainerScreen):
    BINDINGS = [Binding("escape,q", "app.pop_screen", "返回"), Binding("h", "history", "模拟考试成绩")]

    def compose(self) -> ComposeResult:
        yield SafeHeader()
        with VerticalScroll(id="stats"):
            yield Static(id="report")
        yield SteadyFooter()

    def on_mount(self) -> None:
        self.sub_title = "统计"
        trainer = self.trainer
        now = trainer.clock()
        stats = collect_stats(trainer.bank, trainer.store, now)
        self.query_one("#report", Static).update(stats_report(stats, trainer.bank, now.astimezone().date()))
        self.query_one("#stats").focus()

    def action_history(self) -> None:
        from .exam_history_screen import ExamHistoryScreen

        self.app.push_screen(ExamHistoryScreen())
