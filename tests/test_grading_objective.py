"""Objective types are graded exactly, from typed text or from the value a widget returns."""

from __future__ import annotations

import pytest

from examprep.content.model import Question
from examprep.grading import grade_answer, presented_order
from examprep.grading.objective import expected_answer

OPTIONS = (("A", "基础业务"), ("B", "客户分类"), ("C", "企业决策"), ("D", "市场调查"))
SINGLE = Question("t.single", "single", "primary", ("x",), "题干", 1, options=OPTIONS, answer="B")
MULTIPLE = Question("t.multiple", "multiple", "primary", ("x",), "题干", 2, options=OPTIONS, answer=("A", "C"))
JUDGE_TRUE = Question("t.judge", "judge", "primary", ("x",), "题干", 1, answer=True)
JUDGE_FALSE = Question("t.judge2", "judge", "primary", ("x",), "题干", 1, answer=False)
CALC = Question("t.calc", "calc", "primary", ("x",), "题干", 2, answer=55.0, tolerance=0.5, unit="%")
ORDER = Question("t.order", "order", "primary", ("x",), "题干", 3, items=("回顾要点", "确认共识", "提出要求", "致谢道别"))


@pytest.mark.parametrize("question, answer, right", [
    (SINGLE, "B", True), (SINGLE, "b", True), (SINGLE, " Ｂ ", True), (SINGLE, "客户分类", True),
    (SINGLE, "C", False), (SINGLE, "BC", False), (SINGLE, "", False), (SINGLE, ("B",), True),
    (MULTIPLE, "AC", True), (MULTIPLE, "A,C", True), (MULTIPLE, "c、a", True), (MULTIPLE, "A C", True),
    (MULTIPLE, {"A", "C"}, True), (MULTIPLE, ("C", "A"), True), (MULTIPLE, ["A", "C"], True),
    (MULTIPLE, "A", False), (MULTIPLE, "ACD", False), (MULTIPLE, "AX", False),
    (JUDGE_TRUE, "对", True), (JUDGE_TRUE, "√", True), (JUDGE_TRUE, "true", True), (JUDGE_TRUE, "T", True),
    (JUDGE_TRUE, "正确", True), (JUDGE_TRUE, True, True), (JUDGE_TRUE, "错", False), (JUDGE_TRUE, "也许", False),
    (JUDGE_FALSE, "错", True), (JUDGE_FALSE, "×", True), (JUDGE_FALSE, "F", True), (JUDGE_FALSE, False, True),
    (JUDGE_FALSE, "对", False),
    (CALC, "55", True), (CALC, "55%", True), (CALC, "５５．３", True), (CALC, "五十五", True), (CALC, 55.4, True),
    (CALC, "56", False), (CALC, "45", False), (CALC, "不知道", False), (CALC, True, False),
    (ORDER, [0, 1, 2, 3], True), (ORDER, [1, 0, 2, 3], False),
    (ORDER, "回顾要点\n确认共识\n提出要求\n致谢道别", True), (ORDER, "回顾要点>确认共识>提出要求>致谢道别", True),
    (ORDER, "确认共识>回顾要点>提出要求>致谢道别", False),
])
def test_objective_answers(question, answer, right):
    grading = grade_answer(question, answer)
    assert grading.correct is right
    assert grading.score == (question.score if right else 0.0)
    assert grading.points == ()


@pytest.mark.parametrize("n", [2, 3, 4, 7])
def test_presented_order_is_a_deterministic_shuffle_never_the_right_order(n):
    items = tuple(f"第{i}步" for i in range(n))
    for qid in ("a", "b", "c", "q.order.x"):
        q = Question(qid, "order", "primary", ("x",), "题干", 1, items=items)
        order = presented_order(q)
        assert sorted(order) == list(range(n)) and order != list(range(n))
        assert presented_order(q) == order
        assert presented_order(q, seed=0) == order


def test_order_letters_name_the_items_as_presented():
    shown = presented_order(ORDER)
    right = expected_answer(ORDER)
    assert [shown["ABCD".index(letter)] for letter in right] == [0, 1, 2, 3]
    assert grade_answer(ORDER, right).correct
    assert grade_answer(ORDER, right.lower()).correct
    assert grade_answer(ORDER, ",".join(right)).correct
    assert grade_answer(ORDER, "".join(str("ABCD".index(c) + 1) for c in right)).correct
    assert not grade_answer(ORDER, "ABCD").correct  # the presented order is never the right one


def test_objective_json_reports_expected_and_given():
    data = grade_answer(SINGLE, "c").to_json()
    assert data["expected"] == "B" and data["given"] == "C" and data["points"] == []
    assert grade_answer(JUDGE_TRUE, "?").to_json()["given"] is None
