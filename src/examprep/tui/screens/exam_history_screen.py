"""Mock-exam history (模拟考试成绩): the trend as a chart, then every exam sat to the end with its
date, marks, pass or fail, time used and marks per section."""

from __future__ import annotations

from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Static

from ...format import marks_text
from ...practice.history import SatExam
from ...practice.stats import exam_trend
from ..format import Flow, clock_text
from ..stats_report import exam_chart, exam_summary
from ..widgets.safe_header import SafeHeader
from ..widgets.steady_footer import SteadyFooter
from ..wrapped import Wrapped
from .trainer_screen import TrainerScreen

EMPTY = "还没有交卷的模拟考试。在“模拟考试”中选一份试卷开始。"


def sections_marks(exam: SatExam) -> Flow | Text:
    """Each section's marks, a section never split over two lines."""
    if not exam.sections:
        return Text("（这场考试交卷时还未记录各大题得分）", style="dim")
    return Flow([Text(f"{s.title} {marks_text(s.earned)}/{marks_text(s.marks)}", style="dim")
                 for s in exam.sections])


def history_table(history: list[SatExam]) -> Table:
    table = Table(box=None, pad_edge=False, header_style="bold", expand=True, padding=(0, 1))
    table.add_column("交卷时间", no_wrap=True)
    table.add_column("试卷与各大题得分", ratio=1)
    table.add_column("得分", justify="right", no_wrap=True)
    table.add_column("结果", no_wrap=True)
    table.add_column("用时", justify="right", no_wrap=True)
    for exam in history:
        when = exam.submitted_at.astimezone()
        paper = Group(Text(exam.title, style="bold"), sections_marks(exam))
        verdict = Text("合格" if exam.passed else "不合格", style="bold green" if exam.passed else "bold red")
        verdict.append(f"\n≥{marks_text(exam.pass_mark)}", style="dim")
        used = Text(clock_text(exam.time_used.total_seconds()))
        if exam.timed_out:
            used.append("\n时间到", style="yellow")
        table.add_row(when.strftime("%Y-%m-%d\n%H:%M"), paper,
                      f"{marks_text(exam.earned)}/{marks_text(exam.marks)}", verdict, used)
    return table


class ExamHistoryScreen(TrainerScreen):
    CSS_PATH = "exam_history_screen.tcss"
    BINDINGS = [Binding("escape,q", "app.pop_screen", "返回")]

    def compose(self) -> ComposeResult:
        yield SafeHeader()
        with VerticalScroll(id="history"):
            yield Static(id="history-report")
        yield SteadyFooter()

    def on_mount(self) -> None:
        self.sub_title = "模拟考试成绩"
        history = self.trainer.exam_history()
        report = self.query_one("#history-report", Static)
        if not history:
            report.update(Wrapped(EMPTY))
        else:
            trend = exam_trend(history)
            today = self.trainer.clock().astimezone().date()
            report.update(Group(exam_chart(trend, today), Wrapped(exam_summary(trend)), Text(""),
                                history_table(history)))
        self.query_one("#history").focus()
