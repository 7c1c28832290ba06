"""Lists written distributively earn each item they cover.

加强感受与期望管理 says 感受管理 as well as 期望管理 (a shared tail), and 客户的需求、期望和感受 says
客户需求, 客户期望 and 客户感受 (a shared head). A keyword is split into head and tail (两 characters
at least each) and looked for around the answer's list separators: 、 and 和/与/及/以及/或/跟.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .matching import LIST, Keyword, Match, acceptable, clause_breaks_between
from .normalize import Normalized, normalize_keyword

CONJUNCTIONS = ("和", "与", "及", "以及", "或", "或者", "或是", "跟")
# Words that contain a conjunction's character without joining anything.
NOT_CONJUNCTIONS = (
    "及时", "及早", "及格", "涉及", "普及", "来不及", "波及", "危及", "参与", "给与", "与其", "与否",
    "和谐", "和蔼", "和平", "和气", "平和", "温和", "缓和", "总和", "随和", "调和", "柔和", "暖和",
    "或许", "跟进", "跟踪", "跟随",
)
MIN_PART = 2  # characters of the head and of the tail
MAX_ITEM = 6  # characters of one list item
MAX_GAP = 16  # characters between a keyword's head and its tail
OPTIONAL_LINKS = ("的", "之")  # 客户的需求、期望: the head may be joined by 的


@lru_cache(maxsize=1)
def _conjunction_pattern() -> tuple[re.Pattern, frozenset[str]]:
    words = {normalize_keyword(w) for w in CONJUNCTIONS + NOT_CONJUNCTIONS}
    joiners = frozenset(normalize_keyword(w) for w in CONJUNCTIONS)
    alternation = "|".join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w)))
    return re.compile(alternation), joiners


def separators(norm: Normalized) -> list[tuple[int, int]]:
    """(start, end) of every list separator; 、 has dropped out of the text, so it is (p, p)."""
    cached = norm._cache.get("separators")
    if cached is not None:
        return cached
    pattern, joiners = _conjunction_pattern()
    found = [(m.start(), m.end()) for m in pattern.finditer(norm.text) if m.group() in joiners]
    found.extend((p, p) for p in norm.list_separators)
    found.sort()
    norm._cache["separators"] = found
    return found


def _items_between(seps: list[tuple[int, int]], start: int, end: int) -> list[tuple[int, int]] | None:
    """The items of text[start:end] between separators, or None if a separator ends the region."""
    items = []
    cursor = start
    for s, e in seps:
        if e <= start or s < start:
            continue
        if s >= end:
            break
        items.append((cursor, s))
        cursor = e
    items.append((cursor, end))
    return items


def _good_items(items: list[tuple[int, int]]) -> bool:
    return all(0 < b - a <= MAX_ITEM for a, b in items)


def _splits(text: str):
    for i in range(MIN_PART, len(text) - MIN_PART + 1):
        yield text[:i], text[i:]


def list_matches(norm: Normalized, keyword: Keyword, limit: int) -> list[Match]:
    """Where a list in the answer covers the keyword without spelling it out."""
    seps = separators(norm)
    if not seps or len(keyword.text) < 2 * MIN_PART:
        return []
    text = norm.text
    found: list[Match] = []
    for head, tail in _splits(keyword.text):
        for s, e in seps:
            # A shared tail: <head>、<item>…<tail>, as in 感受与期望管理.
            own_start = s - len(head)
            if own_start >= 0 and text.startswith(head, own_start):
                limit_end = min(len(text), e + MAX_GAP + len(tail))
                t = text.find(tail, e + 1, limit_end)
                while t != -1:
                    items = _items_between(seps, e, t)
                    if (_good_items(items) and not clause_breaks_between(norm, own_start, t + len(tail))
                            and acceptable(norm, keyword, own_start, own_start + len(head))):
                        found.append(Match(own_start, t + len(tail), LIST, keyword,
                                           own_start, own_start + len(head)))
                        break
                    t = text.find(tail, t + 1, limit_end)
            # A shared head: <head>[的]<item>、…<tail>, as in 客户的需求、期望和感受.
            if text.startswith(tail, e):
                h = text.rfind(head, max(0, s - MAX_GAP - len(head)), s)
                while h != -1:
                    first = h + len(head)
                    if text.startswith(OPTIONAL_LINKS, first):
                        first += 1
                    items = _items_between(seps, first, s)
                    if (items and _good_items(items) and not clause_breaks_between(norm, h, e + len(tail))
                            and acceptable(norm, keyword, e, e + len(tail))):
                        found.append(Match(h, e + len(tail), LIST, keyword, e, e + len(tail)))
                        break
                    h = text.rfind(head, max(0, s - MAX_GAP - len(head)), h)
            if len(found) >= limit:
                return found
    return found
