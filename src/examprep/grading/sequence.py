"""Questions that ask for a list in its order (请按顺序写出……, 依次写出): a point earns only where the answer
keeps it in order with the others found. When two points are swapped (第三步约定下次拜访，第四步提出要求),
neither is in its place; when one stands apart (成长需求 written first), only that one is out of place.

Precisely: the points found, read in the order the answer gives them, keep those that belong to every
longest run in the rubric's order; the others are out of order. A point the answer leaves out does not
disturb the rest (安全、利润、服务、成长 keeps 成长 after 服务).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

ASKS_ORDER = ("按顺序", "依次", "顺序写出", "按先后")


class Placed(Protocol):
    @property
    def start(self) -> int: ...


def asks_order(stem: str) -> bool:
    return any(w in stem for w in ASKS_ORDER)


def _longest(indexes: Sequence[int]) -> int:
    """The length of the longest increasing run (not necessarily contiguous) of `indexes`."""
    best: list[int] = []
    for i, x in enumerate(indexes):
        best.append(1 + max((best[j] for j in range(i) if indexes[j] < x), default=0))
    return max(best, default=0)


def out_of_order(picks: Sequence[Placed | None]) -> set[int]:
    """The rubric indexes of the found points that are out of order in the answer."""
    found = sorted((m.start, i) for i, m in enumerate(picks) if m is not None)
    order = [i for _, i in found]
    longest = _longest(order)
    if longest == len(order):
        return set()
    return {i for i in order if _longest([j for j in order if j != i]) == longest}
