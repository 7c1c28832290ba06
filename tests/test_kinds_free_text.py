"""Free-text questions: graded through the rubric matcher; the model answer and the key's point marks."""

from __future__ import annotations

from examprep.content.model import Example, RubricPoint
from examprep.kinds.free_text import FreeText

RUBRIC = (RubricPoint("clear", "清晰期望", ("清晰期望",)), RubricPoint("feel", "加强感受", ("加强感受",), 2))
SHORT = FreeText("t.short", "short", "primary", ("x",), "题干", 6, rubric=RUBRIC)
WITH_EXAMPLE = FreeText("t.example", "short", "primary", ("x",), "题干", 6, rubric=RUBRIC,
                        examples=(Example("清晰期望，加强感受。", 6), Example("清晰期望", 2)))


def test_graded_against_the_rubric():
    grading = SHORT.grade("要清晰期望")
    assert grading.score == 2 and [p.id for p in grading.points if p.hit] == ["clear"]
    assert SHORT.grade("清晰期望、加强感受").correct
    assert SHORT.grade(None).score == 0 and len(SHORT.grade(None).points) == 2
    assert SHORT.grade(["清晰期望", "加强感受"]).correct  # a list is one entry per line


def test_model_answer_is_a_full_mark_example_or_the_points():
    assert SHORT.model_answer() == "1. 清晰期望\n2. 加强感受"
    assert WITH_EXAMPLE.model_answer() == "清晰期望，加强感受。"
    assert SHORT.key() == ""


def test_point_marks_share_the_question_by_weight():
    assert [m for _, m in SHORT.point_marks(3)] == [1.0, 2.0]


def test_stored_answers_and_blank():
    assert SHORT.decode(SHORT.encode("清晰期望")) == "清晰期望"
    assert SHORT.decode("3") is None
    assert SHORT.is_blank("  ") and not SHORT.is_blank("x")
    assert SHORT.answer_text("") == "（未作答）"
