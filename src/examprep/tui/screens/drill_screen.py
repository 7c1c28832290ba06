"""A drill: one question at a time from a queue, graded the moment it is submitted.

Used for 练习 (by level/topic), the 错题本 and 收藏; the case screen builds on it. Each answer is
committed to the store before its feedback is shown, and the session is saved, so a drill broken
off (even by kill -9) continues from the next question.
"""

from __future__ import annotations

from dataclasses import replace

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Container
from textual.widgets import Static

from ...format import marks_text
from ...practice.records import MODES
from ...practice.session import DrillSession
from ...practice.trainer import GradedAnswer
from ..format import percent
from ..widgets.answer import AnswerInput
from ..widgets.question.question_panel import QuestionPanel, case_scenario
from ..widgets.safe_header import SafeHeader
from ..widgets.steady_footer import SteadyFooter
from ..wrapped import Wrapped
from .trainer_screen import TrainerScreen


class DrillScreen(TrainerScreen):
    CSS_PATH = ["drill_screen.tcss"]
    BINDINGS = [
        Binding("ctrl+s", "submit", "提交"),
        Binding("ctrl+n", "next", "下一题"),
        Binding("n", "continue", "下一题", show=False),
        Binding("enter", "continue", "下一题", show=False),
        Binding("ctrl+p", "previous", "上一题"),
        Binding("ctrl+f", "favourite", "收藏"),
        Binding("c", "claim", "申诉评分"),
        Binding("escape", "leave", "返回"),
    ]

    # The keys of answering: gone from the footer (and doing nothing) once the session is over.
    ANSWERING_ACTIONS = frozenset({"submit", "next", "continue", "previous", "favourite"})

    def __init__(self, session: DrillSession):
        super().__init__()
        self.session = session
        self.panel: QuestionPanel | None = None
        self.question_status = ""  # 新题, 学习中, 到期复习 … of the question on screen (drills only)
        self.graded: GradedAnswer | None = None  # the answer on screen, once graded

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """The end-of-session summary shows only its own keys (Esc), not the drill's; 申诉评分 only
        once a free-text answer is graded, and 提交 only before (the footer shows what can be done
        now, and so fits 80 columns)."""
        if self.session.finished and action in self.ANSWERING_ACTIONS:
            return False
        if action == "claim":
            return self.graded is not None and self.graded.can_claim
        if action == "submit":
            return self.graded is None
        return True

    def compose(self) -> ComposeResult:
        yield SafeHeader()
        yield Static(id="drill-status")
        yield Container(id="question-area")
        yield SteadyFooter()

    def on_mount(self) -> None:
        self.sub_title = self.session.title
        self.trainer.save_session(self.session)
        self.show_current()

    # -- what is on screen -------------------------------------------------------------------
    @property
    def question(self):
        qid = self.session.current
        return self.trainer.bank.questions.get(qid) if qid else None

    def make_panel(self, question) -> QuestionPanel:
        # A case question drilled on its own (from the 错题本 or 收藏) comes with its scenario.
        return QuestionPanel(question, scenario=case_scenario(self.trainer.bank, question))

    def show_current(self) -> None:
        self.graded = None
        self.refresh_bindings()
        area = self.query_one("#question-area", Container)
        area.remove_children()
        question = self.question
        if question is None:
            self.panel = None
            area.mount(Static(Wrapped(self.summary()), id="summary"))
            self.update_status()
            self.refresh_bindings()
            return
        self.panel = self.make_panel(question)
        # What the question is today (learning steps apart from due reviews), as it was when shown.
        self.question_status = self.trainer.question_status(question.id) if self.session.kind == "drill" else ""
        area.mount(self.panel)
        self.update_status()
        self.refresh_bindings()

    def update_status(self) -> None:
        session = self.session
        status = Text()
        if session.finished:
            status.append(f"{session.title} · 已完成", style="bold")
        else:
            status.append(f"第 {session.position + 1}/{len(session.question_ids)} 题", style="bold")
            graded = self.panel is not None and self.panel.graded
            if self.question_status and not graded:  # once graded, the way on takes its place
                status.append(f" · {self.question_status}", style="cyan")
            question = self.question
            if question is not None and self.trainer.is_favourite(question.id):
                status.append("  ★ 已收藏", style="bold yellow")
            if self.panel is not None and self.panel.graded:
                status.append("  N / Enter 下一题", style="bold green")
        answered = len(session.scores)
        if answered:
            right = sum(1 for f in session.scores.values() if f >= 1 - 1e-9)
            average = sum(session.scores.values()) / answered
            status.append(f"   本轮 {answered} 题 · 全对 {right} · 得分率 {percent(average)}", style="dim")
        self.query_one("#drill-status", Static).update(status)

    def summary(self) -> Text:
        scores = self.session.scores
        out = Text("本轮练习完成\n\n", style="bold")
        if scores:
            right = sum(1 for f in scores.values() if f >= 1 - 1e-9)
            average = percent(sum(scores.values()) / len(scores))
            out.append(f"作答 {len(scores)} 题，全对 {right} 题，平均得分率 {average}\n")
        else:
            out.append("这一轮没有作答。\n")
        out.append("\n按 Esc 返回。", style="dim")
        return out

    # -- actions -----------------------------------------------------------------------------
    def on_answer_input_submitted(self, event: AnswerInput.Submitted) -> None:
        event.stop()
        self.action_submit()

    def action_submit(self) -> None:
        panel, question = self.panel, self.question
        if panel is None or question is None or panel.graded:
            return
        answer = panel.value
        if answer is None:
            self.notify("请先作答再提交。", severity="warning")
            return
        mode = self.session.kind if self.session.kind in MODES else "drill"
        self.graded = graded = self.trainer.record(question, answer, mode)
        self.record_score(graded)
        panel.show_feedback(answer, graded.grading)
        self.update_status()
        self.refresh_bindings()

    def record_score(self, graded: GradedAnswer) -> None:
        self.session.record(graded.record.question_id, graded.counted_fraction)
        # Saved as if already moved on: continuing later starts at the next question.
        self.trainer.save_session(replace(self.session, position=self.session.position + 1,
                                          scores=dict(self.session.scores)))

    def action_claim(self) -> None:
        """申诉评分: the candidate says which key points they wrote; where it differs from the grader,
        a claim is kept with the answer and the schedule follows the candidate."""
        from ...practice.claims import candidate_view
        from .claim_screen import ClaimScreen

        graded = self.graded
        if graded is None or not graded.can_claim:
            return

        def stand_by(view: dict[str, bool] | None) -> None:
            if view is None or self.graded is not graded or self.panel is None:
                return
            self.graded = now = self.trainer.set_claims(graded, view)
            self.record_score(now)
            self.panel.show_claims(self.panel.value, now.grading, now.claims)
            self.update_status()
            if now.claims:
                self.notify(f"已记录申诉：评分 {marks_text(now.grading.score)} 分，你认为 "
                            f"{marks_text(now.counted_score)} 分；复习按你的判断安排。", timeout=4)
            elif graded.claims:
                self.notify("已撤回申诉，按评分安排复习。", timeout=3)

        self.app.push_screen(ClaimScreen(graded.grading, candidate_view(graded.grading, graded.claims)), stand_by)

    def action_next(self) -> None:
        if self.session.finished:
            return
        self.session.advance()
        self.trainer.save_session(self.session)
        self.show_current()

    def action_continue(self) -> None:
        """n or Enter: on to the next question once this one is graded (never skips by accident)."""
        if self.panel is not None and self.panel.graded:
            self.action_next()

    def action_previous(self) -> None:
        if self.session.position == 0:
            return
        self.session.back()
        self.show_current()

    def action_favourite(self) -> None:
        question = self.question
        if question is None:
            return
        on = self.trainer.toggle_favourite(question.id)
        self.notify("已收藏" if on else "已取消收藏", timeout=2)
        self.update_status()

    def action_leave(self) -> None:
        self.app.pop_screen()
