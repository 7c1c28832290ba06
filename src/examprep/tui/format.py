"""Small text helpers shared by the screens: percentages, dates and clipping to a width (marks and
numbers: examprep.format)."""

from __future__ import annotations

from datetime import date, timedelta

from rich.cells import cell_len
from rich.text import Text

WEEKDAYS = "一二三四五六日"


def percent(value: float | None) -> str:
    return "—" if value is None else f"{value * 100:.0f}%"


def clip(text: str, cells: int) -> str:
    """`text` on one line, cut to `cells` terminal cells (a Chinese character takes two) with "…"."""
    line = Text(" ".join(text.split()))
    line.truncate(cells, overflow="ellipsis")
    return line.plain


def pad(text: str, cells: int) -> str:
    """`text` padded with spaces to `cells` terminal cells."""
    return text + " " * max(0, cells - cell_len(text))


def day_label(day: date, today: date) -> str:
    if day == today:
        return "今天"
    if day == today + timedelta(days=1):
        return "明天"
    if day == today - timedelta(days=1):
        return "昨天"
    return f"{day.month}/{day.day}"


def clock_text(seconds: float) -> str:
    seconds = max(0, int(seconds))
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes:02d}:{secs:02d}"


def today_text(due: int, learning: int, new_today: int, new_left: int) -> str:
    """Today's work as the home screen and the stats say it."""
    return f"今日到期 {due} · 学习中 {learning} · 今日新题 {new_today}（剩余 {new_left}）"


class Flow:
    """Short pieces of text laid out left to right and wrapped between pieces, never inside one
    (a section's title and its marks stay together), as wide as the space given."""

    def __init__(self, pieces: list[Text], gap: int = 2):
        self.pieces = pieces
        self.gap = gap

    def __rich_measure__(self, console, options):
        from rich.measure import Measurement

        widths = [p.cell_len for p in self.pieces] or [0]
        return Measurement(max(widths), sum(widths) + self.gap * (len(widths) - 1))

    def __rich_console__(self, console, options):
        line = Text()
        for piece in self.pieces:
            if line.cell_len and line.cell_len + self.gap + piece.cell_len > options.max_width:
                yield line
                line = Text()
            if line.cell_len:
                line.append(" " * self.gap)
            line.append_text(piece)
        if line.cell_len:
            yield line
