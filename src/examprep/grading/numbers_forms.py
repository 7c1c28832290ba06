"""The same quantity written another way, still exact: 48小时 = 2天, 1小时 = 60分钟, 半小时 = 30分钟,
60% = 6成. Only whole conversions are offered, so 每两周 never becomes 每周 and 3个工作日 never 72小时.
(Chinese numerals are already digits here: the normaliser turned 两天 into 2天 and 六成 into 6成.)"""

from __future__ import annotations

import re
from functools import lru_cache

_HOURS = re.compile(r"(?<![\d.])(\d+)小时")
_DAYS = re.compile(r"(?<![\d.])(\d+)天")
_MINUTES = re.compile(r"(?<![\d.])(\d+)分钟")
_PERCENT = re.compile(r"(?<![\d.])(\d+)0%")
_TENTHS = re.compile(r"(?<![\d.])(\d)成")


def _swap(pattern: re.Pattern, text: str, make) -> str | None:
    m = pattern.search(text)
    if m is None:
        return None
    replacement = make(int(m.group(1)))
    if replacement is None:
        return None
    return text[:m.start()] + replacement + text[m.end():]


@lru_cache(maxsize=4096)
def number_forms(text: str) -> tuple[str, ...]:
    """Other spellings of the quantities in a normalised text (none when it holds no quantity)."""
    out = []
    rules = (
        (_HOURS, lambda h: f"{h // 24}天" if h % 24 == 0 and h >= 24 else None),
        (_DAYS, lambda d: f"{d * 24}小时" if d <= 30 else None),
        (_HOURS, lambda h: f"{h * 60}分钟" if h <= 3 else None),
        (_MINUTES, lambda m: "半小时" if m == 30 else (f"{m // 60}小时" if m % 60 == 0 and m >= 60 else None)),
        (_PERCENT, lambda tens: f"{tens}成" if 0 < tens < 10 else None),
        (_TENTHS, lambda tenths: f"{tenths}0%"),
    )
    for pattern, make in rules:
        swapped = _swap(pattern, text, make)
        if swapped is not None and swapped != text and swapped not in out:
            out.append(swapped)
    if "半小时" in text:
        out.append(text.replace("半小时", "30分钟"))
    return tuple(out)
