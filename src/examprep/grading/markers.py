"""Points that belong to a numbered item of the case (①按时准确送货属于基本型需求): an answer that numbers
its items the same way earns such a point only under that item's number, and only where the item is not
put in another point's class.

    ②惊喜型需求……③期望型需求  earns neither ② nor ③: each class is written under the other's item
    ②紧俏品牌多分一点是基本型需求  earns nothing for ②: the item is put in ①'s class

An answer that numbers nothing is graded as before.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from .normalize import Normalized, normalize_keyword

CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩"
# in the answer as typed: ②, 第②条, 第2条, 第二条 (第N点 is an answer's own numbering, not the case's)
ANSWER_MARKER = re.compile(r"第?([①②③④⑤⑥⑦⑧⑨⑩])(?:条|项)?|第([1-9]|[一二三四五六七八九十])(?:条|项)")
# ①至⑥依次为……: a range names no item of its own
RANGE = re.compile(r"[①②③④⑤⑥⑦⑧⑨⑩]\s*[至到~～\-—]+\s*[①②③④⑤⑥⑦⑧⑨⑩]")
CHINESE = "一二三四五六七八九十"
CLASS_WORD = "属于"

# (the item's number, the point's class, the other points' classes), or () for a point of no item
Marker = tuple[int, str, tuple[str, ...]] | tuple[()]


def _number(token: str) -> int:
    if token in CIRCLED:
        return CIRCLED.index(token) + 1
    if token in CHINESE:
        return CHINESE.index(token) + 1
    return int(token)


def _class_of(point: str) -> str:
    """The class a point puts its item in (期望型 of ②……属于期望型需求), or ''."""
    at = point.rfind(CLASS_WORD)
    if at == -1:
        return ""
    named = normalize_keyword(point[at + len(CLASS_WORD):])
    return named[:-2] if named.endswith("需求") and len(named) > 3 else named


def rubric_markers(points: list[str]) -> list[Marker]:
    """Each point's marker, when at least two points of the rubric open with a circled number."""
    numbers = [_number(p.lstrip()[0]) if p.lstrip()[:1] in CIRCLED else None for p in points]
    if sum(1 for n in numbers if n is not None) < 2:
        return [() for _ in points]
    classes = [_class_of(p) if n is not None else "" for p, n in zip(points, numbers)]
    out: list[Marker] = []
    for i, n in enumerate(numbers):
        if n is None:
            out.append(())
            continue
        rivals = tuple(sorted({c for j, c in enumerate(classes) if j != i and c and c != classes[i]}))
        out.append((n, classes[i], rivals))
    return out


def _answer_markers(norm: Normalized) -> tuple[list[int], list[int], list[str]]:
    """Where the answer's item numbers stand (positions in the normalised text), which they are, and
    how they were typed."""
    def build(n: Normalized) -> tuple[list[int], list[int], list[str]]:
        starts, numbers, typed = [], [], []
        positions = n.starts
        ranges = [r.span() for r in RANGE.finditer(n.original)]
        for m in ANSWER_MARKER.finditer(n.original):
            if any(a <= m.start() < b for a, b in ranges):
                continue
            at = bisect_right(positions, m.start()) - 1
            starts.append(max(0, at))
            numbers.append(_number(m.group(1) or m.group(2)))
            typed.append(m.group())
        return starts, numbers, typed
    return norm.derived("case-markers", build)


def wrong_marker(norm: Normalized, marker: Marker, start: int) -> tuple[str, str | None] | None:
    """When a match at `start` stands under another item's number: that number as typed, and None; under
    its own number but in another point's class and not its own: the number and that class. None when
    neither."""
    if not marker:
        return None
    starts, numbers, typed = _answer_markers(norm)
    k = bisect_right(starts, start) - 1
    if k < 0:
        return None
    number, own, rivals = marker
    if numbers[k] != number:
        return typed[k], None
    if not own or not rivals:
        return None
    region = norm.text[starts[k]:starts[k + 1] if k + 1 < len(starts) else len(norm.text)]
    rival = next((r for r in rivals if r in region), None)
    return (typed[k], rival) if own not in region and rival is not None else None
