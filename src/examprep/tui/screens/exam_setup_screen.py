"""Mock exam (模拟考试): pick a blueprint, or continue an exam left unfinished."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Footer, Header, OptionList, Static
from textual.widgets.option_list import Option

from ...practice.exam import MockExam
from ...practice.store import StoreWriteError
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
        app = self.app
        options = []
        unfinished = app.store.unfinished_exam()
        if unfinished is not None:
            left = unfinished.started_at.timestamp() + unfinished.duration_s - app.clock().timestamp()
            label = Text(f"▶ 继续未完成的考试：{unfinished.title}", style="bold yellow")
            label.append(f"（剩余 {clock_text(left)}）" if left > 0 else "（时间已到，将自动交卷）")
            options.append(Option(label, id=CONTINUE))
        level_rank = {level: i for i, level in enumerate(app.bank.levels)}
        blueprints = sorted(app.bank.blueprints.items(), key=lambda nb: (level_rank.get(nb[1].level, 99), nb[0]))
        for name, bp in blueprints:
            line = Text(bp.title, style="bold")
            total = sum(s.count for s in bp.sections)
            line.append(f"\n   {app.bank.level_title(bp.level)} · {len(bp.sections)} 大题 {total} 小题 · "
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
        from ...papers.draw import BlueprintError, draw_paper
        from .exam_screen import ExamScreen

        app = self.app
        if app.store.unfinished_exam() is not None:
            self.notify("还有一场未完成的考试，请先继续并交卷。", severity="warning")
            return
        blueprint = app.bank.blueprints[name]
        seed = app.next_seed()
        try:
            paper = draw_paper(app.bank, blueprint, seed)
        except BlueprintError as err:
            self.notify(f"无法组卷：{err.message}", severity="error", timeout=10)
            return
        started = app.clock()
        try:
            exam_id = app.store.start_exam(name, paper.title, seed, paper.variant, started,
                                           paper.duration * 60)
        except StoreWriteError as err:
            self.notify(f"无法开始考试：{err}", severity="error", timeout=10)
            return
        app.push_screen(ExamScreen(MockExam(paper, started, app.clock), exam_id))

    def resume(self) -> None:
        from .exam_screen import ExamScreen

        app = self.app
        record = app.store.unfinished_exam()
        if record is None:
            return
        try:
            exam = self.rebuild(record)
        except Exception as err:  # whatever broke it, a stored exam must never lock exams out
            app.store.abandon_exam(record.id, app.clock())
            reason = getattr(err, "message", None) or str(err) or type(err).__name__
            self.notify(f"这场考试无法继续，已放弃：{reason}", severity="error", timeout=10)
            self.fill()
            return
        app.push_screen(ExamScreen(exam, record.id))

    def rebuild(self, record) -> MockExam:
        """The exam left unfinished, drawn again with its answers; raises when it cannot be."""
        from ...papers.draw import BlueprintError, draw_paper

        app = self.app
        blueprint = app.bank.blueprints.get(record.blueprint)
        if blueprint is None:
            raise BlueprintError("", 0, f"试卷蓝图 {record.blueprint} 已不在题库中")
        paper = draw_paper(app.bank, blueprint, record.seed, record.variant)
        exam = MockExam(paper, record.started_at, app.clock)
        exam.remaining()  # a clock that cannot be computed (an absurd duration) fails here, not later
        stored = app.store.exam_answers(record.id)
        for item in paper.items:
            if item.id in stored:
                value = item.question.decode(stored[item.id])
                if value is not None:
                    exam.answers[item.id] = value
        return exam

    def action_abandon(self) -> None:
        """Give up the unfinished exam (no score), after a confirmation."""
        from .confirm_screen import ConfirmScreen

        app = self.app
        record = app.store.unfinished_exam()
        if record is None:
            self.notify("没有未完成的考试。")
            return

        def answered(yes: bool | None) -> None:
            if yes:
                app.store.abandon_exam(record.id, app.clock())
                self.notify("已放弃未完成的考试。")
                self.fill()

        app.push_screen(ConfirmScreen(f"放弃未完成的考试“{record.title}”吗？不计成绩。", yes="放弃", no="取消"),
                        answered)
