"""Claims on rubric points ("I think I earned this point"): the corrected score, the claims kept with
the answer, the schedule folded at the corrected score, and the instructor's report by point."""

from __future__ import annotations

from datetime import timedelta

import pytest

from examprep.practice.claims import CLAIM, CONCEDE, candidate_view, claims_for, claims_report, corrected_score
from examprep.practice.store import open_memory_store, open_store
from examprep.practice.trainer import Trainer
from test_practice_fixtures import sample_bank
from trainer_fixtures import T0, Clock, bank, clock, trainer  # noqa: F401  (fixtures by name)


def recall(trainer):
    return trainer.bank.questions["q.recall"]


# -- the corrected score: the grader's rule with the candidate's view --------------------------------
def test_a_claim_adds_the_point_by_weight_and_all_points_give_full_marks(bank):
    question = bank.questions["q.recall"]
    grading = question.grade("企业决策的基础，XY法")  # decision earned; classify, satisfy missed
    assert grading.score == 1
    one = claims_for(grading, {"classify": True}, question_id="q.recall", answered_at=T0, made_at=T0)
    assert [(c.point_id, c.direction, c.grader_earned) for c in one] == [("classify", CLAIM, 0.0)]
    assert corrected_score(grading, one) == pytest.approx(2)
    every = claims_for(grading, {"classify": True, "satisfy": True}, question_id="q.recall",
                       answered_at=T0, made_at=T0)
    assert corrected_score(grading, every) == 3  # full marks exactly, not 2.99
    conceded = claims_for(grading, {"decision": False}, question_id="q.recall", answered_at=T0, made_at=T0)
    assert [(c.direction, c.grader_matched) for c in conceded] == [(CONCEDE, "企业决策")]
    assert corrected_score(grading, conceded) == 0
    assert candidate_view(grading, one) == {"decision": True, "classify": True, "satisfy": False}


def test_agreeing_with_the_grader_makes_no_claim(bank):
    grading = bank.questions["q.recall"].grade("企业决策")
    assert claims_for(grading, {"decision": True, "classify": False}, question_id="q.recall",
                      answered_at=T0, made_at=T0) == ()
    assert corrected_score(grading, ()) == grading.score


# -- kept with the answer; the schedule counts the corrected score -----------------------------------
def test_a_claim_is_kept_with_its_answer_and_the_schedule_uses_the_corrected_score(trainer, clock):
    graded = trainer.record(recall(trainer), "企业决策，XY法，让客户满意", "drill")
    assert graded.grading.score == 2 and graded.can_claim
    before = trainer.progress()["q.recall"]
    assert before.mistakes.in_book
    clock.now = T0 + timedelta(minutes=1)
    graded = trainer.set_claims(graded, {"classify": True})
    assert graded.counted_score == 3 and graded.counted_fraction == 1
    [stored] = trainer.claims()
    assert (stored.answer_id, stored.claim.point_id, stored.claim.direction) == (1, "classify", CLAIM)
    assert stored.claim.made_at == clock.now and stored.claim.answered_at == T0
    assert stored.score == 2 and stored.claimed_score == 3  # the grader's view is kept beside it
    after = trainer.progress()["q.recall"]
    assert after.last_fraction == 1 and not after.mistakes.in_book  # a full answer never enters the book
    assert after.card.due > before.card.due  # rated Good, not Hard
    [answer] = trainer.store.answers("q.recall")
    assert answer.score == 2 and answer.counted_score == 3 and answer.counted_correct


def test_withdrawing_every_claim_restores_the_graders_schedule(trainer):
    graded = trainer.record(recall(trainer), "企业决策", "drill")
    due = trainer.progress()["q.recall"].card.due
    graded = trainer.set_claims(graded, {"classify": True, "satisfy": True})
    assert trainer.progress()["q.recall"].card.due != due
    trainer.set_claims(graded, {"classify": False, "satisfy": False})
    assert trainer.claims() == [] and trainer.progress()["q.recall"].card.due == due
    assert trainer.store.answers("q.recall")[0].claimed_score is None


def test_a_concession_puts_a_full_answer_in_the_book(trainer):
    graded = trainer.record(recall(trainer), "企业决策、客户分类、客户满意", "drill")
    assert graded.grading.correct and not trainer.progress()["q.recall"].mistakes.in_book
    trainer.set_claims(graded, {"satisfy": False})
    assert trainer.progress()["q.recall"].mistakes.in_book
    assert trainer.last_wrong_answer("q.recall") is not None  # counted wrong, with its concession


def test_claims_survive_reopening_and_a_rebuild_of_the_schedule(bank, store_where, clock):
    store, _ = open_store(store_where)
    trainer = Trainer(bank, store, clock)
    graded = trainer.record(recall(trainer), "企业决策", "drill")
    trainer.set_claims(graded, {"classify": True})
    due = store.progress()["q.recall"].card.due
    store.close()
    store, _ = open_store(store_where)
    store.rebuild_progress()
    progress = store.progress()["q.recall"]
    assert progress.card.due == due and progress.last_fraction == pytest.approx(2 / 3)
    assert [c.claim.point_id for c in store.claims("q.recall")] == ["classify"]
    store.close()


