"""错题本: the questions answered wrong and not yet mastered, with the rule that takes each one out
(correct answers on separate days, from practice.mistakes) in plain words; x takes one out by hand
(asked first, kept as an event, z undoes it); Enter redoes the book as it is now."""

from __future__ import annotations

from textual.binding import Binding

from ...content.model import Question
from ...practice.mistakes import CORRECT_DAYS_TO_LEAVE, WayOut, way_out
from ..widgets.questions.question_list import QuestionList
from .question_book_screen import QuestionBookScreen


def way_out_text(way: WayOut) -> str:
    """The 错题本's rule for one question, in plain words: how many more correct answers, on which days."""
    if way.days <= 0:
        return "已满足移出条件"
    if way.days == 1:
        if way.counted == 0:
            return "答对 1 次即可移出"
        return "再在另一天答对 1 次即可移出" if way.today_counted else "再答对 1 次即可移出"
    if way.counted == 0:
        return f"在 {way.days} 个不同的日子各答对 1 次即可移出"
    where = "另外 " if way.today_counted else " "
    return f"再在{where}{way.days} 个不同的日子各答对 1 次即可移出"


def month_day(day: str | None) -> str:
    """An ISO date as 3/1."""
    if not day or len(day) != 10:
        return day or ""
    return f"{int(day[5:7])}/{int(day[8:10])}"


def book_rule() -> str:
    """The rule for the whole book, from the same constant the book follows."""
    if CORRECT_DAYS_TO_LEAVE == 1:
        return "答对 1 次即移出"
    return f"在 {CORRECT_DAYS_TO_LEAVE} 个不同的日子各答对 1 次后移出"


class MistakesScreen(QuestionBookScreen):
    BINDINGS = [
        Binding("x", "remove", "移出"),
        Binding("z", "undo", "撤销移出"),
    ]
    KIND = "mistakes"
    TITLE_TEXT = "错题本"
    EMPTY = f"错题本是空的：答错的题会出现在这里，{book_rule()}，也可以按 x 手动移出。"
    LAST_ANSWER = "你上次答错"

    def __init__(self) -> None:
        super().__init__()
        self.removed: list[str] = []  # taken out by hand on this visit, the latest last (z undoes)

    def queue(self, scope):
        return self.trainer.mistakes_queue(scope)

    def today(self) -> str:
        return self.trainer.clock().astimezone().date().isoformat()

    def note(self, qid: str) -> str:
        p = self.progress.get(qid)
        if p is None:
            return ""
        # the rule itself, in plain words, stands under the highlighted question's details
        return f"错{p.mistakes.wrong_count}次 · {month_day(p.mistakes.last_wrong_day)}"

    def rule(self, qid: str) -> str:
        p = self.progress.get(qid)
        return way_out_text(way_out(p.mistakes, self.today())) if p is not None else ""

    def last_answer(self, question: Question) -> tuple[str, str] | None:
        wrong = self.trainer.last_wrong_answer(question.id)
        if wrong is None:
            return None
        return f"{self.LAST_ANSWER}（{month_day(wrong.day)}）", question.answer_text(question.decode(wrong.answer))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "remove":
            return self.query_one(QuestionList).current_id is not None
        if action == "undo":
            return bool(self.removed)
        return True

    def action_remove(self) -> None:
        """移出 by hand, once the candidate says yes."""
        from ...format import visible
        from ..format import clip
        from .confirm_screen import ConfirmScreen

        qid = self.query_one(QuestionList).current_id
        question = self.trainer.bank.questions.get(qid) if qid else None
        if question is None:
            return

        def answered(yes: bool | None) -> None:
            if not yes:
                return
            self.trainer.remove_from_book(question.id)
            self.removed.append(question.id)
            self.fill()
            self.notify("已移出错题本；按 z 撤销。", timeout=3)

        stem = visible(clip(question.stem, 60), newlines=False)
        message = (f"把这道题移出错题本？\n\n【{question.title}】{stem}\n\n"
                   "以后再答错，它会回到错题本；现在移出后也可以按 z 撤销。")
        self.app.push_screen(ConfirmScreen(message, yes="移出", no="取消"), answered)

    def action_undo(self) -> None:
        if not self.removed:
            return
        qid = self.removed.pop()
        self.trainer.undo_removal(qid)
        self.fill()
        self.notify("已撤销移出，这道题回到了错题本。", timeout=3)
