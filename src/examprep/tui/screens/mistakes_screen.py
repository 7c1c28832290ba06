"""错题本: the questions answered wrong and not yet mastered (out after correct answers on two
separate days); Enter re-drills them from the one highlighted."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Footer, Header, Static

from ...practice.mistakes import CORRECT_DAYS_TO_LEAVE
from ...practice.session import DrillSession
from ..widgets.questions.question_list import QuestionList
from .trainer_screen import TrainerScreen


class MistakesScreen(TrainerScreen):
    BINDINGS = [
        Binding("enter", "drill", "重做", show=True),
        Binding("escape", "app.pop_screen", "返回"),
    ]
    KIND = "mistakes"
    TITLE_TEXT = "错题本"
    EMPTY = "错题本是空的：答错的题会出现在这里，在两个不同的日子里答对后移出。"

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="list-hint", classes="hint list-hint")
        yield QuestionList(id="questions")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = self.TITLE_TEXT
        self.fill()
        self.query_one(QuestionList).focus()

    def on_screen_resume(self) -> None:
        self.fill()

    def queue(self) -> list[str]:
        return self.trainer.mistakes_queue()

    def note(self, qid: str, progress) -> str:
        p = progress.get(qid)
        if p is None:
            return ""
        left = CORRECT_DAYS_TO_LEAVE - len(p.mistakes.correct_days)
        day = p.mistakes.last_wrong_day or ""
        when = f"{int(day[5:7])}/{int(day[8:10])}" if len(day) == 10 else day
        return f"错{p.mistakes.wrong_count}次 · {when} · 再对{left}天移出"

    def fill(self) -> None:
        trainer = self.trainer
        ids = self.queue()
        progress = trainer.progress()
        rows = [(trainer.bank.questions[q], self.note(q, progress), "") for q in ids]
        self.query_one(QuestionList).show(rows)
        hint = self.query_one("#list-hint", Static)
        hint.update(self.EMPTY if not ids else f"共 {len(ids)} 题；Enter 从所选题开始重做")

    def on_option_list_option_selected(self, event) -> None:
        event.stop()
        self.action_drill()

    def action_drill(self) -> None:
        from .drill_screen import DrillScreen

        ids = self.queue()
        if not ids:
            return
        current = self.query_one(QuestionList).current_id
        start = ids.index(current) if current in ids else 0
        session = DrillSession(self.KIND, f"{self.TITLE_TEXT} · 重做", ids, position=start)
        self.app.push_screen(DrillScreen(session))
