"""Points that belong to a numbered item of the case (①按时准确送货属于基本型需求): an answer that numbers
its items the same way earns such a point only under that item's number, and only where the item is not
put in another point's class.

    ②惊喜型需求……③期望型需求  earns neither ② nor ③: each class is written under the other's item
    ②紧俏品牌多分一点是基本型需求  earns nothing for ②: the item is put in ①'s class

Where a point puts something in one class and the others in theirs (次要型需求可以不用首先满足……; 相反型需求
……), the same holds without numbers: a clause that names another point's class and not the point's own
earns nothing for it (紧俏品牌多分一点是基本型需求, for the 期望型 point).
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

# (the item's number or 0, the point's class, the other points' classes), or () for a point of neither
Marker = tuple[int, str, tuple[str, ...]] | tuple[()]
CLASS_TOKEN = re.compile(r"[\u4e00-\u9fff]{2}型")
CLASS_PADDING = 4  # characters a point may hold besides its class and still only name it (突破型思维)


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


def _one_class(point: str) -> str:
    """The one class a point puts something in (次要型 of 次要型需求可以不用首先满足), or '' when it names
    none, several, or nothing but the class (突破型思维)."""
    named = set(CLASS_TOKEN.findall(normalize_keyword(point)))
    if len(named) != 1:
        return ""
    own = named.pop()
    return own if len(normalize_keyword(point)) > len(own) + CLASS_PADDING else ""


def rubric_markers(points: list[str]) -> list[Marker]:
    """Each point's marker: its item number when at least two points of the rubric open with a circled
    number, and its class when at least two points put things in different classes."""
    numbers = [_number(p.lstrip()[0]) if p.lstrip()[:1] in CIRCLED else None for p in points]
    numbered = sum(1 for n in numbers if n is not None) >= 2
    classes = [(_class_of(p) if numbered and n is not None else "") or _one_class(p)
               for p, n in zip(points, numbers)]
    if not numbered and len({c for c in classes if c}) < 2:
        return [() for _ in points]
    out: list[Marker] = []
    for i, n in enumerate(numbers):
        number = n if numbered and n is not None else 0
        rivals = tuple(sorted({c for j, c in enumerate(classes) if j != i and c and c != classes[i]}))
        out.append((number, classes[i], rivals) if number or (classes[i] and rivals) else ())
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
    number, own, rivals = marker
    starts, numbers, typed = _answer_markers(norm)
    k = bisect_right(starts, start) - 1
    if k < 0 or not number:
        return _class_in_clause(norm, own, rivals, start)
    if numbers[k] != number:
        return typed[k], None
    if not own or not rivals:
        return None
    region = norm.text[starts[k]:starts[k + 1] if k + 1 < len(starts) else len(norm.text)]
    rival = next((r for r in rivals if r in region), None)
    return (typed[k], rival) if _stem(own) not in region and rival is not None else None


def _stem(own: str) -> str:
    """A class as an answer may elide it: 基本 of 基本型 (依次为基本、期望……型需求)."""
    return own[:-1] if own.endswith("型") and len(own) > 2 else own


def _class_in_clause(norm: Normalized, own: str, rivals: tuple[str, ...], start: int) -> tuple[str, str] | None:
    """('', the rival class) when the match's clause (between punctuation) names another point's class and
    not the point's own."""
    if not own or not rivals:
        return None
    stops = norm.stops
    k = bisect_right(stops, start)
    a = stops[k - 1] if k > 0 else 0
    b = stops[k] if k < len(stops) else len(norm.text)
    said = norm.text[a:b]
    if _stem(own) in said:
        return None
    rival = next((r for r in rivals if r in said), None)
    return None if rival is None else ("", rival)
