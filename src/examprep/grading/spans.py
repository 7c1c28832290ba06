"""Where a stretch of a normalised answer stands: its clause (between punctuation) and its sentence
(between the answer's sentence ends)."""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from .normalize import Normalized


def at(positions, p: int) -> bool:
    """Whether p is one of the sorted positions."""
    k = bisect_left(positions, p)
    return k < len(positions) and positions[k] == p


def sentence(norm: Normalized, start: int, end: int) -> tuple[int, int]:
    """The sentence (between the answer's sentence ends, `hard_breaks`) that holds text[start:end]."""
    hard = norm.hard_breaks
    i = bisect_right(hard, start) - 1
    j = bisect_left(hard, end)
    return (hard[i] if i >= 0 else 0), (hard[j] if j < len(hard) else len(norm.text))


def clause(norm: Normalized, start: int, end: int) -> tuple[int, int]:
    """The clause (between punctuation) that holds text[start:end], with its label when a colon
    ties one to it (忽视法：客户只是发牢骚时不予理会)."""
    stops = norm.stops
    i = bisect_right(stops, start) - 1
    j = bisect_left(stops, end)
    first = stops[i] if i >= 0 else 0
    labels = norm.labels
    if labels:
        while i >= 0 and at(labels, stops[i]):  # the label before a colon: 忽视法：[…]
            i -= 1
            first = stops[i] if i >= 0 else 0
        while j < len(stops) and at(labels, stops[j]):  # what a label introduces: [忽视法]：…
            j += 1
    return first, (stops[j] if j < len(stops) else len(norm.text))


def clause_before(norm: Normalized, a: int, s0: int) -> tuple[int, int]:
    """The clause before the one starting at a, within the sentence starting at s0 (empty if none)."""
    if a <= s0:
        return a, a
    stops = norm.stops
    i = bisect_left(stops, a) - 1
    return max(s0, stops[i] if i >= 0 else 0), a


def clause_after(norm: Normalized, b: int, s1: int) -> tuple[int, int]:
    """The clause after the one ending at b, within the sentence ending at s1 (empty if none)."""
    if b >= s1:
        return b, b
    stops = norm.stops
    j = bisect_right(stops, b)
    return b, min(s1, stops[j] if j < len(stops) else len(norm.text))
