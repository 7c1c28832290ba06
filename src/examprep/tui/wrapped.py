"""Text wrapped by the CJK rules of `examprep.linebreak` instead of Textual's or rich's own wrapping
(which break before ，。 and inside 26.4 and leave "1." alone at a line's end).

`Wrapped` is a rich renderable: it breaks its lines at whatever width it is drawn at, so a Static, a
table cell or an answer list that holds it follows every resize with nothing to recompute. Styles
of the rich Text it wraps are kept.
"""

from __future__ import annotations

from rich.console import Console, ConsoleOptions, RenderResult
from rich.measure import Measurement
from rich.text import Text

from ..linebreak import break_opportunities, text_width, wrap


class Wrapped:
    def __init__(self, text: Text | str, *, indent: int = 0, hang: bool = True, style: str = ""):
        """`indent`: cells each line after a paragraph's first starts with; `hang`: a paragraph
        opening with a list marker hangs its other lines under the text after the marker."""
        self.text = text if isinstance(text, Text) else Text(text, style=style)
        self.indent = indent
        self.hang = hang

    @property
    def plain(self) -> str:
        return self.text.plain

    def lines(self, width: int) -> Text:
        """The text broken into lines of at most `width` cells, one Text with newlines."""
        pieces = []
        for line in wrap(self.text.plain, width, hang=self.hang, indent=self.indent):
            piece = self.text[line.start:line.end]
            pieces.append(Text(" " * line.indent) + piece if line.indent else piece)
        out = Text("\n").join(pieces)
        out.no_wrap = True  # broken already: nothing for rich to break again
        out.overflow = "crop"
        out.end = self.text.end
        return out

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield self.lines(options.max_width)

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        plain = self.text.plain
        longest = max((text_width(p) for p in plain.split("\n")), default=0)
        widest_unit = 1
        for paragraph in plain.split("\n"):
            can = break_opportunities(paragraph)
            start = 0
            for i in range(1, len(paragraph) + 1):
                if can[i]:
                    widest_unit = max(widest_unit, text_width(paragraph[start:i].rstrip()))
                    start = i
        limit = options.max_width
        return Measurement(min(widest_unit, limit), min(max(longest, widest_unit), limit))
