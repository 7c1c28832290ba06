"""The answer fractions Moodle's question importer accepts, and no others.

Moodle checks every imported fraction against `question_bank::fraction_options_full()`
(question/engine/bank.php): 0, 1 and the 19 values below, each also negated, and -1; a fraction more
than 0.00001 away from all of them is an import error. So a multiple-choice question whose right options
cannot share 100% in one of these steps cannot be written for Moodle at all.
"""

from __future__ import annotations

MOODLE_FRACTIONS = (
    1.0, 0.9, 0.8333333, 0.8, 0.75, 0.7, 0.6666667, 0.6, 0.5, 0.4, 0.3333333, 0.3, 0.25, 0.2, 0.1666667,
    0.1428571, 0.125, 0.1111111, 0.1, 0.05, 0.0,
)
ALL_FRACTIONS = MOODLE_FRACTIONS + tuple(-f for f in MOODLE_FRACTIONS if f) + (-1.0,)
TOLERANCE = 0.00001


def moodle_fraction(value: float) -> float | None:
    """The accepted fraction equal to `value` (within Moodle's tolerance), or None."""
    for fraction in ALL_FRACTIONS:
        if abs(value - fraction) < TOLERANCE:
            return fraction
    return None


def percent(fraction: float) -> str:
    """A fraction as the percentage Moodle XML and GIFT write (33.33333, 100, -100)."""
    return f"{fraction * 100:.5f}".rstrip("0").rstrip(".")


def share_of_right(right: int) -> float | None:
    """Each right option's share when `right` options share full marks, or None if Moodle has no such step."""
    return moodle_fraction(1.0 / right) if right else None
