"""Mock exam (模拟考试): pick a blueprint, or continue an exam left unfinished."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from ...format import marks_text
from ...practice.trainer import ExamBusy, ExamUnavailable, PaperSummary
from ..format import clock_text
from ..widgets.safe_header import SafeHeader
from ..widgets.steady_footer import SteadyFooter
from .trainer_screen import TrainerScreen

CONTINUE = "continue"


def question_text(summary: PaperSummary) -> str:
    low, high = summary.questions
    return f"{low}" if low == high else f"{low}–{high}"


def paper_facts(summary: PaperSummary) -> str:
    return (f"{summary.sections} 大题 {question_text(summary)} 小题 · 满分 {marks_text(summary.marks)} 分 · "
            f"{marks_text(summary.pass_mark)} 分合格 · 限时 {summary.minutes} 分钟")


class ExamSetupScreen(TrainerScreen):
    BINDINGS = [Binding("escape", "app.pop_screen", "返回"), Binding("x", "abandon", "放弃未完成的考试"),
                Binding("h", "history", "历史成绩")]

    def compose(self) -> ComposeResult:
        yield SafeHeader()
        yield Static("选择试卷，Enter 确认后开始计时，中途离开也照常计时；h 查看历史成绩。",
                     classes="hint list-hint")
        yield OptionList(id="blueprints")
        yield SteadyFooter()

    def on_mount(self) -> None:
        self.sub_title = "模拟考试"
        self.fill()
        self.query_one(OptionList).focus()

    def on_screen_resume(self) -> None:
        self.fill()

    def fill(self) -> None:
        trainer = self.trainer
        options = []
        unfinished = trainer.unfinished_exam()
        if unfinished is not None:
            left = trainer.exam_left(unfinished)
            label = Text(f"▶ 继续未完成的考试：{unfinished.title}", style="bold yellow")
            label.append(f"（剩余 {clock_text(left)}）" if left > 0 else "（时间已到，将自动交卷）")
            options.append(Option(label, id=CONTINUE))
        for name, bp in trainer.blueprints():
            line = Text(bp.title, style="bold")
            summary = trainer.paper_summary(name)
            level = trainer.bank.level_title(bp.level)
            if summary is None:
                line.append(f"\n   {level} · 题库中的题目不足，无法组卷", style="dim red")
            else:
                line.append(f"\n   {level} · {paper_facts(summary)}", style="dim")
            options.append(Option(line, id=name))
        menu = self.query_one(OptionList)
        menu.set_options(options)
        if options:
            menu.highlighted = 0

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option.id == CONTINUE:
            self.resume()
        elif event.option.id is not None:
            self.confirm_start(event.option.id)

    def confirm_start(self, name: str) -> None:
        """Say what the paper holds and that the clock starts at once, and start only on yes."""
        from .confirm_screen import ConfirmScreen

        summary = self.trainer.paper_summary(name)
        if summary is None:
            self.start(name)  # the trainer says why it cannot be drawn
            return
        message = (f"开始“{summary.title}”？\n"
                   f"共 {summary.sections} 大题 {question_text(summary)} 小题，满分 {marks_text(summary.marks)} 分，"
                   f"{marks_text(summary.pass_mark)} 分合格。\n"
                   f"限时 {summary.minutes} 分钟，确定后立即开始计时；\n中途离开也照常计时，时间到自动交卷。")

        def answered(yes: bool | None) -> None:
            if yes:
                self.start(name)

        self.app.push_screen(ConfirmScreen(message, yes="开始考试", no="取消"), answered)

    def action_history(self) -> None:
        from .exam_history_screen import ExamHistoryScreen

        self.app.push_screen(ExamHistoryScreen())

    def start(self, name: str) -> None:
        from .exam_screen import ExamScreen

        try:
            exam, exam_id = self.trainer.start_exam(name)
        except ExamBusy as err:
            self.notify(err.message, severity="warning")
            return
        except ExamUnavailable as err:
            self.notify(err.message, severity="error", timeout=10)
            return
        self.app.push_screen(ExamScreen(exam, exam_id))

    def resume(self) -> None:
        from .exam_screen import ExamScreen

        try:
            resumed = self.trainer.resume_exam()
        except ExamUnavailable as err:
            self.notify(err.message, severity="error", timeout=10)
            self.fill()
            return
        if resumed is not None:
            self.app.push_screen(ExamScreen(*resumed))

    def action_abandon(self) -> None:
        """Give up the unfinished exam (no score), after a confirmation."""
        from .confirm_screen import ConfirmScreen

        trainer = self.trainer
        record = trainer.unfinished_exam()
        if record is None:
            self.notify("没有未完成的考试。")
            return

        def answered(yes: bool | None) -> None:
            if yes:
                trainer.abandon_exam(record)
                self.notify("已放弃未完成的考试。")
                self.fill()

        self.app.push_screen(ConfirmScreen(f"放弃未完成的考试“{record.title}”吗？不计成绩。", yes="放弃", no="取消"),
                             answered)
