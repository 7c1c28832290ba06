"""The progress store: answers committed as given, kept through kill -9, broken files moved aside.

Tests taking `store_where` run on SQLite and on PostgreSQL (tests/conftest.py); the others are about
the SQLite file itself (WAL, damaged pages, a file moved aside)."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
from datetime import datetime, timedelta, timezone

import pytest
from fsrs import State

from examprep.practice.records import NEW, AnswerRecord
from examprep.practice.scheduler import REVIEW
from examprep.practice.store import FILE_NAME, StoreError, open_store

LEARNING = int(State.Learning)
T0 = datetime(2024, 3, 1, 12, tzinfo=timezone.utc)


def answer(qid: str, days: float, score: float, max_: float = 1.0, mode: str = "drill") -> AnswerRecord:
    return AnswerRecord(qid, T0 + timedelta(days=days), score, max_, score >= max_, '"B"', mode)


def test_answers_and_progress_are_kept(store_where):
    store, notice = open_store(store_where)
    assert notice is None
    store.record_answer(answer("q.a", 0, 1))
    store.record_answer(answer("q.a", 0.01, 1))
    store.record_answer(answer("q.b", 0, 0))
    store.close()
    store, _ = open_store(store_where)
    assert [a.kind for a in store.answers("q.a")] == [NEW, LEARNING]
    progress = store.progress()
    assert progress["q.a"].card.state == REVIEW
    assert progress["q.b"].mistakes.in_book
    assert store.mistake_ids() == {"q.b"}
    assert store.totals_by_question() == {"q.a": (2, 2), "q.b": (1, 0)}
    assert store.due_ids(T0 + timedelta(hours=1)) == {"q.b"}
    store.close()


def test_wal_mode(tmp_path):
    store, _ = open_store(tmp_path)
    store.close()
    db = sqlite3.connect(tmp_path / FILE_NAME)
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


KILLED_CHILD = """
import os, signal, sys
from datetime import datetime, timezone
from examprep.practice.records import AnswerRecord
from examprep.practice.store import open_store
store, _ = open_store(sys.argv[1])
for i in range(3):
    store.record_answer(AnswerRecord(f"q.{i}", datetime.now(timezone.utc), 1, 1, True, '"A"'))
store.set_favourite("q.1", True)
print("answered", flush=True)
os.kill(os.getpid(), signal.SIGKILL)  # no close, no atexit, no checkpoint
"""


def test_answers_survive_kill_9(store_where):
    proc = subprocess.run([sys.executable, "-c", KILLED_CHILD, str(store_where)], capture_output=True, text=True)
    assert proc.returncode == -signal.SIGKILL
    assert proc.stdout.strip() == "answered"
    store, notice = open_store(store_where)
    assert notice is None
    assert store.answer_count() == 3
    assert set(store.progress()) == {"q.0", "q.1", "q.2"}
    assert store.favourites() == ["q.1"]


def test_answers_survive_a_store_never_closed(store_where):
    first, _ = open_store(store_where)
    first.record_answer(answer("q.a", 0, 1))
    # the first store is left open (as after a crash) while another process reads the file
    second, _ = open_store(store_where)
    assert second.answer_count() == 1


@pytest.mark.parametrize("content", [
    b"this is not a database at all" * 100,
    b"SQLite format 3\x00" + b"\xff" * 4000,
])
def test_corrupt_file_is_moved_aside(tmp_path, content):
    (tmp_path / FILE_NAME).write_bytes(content)
    store, notice = open_store(tmp_path, now=T0)
    assert notice is not None and "已移到" in notice
    aside = [p for p in tmp_path.iterdir() if ".corrupt-" in p.name]
    assert len(aside) == 1 and aside[0].read_bytes() == content
    assert str(aside[0]) in notice
    store.record_answer(answer("q.a", 0, 1))  # the fresh file works
    assert store.answer_count() == 1


def test_damaged_pages_are_detected(tmp_path):
    store, _ = open_store(tmp_path)
    for i in range(300):
        store.record_answer(answer(f"q.{i}", 0, 1))
    store.close()
    db = sqlite3.connect(tmp_path / FILE_NAME)
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    path = tmp_path / FILE_NAME
    data = bytearray(path.read_bytes())
    data[4096 * 2: 4096 * 3] = b"\x07" * 4096  # scribble over a page of the answers table
    path.write_bytes(bytes(data))
    store, notice = open_store(tmp_path, now=T0)
    assert notice is not None
    assert store.answer_count() == 0


def test_a_file_from_a_newer_examprep_is_not_touched(tmp_path):
    db = sqlite3.connect(tmp_path / FILE_NAME)
    db.execute("PRAGMA user_version = 99")
    db.close()
    with pytest.raises(StoreError, match="更新版本"):
        open_store(tmp_path)
    assert [p.name for p in tmp_path.iterdir()] == [FILE_NAME]


def test_a_data_folder_that_cannot_be_made(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(StoreError, match="无法创建数据文件夹"):
        open_store(blocker / "data")


def test_schedules_are_refolded_when_the_scheduler_changes(store_where):
    store, _ = open_store(store_where)
    store.record_answer(answer("q.a", 0, 1))
    store.record_answer(answer("q.a", 1, 0))
    before = store.progress()
    store.set_setting("scheduler_version", 0)
    store._db.execute("DELETE FROM progress")
    store.close()
    store, _ = open_store(store_where)
    assert store.progress() == before


def test_favourites_and_settings(store_where):
    store, _ = open_store(store_where)
    store.set_favourite("q.a", True, now=T0)
    store.set_favourite("q.b", True, now=T0 + timedelta(seconds=1))
    store.set_favourite("q.a", True)  # twice is once
    assert store.favourites() == ["q.a", "q.b"]
    store.set_favourite("q.a", False)
    assert store.favourites() == ["q.b"] and not store.is_favourite("q.a")
    store.set_setting("last_session", {"kind": "drill", "ids": ["q.a"]})
    assert store.get_setting("last_session") == {"kind": "drill", "ids": ["q.a"]}
    store.set_setting("last_session", None)
    assert store.get_setting("last_session", "gone") == "gone"


def test_exam_answers_are_kept_until_finished(store_where):
    store, _ = open_store(store_where)
    exam = store.start_exam("mock", "模拟", 7, "A", T0, 1800)
    store.save_exam_answer(exam, "q.a", '"B"')
    store.save_exam_answer(exam, "q.b", '"C"')
    store.save_exam_answer(exam, "q.b", None)
    store.close()
    store, _ = open_store(store_where)
    assert store.unfinished_exam().id == exam
    assert store.exam_answers(exam) == {"q.a": '"B"'}
    store.finish_exam(exam, T0 + timedelta(minutes=20), 1, 2, [answer("q.a", 0.01, 1, mode="exam")])
    assert store.unfinished_exam() is None
    assert store.exams()[0].score == 1
    assert store.answers("q.a")[0].mode == "exam"


def test_study_views_are_kept_apart_from_the_answers(store_where):
    store, _ = open_store(store_where)
    store.record_study_view("q.a", T0)
    store.record_study_view("q.a", T0 + timedelta(minutes=1))
    store.record_study_view("q.b", T0)
    store.close()
    store, _ = open_store(store_where)
    assert store.study_views() == {"q.a": 2, "q.b": 1}
    assert store.answer_count() == 0 and store.progress() == {} and store.seen_ids() == set()
