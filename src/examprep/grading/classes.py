"""Facts a point gives per customer class (A户每周一次、B户每两周一次、C户一月一次).

When the point's text pairs each class letter with its own frequency or duration, an answer that gives a
class another class's (C户每周拜访一次, where every week is the A户's) has the facts swapped, and the point
earns nothing, however it is otherwise found (拜访频次).
"""

from __future__ import annotations

import re
from bisect import bisect_right

from .normalize import Normalized

CLASS = re.compile(r"([abc])(?:类户|类|户|级)")
# 每周, 每2周, 1个月, 1月, 20分钟: a period or a length, as a (count, unit) pair
PERIOD = re.compile(r"(?:每|(\d+)个?)(分钟|周|月|天|年)")
WEEK_WORDS = re.compile(r"礼拜|星期")

ClassFacts = tuple[tuple[str, tuple[str, str]], ...]


def _facts(text: str, stops: list[int]) -> list[tuple[str, tuple[str, str]]]:
    """(class letter, its first period) for every class letter in `text`, up to the next letter or the
    next stop."""
    text = WEEK_WORDS.sub("周", text)
    marks = list(CLASS.finditer(text))
    out = []
    for i, m in enumerate(marks):
        end = marks[i + 1].start() if i + 1 < len(marks) else len(text)
        s = bisect_right(stops, m.end())
        if s < len(stops):
            end = min(end, stops[s])
        p = PERIOD.search(text, m.end(), end)
        if p is not None:
            out.append((m.group(1), (p.group(1) or "1", p.group(2))))
    return out


def point_class_facts(point_text: str) -> ClassFacts:
    """The class letters of a normalised point text with their facts, when two or more classes have
    different ones; empty otherwise."""
    found = dict(_facts(point_text, []))
    if len(found) < 2 or len(set(found.values())) < len(found):
        return ()
    return tuple(sorted(found.items()))


def classes_swapped(norm: Normalized, facts: ClassFacts) -> bool:
    """Whether the answer gives a class a fact the point gives another class."""
    if not facts:
        return False
    own = dict(facts)
    owner = {fact: letter for letter, fact in facts}

    def compute(n: Normalized) -> bool:
        for letter, fact in _facts(n.text, n.hard_breaks):
            if letter in own and fact != own[letter] and owner.get(fact, letter) != letter:
                return True
        return False

    return norm.derived(f"classes:{id(facts)}", compute)
