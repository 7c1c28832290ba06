"""The lists a candidate keeps coming back to (错题本, 收藏): filtered by level, topic and type, one
question a line, and beside the highlighted one its stem, the candidate's last answer and the key.
Enter redoes the list as it is now, from the highlighted question."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Container, Horizontal, VerticalScroll
from textual.widgets import Static

from ...content.model import Question
from ...format import visible
from ...kinds import QUESTION_TYPES, TYPE_TITLES
from ...practice.records import QuestionProgress
from ...practice.session import DrillScope, DrillSession
from ..widgets.form.select import ChineseSelect as Select
from ..widgets.questions.question_list import QuestionList
from ..widgets.safe_header import SafeHeader
from ..widgets.steady_footer import SteadyFooter
from ..wrapped import Wrapped
from .trainer_screen import TrainerScreen


class BookList(QuestionList):
    """The list, with its Enter named in the footer: it redoes the list from the highlighted question."""

    BINDINGS = [Binding("enter", "select", "重做")]

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return self.option_count > 0 if action == "select" else True


class QuestionBookScreen(TrainerScreen):
    CSS_PATH = "question_book_screen.tcss"
    # side by side where there is room for both, the list above the details where there is not
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (120, "-wide")]
    BINDINGS = [Binding("escape", "app.pop_screen", "返回")]
    KIND = ""  # a key of practice.session.KINDS
    TITLE_TEXT = ""
    EMPTY = ""
    EMPTY_FILTERED = "所选级别、主题或题型下没有题目。"
    LAST_ANSWER = "你上次的答案"

    def __init__(self) -> None:
        super().__init__()
        self.progress: dict[str, QuestionProgress] = {}

    def compose(self) -> ComposeResult:
        bank = self.trainer.bank
        yield SafeHeader()
        with Horizontal(id="book-filters"):
            yield Select([(title, level) for level, title in bank.levels.items()], prompt="全部级别",
                         id="book-level", compact=True)
            yield Select([], prompt="全部主题", id="book-topic", compact=True)
            yield Select([(TYPE_TITLES[t], t) for t in QUESTION_TYPES], prompt="全部题型",
                         id="book-type", compact=True)
        yield Static(id="list-hint", classes="hint list-hint")
        with Container(id="book-body"):
            yield BookList(id="questions")
            with VerticalScroll(id="book-detail"):
                yield Static(id="detail-text")
        yield SteadyFooter()

    def on_mount(self) -> None:
        self.sub_title = self.TITLE_TEXT
        self.fill_topics()
        self.fill()
        self.query_one(QuestionList).focus()

    def on_screen_resume(self) -> None:
        self.fill()

    # -- the filters ---------------------------------------------------------------------------
    def scope(self) -> DrillScope:
        def chosen(ident: str):
            value = self.query_one(f"#{ident}", Select).value
            return None if value is Select.NULL else value

        kind = chosen("book-type")
        return DrillScope(level=chosen("book-level"), topic=chosen("book-topic"), types=(kind,) if kind else ())

    def fill_topics(self) -> None:
        level = self.query_one("#book-level", Select).value
        topics: dict[str, str] = {}
        for (lvl, tid), topic in self.trainer.bank.topics.items():
            if level is Select.NULL or lvl == level:
                topics.setdefault(tid, topic.title)
        select = self.query_one("#book-topic", Select)
        current = select.value
        select.set_options([(title, tid) for tid, title in topics.items()])
        if current in topics:
            select.value = current

    def on_select_changed(self, event: Select.Changed) -> None:
        event.stop()
        if event.select.id == "book-level":
            self.fill_topics()
        self.fill()

    # -- the list and the details ---------------------------------------------------------------
    def queue(self, scope: DrillScope) -> list[str]:
        raise NotImplementedError

    def note(self, qid: str) -> str:
        return ""

    def last_answer(self, question: Question) -> tuple[str, str] | None:
        """(heading, answer as the candidate reads it) of the answer to show beside the key."""
        p = self.progress.get(question.id)
        if p is None or p.last_answer is None:
            return None
        return self.LAST_ANSWER, question.answer_text(question.decode(p.last_answer))

    def rule(self, qid: str) -> str:
        """What takes the question off this list, in plain words ('' for none)."""
        return ""

    def fill(self) -> None:
        trainer = self.trainer
        self.progress = trainer.progress()
        scope = self.scope()
        ids = self.queue(scope)
        questions = self.query_one(QuestionList)
        keep, place = questions.current_id, questions.highlighted
        questions.show([(trainer.bank.questions[q], self.note(q), "") for q in ids])
        questions.refresh_bindings()
        if keep in ids:  # the same question stays highlighted; one that left gives way to the next
            questions.highlighted = ids.index(keep)
        elif ids and place is not None:
            questions.highlighted = min(place, len(ids) - 1)
        hint = self.query_one("#list-hint", Static)
        if not ids:
            hint.update(self.EMPTY_FILTERED if scope != DrillScope() and self.queue(DrillScope()) else self.EMPTY)
        else:
            hint.update(f"共 {len(ids)} 题；Enter 从所选题开始重做；Shift+Tab 按级别、主题、题型筛选")
        self.show_detail(questions.current_id)
        self.refresh_bindings()

    def on_option_list_option_highlighted(self, event) -> None:
        event.stop()
        self.show_detail(event.option.id)

    def show_detail(self, qid: str | None) -> None:
        detail = self.query_one("#detail-text", Static)
        question = self.trainer.bank.questions.get(qid) if qid else None
        self.query_one("#book-detail").display = question is not None
        if question is None:
            detail.update("")
            return
        detail.update(self.detail(question))

    def detail(self, question: Question) -> RenderableType:
        parts: list[RenderableType] = []
        head = Text(f"【{question.title}】", style="bold cyan")
        head.append(visible(question.shown_stem()), style="bold")
        parts.append(Wrapped(head))
        last = self.last_answer(question)
        if last is not None:
            heading, text = last
            parts.append(Text(heading, style="bold red"))
            parts.append(Wrapped(visible(text)))
        parts.append(Text("参考答案", style="bold green"))
        parts.append(Wrapped(visible(question.model_answer())))
        rule = self.rule(question.id)
        if rule:
            parts.append(Wrapped(rule, style="italic"))
        return Group(*parts)

    # -- actions -------------------------------------------------------------------------------
    def on_option_list_option_selected(self, event) -> None:
        event.stop()
        self.action_drill()

    def action_drill(self) -> None:
        """Redo the list as it is now (with the filters), from the highlighted question on round."""
        from .drill_screen import DrillScreen

        scope = self.scope()
        ids = self.queue(scope)
        if not ids:
            return
        current = self.query_one(QuestionList).current_id
        start = ids.index(current) if current in ids else 0
        session = DrillSession(self.KIND, f"{self.TITLE_TEXT} · 重做", ids[start:] + ids[:start], scope=scope)
        self.app.push_screen(DrillScreen(session))