def test_a_claim_on_an_answer_still_waiting_in_memory_follows_it(trainer, monkeypatch):
    """A refused write keeps the answer in memory; the claim on it waits behind it, in order."""
    import sqlite3

    store = trainer.store
    real = store._transaction
    refuse = {"on": True}

    def flaky():
        if refuse["on"]:
            raise sqlite3.OperationalError("database is locked")
        return real()

    monkeypatch.setattr(store, "_transaction", flaky)
    graded = trainer.record(recall(trainer), "企业决策", "drill")
    trainer.set_claims(graded, {"satisfy": True})
    assert store.pending == 2
    refuse["on"] = False
    assert store.flush()
    assert [c.claim.point_id for c in store.claims()] == ["satisfy"]


# -- for the instructor: grouped by point, with today's grader -----------------------------------------
def test_the_report_groups_claims_by_point_with_the_answers_text(trainer, clock):
    first = trainer.record(recall(trainer), "企业决策，XY法", "drill")
    trainer.set_claims(first, {"classify": True})
    clock.now = T0 + timedelta(days=1)
    second = trainer.record(recall(trainer), "XY法的依据，企业决策", "drill")
    trainer.set_claims(second, {"classify": True, "decision": False})
    short = trainer.record(trainer.bank.questions["q.short"], "说清楚能做到什么", "drill")
    trainer.set_claims(short, {"clear": True})
    [recall_claims, short_claims] = claims_report(trainer.bank, trainer.claims())
    assert recall_claims.question_id == "q.recall" and recall_claims.total == 3
    assert [p.point_id for p in recall_claims.points] == ["decision", "classify"]  # the rubric's order
    decision, classify = recall_claims.points
    assert classify.point == "客户信息是客户分类的基础" and classify.count(CLAIM) == 2
    assert [a.text for a in classify.answers] == ["企业决策，XY法", "XY法的依据，企业决策"]
    assert decision.count(CONCEDE) == 1 and decision.answers[0].stored.claim.grader_matched == "企业决策"
    assert classify.answers[0].now_earned is False and classify.settled == 0
    assert short_claims.points[0].answers[0].text == "说清楚能做到什么"


def test_the_report_tells_which_claims_todays_grader_already_grants(tmp_path, clock):
    from content_roots import write_files
    from examprep.content import read_bank
    from test_practice_fixtures import FILES

    before = sample_bank(tmp_path / "before")
    trainer = Trainer(before, open_memory_store(), clock)
    graded = trainer.record(before.questions["q.recall"], "企业决策，XY法", "drill")
    trainer.set_claims(graded, {"classify": True})
    taught = dict(FILES)
    taught["questions/primary.yaml"] = FILES["questions/primary.yaml"].replace(
        "keywords: [客户分类]", "keywords: [客户分类, XY法]")
    after, problems = read_bank(write_files(tmp_path / "after", taught))
    assert not problems
    [question] = claims_report(after, trainer.claims())
    [point] = [p for p in question.points if p.point_id == "classify"]
    assert point.answers[0].now_earned is True and point.settled == 1
    trainer.store.close()


def test_claims_on_a_question_gone_from_the_bank_are_still_listed(trainer, bank):
    graded = trainer.record(recall(trainer), "企业决策", "drill")
    trainer.set_claims(graded, {"classify": True})
    smaller = type(bank)(**{**bank.__dict__, "questions": {k: v for k, v in bank.questions.items() if k != "q.recall"}})
    [question] = claims_report(smaller, trainer.claims())
    assert question.stem is None and question.points[0].point == "客户信息是客户分类的基础"
    assert question.points[0].answers[0].now_earned is None


# -- the 错题本 by hand, and its filters ------------------------------------------------------------------
def test_a_removal_by_hand_is_an_event_that_can_be_undone(trainer, clock):
    trainer.record(recall(trainer), "不知道", "drill")
    assert trainer.mistakes_queue() == ["q.recall"]
    trainer.remove_from_book("q.recall")
    assert trainer.mistakes_queue() == [] and len(trainer.store.removals("q.recall")) == 1
    trainer.store.rebuild_progress()  # folded with the answers, not just a flag
    assert trainer.mistakes_queue() == []
    trainer.undo_removal("q.recall")
    assert trainer.mistakes_queue() == ["q.recall"] and trainer.store.removals() == []
    trainer.remove_from_book("q.recall")
    clock.now = T0 + timedelta(days=1)
    trainer.record(recall(trainer), "还是不知道", "drill")  # wrong again: back in
    assert trainer.mistakes_queue() == ["q.recall"]
    trainer.store.rebuild_progress()
    assert trainer.mistakes_queue() == ["q.recall"]
    assert trainer.progress()["q.recall"].mistakes.wrong_count == 2


