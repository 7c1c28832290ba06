"""List separators of an answer: 、 and / (gone from the normalised text, so zero-width) and the
conjunctions 和/与/及/以及/或/跟, but not the same characters inside words such as 及时 or 参与."""

from __future__ import annotations

import re
from functools import lru_cache

from .normalize import Normalized, normalize_keyword

CONJUNCTIONS = ("和", "与", "及", "以及", "或", "或者", "或是", "跟")
# Words that contain a conjunction's character without joining anything.
NOT_CONJUNCTIONS = (
    "及时", "及早", "及格", "涉及", "普及", "来不及", "波及", "危及", "参与", "给与", "与其", "与否",
    "和谐", "和蔼", "和平", "和气", "平和", "温和", "缓和", "总和", "随和", "调和", "柔和", "暖和",
    "或许", "跟进", "跟踪", "跟随",
)


@lru_cache(maxsize=1)
def _conjunction_pattern() -> tuple[re.Pattern, frozenset[str]]:
    words = {normalize_keyword(w) for w in CONJUNCTIONS + NOT_CONJUNCTIONS}
    joiners = frozenset(normalize_keyword(w) for w in CONJUNCTIONS)
    alternation = "|".join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w)))
    return re.compile(alternation), joiners


def separators(norm: Normalized) -> list[tuple[int, int]]:
    """(start, end) of every list separator; 、 has dropped out of the text, so it is (p, p)."""
    return norm.derived("separators", _find_separators)


def _find_separators(norm: Normalized) -> list[tuple[int, int]]:
    pattern, joiners = _conjunction_pattern()
    found = [(m.start(), m.end()) for m in pattern.finditer(norm.text) if m.group() in joiners]
    found.extend((p, p) for p in norm.list_separators)
    found.sort()
    return found
