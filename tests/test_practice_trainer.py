"""The trainer service without a screen: answers graded and recorded, drills, the home overview and
the day's counts, and a mock exam started, kept, resumed, finished and abandoned."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest

from content_roots import write_files
from examprep.content import read_bank
from examprep.practice.due import DueCounts
from examprep.practice.records import AnswerRecord
from examprep.practice.session import DrillScope
from examprep.practice.store import open_memory_store, open_store
from examprep.practice.trainer import ExamBusy, ExamUnavailable, Trainer
from test_practice_fixtures import FILES
from trainer_fixtures import T0, Clock, bank, clock, trainer  # noqa: F401  (fixtures by name)


# -- answers and drills ------------------------------------------------------------------------
def test_an_answer_is_graded_and_recorded_at_once(trainer):
    grading = trainer.answer(trainer.bank.questions["q.recall"], "企业决策", "drill")
    assert grading.fraction == pytest.approx(1 / 3)
    [stored] = trainer.store.answers()
    assert (stored.question_id, stored.mode, stored.score, stored.max) == ("q.recall", "drill", 1, 3)
    assert stored.answered_at == T0 and "q.recall" in trainer.store.mistake_ids()


def test_a_drill_has_a_title_and_a_queue_and_an_empty_scope_has_none(trainer):
    session = trainer.drill(DrillScope(level="primary"), "order")
    assert session is not None
    assert session.title == "练习 · 初级 · 顺序" and session.question_ids[:2] == ["q.recall", "q.single"]
    assert len(session.question_ids) == 6
    assert trainer.drill(DrillScope(level="primary", topic="nothing"), "order") is None


def test_the_drill_title_names_the_topic_point_and_types(trainer):
    scope = DrillScope(level="primary", topic="customer-info", point="primary.customer-info.importance",
                       types=("recall",))
    session = trainer.drill(scope, "order")
    assert session is not None
    assert session.title == "练习 · 初级 · 客户信息管理 · 客户信息的重要性 · 默写 · 顺序"


def test_the_last_session_is_kept_until_it_is_finished(trainer):
    session = trainer.drill(DrillScope(level="primary"), "order")
    assert session is not None and trainer.last_session() is None
    session.record("q.recall", 0.5)
    session.advance()
    trainer.save_session(session)
    again = trainer.last_session()
    assert again is not None and again.position == 1 and again.scores == {"q.recall": 0.5}
    while not session.finished:
        session.advance()
    trainer.save_session(session)
    assert trainer.last_session() is None


def test_a_case_session_holds_its_questions(trainer):
    case, session = trainer.case_session("case.promise")
    assert case.id == "case.promise" and session.kind == "case" and session.case_id == "case.promise"
    assert session.question_ids == [q.id for q in case.questions]
    assert session.title == f"案例 · {case.title}"


def test_a_cases_last_marks_are_the_marks_awarded(tmp_path, clock):
    """A case question of 10 marks with three points carries 3.5, 3.5 and 3 on the key: two points
    earned are 7, not 2/3 of 10 (6.7)."""
    case = FILES["cases/promise.yaml"].replace("keywords: [加强感受]\n", "keywords: [加强感受]\n"
                                               "              - id: check\n"
                                               "                point: 检查落实\n"
                                               "                keywords: [检查落实]\n")
    bank, problems = read_bank(write_files(tmp_path, {**FILES, "cases/promise.yaml": case}))
    assert not problems
    trainer = Trainer(bank, open_memory_store(), clock, seed=1)
    assert trainer.last_case_marks() == {}
    question = bank.questions["case.promise.q1"]
    trainer.answer(question, "清晰期望，加强感受", "case")
    assert [m for _, m in question.point_marks(10)] == [3.5, 3.5, 3.0]
    assert trainer.last_case_marks() == {"case.promise": 7.0}


def test_favourites_toggle(trainer):
    assert trainer.toggle_favourite("q.single") is True
    assert trainer.store.favourites() == ["q.single"]
    assert trainer.toggle_favourite("q.single") is False
    assert trainer.store.favourites() == []


def test_the_mistakes_book_and_the_favourites_to_redrill(trainer):
    trainer.store.record_answer(AnswerRecord("q.judge", T0 - timedelta(days=1), 0, 1, False, "false"))
    trainer.store.record_answer(AnswerRecord("q.single", T0, 0, 1, False, '"A"'))
    assert trainer.mistakes_queue() == ["q.single", "q.judge"]  # the most recently missed first
    assert trainer.progress()["q.judge"].mistakes.wrong_count == 1
    trainer.toggle_favourite("q.calc")
    trainer.toggle_favourite("q.single")
    assert trainer.is_favourite("q.calc") and trainer.favourites_queue() == ["q.calc", "q.single"]
    trainer.unfavourite("q.calc")
    assert not trainer.is_favourite("q.calc") and trainer.favourites_queue() == ["q.single"]


def test_the_seed_is_fixed_or_drawn_from_the_clock(bank, clock):
    store = open_memory_store()
    try:
        assert Trainer(bank, store, clock, seed=7).next_seed() == 7
        assert Trainer(bank, store, clock).next_seed() == int(T0.timestamp() * 1000) % 1_000_000
    finally:
        store.close()


# -- the home overview and the day's counts ------------------------------------------------------
def test_an_empty_overview(trainer):
    overview = trainer.overview()
    assert (overview.answered_today, overview.right_today, overview.due, overview.mistakes) == (0, 0, 0, 0)
    assert overview.session is None and overview.exam is None
    assert (overview.favourites, overview.cases, overview.blueprints) == (0, 1, 1)


def test_the_overview_counts_per_level_and_today(trainer, clock):
    trainer.store.record_answer(AnswerRecord("q.single", T0, 0, 1, False, '"A"'))  # learning, in the 错题本
    trainer.store.record_answer(AnswerRecord("q.judge", T0, 1, 1, True, "true"))  # learning
    trainer.toggle_favourite("q.single")
    trainer.toggle_favourite("gone.from.the.bank")
    clock.now = T0 + timedelta(minutes=5)
    overview = trainer.overview()
    primary = next(r for r in overview.levels if r.level == "primary")
    assert (primary.due, primary.learning, primary.new, primary.mistakes, primary.questions,
            primary.cases) == (0, 2, 4, 1, 6, 0)
    assert (overview.answered_today, overview.right_today, overview.due, overview.learning,
            overview.mistakes) == (2, 1, 0, 2, 1)
    assert overview.favourites == 1  # a favourite no longer in the bank is not counted


def test_scope_counts_are_due_learning_and_new(trainer):
    assert trainer.scope_counts(DrillScope(level="primary")) == (6, DueCounts(0, 0, 6))
    trainer.store.record_answer(AnswerRecord("q.single", T0, 0, 1, False, '"A"'))
    assert trainer.scope_counts(DrillScope(level="primary")) == (6, DueCounts(0, 1, 5))


def in_review_and_due(trainer, clock, *ids):
    """Questions answered right on two days long ago: in review, and due again by now."""
    for qid in ids:
        for days in (30, 29):
            question = trainer.bank.questions[qid]
            trainer.store.record_answer(AnswerRecord(qid, T0 - timedelta(days=days), question.score,
                                                     question.score, True, '""'))


def test_the_due_count_falls_with_every_due_question_answered_and_stats_agree(trainer, clock):
    """Defect 6: one definition of due today for the home screen, the stats and the drill queue."""
    from examprep.practice.stats import collect_stats

    in_review_and_due(trainer, clock, "q.single", "q.judge", "q.calc", "q.order")
    trainer.store.record_answer(AnswerRecord("case.promise.q1", T0 - timedelta(days=40), 10, 10, True, '""'))
    trainer.store.record_answer(AnswerRecord("case.promise.q1", T0 - timedelta(days=39), 10, 10, True, '""'))

    def counts():
        overview = trainer.overview()
        stats = collect_stats(trainer.bank, trainer.store, clock())
        assert stats.today.counts.due == overview.due == stats.forecast[0].answers  # one number everywhere
        assert stats.today.counts.learning == overview.learning
        return overview.due, overview.learning

    assert counts() == (4, 0)  # the case question is not drilled alone, so not counted
    session = trainer.drill(DrillScope(level="primary"), "due")
    assert session is not None and set(session.question_ids[:4]) == {"q.single", "q.judge", "q.calc", "q.order"}
    bank = trainer.bank
    trainer.answer(bank.questions["q.single"], "B", "drill")  # right: due on a later day
    assert counts() == (3, 0)
    trainer.answer(bank.questions["q.judge"], False, "drill")  # wrong: back to relearning, not due
    assert counts() == (2, 1)
    trainer.answer(bank.questions["q.calc"], "45", "drill")
    assert counts() == (1, 1)


def test_new_questions_a_day_are_those_first_answered_in_drills(trainer, clock):
    from examprep.practice.limits import Limits

    trainer.set_limits(Limits(drill_size=3, new_per_day=2))
    assert trainer.new_today() == (0, 2)
    session = trainer.drill(DrillScope(level="primary"), "due")
    assert session is not None and len(session.question_ids) == 2  # the allowance, under the size
    trainer.answer(trainer.bank.questions["q.single"], "B", "drill")
    trainer.answer(trainer.bank.questions["q.single"], "B", "drill")  # a second answer is not new
    trainer.answer(trainer.bank.questions["case.promise.q1"], "清晰期望", "case")  # a case uses none
    assert trainer.new_today() == (1, 1)
    trainer.answer(trainer.bank.questions["q.judge"], True, "drill")
    assert trainer.new_today() == (2, 0)
    session = trainer.drill(DrillScope(level="primary"), "due")
    assert session is not None and session.question_ids == ["q.judge"]  # learning; q.single is in review
    random_drill = trainer.drill(DrillScope(level="primary"), "random")
    assert random_drill is not None and len(random_drill.question_ids) == 3  # the size, new or not
    clock.now = T0 + timedelta(days=1)
    assert trainer.new_today() == (0, 2)  # a new day, a new allowance


def test_an_empty_due_first_drill_says_why(trainer):
    from examprep.practice.limits import Limits

    trainer.set_limits(Limits(drill_size=20, new_per_day=0))
    assert trainer.drill(DrillScope(level="primary"), "due") is None
    assert "新题已达每日上限（0 题）" in trainer.drill_unavailable(DrillScope(level="primary"))
    assert trainer.drill_unavailable(DrillScope(topic="nothing")) == "这个范围里没有题目。"


def test_the_overview_shows_the_session_and_the_exam_left(trainer, clock):
    session = trainer.drill(DrillScope(level="primary"), "order")
    assert session is not None
    session.advance()
    trainer.save_session(session)
    trainer.start_exam("mock-primary")
    clock.now = T0 + timedelta(minutes=10)
    overview = trainer.overview()
    assert overview.session is not None and overview.session.position == 1
    assert overview.exam is not None and overview.exam_left == 20 * 60
    clock.now = T0 + timedelta(minutes=31)
    assert trainer.overview().exam_left < 0


# -- mock exams --------------------------------------------------------------------------------
def test_blueprints_by_level_then_name(trainer):
    assert [name for name, _ in trainer.blueprints()] == ["mock-primary"]


def answer_paper(exam, right: bool = True) -> None:
    items = {item.question.type: item for item in exam.paper.items}
    single = items["single"]
    exam.answer(single.id, "B" if right else "A")
    exam.answer(items["recall"].id, "企业决策和客户分类")


def test_an_exam_started_is_stored_and_one_at_a_time(trainer):
    exam, exam_id = trainer.start_exam("mock-primary")
    record = trainer.unfinished_exam()
    assert record is not None and record.id == exam_id and record.blueprint == "mock-primary"
    assert exam.started_at == T0 and trainer.exam_left(record) == 30 * 60
    with pytest.raises(ExamBusy, match="还有一场未完成的考试"):
        trainer.start_exam("mock-primary")


def test_answers_are_saved_and_the_exam_resumed_with_them(trainer, clock):
    exam, exam_id = trainer.start_exam("mock-primary")
    answer_paper(exam)
    trainer.save_exam_answers(exam_id, exam, set(exam.answers))
    assert set(trainer.store.exam_answers(exam_id)) == {"q.single", "q.recall"}
    clock.now = T0 + timedelta(minutes=10)
    resumed = trainer.resume_exam()
    assert resumed is not None
    again, again_id = resumed
    assert again_id == exam_id and again.answers == exam.answers
    assert again.remaining() == timedelta(minutes=20)
    exam.answer("q.single", None)  # cleared: saved as blank
    trainer.save_exam_answers(exam_id, exam, {"q.single"})
    assert set(trainer.store.exam_answers(exam_id)) == {"q.recall"}


def test_no_exam_to_resume(trainer):
    assert trainer.resume_exam() is None


def test_finishing_records_the_score_and_the_answers(trainer):
    exam, exam_id = trainer.start_exam("mock-primary")
    answer_paper(exam)
    result = trainer.finish_exam(exam_id, exam)
    assert (result.earned, result.marks, result.passed) == (4, 6, True)
    assert trainer.unfinished_exam() is None
    assert trainer.store.exams()[-1].score == 4
    assert [a.mode for a in trainer.store.answers()] == ["exam", "exam"]  # blank ones are not answers
    assert "q.recall" in trainer.store.mistake_ids()


def test_an_exam_that_cannot_be_drawn_again_is_abandoned(trainer, clock):
    trainer.store.start_exam("mock-primary", "坏掉的考试", 1, "no such variant", clock(), 60)
    with pytest.raises(ExamUnavailable, match="这场考试无法继续，已放弃"):
        trainer.resume_exam()
    assert trainer.unfinished_exam() is None
    trainer.start_exam("mock-primary")  # a new exam can start at once


def test_an_exam_whose_blueprint_is_gone_is_abandoned(trainer, clock):
    trainer.store.start_exam("gone", "旧试卷", 1, "A", clock(), 60)
    with pytest.raises(ExamUnavailable, match="试卷蓝图 gone 已不在题库中"):
        trainer.resume_exam()
    assert trainer.unfinished_exam() is None


def test_abandoning_leaves_no_score(trainer):
    trainer.start_exam("mock-primary")
    record = trainer.unfinished_exam()
    assert record is not None
    trainer.abandon_exam(record)
    assert trainer.unfinished_exam() is None and trainer.store.exams()[-1].score is None


def test_a_blueprint_the_bank_cannot_fill_starts_no_exam(bank, clock):
    mock = bank.blueprints["mock-primary"]
    greedy = replace(mock, name="greedy", sections=(replace(mock.sections[0], count=99),))
    store = open_memory_store()
    try:
        trainer = Trainer(replace(bank, blueprints={"greedy": greedy}), store, clock, seed=1)
        with pytest.raises(ExamUnavailable, match=r"^无法组卷："):
            trainer.start_exam("greedy")
        assert trainer.unfinished_exam() is None
    finally:
        store.close()


def test_an_exam_the_store_cannot_write_does_not_start(bank, clock, tmp_path):
    store, notice = open_store(tmp_path)
    assert notice is None
    try:
        store._db.execute("PRAGMA query_only = ON")  # every write refused, as by a read-only disk
        trainer = Trainer(bank, store, clock, seed=1)
        with pytest.raises(ExamUnavailable, match=r"^无法开始考试："):
            trainer.start_exam("mock-primary")
        assert trainer.unfinished_exam() is None
    finally:
        store.close()


def test_a_case_keeps_its_own_place_and_leaves_the_drill_to_continue(trainer):
    drill = trainer.drill(DrillScope(level="primary"), "order")
    assert drill is not None
    drill.advance()
    trainer.save_session(drill)
    _, session = trainer.case_session("case.promise")
    trainer.save_session(session)  # the case screen saves it on opening ...
    session.advance()
    trainer.save_session(session)  # ... and finished, it is forgotten
    kept = trainer.last_session()
    assert kept is not None and kept.kind == "drill" and kept.position == 1


def test_an_unfinished_case_continues_where_it_was_left(trainer):
    _, session = trainer.case_session("case.promise")
    session.scores["case.promise.q1"] = 0.5  # as after an answer taken back with Ctrl+P
    trainer.save_session(session)
    _, again = trainer.case_session("case.promise")
    assert again.position == 0 and again.scores == {"case.promise.q1": 0.5}
    assert trainer.last_session() is None  # a case is never offered as the drill to continue
