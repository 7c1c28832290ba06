"""The time left in a mock exam, turning amber in the last ten minutes and red in the last one."""

from __future__ import annotations

from datetime import timedelta

from textual.widgets import Static

from ...format import clock_text


class Countdown(Static):
    def show(self, left: timedelta) -> None:
        seconds = left.total_seconds()
        self.update(f"剩余 {clock_text(seconds)}")
        self.set_class(seconds <= 600, "-warning")
        self.set_class(seconds <= 60, "-critical")
