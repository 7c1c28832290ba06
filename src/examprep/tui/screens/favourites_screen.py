"""收藏: the questions a candidate marked (Ctrl+F while answering); Enter drills them, U unmarks one."""

from __future__ import annotations

from textual.binding import Binding

from ..widgets.questions.question_list import QuestionList
from .question_book_screen import QuestionBookScreen


class FavouritesScreen(QuestionBookScreen):
    BINDINGS = [Binding("u", "unmark", "取消收藏")]
    KIND = "favourites"
    TITLE_TEXT = "收藏"
    EMPTY = "还没有收藏的题目：作答时按 Ctrl+F 收藏。"

    def queue(self, scope):
        return self.trainer.favourites_queue(scope)

    def note(self, qid: str) -> str:
        p = self.progress.get(qid)
        if p is None:
            return "未作答"
        return f"上次得分率 {p.last_fraction * 100:.0f}%"

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return self.query_one(QuestionList).current_id is not None if action == "unmark" else True

    def action_unmark(self) -> None:
        current = self.query_one(QuestionList).current_id
        if current:
            self.trainer.unfavourite(current)
            self.notify("已取消收藏", timeout=2)
            self.fill()
