"""A store sees only its own account's rows: a candidate who tries to read or change another
candidate's answers, progress, favourites, settings or exams gets nothing and changes nothing."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from examprep.practice.records import AnswerRecord
from examprep.practice.store import open_store

T0 = datetime(2024, 3, 1, 12, tzinfo=timezone.utc)


def answer(qid: str, correct: bool = True) -> AnswerRecord:
    return AnswerRecord(qid, T0, 1.0 if correct else 0.0, 1.0, correct, '"B"', "drill")


def filled(where, account: str):
    store, _ = open_store(where, account=account)
    store.record_answer(answer("q.a"))
    store.record_answer(answer("q.b", correct=False))
    store.set_favourite("q.a", True, now=T0)
    store.set_setting("last_session", {"kind": "drill", "owner": account})
    exam = store.start_exam("mock", "模拟", 7, "A", T0, 1800)
    store.save_exam_answer(exam, "q.a", '"secret"')
    return store, exam


def test_a_candidate_cannot_read_another_candidates_rows(store_where):
    first, exam = filled(store_where, "c001")
    other, _ = open_store(store_where, account="c002")
    assert other.answers() == [] and other.answers("q.a") == [] and other.answer_count() == 0
    assert other.totals_by_question() == {} and other.totals_by_day("2000-01-01") == {}
    assert other.review_outcomes("2000-01-01") == (0, 0)
    assert other.progress() == {} and other.seen_ids() == set() and other.mistake_ids() == set()
    assert other.due_ids(T0 + timedelta(days=365)) == set()
    assert other.favourites() == [] and not other.is_favourite("q.a")
    assert other.get_setting("last_session") is None
    assert other.exams() == [] and other.unfinished_exam() is None
    assert other.exam_answers(exam) == {}
    # the first candidate's own view is whole
    assert first.answer_count() == 2 and first.exam_answers(exam) == {"q.a": '"secret"'}
    first.close()
    other.close()


def test_a_candidate_cannot_change_another_candidates_rows(store_where):
    first, exam = filled(store_where, "c001")
    other, _ = open_store(store_where, account="c002")
    assert other.save_exam_answer(exam, "q.a", '"overwritten"')  # the write runs, and touches nothing
    assert other.save_exam_answer(exam, "q.b", '"slipped in"')
    other.save_exam_answer(exam, "q.a", None)
    other.finish_exam(exam, T0, 99, 99)
    other.abandon_exam(exam, T0)
    other.set_favourite("q.a", False)
    other.set_setting("last_session", None)
    other.rebuild_progress()
    assert first.exam_answers(exam) == {"q.a": '"secret"'}
    assert first.unfinished_exam().id == exam and first.exams()[0].score is None
    assert first.favourites() == ["q.a"]
    assert first.get_setting("last_session") == {"kind": "drill", "owner": "c001"}
    assert set(first.progress()) == {"q.a", "q.b"}
    assert other.exam_answers(exam) == {}
    first.close()
    other.close()
