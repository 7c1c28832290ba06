"""Fixtures for the pilot tests: the sample bank, a fresh progress store, a settable clock, and
helpers that read what is on screen."""

from __future__ import annotations

import html
import io
import re
from datetime import datetime, timedelta, timezone

import pytest
from rich.cells import cell_len
from rich.console import Console
from test_practice_fixtures import sample_bank

from examprep.practice.store import open_store
from examprep.tui.app import ExamPrepApp, Start

SIZE = (80, 24)
T0 = datetime(2024, 3, 1, 2, tzinfo=timezone.utc)  # 10:00 in China


class FakeClock:
    """A clock the test moves by hand: the mock exam's countdown without waiting."""

    def __init__(self, now: datetime = T0):
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **kwargs) -> None:
        self.now += timedelta(**kwargs)


@pytest.fixture(scope="session")
def bank(tmp_path_factory):
    return sample_bank(tmp_path_factory.mktemp("content"))


@pytest.fixture()
def data_dir(tmp_path):
    return tmp_path / "data"


@pytest.fixture()
def store(data_dir):
    store, notice = open_store(data_dir)
    assert notice is None
    yield store
    store.close()


@pytest.fixture()
def clock():
    return FakeClock()


@pytest.fixture()
def make_app(bank, store, clock):
    def make(start: Start = Start(), **kwargs) -> ExamPrepApp:
        app = ExamPrepApp(bank, store, start=start, clock=clock, seed=1, **kwargs)
        app.animation_level = "none"  # nothing here looks at animations, and waiting for them is slow
        return app

    return make


# A run of text in the screenshot's SVG (rich's export_svg): its x, and the line it is clipped to.
_SVG_TEXT = re.compile(r'<text class="[^"]*" x="([\d.]+)" y="[\d.]+" textLength="[\d.]+" '
                       r'clip-path="url\(#[\w-]+-line-(\d+)\)">(.*?)</text>')
_CELL_WIDTH = 12.2  # rich's SVG: 0.61 of its 20px font per terminal cell


def screen_text(app) -> str:
    """What the terminal shows now, as plain text: read from the app's own (public) screenshot."""
    width, height = app.size
    rows = [""] * height
    for x, line, text in _SVG_TEXT.findall(app.export_screenshot()):
        row = rows[int(line)]
        column = round(float(x) / _CELL_WIDTH)
        rows[int(line)] = row + " " * max(0, column - cell_len(row)) + html.unescape(text).replace("\xa0", " ")
    return "\n".join(row + " " * max(0, width - cell_len(row)) for row in rows)


def plain(renderable, width: int = 200) -> str:
    """A widget's content (rich renderable) as plain text, all of it, scrolled out of view or not."""
    console = Console(width=width, record=True, file=io.StringIO(), color_system=None)
    console.print(renderable)
    return console.export_text()


async def until(pilot, condition, tries: int = 50) -> None:
    """Let the app run until `condition()` holds (a loaded machine may need more than one pause)."""
    for _ in range(tries):
        if condition():
            return
        await pilot.pause()
    assert condition()


def answer_has_focus(app) -> bool:
    """Whether the focus is in the answer input of the screen's question (it takes it after a refresh)."""
    panel = getattr(app.screen, "panel", None)
    if panel is None:
        return False
    widget = panel.answer_input
    focused = app.focused
    return focused is not None and (focused is widget or widget in focused.ancestors)


def feedback_text(app) -> str:
    from examprep.tui.widgets.feedback.feedback_panel import FeedbackPanel

    return plain(app.screen.query_one(FeedbackPanel).content)
