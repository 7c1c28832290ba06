"""The instructor's class figures (practice.class_progress) and their JSON and HTML (class_progress_report),
on the sample bank with a small class whose numbers can be counted by hand."""

from __future__ import annotations

import json
from datetime import date, datetime, timezone

import pytest
from test_practice_fixtures import sample_bank

from examprep.practice.claims import CLAIM, Claim, StoredClaim
from examprep.practice.class_progress import (
    ClassAnswer,
    ClassExam,
    Learner,
    class_progress,
    week_start,
)
from examprep.practice.class_progress_report import progress_dict, progress_html, progress_json

TODAY = date(2024, 3, 6)  # a Wednesday: the week began on Monday 4 March
LEARNERS = [Learner("c001", "张伟"), Learner("c002", "王芳"), Learner("c003", "李娜")]


def answer(account: str, question: str, day: str, right: bool, score: float = 1, full: float = 1) -> ClassAnswer:
    return ClassAnswer(account, question, day, score if right else 0, full, right)


ANSWERS = [
    # c001: three answers this week on two days, one last week
    answer("c001", "q.single", "2024-03-04", True),
    answer("c001", "q.judge", "2024-03-05", False),
    answer("c001", "q.calc", "2024-03-05", True, 2, 2),
    answer("c001", "q.single", "2024-02-28", False),
    # c002: one answer this week
    answer("c002", "q.single", "2024-03-06", False),
    # c003 never practised; "t001" is an instructor trying the trainer: not part of the class
    answer("t001", "q.single", "2024-03-06", True),
    # an answer to a question no longer in the bank counts in the week but in no topic or point
    answer("c002", "q.gone", "2024-03-06", True),
]


@pytest.fixture(scope="module")
def bank(tmp_path_factory):
    return sample_bank(tmp_path_factory.mktemp("content"))


@pytest.fixture(scope="module")
def view(bank):
    exams = [
        ClassExam("c001", "mock-primary", "初级模拟试卷", datetime(2024, 3, 5, 2, tzinfo=timezone.utc), 7, 10),
        ClassExam("c002", "mock-primary", "初级模拟试卷", datetime(2024, 3, 5, 3, tzinfo=timezone.utc), 5, 10),
        ClassExam("c002", "mock-primary", "初级模拟试卷", datetime(2024, 3, 6, 3, tzinfo=timezone.utc), 6, 10),
        ClassExam("t001", "mock-primary", "初级模拟试卷", datetime(2024, 3, 6, 3, tzinfo=timezone.utc), 10, 10),
    ]
    claims = [claim(1, "c001", "老板做决定要靠它"), claim(2, "t001", "x"), claim(3, "c002", "企业决策的基础")]
    return class_progress(bank, LEARNERS, ANSWERS, exams, TODAY, claims)


def claim(answer_id: int, account: str, text: str) -> StoredClaim:
    when = datetime(2024, 3, 5, 2, tzinfo=timezone.utc)
    made = Claim("q.recall", when, "decision", CLAIM, when, "客户信息是企业决策的基础", 0.0, None, account)
    return StoredClaim(answer_id, answer_id, made, text, 0.0, 3.0, None)


def test_the_week_starts_on_monday():
    assert week_start(TODAY) == date(2024, 3, 4)
    assert week_start(date(2024, 3, 4)) == date(2024, 3, 4)
    assert week_start(date(2024, 3, 10)) == date(2024, 3, 4)


def test_who_practised_this_week_and_how_much(view):
    rows = {a.account: (a.answers, a.correct, a.days, a.last_day) for a in view.activity}
    assert rows == {"c001": (3, 2, 2, "2024-03-05"), "c002": (2, 1, 1, "2024-03-06"), "c003": (0, 0, 0, None)}
    assert [a.account for a in view.activity] == ["c001", "c002", "c003"]  # the most active first
    assert view.practised_this_week == 2
    assert view.candidates == 3


def test_accuracy_per_point_and_topic_across_the_class(view):
    points = {p.ident: (p.answers, p.correct, p.candidates) for p in view.points}
    # q.single and q.judge test the importance point: c001 ✓ ✗ ✗(last week), c002 ✗; the instructor's not counted
    assert points["primary.customer-info.importance"] == (4, 1, 2)
    assert points["primary.phone-ordering.rate"] == (1, 1, 1)
    assert points["intermediate.expectation.methods"] == (0, 0, 0)
    topics = {t.ident: (t.answers, t.correct) for t in view.topics}
    assert topics == {"primary.customer-info": (4, 1), "primary.phone-ordering": (1, 1), "intermediate.expectation": (0, 0)}
    assert next(t for t in view.topics if t.ident == "primary.customer-info").accuracy == pytest.approx(0.25)


def test_the_weakest_points_need_enough_answers(view):
    assert [p.ident for p in view.weakest] == ["primary.customer-info.importance"]  # the rate point has 1 answer


def test_mock_exams_with_pass_rate(view):
    (exam,) = view.exams
    assert exam.pass_mark is None  # the sample blueprint sets none: 60% of the full marks
    assert [(s.account, s.score, s.passed) for s in exam.sittings] == [("c002", 6, True), ("c002", 5, False),
                                                                       ("c001", 7, True)]
    assert (exam.candidates, exam.passed, exam.pass_rate) == (2, 2, 1.0)
    assert exam.mean_percent == pytest.approx(60.0)


def test_the_class_claims_by_point_with_what_the_grader_says_today(view):
    (question,) = view.claims
    assert question.question_id == "q.recall"
    (point,) = question.points
    # the instructor's claim is not the class's; c002's answer is earned by today's grader (settled)
    assert [(a.stored.claim.account, a.text, a.settled) for a in point.answers] == [
        ("c001", "老板做决定要靠它", False), ("c002", "企业决策的基础", True)]
    assert (point.count(CLAIM), point.settled) == (2, 1)


def test_json_carries_the_same_figures(view):
    data = json.loads(progress_json(view))
    assert data == progress_dict(view)
    assert data["week_start"] == "2024-03-04"
    assert [(a["account"], a["answers"]) for a in data["activity"]] == [("c001", 3), ("c002", 2), ("c003", 0)]
    assert data["exams"][0]["pass_rate"] == 1.0
    assert data["exams"][0]["sittings"][1]["pass_mark"] == 6
    assert data["weakest_points"][0]["id"] == "primary.customer-info.importance"
    (point,) = data["claims"][0]["points"]
    assert (point["point_id"], point["claims"], point["concedes"], point["settled"]) == ("decision", 2, 0, 1)
    assert point["answers"][0] == {"account": "c001", "direction": "claim", "answer": "老板做决定要靠它",
                                   "settled": False}


def test_html_shows_each_section_with_names_escaped(bank):
    learners = [*LEARNERS, Learner("c004", "<b>赵</b>")]
    view = class_progress(bank, learners, ANSWERS, [], TODAY, [])
    page = progress_html(view, "全班学习情况", bank.levels)
    for heading in ("本周（3月4日–3月6日）谁练习了、练了多少", "最薄弱的考点", "各主题正确率（全班）", "模拟考试成绩",
                    "考生对评分的申诉", "各考点正确率（全班）"):
        assert heading in page
    assert "&lt;b&gt;赵&lt;/b&gt;" in page and "<b>赵" not in page
    assert "还没有考生交过模拟考试试卷" in page and "还没有考生提出申诉" in page
    assert "从未练习" in page  # c003 and c004
