"""The store's numbered migrations: a progress file from examprep's first format (version 1, one
user) is upgraded in place losing nothing; each migration is all or nothing; a newer file is refused."""

from __future__ import annotations

import json
import sqlite3
from datetime import datetime, timedelta, timezone

import pytest

from examprep.practice.engines import SqliteEngine, sqlite_connect
from examprep.practice.migrations import MIGRATIONS, SCHEMA_VERSION, Migration, migrate
from examprep.practice.records import AnswerRecord
from examprep.practice.scheduler import SCHEDULER_VERSION
from examprep.practice.store import FILE_NAME, LOCAL_ACCOUNT, open_store, open_store_read_only

T0 = datetime(2024, 3, 1, 12, tzinfo=timezone.utc)

# The schema examprep wrote as format version 1 (before accounts), word for word: the files out there.
V1_SCHEMA = """
CREATE TABLE IF NOT EXISTS answers (
    id INTEGER PRIMARY KEY,
    question_id TEXT NOT NULL,
    answered_at TEXT NOT NULL,
    day TEXT NOT NULL,
    score REAL NOT NULL,
    max REAL NOT NULL,
    correct INTEGER NOT NULL,
    answer TEXT NOT NULL,
    mode TEXT NOT NULL,
    kind INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS answers_by_question ON answers (question_id, id);
CREATE INDEX IF NOT EXISTS answers_by_day ON answers (day);
CREATE TABLE IF NOT EXISTS progress (
    question_id TEXT PRIMARY KEY,
    due TEXT NOT NULL,
    state INTEGER NOT NULL,
    step INTEGER,
    stability REAL NOT NULL,
    difficulty REAL NOT NULL,
    last_review TEXT NOT NULL,
    reviews INTEGER NOT NULL,
    lapses INTEGER NOT NULL,
    in_book INTEGER NOT NULL,
    wrong_count INTEGER NOT NULL,
    last_wrong_day TEXT,
    correct_days TEXT NOT NULL,
    last_fraction REAL NOT NULL,
    last_answer TEXT
);
CREATE TABLE IF NOT EXISTS favourites (
    question_id TEXT PRIMARY KEY,
    added_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS exams (
    id INTEGER PRIMARY KEY,
    blueprint TEXT NOT NULL,
    title TEXT NOT NULL,
    seed INTEGER NOT NULL,
    variant TEXT NOT NULL,
    started_at TEXT NOT NULL,
    duration_s INTEGER NOT NULL,
    submitted_at TEXT,
    score REAL,
    max REAL
);
CREATE TABLE IF NOT EXISTS exam_answers (
    exam_id INTEGER NOT NULL,
    question_id TEXT NOT NULL,
    answer TEXT NOT NULL,
    PRIMARY KEY (exam_id, question_id)
);
"""

STAMP = "2024-03-01T12:00:00.000000+00:00"
DUE = "2024-03-02T12:00:00.000000+00:00"


def write_v1_file(folder) -> None:
    """A version-1 progress file with a row in every table, as examprep 1 wrote them."""
    db = sqlite3.connect(folder / FILE_NAME, isolation_level=None)
    db.execute("PRAGMA journal_mode=WAL")
    db.executescript(V1_SCHEMA)
    db.execute("PRAGMA user_version = 1")
    rows = [
        ("INSERT INTO answers VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
         [(7, "q.a", STAMP, "2024-03-01", 1.0, 1.0, 1, '"B"', "drill", 0),
          (9, "q.b", STAMP, "2024-03-01", 0.5, 2.0, 0, '"x"', "exam", 0)]),
        ("INSERT INTO progress VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
         [("q.a", DUE, 2, None, 3.25, 5.5, STAMP, 1, 0, 0, 0, None, '["2024-03-01"]', 1.0, '"B"'),
          ("q.b", STAMP, 1, 0, 0.5, 7.0, STAMP, 1, 0, 1, 1, "2024-03-01", "[]", 0.25, '"x"')]),
        ("INSERT INTO favourites VALUES (?, ?)", [("q.b", STAMP)]),
        ("INSERT INTO settings VALUES (?, ?)", [("last_session", '{"kind": "drill"}'),
                                                ("scheduler_version", json.dumps(SCHEDULER_VERSION))]),
        ("INSERT INTO exams VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
         [(3, "mock", "模拟", 2**40, "A", STAMP, 1800, STAMP, 0.5, 2.0),
          (4, "mock", "模拟", 11, "B", STAMP, 1800, None, None, None)]),
        ("INSERT INTO exam_answers VALUES (?, ?, ?)", [(4, "q.a", '"C"')]),
    ]
    for sql, values in rows:
        db.executemany(sql, values)
    db.close()


