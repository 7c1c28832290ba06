"""The 错题本 rule: in after a wrong answer, out after correct answers on two separate days."""

from __future__ import annotations

import pytest

from examprep.practice.mistakes import CORRECT_DAYS_TO_LEAVE, Outcome, Removal, mistake_state, way_out

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


# -- removal by hand (移出) and the way out ---------------------------------------------------------
def test_a_removal_by_hand_takes_a_question_out_and_a_new_mistake_puts_it_back():
    removed = mistake_state([Outcome("2024-03-01", W), Removal("2024-03-01")])
    assert not removed.in_book and removed.wrong_count == 1
    back = mistake_state([Outcome("2024-03-01", W), Removal("2024-03-01"), Outcome("2024-03-02", W)])
    assert back.in_book and back.wrong_count == 2


@pytest.mark.parametrize("history, today, days, today_counted", [
    ([("03-01", W)], "2024-03-01", 2, False),
    ([("03-01", W), ("03-01", R)], "2024-03-01", 1, True),  # right today: another day is needed
    ([("03-01", W), ("03-01", R)], "2024-03-02", 1, False),  # right yesterday: today will do
])
def test_the_way_out_counts_the_days_still_needed(history, today, days, today_counted):
    state = mistake_state(Outcome(f"2024-{d}", ok) for d, ok in history)
    way = way_out(state, today)
    assert (way.days, way.today_counted) == (days, today_counted)
    assert way.days + way.counted == CORRECT_DAYS_TO_LEAVE
