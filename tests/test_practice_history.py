"""Mock-exam history: each exam sat to the end kept with its marks per section and pass mark, and
read back with its date, pass or fail and time used; a file from before (version 4) upgraded."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest

from examprep.practice.engines import SqliteEngine, sqlite_connect
from examprep.practice.history import exam_history
from examprep.practice.migrations import MIGRATIONS, migrate
from examprep.practice.store import FILE_NAME, SectionMarks, open_memory_store, open_store
from examprep.practice.trainer import Trainer
from trainer_fixtures import T0, Clock, bank  # noqa: F401  (fixtures by name)


def sit(trainer: Trainer, clock: Clock, minutes: int, answers: dict):
    exam, exam_id = trainer.start_exam("mock-primary")
    for qid, value in answers.items():
        exam.answer(qid, value)
    clock.now += timedelta(minutes=minutes)
    return trainer.finish_exam(exam_id, exam)


def test_a_finished_exam_is_kept_with_its_sections_pass_mark_and_time_used(bank):
    clock = Clock()
    trainer = Trainer(bank, open_memory_store(), clock, seed=1)
    result = sit(trainer, clock, 12, {"q.single": "B", "q.judge": True})
    (sat,) = trainer.exam_history()
    assert (sat.title, sat.earned, sat.marks) == (result.title, result.earned, result.marks)
    assert [(s.title, s.earned, s.marks) for s in sat.sections] == [
        (s.title, s.earned, s.marks) for s in result.sections]
    assert sat.pass_mark == pytest.approx(0.6 * result.marks)
    assert sat.passed is result.passed
    assert sat.time_used == timedelta(minutes=12) and not sat.timed_out
    assert sat.submitted_at == T0 + timedelta(minutes=12)


def test_history_is_newest_first_and_leaves_out_unfinished_and_abandoned_exams(bank):
    clock = Clock()
    trainer = Trainer(bank, open_memory_store(), clock, seed=1)
    sit(trainer, clock, 5, {})
    clock.now += timedelta(days=1)
    sit(trainer, clock, 7, {"q.single": "B"})
    trainer.start_exam("mock-primary")
    trainer.abandon_exam(trainer.unfinished_exam())
    trainer.start_exam("mock-primary")  # still running
    history = trainer.exam_history()
    assert [h.time_used for h in history] == [timedelta(minutes=7), timedelta(minutes=5)]


def test_an_exam_past_its_time_counts_the_whole_duration_as_used(bank):
    clock = Clock()
    trainer = Trainer(bank, open_memory_store(), clock, seed=1)
    sit(trainer, clock, 45, {})  # 30 minutes allowed: submitted at the deadline
    (sat,) = trainer.exam_history()
    assert sat.time_used == timedelta(minutes=30) and sat.timed_out


def test_the_blueprints_pass_mark_decides_pass_or_fail(bank):
    strict = replace(bank, blueprints={"mock-primary": replace(bank.blueprints["mock-primary"], pass_mark=5)})
    clock = Clock()
    trainer = Trainer(strict, open_memory_store(), clock, seed=1)
    result = sit(trainer, clock, 5, {"q.single": "B", "q.judge": True})  # 3 of 6: 50%
    assert result.marks_to_pass == 5 and not result.passed
    (sat,) = trainer.exam_history()
    assert sat.pass_mark == 5 and not sat.passed


def test_an_exam_kept_without_a_pass_mark_takes_its_blueprints(bank):
    store = open_memory_store()
    exam_id = store.start_exam("mock-primary", "模拟", 1, "A", T0, 1800)
    store.finish_exam(exam_id, T0 + timedelta(minutes=3), 4, 6)
    strict = replace(bank, blueprints={"mock-primary": replace(bank.blueprints["mock-primary"], pass_mark=5)})
    (sat,) = exam_history(strict, store)
    assert sat.pass_mark == 5 and not sat.passed and sat.sections == ()
    (gone,) = exam_history(replace(bank, blueprints={}), store)
    assert gone.pass_mark == pytest.approx(3.6) and gone.passed


def test_sections_are_kept_per_account_in_their_order(tmp_path):
    store, _ = open_store(tmp_path)
    sections = [SectionMarks("一、单项选择题", 8, 10), SectionMarks("二、判断题", 4.5, 10)]
    exam_id = store.start_exam("mock", "模拟", 1, "A", T0, 600)
    store.finish_exam(exam_id, T0, 12.5, 20, (), sections, 12)
    ((record, kept),) = store.finished_exams()
    assert list(kept) == sections and record.pass_mark == 12
    store.close()


def test_a_file_from_before_the_history_keeps_its_exams(tmp_path):
    # a file written at version 4 (before the history), with an exam sat to the end
    engine = SqliteEngine(sqlite_connect(tmp_path / FILE_NAME), tmp_path / FILE_NAME)
    migrate(engine, MIGRATIONS[:4])
    stamp = T0.isoformat(timespec="microseconds")
    engine.execute("INSERT INTO exams (account, blueprint, title, seed, variant, started_at, duration_s,"
                   " submitted_at, score, max) VALUES ('', 'mock', '模拟', 1, 'A', ?, 600, ?, 12.5, 20)",
                   (stamp, stamp))
    engine.close()
    store, _ = open_store(tmp_path)
    ((record, sections),) = store.finished_exams()
    assert (record.score, record.pass_mark, sections) == (12.5, None, ())
    store.close()
