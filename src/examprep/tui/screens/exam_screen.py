"""A mock exam in progress: a countdown, any question reachable, answers kept (and saved) as they
change; submitted by the candidate or by the clock."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Container, Horizontal
from textual.widgets import OptionList, Static

from ...practice.exam import ExamOver, MockExam
from ..widgets.answer import AnswerInput
from ..widgets.exam.countdown import Countdown
from ..widgets.exam.question_nav import QuestionNav
from ..widgets.question.question_panel import QuestionPanel, case_scenario
from ..widgets.safe_header import SafeHeader
from ..widgets.steady_footer import SteadyFooter
from .trainer_screen import TrainerScreen

TICK_SECONDS = 0.25


class ExamScreen(TrainerScreen):
    CSS_PATH = "exam_screen.tcss"
    BINDINGS = [
        Binding("ctrl+s", "submit", "交卷"),
        Binding("ctrl+n", "move(1)", "下一题"),
        Binding("ctrl+p", "move(-1)", "上一题"),
        Binding("ctrl+g", "nav", "题目列表"),
        Binding("escape", "leave", "暂离"),
    ]

    def __init__(self, exam: MockExam, exam_id: int):
        super().__init__()
        self.exam = exam
        self.exam_id = exam_id
        self.items = list(exam.paper.items)
        self.index = 0
        self.panel: QuestionPanel | None = None
        self.unsaved: set[str] = set()
        self.closing = False

    def compose(self) -> ComposeResult:
        yield SafeHeader()
        with Horizontal(id="exam-bar"):
            yield Static(id="exam-progress")
            yield Countdown(id="countdown")
        with Horizontal(id="exam-body"):
            yield QuestionNav(id="nav")
            yield Container(id="question-area")
        yield SteadyFooter()

    def on_mount(self) -> None:
        self.sub_title = f"模拟考试 · {self.exam.paper.title}"
        self.query_one(QuestionNav).fill(self.exam.paper, set(self.exam.answers))
        self.show_item()
        self.set_interval(TICK_SECONDS, self.tick)
        self.tick()

    # -- showing -----------------------------------------------------------------------------
    @property
    def item(self):
        return self.items[self.index]

    def show_item(self) -> None:
        self.save_answers()
        item = self.item
        question = item.question
        scenario = case_scenario(self.trainer.bank, question)
        section = next(s for s in self.exam.paper.sections if item in s.all_items)
        self.panel = QuestionPanel(
            question, number=f"{section.title} · 第 {item.number} 题", scenario=scenario,
            paper_marks=item.marks, option_order=item.option_order or None,
            item_order=item.item_order or None, mode="exam", value=self.exam.answers.get(item.id),
        )
        area = self.query_one("#question-area", Container)
        area.remove_children()
        area.mount(self.panel)
        self.query_one(QuestionNav).point_at(item.id)
        self.update_progress()

    def update_progress(self) -> None:
        text = Text(f"已答 {self.exam.answered}/{len(self.items)}", style="bold")
        text.append(f"   第 {self.index + 1} 题", style="dim")
        self.query_one("#exam-progress", Static).update(text)

    # -- answers -----------------------------------------------------------------------------
    def on_answer_input_changed(self, event: AnswerInput.Changed) -> None:
        event.stop()
        item = self.item
        try:
            self.exam.answer(item.id, event.source.value)
        except ExamOver:
            return
        self.unsaved.add(item.id)
        self.query_one(QuestionNav).mark(item, set(self.exam.answers))
        self.update_progress()

    def on_answer_input_submitted(self, event: AnswerInput.Submitted) -> None:
        # Enter in a choice list or number field: on to the next question (answers are kept anyway).
        event.stop()
        self.action_move(1)

    def save_answers(self) -> None:
        """Write the answers changed since the last save; called on every move and clock tick."""
        self.trainer.save_exam_answers(self.exam_id, self.exam, self.unsaved)
        self.unsaved.clear()

    # -- time --------------------------------------------------------------------------------
    def tick(self) -> None:
        if self.closing:
            return
        self.query_one(Countdown).show(self.exam.remaining())
        self.save_answers()
        if self.exam.timed_out:
            self.notify("时间到，已自动交卷。", severity="warning", timeout=8)
            self.finish()

    # -- actions -----------------------------------------------------------------------------
    def action_move(self, step: int) -> None:
        target = self.index + step
        if 0 <= target < len(self.items):
            self.index = target
            self.show_item()

    def action_nav(self) -> None:
        self.query_one(QuestionNav).focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        ids = [i.id for i in self.items]
        if event.option.id in ids:
            self.index = ids.index(event.option.id)
            self.show_item()

    def action_submit(self) -> None:
        from .confirm_screen import ConfirmScreen

        blank = len(self.items) - self.exam.answered
        message = "确定交卷吗？" + (f"还有 {blank} 题没有作答。" if blank else "")

        def answered(yes: bool | None) -> None:
            if yes:
                self.finish()

        self.app.push_screen(ConfirmScreen(message, yes="交卷", no="继续答题"), answered)

    def finish(self) -> None:
        """Grade the paper, commit the exam and its answers, and show the result."""
        if self.closing:
            return
        self.closing = True
        self.save_answers()
        app = self.app
        result = self.trainer.finish_exam(self.exam_id, self.exam)
        from .exam_result_screen import ExamResultScreen

        # A confirmation box still open over the exam (the clock ran out under it) goes too.
        while app.screen is not self:
            app.pop_screen()
        app.switch_screen(ExamResultScreen(result, self.exam.started_at))

    def action_leave(self) -> None:
        self.save_answers()
        self.notify("考试仍在计时；从“模拟考试”可继续。", timeout=5)
        self.app.pop_screen()
