"""Order questions: the presented order, answers in letters, positions or texts, keys for a shuffle."""

from __future__ import annotations

import pytest

from examprep.kinds.base import Shuffle
from examprep.kinds.order import Order

ITEMS = ("回顾要点", "确认共识", "提出要求", "致谢道别")
ORDER = Order("t.order", "order", "primary", ("x",), "题干", 3, items=ITEMS)
PRINTED = Shuffle(item_order=(2, 0, 3, 1))  # printed A = 提出要求, B = 回顾要点, …


@pytest.mark.parametrize("answer, right", [
    ([0, 1, 2, 3], True), ((0, 1, 2, 3), True), ([1, 0, 2, 3], False),
    ("回顾要点\n确认共识\n提出要求\n致谢道别", True), ("回顾要点>确认共识>提出要求>致谢道别", True),
    ("确认共识>回顾要点>提出要求>致谢道别", False), ("", False), (None, False), ("ABC", False),
])
def test_answers(answer, right):
    grading = ORDER.grade(answer)
    assert grading.correct is right and grading.score == (3 if right else 0)


@pytest.mark.parametrize("n", [2, 3, 4, 7])
def test_presented_order_is_a_deterministic_shuffle_never_the_right_order(n):
    items = tuple(f"第{i}步" for i in range(n))
    for qid in ("a", "b", "c", "q.order.x"):
        q = Order(qid, "order", "primary", ("x",), "题干", 1, items=items)
        order = q.presented_order()
        assert sorted(order) == list(range(n)) and order != tuple(range(n))
        assert q.presented_order() == order == q.presented_order(seed=0)


def test_letters_name_the_items_as_presented():
    shown = ORDER.presented_order()
    right = ORDER.key()
    assert [shown["ABCD".index(letter)] for letter in right] == [0, 1, 2, 3]
    assert ORDER.grade(right).correct
    assert ORDER.grade(right.lower()).correct
    assert ORDER.grade(",".join(right)).correct
    assert ORDER.grade("".join(str("ABCD".index(c) + 1) for c in right)).correct
    assert not ORDER.grade("ABCD").correct  # the presented order is never the right one
    assert ORDER.grade("DCBA").given == "DCBA"


def test_key_for_a_paper_and_its_letters_translated_back():
    assert ORDER.key(PRINTED) == "BDAC"
    assert ORDER.keyed_order(PRINTED) == (("B", "回顾要点"), ("D", "确认共识"), ("A", "提出要求"),
                                          ("C", "致谢道别"))
    assert ORDER.shown_choices(PRINTED)[0] == ("A", "提出要求")
    assert ORDER.to_bank_answer("BDAC", PRINTED) == [0, 1, 2, 3]
    assert ORDER.to_bank_answer("2-4-1-3", PRINTED) == [0, 1, 2, 3]
    assert ORDER.grade(ORDER.to_bank_answer("BDAE", PRINTED)).correct is False
    assert ORDER.to_bank_answer("回顾要点>确认共识", PRINTED) == "回顾要点>确认共识"


def test_stored_answers_and_text():
    assert ORDER.decode(ORDER.encode((1, 0, 2, 3))) == (1, 0, 2, 3)
    assert ORDER.decode('"AB"') is None
    assert ORDER.answer_text((1, 0, 2, 3)) == "确认共识 → 回顾要点 → 提出要求 → 致谢道别"
    assert ORDER.model_answer() == "回顾要点 → 确认共识 → 提出要求 → 致谢道别"


def test_each_place_of_an_order_answer_is_marked_with_the_item_expected_there():
    grading = ORDER.grade([1, 0, 2, 3])  # the first two swapped
    assert [(p.position, p.right) for p in grading.positions] == [(1, False), (2, False), (3, True), (4, True)]
    first = grading.positions[0]
    assert (first.expected, first.given) == ("回顾要点", "确认共识")
    assert grading.to_json()["positions"][1] == {"position": 2, "expected": "确认共识", "given": "回顾要点",
                                                  "right": False}


def test_a_right_order_has_every_place_right_and_an_unreadable_one_has_none():
    assert all(p.right for p in ORDER.grade([0, 1, 2, 3]).positions)
    assert ORDER.grade("ABC").positions == ()
    assert "positions" not in ORDER.grade("ABC").to_json()


def test_position_lines_name_the_item_expected():
    from examprep.kinds.order import position_line

    wrong, right = ORDER.grade([1, 0, 2, 3]).positions[0], ORDER.grade([1, 0, 2, 3]).positions[2]
    assert position_line(wrong) == "第1位：确认共识（应为：回顾要点）"
    assert position_line(right) == "第3位：提出要求"
