"""Objective answers are read only when nothing around them changes their meaning: 不是A is not A, and
77,5 is neither 77.5 nor 775. Such answers are not read (graded as unreadable), never guessed."""

from __future__ import annotations

import pytest

from examprep.kinds.calc import Calc

from test_kinds_choice import MULTIPLE, SINGLE

CALC = Calc("t.calc", "calc", "primary", ("x",), "题干", 2, answer=77.5, tolerance=0)


@pytest.mark.parametrize("question, answer, read", [
    (SINGLE, "不是B", None), (SINGLE, "非B", None), (SINGLE, "B不对", None), (SINGLE, "不选B", None),
    (SINGLE, "选B", "B"), (SINGLE, "答案是 B", "B"),
    (MULTIPLE, "A或C", None), (MULTIPLE, "不是A、C", None), (MULTIPLE, "选AC", frozenset({"A", "C"})),
    (CALC, "77,5", None), (CALC, "7,75", None), (CALC, "1,2345", None), (CALC, "不是77.5", None),
    (CALC, "1,234", 1234.0), (CALC, "12,345,678", 12345678.0), (CALC, "77.5", 77.5), (CALC, "四十五", 45.0),
])
def test_words_or_commas_that_change_the_answer_are_not_guessed(question, answer, read):
    assert question.parse_answer(answer) == read
    if read is None:
        grading = question.grade(answer)
        assert grading.score == 0 and grading.given is None  # shown as 无法识别, not as a wrong letter
