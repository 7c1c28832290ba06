"""How much one drill asks and how many new questions a day brings (考试宝's 每次题量, Anki's new
cards per day), kept in the progress store's settings.

A day's new questions are the questions answered for the first time that day in a 练习 drill: a case,
a mock exam or the 错题本 never use up the allowance, and 背题 (study) counts as seen, not answered.
"""

from __future__ import annotations

from dataclasses import dataclass

DRILL_SIZE = 20
NEW_PER_DAY = 20
HIGHEST = 9999

# The settings' keys, and the smallest value each allows: 0 new a day means reviews only.
SETTINGS = {"drill_size": 1, "new_per_day": 0}
TITLES = {"drill_size": "每次题量", "new_per_day": "每日新题上限"}


@dataclass(frozen=True)
class Limits:
    drill_size: int = DRILL_SIZE
    new_per_day: int = NEW_PER_DAY


class LimitError(ValueError):
    """A limit that is not a whole number in range; the message says so, in Chinese."""


def parse_limit(name: str, text: str) -> int:
    """A limit as typed: a whole number from the setting's smallest up to HIGHEST."""
    lowest = SETTINGS[name]
    try:
        value = int(text.strip())
    except ValueError:
        raise LimitError(f"{TITLES[name]}应为整数（{lowest}–{HIGHEST}），而不是“{text.strip()}”") from None
    if not lowest <= value <= HIGHEST:
        raise LimitError(f"{TITLES[name]}应在 {lowest}–{HIGHEST} 之间，而不是 {value}")
    return value


def read_limits(store) -> Limits:
    """The limits saved in `store`; a missing or unusable value is its default."""
    values = {}
    for name, lowest in SETTINGS.items():
        value = store.get_setting(name)
        if isinstance(value, int) and not isinstance(value, bool) and lowest <= value <= HIGHEST:
            values[name] = value
    return Limits(**values)


def save_limits(store, limits: Limits) -> None:
    store.set_setting("drill_size", limits.drill_size)
    store.set_setting("new_per_day", limits.new_per_day)


def new_left(limits: Limits, introduced_today: int) -> int:
    """New questions the day's allowance still has room for."""
    return max(0, limits.new_per_day - introduced_today)
