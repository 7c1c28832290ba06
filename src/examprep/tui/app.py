"""The trainer app: holds the bank, the progress store and the clock, and opens the screens.

Screens do the showing; the app is the one place that grades and records an answer, so every
answer, from any screen, reaches the store the moment it is given. When the disk or the lock refuses
a write, the store keeps it in memory; the app says so and tries again every few seconds.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timezone

from textual.app import App
from textual.binding import Binding

from ..content.model import Answer, Bank, Question
from ..practice.records import AnswerRecord
from ..practice.session import DrillScope, DrillSession
from ..practice.store import ProgressStore

Clock = Callable[[], datetime]
RETRY_SECONDS = 10  # how often writes kept in memory are tried again


def system_clock() -> datetime:
    return datetime.now(timezone.utc)


@dataclass(frozen=True)
class Start:
    """Where the app opens: the home screen, a drill or a case."""

    kind: str = "home"  # home | drill | case
    scope: DrillScope = field(default_factory=DrillScope)
    case_id: str | None = None


class ExamPrepApp(App):
    TITLE = "卷烟商品营销员（服务营销）备考"
    CSS_PATH = ["app.tcss"]
    ENABLE_COMMAND_PALETTE = False
    BINDINGS = [
        Binding("f1", "help", "帮助"),
        Binding("ctrl+q", "quit", "退出", show=False, priority=True),
    ]

    def __init__(self, bank: Bank, store: ProgressStore, *, start: Start = Start(),
                 notice: str | None = None, clock: Clock = system_clock, seed: int | None = None):
        super().__init__()
        self.bank = bank
        self.store = store
        self.start = start
        self.notice = notice
        self.clock = clock
        # Seeds random drills and mock papers; None draws a fresh one each time.
        self.seed = seed

    def on_mount(self) -> None:
        from .screens.home_screen import HomeScreen

        self.push_screen(HomeScreen())
        if self.start.kind == "drill":
            self.start_drill(self.start.scope, "due")
        elif self.start.kind == "case":
            if self.start.case_id:
                self.open_case(self.start.case_id)
            else:
                from .screens.case_list_screen import CaseListScreen

                self.push_screen(CaseListScreen())
        if self.notice:
            self.notify(self.notice, title="进度文件", severity="warning", timeout=15)
        self.store.on_problem = self.store_problem
        self.set_interval(RETRY_SECONDS, self.retry_writes)
        self.catch_termination()

    # -- SIGTERM and SIGHUP: leave as on Ctrl+Q, so the terminal is restored --------------------
    def catch_termination(self) -> None:
        """End the app cleanly on SIGTERM or SIGHUP (a closed terminal): Textual's own shutdown turns
        off the alternate screen and mouse tracking and shows the cursor again, open answers are
        saved, and the exit code is the conventional 128 + the signal's number."""
        import asyncio
        import signal

        try:
            loop = asyncio.get_running_loop()
            for sig in (signal.SIGTERM, signal.SIGHUP):
                loop.add_signal_handler(sig, self.terminate, int(sig))
        except (NotImplementedError, RuntimeError, ValueError):
            pass  # not the main thread, or a platform without these signals: the default applies

    def terminate(self, signum: int) -> None:
        for screen in self.screen_stack:
            save = getattr(screen, "save_answers", None)  # a mock exam's answers not yet written
            if callable(save):
                save()
        self.exit(return_code=128 + signum)  # the shell's convention: 143 for SIGTERM, 129 for SIGHUP

    # -- writes the disk refused ---------------------------------------------------------------
    def store_problem(self, message: str) -> None:
        self.notify(f"{message}：{self.store.pending} 条记录暂存在内存中，每 {RETRY_SECONDS} 秒自动重试，"
                    "请勿关闭程序。", title="未能保存", severity="error", timeout=RETRY_SECONDS)

    def retry_writes(self) -> None:
        if self.store.pending:
            waiting = self.store.pending
            if self.store.flush():
                self.notify(f"之前未能保存的 {waiting} 条记录已写入进度文件。", title="已保存")

    # -- answers -----------------------------------------------------------------------------
    def grade_and_record(self, question: Question, answer: Answer, mode: str):
        """Grade an answer and commit it to the store before anything else happens."""
        grading = question.grade(answer)
        self.store.record_answer(AnswerRecord(
            question.id, self.clock(), float(grading.score), float(grading.max), bool(grading.correct),
            question.encode(answer), mode,
        ))
        return grading

    def save_session(self, session: DrillSession) -> None:
        self.store.set_setting("last_session", None if session.finished else session.to_dict())

    def last_session(self) -> DrillSession | None:
        data = self.store.get_setting("last_session")
        if not isinstance(data, dict):
            return None
        session = DrillSession.from_dict(data, self.bank)
        return session if session and not session.finished else None

    def next_seed(self) -> int:
        if self.seed is not None:
            return self.seed
        return int(self.clock().timestamp() * 1000) % 1_000_000

    # -- opening screens ---------------------------------------------------------------------
    def start_drill(self, scope: DrillScope, order: str) -> None:
        from ..practice.session import ORDERS, drill_queue
        from .screens.drill_screen import DrillScreen

        queue = drill_queue(self.bank, scope, order, self.store.progress(), self.clock(),
                            seed=self.next_seed())
        if not queue:
            self.notify("这个范围里没有题目。", severity="warning")
            return
        session = DrillSession("drill", drill_title(self.bank, scope, ORDERS[order]), queue,
                               scope=scope, order=order)
        self.push_screen(DrillScreen(session))

    def resume(self, session: DrillSession) -> None:
        if session.kind == "case" and session.case_id in self.bank.cases:
            from .screens.case_screen import CaseScreen

            self.push_screen(CaseScreen(self.bank.cases[session.case_id], session))
        else:
            from .screens.drill_screen import DrillScreen

            self.push_screen(DrillScreen(session))

    def open_case(self, case_id: str) -> None:
        from .screens.case_screen import CaseScreen

        case = self.bank.cases[case_id]
        session = DrillSession("case", f"案例 · {case.title}", [q.id for q in case.questions],
                               case_id=case_id)
        self.push_screen(CaseScreen(case, session))

    def action_help_quit(self) -> None:
        # Textual's own reminder (Ctrl+C no longer quits) is in English; this one is not.
        self.notify("按 Ctrl+Q 退出（已作答的题目都已保存）。", title="要退出吗？")

    def action_help(self) -> None:
        from .screens.help_screen import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())


def drill_title(bank: Bank, scope: DrillScope, order_title: str) -> str:
    parts = ["练习"]
    if scope.level:
        parts.append(bank.level_title(scope.level).split("/")[0])
    if scope.topic:
        titles = {t.title for (lvl, tid), t in bank.topics.items()
                  if tid == scope.topic and (not scope.level or lvl == scope.level)}
        parts.append("、".join(sorted(titles)) or scope.topic)
    if scope.point and scope.point in bank.points:
        parts.append(bank.points[scope.point].title)
    if scope.types:
        from ..kinds import TYPE_TITLES

        parts.append("、".join(TYPE_TITLES.get(t, t) for t in scope.types))
    parts.append(order_title)
    return " · ".join(parts)
