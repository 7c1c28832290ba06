"""One question on screen: its heading, the case scenario when it belongs to one, the stem, the answer
input and, once graded, the feedback."""

from __future__ import annotations

from collections.abc import Iterable

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.events import Key
from textual.widgets import Static

from ....content.model import Answer, Bank, Question
from ....format import marks_text, visible
from ....grading.results import Grading
from ....kinds.base import Shuffle
from ....practice.claims import Claim
from ...wrapped import Wrapped
from ..answer import AnswerInput, answer_input_for
from ..feedback.feedback_panel import FeedbackPanel


def question_heading(question: Question, number: str = "", paper_marks: float | None = None,
                     how: str = "") -> Text:
    """The heading: number, type and marks, and `how` to answer (none when reviewing)."""
    out = Text()
    if number:
        out.append(f"{number}  ", style="bold")
    out.append(f"【{question.title}】", style="bold cyan")
    out.append(f" {marks_text(question.score if paper_marks is None else paper_marks)} 分", style="dim")
    if how:
        out.append(f"  （{how}）", style="dim")
    return out


def case_scenario(bank: Bank, question: Question) -> str | None:
    """The scenario to show above a case question met outside its case (错题本, 收藏, mock exam)."""
    case = bank.cases.get(question.case_id) if question.case_id else None
    return f"【案例】{case.title}\n{case.scenario}" if case else None


class QuestionPanel(VerticalScroll, can_focus=True):
    def __init__(self, question: Question, *, number: str = "", scenario: str | None = None,
                 paper_marks: float | None = None, option_order: tuple[str, ...] | None = None,
                 item_order: tuple[int, ...] | None = None, mode: str = "drill",
                 value: Answer = None, grading: Grading | None = None, **kwargs):
        """`mode`: drill, exam or review (it decides the hint on how to answer); `value`: an answer
        given before (a mock exam's, when coming back to a question); in a review, `grading` is
        its grading (None for a question left blank), shown as soon as the panel is ready."""
        super().__init__(**kwargs)
        self.question = question
        self.mode = mode
        self.initial_value = value
        self.review_grading = grading
        self.shuffle = Shuffle(option_order or (), item_order or ())
        self.number = number
        self.scenario = scenario
        self.paper_marks = paper_marks
        self._input = answer_input_for(question, option_order=option_order, item_order=item_order,
                                       classes="answer-input")
        if mode == "exam" and hasattr(self._input, "area"):
            self._input.area.placeholder = "在此作答，写出要点"  # Ctrl+S hands in the paper here
        self.graded = False

    def compose(self) -> ComposeResult:
        how = self._input.how_to_answer(self.mode) if self.mode != "review" else ""
        yield Static(Wrapped(question_heading(self.question, self.number, self.paper_marks, how)),
                     classes="q-heading")
        if self.scenario:
            yield Static(Wrapped(visible(self.scenario.strip())), classes="q-scenario")
        yield Static(Wrapped(visible(self.question.shown_stem())), classes="q-stem")
        yield self._input
        yield FeedbackPanel(classes="feedback")

    def on_mount(self) -> None:
        self.query_one(FeedbackPanel).display = False
        # After the first refresh the answer input's own parts exist and can take a value and the focus.
        self.call_after_refresh(self._ready)

    def _ready(self) -> None:
        if self.initial_value is not None:
            self._input.set_value(self.initial_value)
        if self.mode == "review":
            self.show_feedback(self.initial_value, self.review_grading)
        else:
            self._input.focus()

    def on_key(self, event: Key) -> None:
        """Tab can put the focus on the question itself (to scroll a long one): a choice's letters
        and Enter still answer, and the focus goes back to the answer, cursor and all."""
        if self.graded or not self.has_focus:
            return
        if self._input.outside_key(event.key, event.character):
            event.stop()
            event.prevent_default()
            if not self.graded:
                self._input.focus()

    @property
    def answer_input(self) -> AnswerInput:
        return self._input

    @property
    def value(self) -> Answer:
        return self._input.value

    def show_feedback(self, answer: Answer, grading: Grading | None, claims: Iterable[Claim] = ()) -> None:
        """The grading of `answer`, in the marks the question carries here (a paper's, or its own),
        with the candidate's `claims` beside the grader's view."""
        self.graded = True
        self._input.freeze()
        feedback = self.query_one(FeedbackPanel)
        feedback.show(self.question, answer, grading, self.paper_marks, self.shuffle, claims)
        self.focus()
        self.call_after_refresh(self.scroll_to_widget, feedback, top=True)

    def show_claims(self, answer: Answer, grading, claims: Iterable[Claim]) -> None:
        """The feedback again, with the candidate's claims beside the grader's view (the scroll kept)."""
        self.query_one(FeedbackPanel).show(self.question, answer, grading, self.paper_marks, self.shuffle, claims)
