"""The mock exam's state: countdown by an injected clock, answers, submission and the result."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from examprep.papers.draw import draw_paper
from examprep.content import read_bank
from examprep.practice.exam import ExamOver, MockExam, exam_records

from content_roots import write_files
from test_practice_fixtures import FILES, sample_bank

T0 = datetime(2024, 3, 1, 2, tzinfo=timezone.utc)


class Clock:
    def __init__(self):
        self.now = T0

    def __call__(self):
        return self.now


@pytest.fixture()
def exam(tmp_path):
    bank = sample_bank(tmp_path)
    paper = draw_paper(bank, bank.blueprints["mock-primary"], seed=1)
    return MockExam(paper, T0, Clock())


def test_countdown(exam):
    assert exam.remaining() == timedelta(minutes=30)
    exam.clock.now = T0 + timedelta(minutes=29, seconds=59)
    assert exam.remaining() == timedelta(seconds=1) and not exam.timed_out
    exam.clock.now = T0 + timedelta(minutes=31)
    assert exam.remaining() == timedelta(0) and exam.timed_out


def test_no_answers_after_time_or_submission(exam):
    exam.answer("q.single", "B")
    exam.clock.now = T0 + timedelta(minutes=30)
    with pytest.raises(ExamOver):
        exam.answer("q.single", "A")
    assert exam.answers == {"q.single": "B"}


def test_blank_answers_are_not_answers(exam):
    exam.answer("q.recall", "  ")
    exam.answer("q.single", "B")
    exam.answer("q.single", None)
    assert exam.answers == {} and exam.answered == 0


def test_result_by_section(exam):
    exam.answer("q.single", "B")  # marked 2 on this paper (the blueprint's score), the question's own 1
    exam.answer("q.recall", "企业决策和客户满意")  # 2 of 3 key points
    exam.clock.now = T0 + timedelta(minutes=12)
    result = exam.submit()
    assert [(s.title, s.earned, s.marks, s.answered) for s in result.sections] == [
        ("一、单项选择题", 2, 2, 1), ("二、判断题", 0, 1, 0), ("三、默写题", 2, 3, 1)]
    assert (result.earned, result.marks, result.passed, result.timed_out) == (4, 6, True, False)
    assert result.submitted_at == T0 + timedelta(minutes=12)
    judge = next(r for r in result.items if r.item.id == "q.judge")
    assert judge.grading is None and judge.earned == 0
    assert exam.submit() is result  # once only
    with pytest.raises(ExamOver):
        exam.answer("q.judge", True)
    records = exam_records(result)
    assert [(r.question_id, r.mode, r.correct) for r in records] == [
        ("q.single", "exam", True), ("q.recall", "exam", False)]


def test_timed_out_submission_is_stamped_at_the_deadline(exam):
    exam.clock.now = T0 + timedelta(minutes=45)
    result = exam.submit()
    assert result.timed_out and result.submitted_at == T0 + timedelta(minutes=30)
    assert result.earned == 0 and not result.passed


def test_marks_are_the_keys_half_marks_of_the_points_earned(tmp_path):
    """The recall question carries 2 marks on this paper: its three points 1, 0.5 and 0.5 as the key
    prints them. Two points earned are what those two points carry (0.5 + 0.5), not 2/3 of 2 rounded."""
    blueprint = FILES["papers/mock-primary.yaml"].replace("type: recall\n", "type: recall\n            score: 2\n")
    bank, problems = read_bank(write_files(tmp_path, {**FILES, "papers/mock-primary.yaml": blueprint}))
    assert not problems
    exam = MockExam(draw_paper(bank, bank.blueprints["mock-primary"], seed=1), T0, Clock())
    exam.answer("q.recall", "客户分类和客户满意")
    recall = next(r for r in exam.submit().items if r.item.id == "q.recall")
    question = recall.item.question
    assert [m for _, m in question.point_marks(2)] == [1.0, 0.5, 0.5]  # the printed key
    assert question.point_awards(recall.grading, 2) == (0.0, 0.5, 0.5)
    assert recall.earned == 1.0 == question.marks_on_paper(recall.grading, 2)
