"""One question on screen: its heading, the case scenario when it belongs to one, the stem, the answer
input and, once graded, the feedback."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from ....content.model import TYPE_TITLES, Bank, Question
from ....practice.answers import AnswerValue
from ...format import marks
from ..answer import AnswerInput, answer_input_for
from ..feedback.feedback_panel import FeedbackPanel


def question_heading(question: Question, number: str = "", paper_marks: float | None = None) -> Text:
    out = Text()
    if number:
        out.append(f"{number}  ", style="bold")
    out.append(f"【{TYPE_TITLES.get(question.type, question.type)}】", style="bold cyan")
    out.append(f" {marks(question.score if paper_marks is None else paper_marks)} 分", style="dim")
    if question.type == "multiple":
        out.append("  （多选：按字母键勾选）", style="dim")
    elif question.type in ("single", "judge"):
        out.append("  （按字母键选择，Enter 提交）", style="dim")
    elif question.type == "order":
        out.append("  （Shift+↑↓ 或 空格拿起后 ↑↓ 移动，Enter 提交）", style="dim")
    elif question.type == "calc":
        out.append("  （输入数值，Enter 提交）", style="dim")
    return out


def case_scenario(bank: Bank, question: Question) -> str | None:
    """The scenario to show above a case question met outside its case (错题本, 收藏, mock exam)."""
    case = bank.cases.get(question.case_id) if question.case_id else None
    return f"【案例】{case.title}\n{case.scenario}" if case else None


class QuestionPanel(VerticalScroll, can_focus=True):
    def __init__(self, question: Question, *, number: str = "", scenario: str | None = None,
                 paper_marks: float | None = None, option_order: tuple[str, ...] | None = None,
                 item_order: tuple[int, ...] | None = None, **kwargs):
        super().__init__(**kwargs)
        self.question = question
        self.number = number
        self.scenario = scenario
        self.paper_marks = paper_marks
        self._input = answer_input_for(question, option_order=option_order, item_order=item_order,
                                       classes="answer-input")
        self.graded = False

    def compose(self) -> ComposeResult:
        yield Static(question_heading(self.question, self.number, self.paper_marks), classes="q-heading")
        if self.scenario:
            yield Static(Text(self.scenario.strip()), classes="q-scenario")
        yield Static(Text(self.question.stem), classes="q-stem")
        yield self._input
        yield FeedbackPanel(classes="feedback")

    def on_mount(self) -> None:
        self.query_one(FeedbackPanel).display = False

    @property
    def answer_input(self) -> AnswerInput:
        return self._input

    @property
    def value(self) -> AnswerValue:
        return self._input.value

    def focus_answer(self) -> None:
        self._input.focus()

    def show_feedback(self, answer: AnswerValue, grading, paper_marks=None) -> None:
        self.graded = True
        self._input.freeze()
        feedback = self.query_one(FeedbackPanel)
        feedback.show(self.question, answer, grading, paper_marks)
        self.focus()
        self.call_after_refresh(self.scroll_to_widget, feedback, top=True)
