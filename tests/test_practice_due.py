"""What a question is today: new, learning, due or later (one definition for home, stats and drills)."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from examprep.practice.due import DUE, LATER, LEARNING, NEW, DueCounts, due_counts, status
from examprep.practice.records import AnswerRecord
from examprep.practice.scheduler import end_of_day
from examprep.practice.store import open_memory_store

T0 = datetime(2024, 3, 1, 2, tzinfo=timezone.utc)


def answer(store, qid, when, right=True):
    store.record_answer(AnswerRecord(qid, when, 1 if right else 0, 1, right, '""'))


def test_status_and_counts():
    store = open_memory_store()
    answer(store, "learning", T0 - timedelta(days=3))  # one right answer: still in its steps
    for qid, days in (("due", 30), ("later", 1)):
        answer(store, qid, T0 - timedelta(days=days))
        answer(store, qid, T0 - timedelta(days=days) + timedelta(minutes=10))
    answer(store, "relearning", T0 - timedelta(days=30))
    answer(store, "relearning", T0 - timedelta(days=30) + timedelta(minutes=10))
    answer(store, "relearning", T0 - timedelta(minutes=1), right=False)  # a lapse: relearning
    progress = store.progress()
    assert store.schedules() == {q: (p.card.state, p.card.due) for q, p in progress.items()}
    schedules = store.schedules()
    until = end_of_day(T0)
    assert {qid: status(schedules.get(qid), until) for qid in ("new", "learning", "due", "later", "relearning")} == {
        "new": NEW, "learning": LEARNING, "due": DUE, "later": LATER, "relearning": LEARNING}
    assert due_counts(["new", "learning", "due", "later", "relearning"], schedules, T0) == DueCounts(1, 2, 1)
