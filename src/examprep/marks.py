"""Sharing marks out in half marks, as examiners print them on a key."""

from __future__ import annotations

from fractions import Fraction

# Marks shared out over a case's questions or a rubric's points are rounded to this step, so a key
# never prints 6.67.
MARK_STEP = Fraction(1, 2)


def share_marks(total: float, weights: list[float]) -> list[float]:
    """`total` shared in proportion to `weights`, in steps of MARK_STEP, summing exactly to `total`.

    Largest remainder: each share is rounded down to a step, and the steps left over go to the shares
    that lost most, earliest first on ties.
    """
    steps = int(Fraction(total).limit_denominator(1000) / MARK_STEP)
    whole = sum(Fraction(w).limit_denominator(1000) for w in weights)
    exact = [Fraction(w).limit_denominator(1000) * steps / whole for w in weights]
    floors = [int(e) for e in exact]
    left = steps - sum(floors)
    by_loss = sorted(range(len(weights)), key=lambda i: (-(exact[i] - floors[i]), i))
    for i in by_loss[:left]:
        floors[i] += 1
    return [float(f * MARK_STEP) for f in floors]


def point_shares(total: float, weights: list[float]) -> list[float]:
    """The marks of each rubric point on a paper: half marks when `total` is a whole number of them,
    else the exact proportional shares."""
    if (Fraction(total).limit_denominator(1000) / MARK_STEP).denominator == 1:
        return share_marks(total, weights)
    whole = sum(weights)
    return [total * w / whole for w in weights]


def uneven_shares(total: float, weights: list[float]) -> bool:
    """Whether sharing `total` by `weights` gives a share that is not a whole number of MARK_STEPs."""
    whole = sum(Fraction(w).limit_denominator(1000) for w in weights)
    marks = Fraction(total).limit_denominator(1000)
    return any((marks * Fraction(w).limit_denominator(1000) / whole / MARK_STEP).denominator != 1
               for w in weights)
