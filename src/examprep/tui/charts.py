"""Column charts drawn with rich (eighth blocks), for the stats screen, the exam history and
`examprep stats`: as wide as the space given, with Chinese labels measured in terminal cells.

Why not plotext (or textual-plotext, its Textual widget): plotext measures text in code points, not
cells, so a Chinese title, legend or tick label overflows its frame and shifts the axis; and it costs
an import of its own. Columns of blocks say what these charts need (a count or a share per day or
per sitting, and a reference line) and stay readable from 80 columns up.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, RenderResult
from rich.segment import Segment
from rich.style import Style

BLOCKS = " ▁▂▃▄▅▆▇█"
LINE = "┈"
MAX_COLUMN_CELLS = 4


@dataclass(frozen=True)
class Column:
    label: str  # under the column (shown when there is room)
    value: float
    part: float | None = None  # the lower part of the column in `part_style` (e.g. correct answers)


class ColumnChart:
    """Columns of `value` from `bottom` (default 0) to `top`, `height` rows high, the newest (last) kept when there is
    no room for all; an optional reference line (a pass mark, a target) across the empty cells."""

    def __init__(self, columns: Sequence[Column], *, top: float | None = None, bottom: float = 0.0,
                 height: int = 6,
                 style: str = "green", part_style: str | None = None, line: float | None = None,
                 line_style: str = "yellow", axis: Callable[[float], str] = lambda v: f"{v:g}"):
        self.columns = list(columns)
        self.top = top if top is not None else max((c.value for c in self.columns), default=0.0)
        self.bottom = bottom
        self.height = height
        self.style = Style.parse(style)
        self.part_style = Style.parse(part_style) if part_style else None
        self.line = line
        self.line_style = Style.parse(line_style)
        self.axis = axis

    def _level(self, value: float) -> int:
        """`value` in eighths of a row, 0 to height × 8 (a value above the bottom shows at least 1)."""
        span = self.top - self.bottom
        if span <= 0 or value <= self.bottom:
            return 0
        return max(1, min(self.height * 8, round((value - self.bottom) / span * self.height * 8)))

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        top_label, zero_label = self.axis(self.top), self.axis(self.bottom)
        axis_w = max(cell_len(top_label), cell_len(zero_label))
        room = max(1, options.max_width - axis_w - 1)
        cells = max(1, min(MAX_COLUMN_CELLS, room // max(1, len(self.columns))))
        shown = self.columns[-(room // cells):] if self.columns else []
        bar_w = cells - 1 if cells > 2 else cells
        line_row = None
        if self.line is not None and self.bottom < self.line <= self.top:
            line_row = min(self.height - 1, int((self.line - self.bottom) / (self.top - self.bottom) * self.height))
        for row in range(self.height - 1, -1, -1):
            label = top_label if row == self.height - 1 else zero_label if row == 0 else ""
            yield Segment(" " * (axis_w - cell_len(label)) + label + ("┤" if label else "│"), Style(dim=True))
            for column in shown:
                yield from self._cell(column, row, bar_w, cells, row == line_row)
            yield Segment.line()
        yield from self._labels(shown, axis_w, cells, options.max_width)

    def _cell(self, column: Column, row: int, bar_w: int, cells: int, on_line: bool) -> RenderResult:
        level = min(8, max(0, self._level(column.value) - row * 8))
        style = self.style
        if self.part_style is not None and column.part is not None:
            part = min(8, max(0, self._level(column.part) - row * 8))
            if part >= level and level:
                style = self.part_style
            elif part:  # the part ends in this cell: its colour below, the rest's above
                yield Segment(BLOCKS[part] * bar_w, Style(color=self.part_style.color, bgcolor=self.style.color))
                yield Segment(" " * (cells - bar_w))
                return
        if level:
            yield Segment(BLOCKS[level] * bar_w, style)
            yield Segment(" " * (cells - bar_w))
        else:
            yield Segment((LINE if on_line else " ") * cells, self.line_style if on_line else Style())

    def _labels(self, shown: list[Column], axis_w: int, cells: int, width: int) -> RenderResult:
        """The labels under their columns, the newest first: each where the one after it leaves room,
        so the last column (today, the latest exam) is always named."""
        placed: list[tuple[int, str]] = []
        free_until = width + 1  # the last label may run past its column, not past the width
        for n in range(len(shown) - 1, -1, -1):
            label = shown[n].label
            at = axis_w + 1 + n * cells
            if n == len(shown) - 1:  # the newest, pulled in from the edge when it would run past it
                at = min(at, width - cell_len(label))
            if label and at >= axis_w + 1 and at + cell_len(label) < free_until:  # a cell before the next
                placed.append((at, label))
                free_until = at
        out, used = "", 0
        for at, label in reversed(placed):
            out += " " * (at - used) + label
            used = at + cell_len(label)
        yield Segment(out, Style(dim=True))
        yield Segment.line()