def test_the_book_filters_by_level_topic_and_type_and_keeps_the_last_wrong_answer(trainer, clock):
    from examprep.practice.session import DrillScope

    questions = trainer.bank.questions
    trainer.answer(questions["q.single"], "A", "drill")
    trainer.answer(questions["q.short"], "不知道", "drill")
    trainer.answer(questions["case.promise.q1"], "不知道", "case")
    clock.now = T0 + timedelta(minutes=1)
    trainer.answer(questions["q.single"], "C", "drill")
    assert set(trainer.mistakes_queue()) == {"q.single", "q.short", "case.promise.q1"}
    assert trainer.mistakes_queue(DrillScope(level="primary")) == ["q.single"]
    assert set(trainer.mistakes_queue(DrillScope(topic="expectation"))) == {"q.short", "case.promise.q1"}
    assert trainer.mistakes_queue(DrillScope(types=("single",))) == ["q.single"]
    assert trainer.mistakes_queue(DrillScope(level="primary", types=("short",))) == []
    clock.now = T0 + timedelta(minutes=2)
    trainer.answer(questions["q.single"], "B", "drill")  # right now; the last wrong one was C
    last = trainer.last_wrong_answer("q.single")
    assert last is not None and questions["q.single"].decode(last.answer) == "C"


def test_a_removal_is_undone_and_kept_through_a_rebuild_on_either_engine(store_where, bank, clock):
    store, _ = open_store(store_where)
    trainer = Trainer(bank, store, clock)
    trainer.record(recall(trainer), "不知道", "drill")
    trainer.remove_from_book("q.recall")
    store.rebuild_progress()
    assert trainer.mistakes_queue() == [] and [r.question_id for r in store.removals()] == ["q.recall"]
    trainer.undo_removal("q.recall")
    assert trainer.mistakes_queue() == ["q.recall"] and store.removals() == []
    store.close()


# -- the store: a migration, and each account's own -------------------------------------------------------
def test_a_file_from_before_claims_is_upgraded_and_its_answers_count_as_graded(tmp_path, bank, clock):
    from test_practice_store_migrations import write_v1_file

    write_v1_file(tmp_path)
    store, _ = open_store(tmp_path)
    assert [(a.id, a.claimed_score, a.counted_score) for a in store.answers()] == [(7, None, 1.0), (9, None, 0.5)]
    assert store.claims() == [] and store.removals() == []
    store.remove_from_book("q.b", T0)  # an old answer's question can leave the book by hand
    assert store.mistake_ids() == set() and store.removals()[0].after_answer == 9
    store.close()


def test_claims_and_removals_belong_to_their_account(store_where, bank, clock):
    first, _ = open_store(store_where, account="c001")
    second, _ = open_store(store_where, account="c002")
    one, two = Trainer(bank, first, clock), Trainer(bank, second, clock)
    mine = one.record(bank.questions["q.recall"], "企业决策", "drill")
    theirs = two.record(bank.questions["q.recall"], "企业决策", "drill")
    one.set_claims(mine, {"classify": True})
    two.set_claims(theirs, {"satisfy": True})
    two.remove_from_book("q.recall")
    assert [c.claim.point_id for c in first.claims()] == ["classify"]
    assert [(c.claim.point_id, c.claim.account) for c in second.claims()] == [("satisfy", "c002")]
    assert sorted(c.claim.account for c in first.claims(every_account=True)) == ["c001", "c002"]
    assert first.mistake_ids() == {"q.recall"} and second.mistake_ids() == set()
    assert first.removals() == [] and len(second.removals()) == 1
    first.undo_removal("q.recall")  # another account's removal is not mine to undo
    assert second.mistake_ids() == set()
    first.close()
    second.close()


def test_the_class_screen_reads_the_claims_as_the_store_keeps_them(trainer):
    from datetime import date

    from examprep.practice.class_progress import read_class_progress

    graded = trainer.record(recall(trainer), "企业决策，XY法", "drill")
    trainer.set_claims(graded, {"classify": True})

    class Candidate:  # the account whose store holds the claim (the terminal's own here)
        id, name, role = trainer.store.account, "考生", "candidate"

    view = read_class_progress([Candidate()], lambda account: trainer.store, trainer.bank, date(2024, 3, 1))
    [question] = view.claims
    [point] = question.points
    [answer] = point.answers
    assert (answer.stored.claim.account, question.question_id, point.point_id, answer.direction, answer.text) == (
        "", "q.recall", "classify", CLAIM, "企业决策，XY法")
    assert point.point == "客户信息是客户分类的基础"


def test_a_book_session_continued_later_keeps_what_was_done_and_takes_the_book_as_it_is(bank):
    from examprep.practice.session import DrillScope, DrillSession, favourites_queue, with_current_book

    session = DrillSession("mistakes", "错题本 · 重做", ["a", "b", "c"], position=1)
    later = with_current_book(session, ["c", "d", "a"])
    assert (later.question_ids, later.position, later.current) == (["a", "c", "d"], 1, "c")
    assert favourites_queue(bank, ["q.short", "q.single"], scope=DrillScope(level="primary")) == ["q.single"]

