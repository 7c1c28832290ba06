"""Lists written distributively earn each item they cover.

加强感受与期望管理 says 感受管理 as well as 期望管理 (a shared tail), and 客户的需求、期望和感受 says
客户需求, 客户期望 and 客户感受 (a shared head). A keyword is split into head and tail (two characters
at least each) and looked for around the answer's list separators: 、 and 和/与/及/以及/或/跟.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from .matching import LIST, Keyword, Match, acceptable, anchors, clause_breaks_between
from .normalize import Normalized
from .separators import separators

MIN_PART = 2  # characters of the head and of the tail
MAX_ITEM = 6  # characters of one list item
MAX_GAP = 16  # characters between a keyword's head and its tail
OPTIONAL_LINKS = ("的", "之")  # 客户的需求、期望: the head may be joined by 的


def _items_between(seps: list[tuple[int, int]], start: int, end: int) -> list[tuple[int, int]] | None:
    """The items of text[start:end] between separators, or None if a separator ends the region."""
    items = []
    cursor = start
    for i in range(bisect_left(seps, (start, start)), len(seps)):
        s, e = seps[i]
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


def _next_after(positions: list[int], p: int) -> int | None:
    i = bisect_left(positions, p)
    return positions[i] if i < len(positions) else None


def _whole_last_item(norm: Normalized, seps: list[tuple[int, int]], end: int) -> bool:
    """Whether a list item ending at `end` ends there: where the list goes on after it (、服务态度承诺、…),
    the next separator must follow at once, so 上门承诺、服务态度承诺 does not say 上门服务."""
    i = bisect_left(seps, (end, end))
    if i >= len(seps):
        return True
    next_sep = seps[i][0]
    next_break = _next_after(norm.breaks, end)
    return next_sep == end or (next_break is not None and next_break <= next_sep)


def _whole_first_item(norm: Normalized, seps: list[tuple[int, int]], start: int) -> bool:
    """Whether a list item starting at `start` starts there, by the same reasoning backwards."""
    i = bisect_right(seps, (start, start)) - 1
    while i >= 0 and seps[i][1] > start:
        i -= 1
    if i < 0:
        return True
    previous_sep_end = seps[i][1]
    j = bisect_right(norm.breaks, start) - 1
    previous_break = norm.breaks[j] if j >= 0 else None
    return previous_sep_end == start or (previous_break is not None and previous_break >= previous_sep_end)


def _splits(text: str):
    for i in range(MIN_PART, len(text) - MIN_PART + 1):
        yield text[:i], text[i:]


def _separator_at(seps: list[tuple[int, int]], starts: list[int], p: int) -> tuple[int, int] | None:
    """The separator that begins at p, if any."""
    i = bisect_left(starts, p)
    return seps[i] if i < len(starts) and starts[i] == p else None


def _separator_ending_at(seps: list[tuple[int, int]], ends: list[int], p: int) -> tuple[int, int] | None:
    i = bisect_left(ends, p)
    return seps[i] if i < len(ends) and ends[i] == p else None


def _separator_index(norm: Normalized, seps: list[tuple[int, int]]):
    """The separators' starts, and the separators sorted by their ends with those ends; once an answer."""
    cached = norm._cache.get("separator-index")
    if cached is None:
        by_end = sorted(seps, key=lambda se: se[1])
        cached = norm._cache["separator-index"] = ([s for s, _ in seps], by_end, [e for _, e in by_end])
    return cached


def list_matches(norm: Normalized, keyword: Keyword, limit: int) -> list[Match]:
    """Where a list in the answer covers the keyword without spelling it out.

    The search starts from where the keyword's head (or tail) stands, not from every separator, so
    an answer made of thousands of 、-separated fragments costs no more than the places it names."""
    seps = separators(norm)
    if not seps or len(keyword.text) < 2 * MIN_PART:
        return []
    text = norm.text
    sep_starts, by_end, sep_ends = _separator_index(norm, seps)
    found: list[Match] = []
    for head, tail in _splits(keyword.text):
        # A shared tail: <head>、<item>…<tail>, as in 感受与期望管理.
        for own_start in anchors(text, head):
            sep = _separator_at(seps, sep_starts, own_start + len(head))
            if sep is None:
                continue
            s, e = sep
            limit_end = min(len(text), e + MAX_GAP + len(tail))
            t = text.find(tail, e + 1, limit_end)
            while t != -1:
                items = _items_between(seps, e, t)
                if (items is not None and _good_items(items)
                        and not clause_breaks_between(norm, own_start, t + len(tail))
                        and _whole_first_item(norm, seps, own_start)
                        and acceptable(norm, keyword, own_start, own_start + len(head))):
                    found.append(Match(own_start, t + len(tail), LIST, keyword,
                                       ((own_start, own_start + len(head)),)))
                    break
                t = text.find(tail, t + 1, limit_end)
            if len(found) >= limit:
                return found
        # A shared head: <head>[的]<item>、…<tail>, as in 客户的需求、期望和感受.
        for tail_start in anchors(text, tail):
            sep = _separator_ending_at(by_end, sep_ends, tail_start)
            if sep is None:
                continue
            s, e = sep
            h = text.rfind(head, max(0, s - MAX_GAP - len(head)), s)
            while h != -1:
                first = h + len(head)
                if text.startswith(OPTIONAL_LINKS, first):
                    first += 1
                items = _items_between(seps, first, s)
                if (items and _good_items(items) and not clause_breaks_between(norm, h, e + len(tail))
                        and _whole_last_item(norm, seps, e + len(tail))
                        and acceptable(norm, keyword, e, e + len(tail))):
                    found.append(Match(h, e + len(tail), LIST, keyword, ((e, e + len(tail)),)))
                    break
                h = text.rfind(head, max(0, s - MAX_GAP - len(head)), h)
            if len(found) >= limit:
                return found
    return found
