"""The served trainer's first screen: a candidate's id and password, checked by the front desk (which
limits failed logins per account and per browser address). A wrong password and a lockout are said
plainly, never whether the id exists."""

from __future__ import annotations

import math

from textual import getters
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Button, Input, Label, Static

from ..app import ExamPrepApp
from ..widgets.safe_header import SafeHeader
from ..widgets.steady_footer import SteadyFooter

WRONG = "考生编号或密码不正确，请重新输入。"
EMPTY = "请输入考生编号和密码。"


def locked_text(seconds: float | None) -> str:
    if seconds is None or seconds <= 60:
        wait = f"{max(1, math.ceil(seconds or 60))} 秒"
    else:
        wait = f"{math.ceil(seconds / 60)} 分钟"
    return f"登录失败次数过多，已暂时锁定，请 {wait}后再试。"


class _FieldsScreen(Screen):
    """A form where Enter goes to the first field still empty, and submits once all are filled (so
    it does not matter where the focus was: a browser tab that just got it back may have none)."""

    app = getters.app(ExamPrepApp)
    CSS_PATH = "login_screen.tcss"
    BINDINGS = [Binding("ctrl+q", "app.quit", "退出")]
    FIELDS: tuple[str, ...] = ()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        fields = [self.query_one(f"#{ident}", Input) for ident in self.FIELDS]
        empty = next((field for field in fields if not field.value), None)
        if empty is not None and empty is not event.input:
            empty.focus()
        else:
            self.submit()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.submit()

    def submit(self) -> None:
        raise NotImplementedError


class LoginScreen(_FieldsScreen):
    FIELDS = ("login-id", "login-password")

    def compose(self) -> ComposeResult:
        yield SafeHeader()
        with Vertical(id="login-box"):
            yield Static("考生登录", classes="section-title")
            yield Static("请输入培训老师发给你的考生编号和密码。", classes="hint")
            yield Label("考生编号")
            yield Input(id="login-id", placeholder="考生编号")
            yield Label("密码")
            yield Input(id="login-password", password=True, placeholder="密码")
            yield Button("登录", id="login-submit", variant="primary")
            yield Static("", id="login-error")
        yield SteadyFooter()

    def on_mount(self) -> None:
        self.sub_title = "登录"
        self.query_one("#login-id", Input).focus()

    def say(self, message: str) -> None:
        self.query_one("#login-error", Static).update(message)

    def submit(self) -> None:
        ident = self.query_one("#login-id", Input).value.strip()
        password_input = self.query_one("#login-password", Input)
        if not ident or not password_input.value:
            self.say(EMPTY)
            return
        result = self.app.served_desk.login(ident, password_input.value)
        password = password_input.value
        password_input.value = ""
        if result.ok and result.account is not None:
            self.say("")
            if result.must_change:
                self.app.push_screen(NewPasswordScreen(result.account, password))
            else:
                self.app.signed_in(result.account)
            return
        self.say(locked_text(result.retry_after) if result.reason == "locked" else WRONG)
        password_input.focus()


class NewPasswordScreen(_FieldsScreen):
    """After a one-time password: the candidate chooses their own before going on."""

    FIELDS = ("new-password", "new-password-again")

    def __init__(self, account, old_password: str):
        super().__init__()
        self.account = account
        self._old = old_password

    def compose(self) -> ComposeResult:
        yield SafeHeader()
        with Vertical(id="login-box"):
            yield Static("设置新密码", classes="section-title")
            yield Static("这是第一次登录（或密码已被重置），请设置自己的新密码。", classes="hint")
            yield Label("新密码")
            yield Input(id="new-password", password=True)
            yield Label("再输入一次")
            yield Input(id="new-password-again", password=True)
            yield Button("确定", id="new-password-submit", variant="primary")
            yield Static("", id="login-error")
        yield SteadyFooter()

    def on_mount(self) -> None:
        self.sub_title = "设置新密码"
        self.query_one("#new-password", Input).focus()

    def submit(self) -> None:
        first = self.query_one("#new-password", Input)
        again = self.query_one("#new-password-again", Input)
        error = self.query_one("#login-error", Static)
        if first.value != again.value:
            error.update("两次输入的新密码不一致。")
            first.value = again.value = ""
            first.focus()
            return
        from ...practice.accounts import AccountError

        try:
            self.app.served_desk.change_password(self.account.id, self._old, first.value)
        except AccountError as err:
            error.update(str(err))
            first.value = again.value = ""
            first.focus()
            return
        self._old = ""
        self.app.signed_in(self.account)