def test_a_version_1_file_is_upgraded_in_place_losing_nothing(tmp_path):
    write_v1_file(tmp_path)
    store, notice = open_store(tmp_path)
    assert notice is None and store.account == LOCAL_ACCOUNT
    assert [(a.id, a.question_id, a.score, a.max, a.correct, a.mode) for a in store.answers()] == [
        (7, "q.a", 1.0, 1.0, True, "drill"), (9, "q.b", 0.5, 2.0, False, "exam")]
    progress = store.progress()
    assert progress["q.a"].card.stability == 3.25 and progress["q.a"].card.due == datetime.fromisoformat(DUE)
    assert progress["q.a"].mistakes.correct_days == ("2024-03-01",)
    assert store.mistake_ids() == {"q.b"}
    assert store.favourites() == ["q.b"]
    assert store.get_setting("last_session") == {"kind": "drill"}
    assert [(e.id, e.seed, e.score) for e in store.exams()] == [(3, 2**40, 0.5), (4, 11, None)]
    assert store.unfinished_exam().id == 4 and store.exam_answers(4) == {"q.a": '"C"'}
    # new rows carry on after the old ones
    store.record_answer(AnswerRecord("q.c", T0, 1, 1, True, '"A"', "drill"))
    assert [a.id for a in store.answers()][-1] > 9
    assert store.start_exam("mock", "模拟", 1, "A", T0, 60) > 4
    store.close()
    db = sqlite3.connect(tmp_path / FILE_NAME)
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert db.execute("SELECT DISTINCT account FROM answers").fetchall() == [(LOCAL_ACCOUNT,)]
    db.close()


def test_a_version_1_file_is_read_by_reports_without_being_written(tmp_path):
    write_v1_file(tmp_path)
    before = (tmp_path / FILE_NAME).read_bytes()
    reader = open_store_read_only(tmp_path)
    assert reader.answer_count() == 2 and reader.favourites() == ["q.b"]
    reader.close()
    assert (tmp_path / FILE_NAME).read_bytes() == before


def test_an_upgraded_file_is_not_migrated_twice(tmp_path):
    write_v1_file(tmp_path)
    open_store(tmp_path)[0].close()
    engine = SqliteEngine(sqlite_connect(tmp_path / FILE_NAME), tmp_path / FILE_NAME)
    assert migrate(engine) == 0
    engine.close()


def test_the_versions_are_numbered_in_order():
    assert [m.version for m in MIGRATIONS] == list(range(1, len(MIGRATIONS) + 1))
    assert MIGRATIONS[-1].version == SCHEMA_VERSION


def test_a_migration_that_fails_leaves_the_version_before_it(tmp_path):
    engine = SqliteEngine(sqlite_connect(tmp_path / "x.sqlite3"), None)
    broken = (*MIGRATIONS[:1], Migration(2, "half", ("CREATE TABLE half_done (x TEXT)", "NOT SQL AT ALL")))
    with pytest.raises(sqlite3.OperationalError):
        migrate(engine, broken)
    assert engine.read_version() == 1
    assert engine.execute("SELECT name FROM sqlite_master WHERE name = 'half_done'").fetchall() == []
    assert migrate(engine) == len(MIGRATIONS) - 1  # the real ones go on from there
    engine.close()


def test_every_table_a_candidate_owns_carries_the_account(tmp_path):
    store, _ = open_store(tmp_path)
    store.close()
    db = sqlite3.connect(tmp_path / FILE_NAME)
    for table in ("answers", "progress", "favourites", "settings", "exams", "exam_answers"):
        columns = [r[1] for r in db.execute(f"PRAGMA table_info({table})")]
        assert "account" in columns, table
    db.close()


def test_the_same_question_per_account_is_a_row_each(tmp_path):
    a, _ = open_store(tmp_path, account="c001")
    b, _ = open_store(tmp_path, account="c002")
    a.record_answer(AnswerRecord("q.a", T0, 1, 1, True, '"B"', "drill"))
    b.record_answer(AnswerRecord("q.a", T0 + timedelta(minutes=1), 0, 1, False, '"C"', "drill"))
    assert a.progress()["q.a"].last_answer == '"B"' and b.progress()["q.a"].last_answer == '"C"'
    assert a.mistake_ids() == set() and b.mistake_ids() == {"q.a"}
    a.close()
    b.close()
