"""The trainer app: holds the trainer service (bank, progress store and clock) and opens the screens.

Screens do the showing; the service (`practice.trainer.Trainer`) grades and records every answer and
runs every workflow. When the disk or the lock refuses a write, the store keeps it in memory; the app
says so and tries again every few seconds.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import partial
from typing import TYPE_CHECKING

from textual.app import App
from textual.binding import Binding

from ..content.model import Bank
from ..practice.session import DrillScope, DrillSession
from ..practice.store import ProgressStore
from ..practice.trainer import Clock, Trainer, system_clock

if TYPE_CHECKING:
    from ..practice.accounts import Account
    from ..serve.desk import FrontDesk

# Keys shown by their name on the keyboard (or an arrow) rather than Textual's key names.
KEY_CAPS = {"escape": "Esc", "enter": "Enter", "tab": "Tab", "space": "空格", "up": "↑", "down": "↓",
            "left": "←", "right": "→", "slash": "/", "question_mark": "?", "backspace": "退格",
            "delete": "Del", "pageup": "PgUp", "pagedown": "PgDn", "home": "Home", "end": "End"}
RETRY_SECONDS = 10  # how often writes kept in memory are tried again
WARM_UP_AFTER_S = 1.0  # when pinyin search is made ready, after start


@dataclass(frozen=True)
class Start:
    """Where the app opens: the home screen, a drill or a case."""

    kind: str = "home"  # home | drill | case
    scope: DrillScope = field(default_factory=DrillScope)
    case_id: str | None = None
    size: int | None = None  # questions in the drill (None: the setting)
    new_per_day: int | None = None  # saved as the setting before the drill starts


class ExamPrepApp(App):
    TITLE = "卷烟商品营销员（服务营销）备考"
    CSS_PATH = ["app.tcss"]
    ENABLE_COMMAND_PALETTE = False
    trainer: Trainer  # set at once in the terminal; served, when the login succeeds
    BINDINGS = [
        Binding("f1", "help", "帮助"),
        Binding("ctrl+q", "quit", "退出", show=False, priority=True),
    ]

    def __init__(self, bank: Bank, store: ProgressStore | None, *, start: Start = Start(),
                 notice: str | None = None, clock: Clock = system_clock, seed: int | None = None,
                 desk: FrontDesk | None = None):
        """`desk`: served to a browser, the app opens on the login screen, and the trainer works on
        the signed-in account's own progress (`store` is then None until the login)."""
        super().__init__()
        # the bank also before a trainer exists (the search warm-up, the login screen need only the bank)
        self.bank, self.clock, self.seed = bank, clock, seed
        if store is not None:
            self.trainer = Trainer(bank, store, clock, seed)
        self.start = start
        self.notice = notice
        self.desk = desk
        self.account: Account | None = None

    @property
    def served_desk(self) -> FrontDesk:
        assert self.desk is not None, "only a served app signs in"
        return self.desk

    def on_mount(self) -> None:
        self.catch_termination()
        # A moment after the first screen is drawn, so that start-up never waits for it.
        self.set_timer(WARM_UP_AFTER_S, self.warm_up_search)
        self.set_timer(WARM_UP_AFTER_S, self.warm_up_siblings)
        self.set_timer(WARM_UP_AFTER_S, self.warm_up_grader)
        if self.desk is not None:
            from .screens.login_screen import LoginScreen

            self.push_screen(LoginScreen())
            return
        self.open_trainer()

    def signed_in(self, account: Account) -> None:
        """The login succeeded: the account's own progress, and its first screen in place of the login."""
        from ..serve.desk import is_instructor

        self.account = account
        self.trainer = Trainer(self.bank, self.served_desk.open_progress(account), self.clock, self.seed)
        self.notice = self.served_desk.notice
        self.title = f"{self.TITLE} · {account.name or account.id}"
        while len(self.screen_stack) > 1:  # the login and new-password screens: no way back to them
            self.pop_screen()
        if is_instructor(account):
            from .screens.class_screen import ClassScreen

            self.push_screen(ClassScreen())
            self.watch_store()
        else:
            self.open_trainer()

    def open_trainer(self) -> None:
        from .screens.home_screen import HomeScreen

        self.push_screen(HomeScreen())
        if self.start.kind == "drill":
            if self.start.new_per_day is not None:
                self.trainer.set_limits(replace(self.trainer.limits(), new_per_day=self.start.new_per_day))
            self.start_drill(self.start.scope, "due", size=self.start.size)
        elif self.start.kind == "case":
            if self.start.case_id:
                self.open_case(self.start.case_id)
            else:
                from .screens.case_list_screen import CaseListScreen

                self.push_screen(CaseListScreen())
        self.watch_store()

    def watch_store(self) -> None:
        """Say what the store's opening found, tell the user of refused writes and retry them (once:
        an instructor's class screen and their own trainer share one store)."""
        if self.trainer.store.on_problem is not None:
            return
        if self.notice:
            self.notify(self.notice, title="进度文件", severity="warning", timeout=15)
        self.trainer.store.on_problem = self.store_problem
        self.set_interval(RETRY_SECONDS, self.retry_writes)

    def warm_up_search(self) -> None:
        """Pinyin search's tables loaded in a thread: the first search in Latin letters is instant."""
        from ..practice.search import warm_up

        self.run_worker(partial(warm_up, self.bank), name="warm-up-search", thread=True,
                        exit_on_error=False)

    def warm_up_siblings(self) -> None:
        """Which questions give each other away (`practice.siblings`), worked out in a thread: the
        first drill does not wait for it."""
        from ..practice.siblings import bank_siblings

        self.run_worker(partial(bank_siblings, self.bank), name="warm-up-siblings", thread=True,
                        exit_on_error=False)

    def warm_up_grader(self) -> None:
        """The grader's kept tables loaded in a thread: the first free-text answer is graded at once."""
        from ..grading.warm import load_tables

        self.run_worker(load_tables, name="warm-up-grader", thread=True, exit_on_error=False)

    # -- SIGINT, SIGTERM and SIGHUP: leave as on Ctrl+Q, so the terminal is restored ---------------
    def catch_termination(self) -> None:
        """End the app cleanly on SIGINT (`kill -INT`; Ctrl+C itself is a key in the trainer), SIGTERM
        or SIGHUP (a closed terminal): Textual's own shutdown turns off the alternate screen and mouse
        tracking and shows the cursor again, open answers are saved, and the exit code is the
        conventional 128 + the signal's number (130, 143, 129)."""
        import asyncio
        import signal

        try:
            loop = asyncio.get_running_loop()
            for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
                loop.add_signal_handler(sig, self.terminate, int(sig))
        except (NotImplementedError, RuntimeError, ValueError):
            pass  # not the main thread, or a platform without these signals: the default applies

    def terminate(self, signum: int) -> None:
        for screen in self.screen_stack:
            save = getattr(screen, "save_answers", None)  # a mock exam's answers not yet written
            if callable(save):
                save()
        self.exit(return_code=128 + signum)  # the shell's convention: 130 for SIGINT, 143 for SIGTERM

    # -- writes the disk refused ---------------------------------------------------------------
    def store_problem(self, message: str) -> None:
        self.notify(f"{message}：{self.trainer.store.pending} 条记录暂存在内存中，每 {RETRY_SECONDS} 秒自动重试，"
                    "请勿关闭程序。", title="未能保存", severity="error", timeout=RETRY_SECONDS)

    def retry_writes(self) -> None:
        if self.trainer.store.pending:
            waiting = self.trainer.store.pending
            if self.trainer.store.flush():
                self.notify(f"之前未能保存的 {waiting} 条记录已写入进度文件。", title="已保存")

    # -- opening screens ---------------------------------------------------------------------
    def start_drill(self, scope: DrillScope, order: str, size: int | None = None) -> None:
        from .screens.drill_screen import DrillScreen

        session = self.trainer.drill(scope, order, size)
        if session is None:
            self.notify(self.trainer.drill_unavailable(scope), severity="warning")
            return
        self.push_screen(DrillScreen(session))

    def resume(self, session: DrillSession) -> None:
        if session.kind == "case" and session.case_id in self.trainer.bank.cases:
            from .screens.case_screen import CaseScreen

            self.push_screen(CaseScreen(self.trainer.bank.cases[session.case_id], session))
        else:
            from .screens.drill_screen import DrillScreen

            self.push_screen(DrillScreen(session))

    def open_case(self, case_id: str) -> None:
        from .screens.case_screen import CaseScreen

        self.push_screen(CaseScreen(*self.trainer.case_session(case_id)))

    def get_key_display(self, binding: Binding) -> str:
        """Keys in the footer as the keyboard prints them (Esc, F1, D, ^S for Ctrl+S, short enough
        for every screen's footer at 80 columns), not Textual's esc and ^s."""
        if binding.key_display:
            return binding.key_display
        modifiers, key = binding.parse_key()
        cap = KEY_CAPS.get(key) or (key.upper() if len(key) == 1 or key[1:].isdigit() else key.capitalize())
        prefix = "^" if "ctrl" in modifiers else ""
        return prefix + "+".join([*(m.capitalize() for m in modifiers if m != "ctrl"), cap])

    def action_help_quit(self) -> None:
        # Textual's own reminder (Ctrl+C no longer quits) is in English; this one is not.
        self.notify("按 Ctrl+Q 退出（已作答的题目都已保存）。", title="要退出吗？")

    def action_help(self) -> None:
        from .screens.help_screen import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

