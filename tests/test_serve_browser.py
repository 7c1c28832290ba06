"""The served trainer in a real browser: Debian's headless Chromium, driven by Playwright (pointed at
/usr/bin/chromium; no browser download), against `examprep serve` started here on 127.0.0.1.

Candidate A logs in (choosing a new password after the one-time one), answers a question and sees
the feedback; candidate B then logs in and sees none of A's answers. The screen is read from the bytes
Chromium receives on textual-serve's websocket, fed to a terminal emulator (tests/served_terminal.py):
xterm.js paints them on a canvas, so the page itself holds no text.

Skipped when Chromium or Playwright is missing, unless EXAMPREP_REQUIRE_BROWSER=1 (as in .ci/run).
"""

from __future__ import annotations

import json
import os
import shutil
import time

import pytest
from content_roots import write_files
from served_terminal import TerminalScreen, served

from examprep.practice.accounts import Accounts
from examprep.practice.store import open_database

CHROMIUM = os.environ.get("EXAMPREP_CHROMIUM", "/usr/bin/chromium")
# Playwright adds --headless itself and starts the browser on a fresh profile folder of its own
# (--user-data-dir in a new temporary folder)
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"]  # nothing but this machine

CONTENT = {
    "points/primary/customer-info.yaml": """\
        topic: customer-info
        title: 客户信息管理
        level: primary
        source: 测试考点
        points:
          - id: primary.customer-info.importance
            title: 客户信息的重要性
            items: [客户信息是客户分类的基础]
        """,
    "questions/primary.yaml": """\
        questions:
          - id: q.judge
            type: judge
            level: primary
            points: [primary.customer-info.importance]
            stem: 客户信息是客户分类的基础。
            answer: true
            explanation: 客户信息是客户分类的基础。
        """,
}

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]


def _playwright():
    required = os.environ.get("EXAMPREP_REQUIRE_BROWSER") == "1"
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        if required:
            raise
        pytest.skip("Playwright 未安装（pip install playwright；不需要 playwright install）")
    if not shutil.which(CHROMIUM):
        if required:
            pytest.fail(f"EXAMPREP_REQUIRE_BROWSER=1 但找不到 Chromium：{CHROMIUM}（apt-get install chromium）")
        pytest.skip(f"找不到 Chromium：{CHROMIUM}")
    return sync_playwright


class BrowserSession:
    """One browser tab on the served trainer, with what its terminal shows."""

    def __init__(self, browser, url: str):
        """A context of its own (no cookies or storage shared), as a candidate at another computer."""
        self.context = browser.new_context(viewport={"width": 1200, "height": 800})
        self.page = self.context.new_page()
        self.screen = TerminalScreen()
        self.page.on("websocket", self._connected)
        # the page sizes the terminal to the window; ?fontsize= fixes how many cells that is
        self.page.goto(f"{url}/?fontsize=14")
        self.page.wait_for_selector(".xterm-helper-textarea", state="attached")

    def _connected(self, ws) -> None:
        size = dict(part.split("=", 1) for part in ws.url.split("?", 1)[1].split("&"))
        self.screen.resize(int(size["width"]), int(size["height"]))
        ws.on("framereceived", self._received)
        ws.on("framesent", self._sent)

    def _received(self, payload) -> None:
        if isinstance(payload, bytes):
            self.screen.feed(payload)

    def _sent(self, payload) -> None:
        message = json.loads(payload) if isinstance(payload, str) else None
        if message and message[0] == "resize":  # xterm.js fitted the terminal to the window
            self.screen.resize(message[1]["width"], message[1]["height"])

    def wait_for(self, *texts: str, timeout: float = 20) -> str:
        deadline = time.monotonic() + timeout
        wanted = ["".join(t.split()) for t in texts]
        while time.monotonic() < deadline:
            flat = self.screen.flat()
            for text, want in zip(texts, wanted):
                if want in flat:
                    return text
            self.page.wait_for_timeout(50)  # lets Playwright deliver the frames
        raise AssertionError(f"none of {texts} in the browser after {timeout} s:\n{self.screen.text()}")

    def settle(self, quiet_ms: int = 100) -> None:
        while True:
            seen = self.screen.received
            self.page.wait_for_timeout(quiet_ms)
            if self.screen.received == seen:
                return

    def type(self, text: str) -> None:
        """Keys into xterm.js, as a person types them; then wait for the app to draw."""
        self.page.keyboard.type(text)
        self.settle()

    def press(self, key: str) -> None:
        self.page.keyboard.press(key)
        self.settle()

    def wait_for_field(self, index: int, timeout: float = 20) -> None:
        """Wait until the `index`th input box has the focus, as a person looks before typing on."""
        deadline = time.monotonic() + timeout
        while self.screen.focused_field() != index:
            if time.monotonic() > deadline:
                raise AssertionError(f"input box {index} never took the focus:\n{self.screen.text()}")
            self.page.wait_for_timeout(50)

    def fill(self, *values: str) -> None:
        """Type each value into the next input box (Enter moves on, and submits after the last)."""
        for index, value in enumerate(values):
            self.wait_for_field(index)
            self.type(value)
            self.press("Enter")

    def log_in(self, ident: str, password: str) -> None:
        self.wait_for("考生登录")
        self.page.locator(".xterm-helper-textarea").focus()
        self.fill(ident, password)

    def close(self) -> None:
        self.context.close()


def test_two_candidates_in_a_real_browser(tmp_path):
    sync_playwright = _playwright()
    data, content = tmp_path / "data", write_files(tmp_path / "content", CONTENT)
    database, _ = open_database(data)
    accounts = Accounts(database)
    first_a, first_b = accounts.add("c001", "张伟"), accounts.add("c002", "王芳")
    accounts.change_password("c002", first_b, "wangfang-2024")  # B has logged in before
    database.close()

    with served(data, content=content) as url, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=FLAGS)
        try:
            a = BrowserSession(browser, url)
            b = BrowserSession(browser, url)  # B's app process starts while A works
            a.log_in("c001", "not-the-password")
            a.wait_for("考生编号或密码不正确")
            a.wait_for_field(1)  # the password box, emptied
            a.type(first_a)
            a.press("Enter")
            a.wait_for("设置新密码")
            a.fill("zhangwei-2024", "zhangwei-2024")
            a.wait_for("今天还没有作答")
            assert "张伟" in a.screen.text()
            a.type("d")
            a.wait_for("开始练习")
            a.press("Control+s")
            a.wait_for("客户信息是客户分类的基础。")
            a.type("a")
            a.press("Enter")
            a.wait_for("✓ 正确")
            a.wait_for("你的答案")
            a.page.screenshot(path=str(tmp_path / "a-feedback.png"))
            a.close()

            b.log_in("c002", "wangfang-2024")
            b.wait_for("今天还没有作答")
            screen = b.screen.text()
            assert "王芳" in screen and "张伟" not in screen
            b.type("t")  # B's statistics: nothing of A's
            b.wait_for("学习统计", "共作答")
            assert "共作答 0 次" in b.screen.text()
        finally:
            browser.close()

    database, _ = open_database(data)
    try:
        assert [r.question_id for r in database.store("c001", refold=False).answers()] == ["q.judge"]
        assert database.store("c002", refold=False).answers() == []
    finally:
        database.close()
