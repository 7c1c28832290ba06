"""Drive `examprep serve` as a browser would, and read what its terminal shows.

textual-serve sends each session's terminal output over its websocket as raw bytes (ANSI sequences) that
xterm.js paints on a canvas, so the page holds no text to read. What the browser receives is fed here
into pyte, a VT100 emulator, which gives the screen as text: the same bytes xterm.js renders. The
browser test feeds it the frames Chromium receives; the load benchmark speaks the websocket protocol
itself (["stdin", keys], ["resize", {width, height}] as JSON text, output as binary frames).

Shared by tests/test_serve_browser.py and benchmarks/serve_load.py.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pyte

WIDTH, HEIGHT = 120, 36
ENTER, TAB = "\r", "\t"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class TerminalScreen:
    """What a terminal of `width` × `height` shows after the bytes fed to it.

    The bytes are parsed when the screen is read, not as they arrive: pyte is pure Python, and a load
    test holding 30 sessions would otherwise spend on parsing every frame the CPU that the server it
    measures needs. `since_mark` holds the raw bytes received since `mark()`, for a cheap first look."""

    def __init__(self, width: int = WIDTH, height: int = HEIGHT):
        self.screen = pyte.Screen(width, height)
        self.stream = pyte.ByteStream(self.screen)
        self.received = 0  # bytes so far: a change means the app drew something
        self._unparsed: list[bytes] = []
        self.since_mark = bytearray()

    def _parse(self) -> None:
        if self._unparsed:
            data, self._unparsed = b"".join(self._unparsed), []
            self.stream.feed(data)

    def resize(self, width: int, height: int) -> None:
        self._parse()
        self.screen.resize(height, width)

    def feed(self, data: bytes) -> None:
        self.received += len(data)
        self._unparsed.append(data)
        self.since_mark += data

    def mark(self) -> None:
        self.since_mark = bytearray()

    def text(self) -> str:
        self._parse()
        # pyte keeps a wide (CJK) character in one cell and its right half as an empty cell
        return "\n".join(line.rstrip() for line in self.screen.display).replace("\x00", "")

    def focused_field(self) -> int | None:
        """Which input box (0 the topmost) is drawn focused: Textual draws a box's tall left edge
        "▊" grey, and in the theme's (blue) focus colour on the focused one; None when none is."""
        self._parse()
        boxes: list[str] = []
        last_row = -2
        for y, line in enumerate(self.screen.display):
            x = line.find("▊")
            if x < 0:
                continue
            if y != last_row + 1:  # a new box starts
                boxes.append(self.screen.buffer[y][x].fg)
            last_row = y
        for i, colour in enumerate(boxes):
            if len(colour) == 6 and len({colour[0:2], colour[2:4], colour[4:6]}) > 1:  # not a grey
                return i
        return None

    def flat(self) -> str:
        """The screen without line breaks or spaces, for texts a layout may wrap."""
        return "".join(self.text().split())


@contextlib.contextmanager
def served(data: Path, port: int | None = None, extra_env: dict[str, str] | None = None,
           content: Path | None = None) -> Iterator[str]:
    """`examprep serve` on 127.0.0.1 with `data` as its data folder; yields its URL; stopped after."""
    port = port or free_port()
    env = {**os.environ, "EXAMPREP_CACHE": str(data.parent / "cache"), **(extra_env or {})}
    env.pop("EXAMPREP_DB", None)
    argv = [sys.executable, "-m", "examprep", "--data", str(data)]
    if content is not None:
        argv += ["--content", str(content)]
    # the server's output goes to a file, not a pipe: nobody reads a pipe while sessions run, and a
    # server that has filled one blocks on its next log line, with every session it serves
    log = (data.parent / "serve.log").open("w+b")
    process = subprocess.Popen([*argv, "serve", "--host", "127.0.0.1", "--port", str(port)], env=env,
                               stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        _wait_for_port(port, process, log)
        yield f"http://127.0.0.1:{port}"
    finally:
        stop(process)
        log.close()


def stop(process: subprocess.Popen) -> None:
    """End the server and the app processes it started (its own process group)."""
    if process.poll() is None:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, 15)
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, 9)
            process.wait(5)
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, 9)  # any session process still alive


def _wait_for_port(port: int, process: subprocess.Popen, log, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            log.seek(0)
            output = log.read().decode("utf-8", "replace")
            raise RuntimeError(f"examprep serve ended with {process.returncode}: {output}")
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.1)
    raise TimeoutError(f"examprep serve did not listen on {port} within {timeout} s")


class WebSession:
    """One browser session spoken directly over textual-serve's websocket (aiohttp's client)."""

    def __init__(self, url: str, width: int = WIDTH, height: int = HEIGHT):
        self.url = url.replace("http://", "ws://") + f"/ws?width={width}&height={height}"
        self.width, self.height = width, height
        self.screen = TerminalScreen(width, height)
        self.changed = asyncio.Event()

    async def __aenter__(self) -> WebSession:
        import aiohttp

        self._http = aiohttp.ClientSession()
        self.ws = await self._http.ws_connect(self.url, max_msg_size=0)
        await self.ws.send_str(json.dumps(["resize", {"width": self.width, "height": self.height}]))
        self._reader = asyncio.create_task(self._read())
        return self

    async def __aexit__(self, *exc) -> None:
        await self.ws.close()
        self._reader.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await self._reader
        await self._http.close()

    async def _read(self) -> None:
        import aiohttp

        async for message in self.ws:
            if message.type == aiohttp.WSMsgType.BINARY:
                self.screen.feed(message.data)
                self.changed.set()

    async def type(self, keys: str) -> None:
        await self.ws.send_str(json.dumps(["stdin", keys]))

    async def press(self, keys: str, quiet: float = 0.15, timeout: float = 5) -> None:
        """Type `keys`, then wait until the app has drawn what they did (no output for `quiet` s).
        Keys sent at once all reach the widget focused when they arrive, as when a person types
        faster than the app moves the focus."""
        await self.type(keys)
        await self.settle(quiet, timeout)

    async def settle(self, quiet: float = 0.15, timeout: float = 5) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            seen = self.screen.received
            await asyncio.sleep(quiet)
            if self.screen.received == seen:
                return

    async def wait_for(self, *texts: str, timeout: float = 30) -> str:
        """Wait until the screen shows one of `texts` (spaces and line breaks ignored); returns it."""
        deadline = time.monotonic() + timeout
        wanted = ["".join(t.split()) for t in texts]
        while True:
            flat = self.screen.flat()
            for text, want in zip(texts, wanted):
                if want in flat:
                    return text
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError(f"none of {texts} on screen after {timeout} s:\n{self.screen.text()}")
            self.changed.clear()
            with contextlib.suppress(asyncio.TimeoutError):
                await asyncio.wait_for(self.changed.wait(), min(left, 0.5))
