"""Practice limits: questions per drill and new questions a day, typed, kept and read back."""

from __future__ import annotations

import pytest

from examprep.practice.limits import Limits, LimitError, new_left, parse_limit, read_limits, save_limits
from examprep.practice.store import open_memory_store


def test_defaults_then_saved_values():
    store = open_memory_store()
    assert read_limits(store) == Limits(20, 20)
    save_limits(store, Limits(drill_size=50, new_per_day=0))
    assert read_limits(store) == Limits(50, 0)


@pytest.mark.parametrize("stored", ["20", -1, 0.5, True, 10**6, None])
def test_an_unusable_stored_value_is_the_default(stored):
    store = open_memory_store()
    store.set_setting("drill_size", stored)
    assert read_limits(store).drill_size == 20


@pytest.mark.parametrize("name, text, value", [("drill_size", " 30 ", 30), ("new_per_day", "0", 0)])
def test_parse_limit(name, text, value):
    assert parse_limit(name, text) == value


@pytest.mark.parametrize("name, text, message", [
    ("drill_size", "0", "每次题量应在 1–9999 之间，而不是 0"),
    ("new_per_day", "-3", "每日新题上限应在 0–9999 之间，而不是 -3"),
    ("drill_size", "二十", "每次题量应为整数（1–9999），而不是“二十”"),
])
def test_parse_limit_refuses_in_chinese(name, text, message):
    with pytest.raises(LimitError, match=message):
        parse_limit(name, text)


def test_new_left_never_negative():
    assert new_left(Limits(new_per_day=5), 3) == 2
    assert new_left(Limits(new_per_day=5), 9) == 0
