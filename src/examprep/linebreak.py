"""Breaking Chinese text into lines of a given width in terminal cells, by the usual CJK rules
(kinsoku): no line starts with closing punctuation (，、。；：？！）」』》 …) or ends with opening
punctuation (（「『《 …); numbers (26.4小时, 48小时, 60%), Latin words and list markers ("1." with its
text) are never split. A pure function of the text and the width; screens render its lines.

Widths follow the terminal's: East Asian wide and full-width characters take two cells, combining
marks none, everything else one (the same table rich uses, which the tests check on the bank).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise

# No line may start with these (they close or follow what comes before).
CLOSING = frozenset("，、。．；：？！）」』》】〉〕〗｝］”’,.;:?!)]}>%‰℃°…—～·•々ー")
# No line may end with these (they open what follows).
OPENING = frozenset("（「『《【〈〔〖｛［“‘([{<")
# The ideographic space: part of the fill-in blank （　1　）, never a place to break.
GLUE = frozenset("\u3000\u00a0")
# Where a run too long for a line (a formula, a path) is folded, when it can be.
FOLD_AFTER = frozenset("+-=×÷/,;、，")
# A number's unit stays on its line (48小时, 26.4天): the unit's first character, or the whole of
# a two-character unit.
UNITS = ("小时", "分钟", "公里", "个月", "星期", "周岁")
UNIT_CHARS = frozenset("小分天元角个次人户年月日周秒条件倍米斤克吨箱包盒万亿千百岁名位家种项点号期层成折度级")

# A list marker opening a paragraph: its text hangs under the text after it, and the marker never
# ends a line on its own.
_MARKER = re.compile(r"[ \t]*(?:[•·\-*]|\d{1,3}[.、．)）]|[（(]\d{1,3}[）)]|[①-⑳]|[一二三四五六七八九十]{1,3}、)[ \t]*")
# The same markers inside a paragraph (……；（2）……): kept with what follows them.
_INLINE_MARKER = re.compile(r"(?:[（(]\d{1,3}[）)]|[①-⑳]|(?<![\d.])\d{1,3}(?:[、．](?!\d)|\.(?=[ \t])))")


@lru_cache(maxsize=8192)
def char_width(ch: str) -> int:
    """Terminal cells of one character: 2 for wide and full-width, 0 for combining and control."""
    if ch < " " or "\x7f" <= ch < "\xa0":
        return 0
    if unicodedata.combining(ch) or unicodedata.category(ch) in ("Mn", "Me", "Cf"):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def text_width(text: str) -> int:
    return sum(char_width(ch) for ch in text)


@dataclass(frozen=True)
class Line:
    """One line: `text[start:end]` (spaces at the break left out), printed after `indent` blank cells."""

    start: int
    end: int
    indent: int = 0


def _is_wide(ch: str) -> bool:
    return char_width(ch) == 2


def _is_space(ch: str) -> bool:
    return ch in " \t"


def _no_break_before(text: str, i: int) -> bool:
    """Whether a line may not start at text[i] (a break between text[i-1] and text[i])."""
    before, here = text[i - 1], text[i]
    if here in CLOSING or before in OPENING or here in GLUE or before in GLUE:
        return True  # even with a space between: （ ）
    if _is_space(here) or _is_space(before):
        return False  # spaces are where Latin text breaks
    if not _is_wide(before) and not _is_wide(here):
        return True  # inside a Latin word or a number: 26.4, 60%, ABC
    return before.isdigit() and not _is_wide(before) and _starts_unit(text, i)  # 48小时


def _starts_unit(text: str, i: int) -> bool:
    return text[i] in UNIT_CHARS or any(text.startswith(u, i) for u in UNITS)


def _unit_end(text: str, i: int) -> int:
    """Where the unit starting at text[i] (just after a number) ends."""
    for unit in UNITS:
        if text.startswith(unit, i):
            return i + len(unit)
    return i + 1


@lru_cache(maxsize=4096)
def break_opportunities(text: str) -> tuple[bool, ...]:
    """For each index i of one paragraph (no newlines), whether a line may start at text[i]; the
    last entry (len(text)) is always True. Independent of the width, so kept for the next resize."""
    can = [False] * (len(text) + 1)
    for i in range(1, len(text)):
        can[i] = not _no_break_before(text, i)
    # A two-character unit stays whole (小|时): no break inside it after a number.
    for i in range(1, len(text)):
        if text[i - 1].isdigit() and not _is_wide(text[i - 1]) and _starts_unit(text, i):
            for j in range(i + 1, _unit_end(text, i)):
                can[j] = False
    # Inline list markers keep their first character after them: （2）加强…
    for m in _INLINE_MARKER.finditer(text):
        end = m.end()
        while end < len(text) and _is_space(text[end]):
            can[end] = False
            end += 1
        if end < len(text):
            can[end] = False
    can[len(text)] = True
    return tuple(can)


def _marker_width(paragraph: str) -> tuple[int, int]:
    """The leading list marker of a paragraph (with its spaces): (characters, cells); (0, 0) if none."""
    m = _MARKER.match(paragraph)
    if not m or m.end() >= len(paragraph):
        return 0, 0
    return m.end(), text_width(paragraph[: m.end()])


def _wrap_paragraph(text: str, offset: int, width: int, hang: bool, indent: int) -> list[Line]:
    """One paragraph (no newline) as lines; its first line starts at column 0, the others at `indent`
    (more under a hanging list marker)."""
    if not text:
        return [Line(offset, offset, 0)]
    can = list(break_opportunities(text))
    marker_chars, marker_cells = _marker_width(text) if hang else (0, 0)
    for j in range(1, min(marker_chars + 1, len(text))):
        can[j] = False  # the marker, its spaces and the first character of its text stay together
    rest = indent + marker_cells if marker_cells and indent + marker_cells <= width // 2 else indent
    cells = [0]
    for ch in text:
        cells.append(cells[-1] + char_width(ch))
    cuts = [i for i in range(len(text) + 1) if i == 0 or can[i]]
    lines: list[Line] = []
    start = end = 0  # the current line holds text[start:end]
    margin = 0  # blank cells before it
    for a, b in pairwise(cuts):
        core = b
        while core > a and _is_space(text[core - 1]):
            core -= 1  # a unit's spaces may hang past the edge, and vanish at a break
        if core == a:
            continue
        if end > start and margin + cells[core] - cells[start] > width:
            lines.append(Line(offset + start, offset + end, margin))
            start, margin = a, rest
        # a unit longer than a whole line (a formula, a long word) is folded: after an operator
        # where one fits (100+120+|110), else by cells
        while margin + cells[core] - cells[start] > width and core - start > 1:
            cut = start + 1
            while cut < core and margin + cells[cut + 1] - cells[start] <= width:
                cut += 1
            after_operator = [j for j in range(start + 1, cut + 1) if text[j - 1] in FOLD_AFTER]
            if after_operator:
                cut = after_operator[-1]
            lines.append(Line(offset + start, offset + cut, margin))
            start, margin = cut, rest
        end = core
    lines.append(Line(offset + start, offset + end, margin))
    return lines


def wrap(text: str, width: int, *, hang: bool = True, indent: int = 0) -> list[Line]:
    """`text` broken into lines of at most `width` cells. Newlines end paragraphs; `indent`: cells
    the lines after a paragraph's first start with; with `hang`, a paragraph opening with a list
    marker ("1. ", "（2）", "• ") hangs its other lines under the text after the marker."""
    width = max(width, 2)
    lines: list[Line] = []
    offset = 0
    for paragraph in text.split("\n"):
        lines.extend(_wrap_paragraph(paragraph, offset, width, hang, indent))
        offset += len(paragraph) + 1
    return lines


def wrap_text(text: str, width: int, **options) -> list[str]:
    """The lines of `wrap` as strings (indent included): for tests and plain output."""
    return [" " * line.indent + text[line.start:line.end] for line in wrap(text, width, **options)]
