"""Judge and calc questions: typed answers, keys, model answers and stored answers."""

from __future__ import annotations

import pytest

from examprep.kinds.calc import Calc
from examprep.kinds.judge import Judge

JUDGE_TRUE = Judge("t.judge", "judge", "primary", ("x",), "题干", 1, answer=True)
JUDGE_FALSE = Judge("t.judge2", "judge", "primary", ("x",), "题干", 1, answer=False)
CALC = Calc("t.calc", "calc", "primary", ("x",), "题干", 2, answer=55.0, tolerance=0.5, unit="%")
BIG = Calc("t.big", "calc", "primary", ("x",), "题干", 2, answer=1234567.0)


@pytest.mark.parametrize("question, answer, right", [
    (JUDGE_TRUE, "对", True), (JUDGE_TRUE, "√", True), (JUDGE_TRUE, "true", True), (JUDGE_TRUE, "T", True),
    (JUDGE_TRUE, "正确", True), (JUDGE_TRUE, True, True), (JUDGE_TRUE, "错", False), (JUDGE_TRUE, "也许", False),
    (JUDGE_TRUE, None, False),
    (JUDGE_FALSE, "错", True), (JUDGE_FALSE, "×", True), (JUDGE_FALSE, "F", True), (JUDGE_FALSE, False, True),
    (JUDGE_FALSE, "对", False),
    (CALC, "55", True), (CALC, "55%", True), (CALC, "５５．３", True), (CALC, "五十五", True), (CALC, 55.4, True),
    (CALC, "56", False), (CALC, "45", False), (CALC, "不知道", False), (CALC, True, False), (CALC, None, False),
    (BIG, "1234567", True), (BIG, "1,234,567", True),
])
def test_answers_are_graded_exactly(question, answer, right):
    grading = question.grade(answer)
    assert grading.correct is right
    assert grading.score == (question.score if right else 0.0)


@pytest.mark.parametrize("question, key, model", [
    (JUDGE_TRUE, "√", "对"), (JUDGE_FALSE, "×", "错"),
    (CALC, "55%", "55 %（允许误差 ±0.5）"), (BIG, "1234567", "1234567"),
])
def test_key_and_model_answer(question, key, model):
    assert question.key() == key
    assert question.model_answer() == model


def test_the_answer_as_read_is_reported():
    assert JUDGE_TRUE.grade("×").given == "错"
    assert CALC.grade("五十").given == "50"
    assert BIG.grade("1234568").given == "1234568"  # never 1.23457e+06


@pytest.mark.parametrize("question, value, shown", [
    (JUDGE_TRUE, True, "对"), (JUDGE_TRUE, False, "错"), (CALC, 45.0, "45 %"), (CALC, "45", "45 %"),
    (CALC, "45%", "45%"),
])
def test_stored_answers_round_trip_and_read(question, value, shown):
    assert question.decode(question.encode(value)) == value
    assert question.answer_text(value) == shown


@pytest.mark.parametrize("question, stored", [(JUDGE_TRUE, "not json"), (JUDGE_TRUE, '"对"'), (CALC, "true")])
def test_unreadable_stored_answers_decode_to_none(question, stored):
    assert question.decode(stored) is None
