"""Mock exam (模拟考试): pick a blueprint, or continue an exam left unfinished."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Footer, Header, OptionList, Static
from textual.widgets.option_list import Option

from ...papers.selection import question_count
from ...practice.trainer import ExamBusy, ExamUnavailable
from ..format import clock_text
from .trainer_screen import TrainerScreen

CONTINUE = "continue"


class ExamSetupScreen(TrainerScreen):
    BINDINGS = [Binding("escape", "app.pop_screen", "返回"), Binding("x", "abandon", "放弃未完成的考试")]

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("选择试卷，Enter 开始；开始后计时，中途离开也照常计时。", classes="hint list-hint")
        yield OptionList(id="blueprints")
        yield Footer()

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
            low, high = question_count(trainer.bank, bp)
            count = f"{low}" if low == high else f"{low}–{high}"
            line.append(f"\n   {trainer.bank.level_title(bp.level)} · {len(bp.sections)} 大题 {count} 小题 · "
                        f"{bp.duration} 分钟", style="dim")
            options.append(Option(line, id=name))
        menu = self.query_one(OptionList)
        menu.set_options(options)
        if options:
            menu.highlighted = 0

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option.id == CONTINUE:
            self.resume()
        elif event.option.id is not None:
            self.start(event.option.id)

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
