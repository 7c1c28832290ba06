"""Fixtures for the pilot tests: the sample bank, a fresh progress store, a settable clock, and
helpers that read what is on screen."""

from __future__ import annotations

import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from rich.console import Console

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from test_practice_fixtures import sample_bank  # noqa: E402

from examprep.practice.store import open_store  # noqa: E402
from examprep.tui.app import ExamPrepApp, Start  # noqa: E402

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
        return ExamPrepApp(bank, store, start=start, clock=clock, seed=1, **kwargs)

    return make


def screen_text(app) -> str:
    """What the terminal shows now, as plain text."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


def plain(renderable, width: int = 200) -> str:
    """A widget's content (rich renderable) as plain text, all of it, scrolled out of view or not."""
    console = Console(width=width, record=True, file=open("/dev/null", "w"), color_system=None)
    console.print(renderable)
    return console.export_text()


def feedback_text(app) -> str:
    from examprep.tui.widgets.feedback.feedback_panel import FeedbackPanel

    return plain(app.screen.query_one(FeedbackPanel).content)
