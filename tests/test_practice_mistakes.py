"""The 错题本 rule: in after a wrong answer, out after correct answers on two separate days."""

from __future__ import annotations

import pytest

from examprep.practice.mistakes import Outcome, mistake_state

W, R = False, True


@pytest.mark.parametrize("history, in_book", [
    ([], False),
    ([("03-01", R)], False),  # never wrong: never in the book
    ([("03-01", W)], True),
    ([("03-01", W), ("03-01", R)], True),  # one correct day is not enough
    ([("03-01", W), ("03-02", R), ("03-02", R)], True),  # twice on one day is still one day
    ([("03-01", W), ("03-02", R), ("03-04", R)], False),  # two separate days: out
    ([("03-01", W), ("03-01", R), ("03-02", R)], False),  # the day of the mistake counts if right later
    ([("03-01", W), ("03-02", R), ("03-03", W), ("03-04", R)], True),  # a new mistake starts over
    ([("03-01", W), ("03-02", R), ("03-03", R), ("03-05", W)], True),  # out, then back in
])
def test_in_the_book(history, in_book):
    state = mistake_state(Outcome(f"2024-{d}", ok) for d, ok in history)
    assert state.in_book == in_book


def test_counts_wrong_answers_and_remembers_the_last_wrong_day():
    state = mistake_state([Outcome("2024-03-01", W), Outcome("2024-03-02", R), Outcome("2024-03-05", W)])
    assert state.wrong_count == 2
    assert state.last_wrong_day == "2024-03-05"
    assert state.correct_days == ()
