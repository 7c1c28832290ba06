"""The progress store: every answer a candidate gives, their schedules, 错题本, favourites, settings
and mock exams, per account, in SQLite (the embedded default: one file in the data folder) or in
PostgreSQL (`postgresql://...`, for several servers on one database), through the same code.

One transaction per answer, so an answer is stored the moment it is given; Ctrl-C or kill -9 loses
nothing already answered (SQLite in WAL mode with synchronous=FULL). Each question's schedule and
错题本 state are folded from its answers and cached beside them in the same transaction. Every row
carries its account; a store sees and writes only its own account's rows (the terminal's is the
implicit local account, ''). Only a file SQLite reports as malformed (or as no database) is moved
aside and a fresh one started; a full disk, a read-only folder, a held lock, a lost connection or an
I/O error leave the data as it is. A write refused just now is kept in memory and tried again before
the next one (`flush`). Answers to questions no longer in the bank are kept and simply ignored.
The schema is built by the numbered migrations in migrations.py; engines.py holds what differs.
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections import deque
from collections.abc import Callable, Iterable
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from .claims import Claim, StoredClaim
from .due import Schedule
from .engines import (
    SQLITE_SCHEME,
    Engine,
    PostgresEngine,
    SqliteEngine,
    describe_url,
    is_postgres_url,
    sqlite_connect,
    sqlite_is_busy,
    sqlite_is_damaged,
    sqlite_unreachable,
)
from .migrations import SCHEMA_VERSION, NewerSchema, check_version, migrate
from .mistakes import MistakeState, Outcome, Removal, next_mistake_state
from .records import NEW, AnswerRecord, QuestionProgress, StoredAnswer
from .scheduler import SCHEDULER_VERSION, CardState, Review, next_state

__all__ = ["FILE_NAME", "LOCAL_ACCOUNT", "SCHEMA_VERSION", "Database", "ExamRecord", "ProgressStore",
           "StoreError", "StoreWriteError", "open_database", "open_memory_store", "open_store",
           "open_store_read_only"]

FILE_NAME = "progress.sqlite3"
LOCAL_ACCOUNT = ""  # the single-user terminal's implicit account (no candidate id is empty)


class StoreError(Exception):
    """The progress file can be neither used nor replaced; the message says why, in Chinese."""


class StoreWriteError(StoreError):
    """A write the disk or the lock refused; the message says why, in Chinese."""


class _DamagedFile(sqlite3.DatabaseError):
    """SQLite's own integrity check found the file damaged."""


def _is_damaged(err: sqlite3.Error) -> bool:
    return isinstance(err, _DamagedFile) or sqlite_is_damaged(err)


def unreachable_reason(path: Path | None, err: sqlite3.Error) -> str:
    """Why a healthy progress file cannot be opened or written just now, in Chinese."""
    return sqlite_unreachable(path, err)


def _stamp(moment: datetime) -> str:
    # Fixed-width UTC text sorts like the moments it names, so SQL can compare due dates as text.
    return moment.astimezone(timezone.utc).isoformat(timespec="microseconds")


def _moment(text: str) -> datetime:
    return datetime.fromisoformat(text)


def now_utc() -> datetime:
    return datetime.now(timezone.utc)


def _upsert(table: str, keys: tuple[str, ...], values: tuple[str, ...]) -> str:
    """INSERT that replaces the row with the same keys (portable: SQLite 3.24+ and PostgreSQL)."""
    columns = (*keys, *values)
    updates = ", ".join(f"{c} = excluded.{c}" for c in values)
    return (f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"
            f" ON CONFLICT ({', '.join(keys)}) DO UPDATE SET {updates}")


_PROGRESS_VALUES = ("due", "state", "step", "stability", "difficulty", "last_review", "reviews", "lapses",
                    "in_book", "wrong_count", "last_wrong_day", "correct_days", "last_fraction", "last_answer")
_WRITE_PROGRESS = _upsert("progress", ("account", "question_id"), _PROGRESS_VALUES)
_WRITE_SETTING = _upsert("settings", ("account", "key"), ("value",))
# An exam's answer is written only under an exam of the same account.
_WRITE_EXAM_ANSWER = (
    "INSERT INTO exam_answers (account, exam_id, question_id, answer) SELECT ?, ?, ?, ?"
    " WHERE EXISTS (SELECT 1 FROM exams WHERE id = ? AND account = ?)"
    " ON CONFLICT (exam_id, question_id) DO UPDATE SET answer = excluded.answer"
    " WHERE exam_answers.account = excluded.account"
)


@dataclass(frozen=True)
class BookRemoval:
    """A question taken out of the 错题本 by hand (移出)."""

    id: int
    question_id: str
    removed_at: datetime
    day: str  # local ISO date
    after_answer: int  # the id of the question's latest answer when it was removed


@dataclass(frozen=True)
class ExamRecord:
    id: int
    blueprint: str
    title: str
    seed: int
    variant: str
    started_at: datetime
    duration_s: int
    submitted_at: datetime | None
    score: float | None
    max: float | None
    pass_mark: float | None = None  # the marks needed to pass when it was sat (None: not kept)


@dataclass(frozen=True)
class SectionMarks:
    """A finished exam's marks in one of its sections."""

    title: str
    earned: float
    marks: float



class ProgressStore:
    """One account's progress. Open with `open_store` (or `Database.store`); every write is
    committed before it returns. Every query is filtered by `account`: another account's rows can
    be neither read nor written through this store."""

    def __init__(self, engine: Engine, account: str = LOCAL_ACCOUNT):
        self._engine = engine
        self.path = engine.path
        self.account = account
        self._pending: deque[Callable[[], object]] = deque()
        self.problem: str | None = None  # why writes wait in memory (Chinese), while they do
        self.on_problem: Callable[[str], None] | None = None  # told each time a write is refused

    @property
    def _db(self) -> Any:
        """The engine's own connection (sqlite3 or psycopg), for tests that poke at the engine."""
        return self._engine.raw

    @property
    def engine(self) -> str:
        return self._engine.name

    def _sql(self, sql: str, params: Iterable[Any] = ()) -> Any:
        return self._engine.execute(sql, tuple(params))

    def _rows(self, sql: str, *params: Any) -> list[Any]:
        return self._sql(sql, (self.account, *params)).fetchall()

    @contextmanager
    def _transaction(self):
        self._engine.begin_write(self.account)
        try:
            yield
            self._engine.commit()  # a full disk may refuse the commit itself
        except BaseException:
            self._engine.rollback()
            raise

    # -- writes the disk or the lock may refuse -----------------------------------------------
    def _write(self, action: Callable[[], object]) -> bool:
        """Run `action` in its own transaction after any writes still waiting, or keep it to retry.

        Returns False (and tells `on_problem`) when the disk is full, the file read-only, the lock
        held too long or the server out of reach: the write stays in memory, in order, and `flush`
        tries again.
        """
        self._pending.append(action)
        return self.flush()

    def flush(self) -> bool:
        """Try the writes kept in memory again, oldest first; True when none is left."""
        while self._pending:
            self._engine.recover()
            try:
                with self._transaction():
                    self._pending[0]()
            except self._engine.transient as err:
                self.problem = self._engine.unreachable(err)
                if self.on_problem is not None:
                    self.on_problem(self.problem)
                return False
            self._pending.popleft()
        self.problem = None
        return True

    @property
    def pending(self) -> int:
        """Writes kept in memory because the disk or the lock refused them."""
        return len(self._pending)

    # -- answers -----------------------------------------------------------------------------
    def record_answer(self, record: AnswerRecord) -> bool:
        """Keep one answer and update its question's schedule and 错题本 state, in one commit
        (the answer and its question's progress, or neither). False: kept in memory for `flush`."""
        return self._write(lambda: self._record(record))

    def _record(self, record: AnswerRecord) -> QuestionProgress:
        previous = self._progress_row(record.question_id)
        progress = _fold(previous, record)
        kind = NEW if previous is None else previous.card.state
        self._sql(
            "INSERT INTO answers (account, question_id, answered_at, day, score, max, correct, answer,"
            " mode, kind) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (self.account, record.question_id, _stamp(record.answered_at), record.day, record.score,
             record.max, int(record.correct), record.answer, record.mode, kind),
        )
        self._write_progress(progress)
        return progress

    def answers(self, question_id: str | None = None, since_day: str | None = None) -> list[StoredAnswer]:
        sql = "SELECT * FROM answers WHERE account = ?"
        params: list[Any] = []
        if question_id is not None:
            sql += " AND question_id = ?"
            params.append(question_id)
        if since_day is not None:
            sql += " AND day >= ?"
            params.append(since_day)
        return [_stored_answer(r) for r in self._rows(sql + " ORDER BY id", *params)]

    def answer_count(self) -> int:
        return self._rows("SELECT COUNT(*) FROM answers WHERE account = ?")[0][0]

    def totals_by_question(self) -> dict[str, tuple[int, int]]:
        """question id -> (answers, correct answers)."""
        rows = self._rows("SELECT question_id, COUNT(*), SUM(correct) FROM answers WHERE account = ?"
                          " GROUP BY question_id")
        return {q: (n, int(c or 0)) for q, n, c in rows}

    def totals_by_day(self, since_day: str) -> dict[str, tuple[int, int]]:
        """local ISO date -> (answers, correct answers), from `since_day` on."""
        rows = self._rows("SELECT day, COUNT(*), SUM(correct) FROM answers WHERE account = ? AND day >= ?"
                          " GROUP BY day", since_day)
        return {d: (n, int(c or 0)) for d, n, c in rows}

    def first_answers_on(self, day: str, mode: str = "drill") -> int:
        """How many questions were answered for the first time on `day` (local ISO date) in `mode`:
        the new questions a day's drills brought (the account-and-day index keeps it one lookup)."""
        [(count,)] = self._rows("SELECT COUNT(*) FROM answers WHERE account = ? AND day = ? AND kind = ?"
                                " AND mode = ?", day, NEW, mode)
        return int(count)

    def review_outcomes(self, since_day: str) -> tuple[int, int]:
        """(reviews, correct) among answers to questions already in review, from `since_day` on:
        the measured retention."""
        from .scheduler import REVIEW

        n, c = self._rows("SELECT COUNT(*), SUM(correct) FROM answers WHERE account = ? AND day >= ?"
                          " AND kind = ?", since_day, REVIEW)[0]
        return n, int(c or 0)

    # -- per-question progress ----------------------------------------------------------------
    def progress(self) -> dict[str, QuestionProgress]:
        rows = self._rows("SELECT * FROM progress WHERE account = ?")
        return {r["question_id"]: _progress_from_row(r) for r in rows}

    def schedules(self) -> dict[str, Schedule]:
        """Each answered question's schedule state and due moment, all `due.status` needs to count
        the day's work: two columns of one row a question, not the whole progress."""
        rows = self._rows("SELECT question_id, state, due FROM progress WHERE account = ?")
        return {q: Schedule(state, _moment(due)) for q, state, due in rows}

    def schedule(self, question_id: str) -> Schedule | None:
        """One question's schedule state and due moment; None when never answered."""
        rows = self._rows("SELECT state, due FROM progress WHERE account = ? AND question_id = ?", question_id)
        return Schedule(rows[0][0], _moment(rows[0][1])) if rows else None

    def due_ids(self, until: datetime) -> set[str]:
        rows = self._rows("SELECT question_id FROM progress WHERE account = ? AND due <= ?", _stamp(until))
        return {r[0] for r in rows}

    def mistake_ids(self) -> set[str]:
        return {r[0] for r in self._rows("SELECT question_id FROM progress WHERE account = ? AND in_book = 1")}

    def seen_ids(self) -> set[str]:
        return {r[0] for r in self._rows("SELECT question_id FROM progress WHERE account = ?")}

    def _progress_row(self, question_id: str) -> QuestionProgress | None:
        rows = self._rows("SELECT * FROM progress WHERE account = ? AND question_id = ?", question_id)
        return _progress_from_row(rows[0]) if rows else None

    def _write_progress(self, p: QuestionProgress) -> None:
        c, m = p.card, p.mistakes
        self._sql(_WRITE_PROGRESS, (
            self.account, p.question_id, _stamp(c.due), c.state, c.step, c.stability, c.difficulty,
            _stamp(c.last_review), c.reviews, c.lapses, int(m.in_book), m.wrong_count,
            m.last_wrong_day, json.dumps(list(m.correct_days)), p.last_fraction, p.last_answer))

    def rebuild_progress(self) -> None:
        """Fold every answer of this account again (after the scheduler changed), in one transaction."""
        with self._transaction():
            self._sql("DELETE FROM progress WHERE account = ?", (self.account,))
            answers: dict[str, list[StoredAnswer]] = {}
            for row in self._rows("SELECT * FROM answers WHERE account = ? ORDER BY id"):
                a = _stored_answer(row)
                answers.setdefault(a.question_id, []).append(a)
            removals = self._removals()
            for question_id, given in answers.items():
                progress = _fold_history(given, removals.get(question_id, ()))
                if progress is not None:
                    self._write_progress(progress)
            self._set("scheduler_version", SCHEDULER_VERSION)

    def _refold(self, question_id: str) -> None:
        """Fold one question's answers and removals again (its claims changed a score, or a removal
        was made or undone)."""
        rows = self._rows("SELECT * FROM answers WHERE account = ? AND question_id = ? ORDER BY id", question_id)
        progress = _fold_history([_stored_answer(r) for r in rows],
                                 self._removals(question_id).get(question_id, ()))
        if progress is None:
            self._sql("DELETE FROM progress WHERE account = ? AND question_id = ?", (self.account, question_id))
        else:
            self._write_progress(progress)

    # -- claims: the candidate's word against the grader's on a rubric point -----------------
    def set_claims(self, question_id: str, answered_at: datetime, claims: Iterable[Claim],
                   claimed_score: float | None) -> bool:
        """Replace the claims on this account's answer to `question_id` given at `answered_at` (none:
        the grader's view stands) and the answer's score as they correct it, and fold the question's
        schedule again, in one commit. False: kept in memory for `flush` (behind the answer itself,
        when that is still waiting too)."""
        claims = tuple(claims)
        stamp = _stamp(answered_at)

        def write():
            rows = self._rows("SELECT id FROM answers WHERE account = ? AND question_id = ? AND answered_at = ?",
                              question_id, stamp)
            if not rows:
                return  # no such answer (it was never written): nothing to correct
            answer_id = rows[0][0]
            self._sql("DELETE FROM claims WHERE account = ? AND answer_id = ?", (self.account, answer_id))
            for c in claims:
                self._sql(
                    "INSERT INTO claims (account, answer_id, question_id, point_id, direction, made_at, point,"
                    " grader_earned, grader_matched) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (self.account, answer_id, c.question_id, c.point_id, c.direction, _stamp(c.made_at),
                     c.point, c.grader_earned, c.grader_matched))
            self._sql("UPDATE answers SET claimed_score = ? WHERE account = ? AND id = ?",
                      (claimed_score if claims else None, self.account, answer_id))
            self._refold(question_id)
        return self._write(write)

    def claims(self, question_id: str | None = None, *, every_account: bool = False) -> list[StoredClaim]:
        """The claims standing on this account's answers (of one question), oldest first, each with
        its answer. `every_account`: everyone's, for an instructor's report."""
        sql = ("SELECT c.*, a.answered_at, a.answer, a.score, a.max, a.claimed_score"
               " FROM claims c JOIN answers a ON a.id = c.answer_id AND a.account = c.account")
        where, params = [], []
        if not every_account:
            where.append("c.account = ?")
            params.append(self.account)
        if question_id is not None:
            where.append("c.question_id = ?")
            params.append(question_id)
        if where:
            sql += " WHERE " + " AND ".join(where)
        return [_stored_claim(r) for r in self._sql(sql + " ORDER BY c.id", params).fetchall()]

    # -- the 错题本 by hand: 移出 ------------------------------------------------------------
    def remove_from_book(self, question_id: str, when: datetime) -> bool:
        """Take a question out of the 错题本 by hand: an event folded with its answers, right after
        the latest of them (in the order things happened, whatever the clocks said)."""
        stamp, day = _stamp(when), when.astimezone().date().isoformat()

        def write():
            self._sql("INSERT INTO book_removals (account, question_id, removed_at, day, after_answer)"
                      " SELECT ?, ?, ?, ?, COALESCE(MAX(id), 0) FROM answers WHERE account = ? AND question_id = ?",
                      (self.account, question_id, stamp, day, self.account, question_id))
            self._refold(question_id)
        return self._write(write)

    def undo_removal(self, question_id: str) -> bool:
        """Take back the question's latest removal from the 错题本, as if it had never been made."""

        def write():
            self._sql("DELETE FROM book_removals WHERE account = ? AND id = (SELECT MAX(id) FROM book_removals"
                      " WHERE account = ? AND question_id = ?)", (self.account, self.account, question_id))
            self._refold(question_id)
        return self._write(write)

    def removals(self, question_id: str | None = None) -> list[BookRemoval]:
        """Each removal by hand from the 错题本 (of one question), oldest first."""
        return sorted((r for events in self._removals(question_id).values() for r in events),
                      key=lambda r: r.id)

    def _removals(self, question_id: str | None = None) -> dict[str, list[BookRemoval]]:
        sql = "SELECT * FROM book_removals WHERE account = ?"
        params: list[Any] = []
        if question_id is not None:
            sql += " AND question_id = ?"
            params.append(question_id)
        out: dict[str, list[BookRemoval]] = {}
        for r in self._rows(sql + " ORDER BY id", *params):
            out.setdefault(r["question_id"], []).append(BookRemoval(
                r["id"], r["question_id"], _moment(r["removed_at"]), r["day"], r["after_answer"]))
        return out

    # -- favourites (收藏) ---------------------------------------------------------------------
    def favourites(self) -> list[str]:
        rows = self._rows("SELECT question_id FROM favourites WHERE account = ? ORDER BY added_at")
        return [r[0] for r in rows]

    def is_favourite(self, question_id: str) -> bool:
        return bool(self._rows("SELECT 1 FROM favourites WHERE account = ? AND question_id = ?", question_id))

    def set_favourite(self, question_id: str, on: bool, now: datetime | None = None) -> bool:
        stamp = _stamp(now or now_utc())

        def write():
            if on:
                self._sql("INSERT INTO favourites (account, question_id, added_at) VALUES (?, ?, ?)"
                          " ON CONFLICT DO NOTHING", (self.account, question_id, stamp))
            else:
                self._sql("DELETE FROM favourites WHERE account = ? AND question_id = ?",
                          (self.account, question_id))
        return self._write(write)

    # -- 背题 (study mode): seen with the answer shown, not answered -------------------------------
    def record_study_view(self, question_id: str, when: datetime) -> bool:
        """Keep that a question was read with its answer in 背题; the schedule never sees it."""
        stamp, day = _stamp(when), when.astimezone().date().isoformat()
        return self._write(lambda: self._sql(
            "INSERT INTO study_views (account, question_id, seen_at, day) VALUES (?, ?, ?, ?)",
            (self.account, question_id, stamp, day)))

    def study_views(self) -> dict[str, int]:
        """question id -> how many times it was read in 背题."""
        rows = self._rows("SELECT question_id, COUNT(*) FROM study_views WHERE account = ? GROUP BY question_id")
        return {q: int(n) for q, n in rows}

    # -- small settings, e.g. where the candidate left off ------------------------------------
    def get_setting(self, key: str, default=None):
        rows = self._rows("SELECT value FROM settings WHERE account = ? AND key = ?", key)
        if not rows:
            return default
        try:
            return json.loads(rows[0][0])
        except ValueError:
            return default

    def set_setting(self, key: str, value) -> bool:
        return self._write(lambda: self._set(key, value))

    def _set(self, key: str, value) -> None:
        if value is None:
            self._sql("DELETE FROM settings WHERE account = ? AND key = ?", (self.account, key))
        else:
            self._sql(_WRITE_SETTING, (self.account, key, json.dumps(value, ensure_ascii=False)))

    # -- mock exams ---------------------------------------------------------------------------
    def start_exam(self, blueprint: str, title: str, seed: int, variant: str,
                   started_at: datetime, duration_s: int) -> int:
        """The new exam's id. Raises StoreWriteError when it cannot be written now (an exam
        needs its row before its first answer)."""
        new_id: list[int] = []
        try:
            if not self.flush():
                raise StoreWriteError(self.problem)
            with self._transaction():
                new_id.append(self._engine.insert_id(
                    "INSERT INTO exams (account, blueprint, title, seed, variant, started_at, duration_s)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?)",
                    (self.account, blueprint, title, seed, variant, _stamp(started_at), duration_s)))
        except self._engine.transient as err:
            raise StoreWriteError(self._engine.unreachable(err)) from err
        return new_id[0]

    def save_exam_answer(self, exam_id: int, question_id: str, answer: str | None) -> bool:
        return self._write(lambda: self._save_exam_answer(exam_id, question_id, answer))

    def _save_exam_answer(self, exam_id: int, question_id: str, answer: str | None) -> None:
        if answer is None:
            self._sql("DELETE FROM exam_answers WHERE account = ? AND exam_id = ? AND question_id = ?",
                      (self.account, exam_id, question_id))
        else:
            self._sql(_WRITE_EXAM_ANSWER, (self.account, exam_id, question_id, answer, exam_id, self.account))

    def exam_answers(self, exam_id: int) -> dict[str, str]:
        rows = self._rows("SELECT question_id, answer FROM exam_answers WHERE account = ? AND exam_id = ?",
                          exam_id)
        return {q: a for q, a in rows}

    def finish_exam(self, exam_id: int, submitted_at: datetime, score: float, max_score: float,
                    records: Iterable[AnswerRecord] = (), sections: Iterable[SectionMarks] = (),
                    pass_mark: float | None = None) -> bool:
        """Close an exam, keep its marks per section and its pass mark, and count its answers towards
        the schedule, all in one commit."""
        records, sections = tuple(records), tuple(sections)

        def write():
            self._sql("UPDATE exams SET submitted_at = ?, score = ?, max = ?, pass_mark = ?"
                      " WHERE id = ? AND account = ?",
                      (_stamp(submitted_at), score, max_score, pass_mark, exam_id, self.account))
            for number, section in enumerate(sections, 1):
                self._sql("INSERT INTO exam_sections (account, exam_id, section_no, title, earned, marks)"
                          " VALUES (?, ?, ?, ?, ?, ?)",
                          (self.account, exam_id, number, section.title, section.earned, section.marks))
            for record in records:
                self._record(record)
        return self._write(write)

    def finished_exams(self) -> list[tuple[ExamRecord, tuple[SectionMarks, ...]]]:
        """Every exam sat to the end (scored; abandoned ones have no score), oldest first, each with
        its marks per section (none for an exam finished before they were kept)."""
        sections: dict[int, list[SectionMarks]] = {}
        for r in self._rows("SELECT exam_id, title, earned, marks FROM exam_sections WHERE account = ?"
                            " ORDER BY exam_id, section_no"):
            sections.setdefault(r["exam_id"], []).append(SectionMarks(r["title"], r["earned"], r["marks"]))
        rows = self._rows("SELECT * FROM exams WHERE account = ? AND submitted_at IS NOT NULL"
                          " AND score IS NOT NULL ORDER BY id")
        return [(_exam_record(r), tuple(sections.get(r["id"], ()))) for r in rows]

    def abandon_exam(self, exam_id: int, when: datetime) -> bool:
        """Close an exam that cannot be sat or resumed (its blueprint left the bank, or its paper
        cannot be drawn); no score."""
        stamp = _stamp(when)
        return self._write(lambda: self._sql(
            "UPDATE exams SET submitted_at = ? WHERE id = ? AND account = ?", (stamp, exam_id, self.account)))

    def exams(self) -> list[ExamRecord]:
        return [_exam_record(r) for r in self._rows("SELECT * FROM exams WHERE account = ? ORDER BY id")]

    def unfinished_exam(self) -> ExamRecord | None:
        rows = self._rows("SELECT * FROM exams WHERE account = ? AND submitted_at IS NULL"
                          " ORDER BY id DESC LIMIT 1")
        return _exam_record(rows[0]) if rows else None

    def close(self) -> None:
        """Close the connection (shared by every store of the same Database)."""
        self._engine.close()


def _fold(previous: QuestionProgress | None, record: AnswerRecord, day: str | None = None) -> QuestionProgress:
    card = next_state(previous.card if previous else None, Review(record.answered_at, record.fraction))
    mistakes = next_mistake_state(previous.mistakes if previous else None,
                                  Outcome(day or record.day, record.correct))
    return QuestionProgress(record.question_id, card, mistakes, record.fraction, record.answer)


def _fold_history(answers: Iterable[StoredAnswer], removals: Iterable[BookRemoval]) -> QuestionProgress | None:
    """A question's progress from its answers (oldest first, each at its counted score) and its
    removals from the 错题本 by hand, each right after the answer it followed."""
    after: dict[int, list[BookRemoval]] = {}
    for r in removals:
        after.setdefault(r.after_answer, []).append(r)
    progress: QuestionProgress | None = None
    for a in answers:
        progress = _fold(progress, a.counted_record(), day=a.day)
        for r in after.get(a.id, ()):
            progress = replace(progress, mistakes=next_mistake_state(progress.mistakes, Removal(r.day)))
    return progress


def _progress_from_row(r: Any) -> QuestionProgress:
    card = CardState(
        due=_moment(r["due"]), state=r["state"], step=r["step"], stability=r["stability"],
        difficulty=r["difficulty"], last_review=_moment(r["last_review"]), reviews=r["reviews"],
        lapses=r["lapses"],
    )
    mistakes = MistakeState(bool(r["in_book"]), r["wrong_count"], r["last_wrong_day"],
                            tuple(json.loads(r["correct_days"])))
    return QuestionProgress(r["question_id"], card, mistakes, r["last_fraction"], r["last_answer"])


def _stored_answer(r: Any) -> StoredAnswer:
    return StoredAnswer(r["id"], r["question_id"], _moment(r["answered_at"]), r["day"], r["score"],
                        r["max"], bool(r["correct"]), r["answer"], r["mode"], r["kind"], r["claimed_score"])


def _stored_claim(r: Any) -> StoredClaim:
    claim = Claim(r["question_id"], _moment(r["answered_at"]), r["point_id"], r["direction"],
                  _moment(r["made_at"]), r["point"], r["grader_earned"], r["grader_matched"], r["account"])
    return StoredClaim(r["id"], r["answer_id"], claim, r["answer"], r["score"], r["max"], r["claimed_score"])


def _exam_record(r: Any) -> ExamRecord:
    return ExamRecord(r["id"], r["blueprint"], r["title"], r["seed"], r["variant"],
                      _moment(r["started_at"]), r["duration_s"],
                      _moment(r["submitted_at"]) if r["submitted_at"] else None, r["score"], r["max"],
                      r["pass_mark"])


# -- opening ------------------------------------------------------------------------------------
class Database:
    """One connection to the store's database (SQLite file or PostgreSQL), migrated to the current
    schema; `store(account)` gives an account's view of it. Closing any of its stores closes it."""

    def __init__(self, engine: Engine):
        self.engine = engine

    @property
    def path(self) -> Path | None:
        return self.engine.path

    def label(self) -> str:
        """Where the data is (a file, or a URL without its password), for messages."""
        return self.engine.label()

    def store(self, account: str = LOCAL_ACCOUNT, *, refold: bool = True) -> ProgressStore:
        store = ProgressStore(self.engine, account)
        if refold and store.get_setting("scheduler_version") != SCHEDULER_VERSION:
            try:
                store.rebuild_progress()
            except self.engine.transient as err:
                raise StoreError(f"{self.engine.unreachable(err)}，无法更新学习进度；数据未作改动。") from err
        return store

    def close(self) -> None:
        self.engine.close()


def _check(db: sqlite3.Connection) -> int:
    """The file's format version, after SQLite's integrity check; raises _DamagedFile or NewerSchema."""
    result = db.execute("PRAGMA quick_check").fetchone()
    if result is None or result[0] != "ok":
        raise _DamagedFile(f"integrity check failed: {result[0] if result else 'no answer'}")
    return check_version(SqliteEngine(db, None))


def _prepare(engine: SqliteEngine) -> None:
    """Check the file is a healthy progress file and bring its tables up to date, writing nothing
    when it is already so (a full disk can still be read)."""
    _check(engine.raw)
    db = engine.raw
    if db.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
        db.execute("PRAGMA journal_mode=WAL")
    # FULL: each commit reaches the disk, not only the OS, so even a power cut keeps the answer.
    db.execute("PRAGMA synchronous=FULL")
    migrate(engine)


def _move_aside(path: Path, now: datetime) -> Path:
    stamp = now.astimezone().strftime("%Y%m%d-%H%M%S")
    aside = path.with_name(f"{path.stem}.corrupt-{stamp}{path.suffix}")
    n = 1
    while aside.exists():
        n += 1
        aside = path.with_name(f"{path.stem}.corrupt-{stamp}-{n}{path.suffix}")
    os.replace(path, aside)
    for extra in ("-wal", "-shm"):  # the journal belongs to the broken file, not to the fresh one
        side = Path(str(path) + extra)
        if side.exists():
            os.replace(side, Path(str(aside) + extra))
    return aside


def _not_a_folder(data_dir: Path) -> StoreError | None:
    if data_dir.exists() and not data_dir.is_dir():
        return StoreError(f"数据文件夹 {data_dir} 不是文件夹（--data 应指向一个文件夹）。")
    return None


def _newer(where: object, err: NewerSchema) -> StoreError:
    return StoreError(f"进度文件 {where} 由更新版本的 examprep 写入（格式版本 {err.version}），请升级 examprep。")


def sqlite_file(where: Path | str) -> tuple[Path, Path]:
    """(the folder, the SQLite file) named by a data folder or a `sqlite:PATH` URL."""
    if isinstance(where, str) and where.startswith(SQLITE_SCHEME):
        rest = where[len(SQLITE_SCHEME):]
        path = Path(rest[2:] if rest.startswith("//") else rest)
        return path.parent, path
    folder = Path(where)
    return folder, folder / FILE_NAME


def open_database(where: Path | str, now: datetime | None = None) -> tuple[Database, str | None]:
    """The database named by `where` (a data folder, `sqlite:PATH` or `postgresql://...`), migrated,
    and a notice for the candidate when a broken SQLite file was moved aside.

    Raises StoreError when it can be neither used nor replaced, or cannot be reached just now (a
    full disk, a read-only folder, a held lock, a server out of reach): then nothing is changed.
    """
    if is_postgres_url(where):
        return Database(_open_postgres(str(where))), None
    data_dir, path = sqlite_file(where)
    problem = _not_a_folder(data_dir)
    if problem is not None:
        raise problem
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise StoreError(f"无法创建数据文件夹 {data_dir}：{err.strerror or err}") from err
    notice = None
    engine = None
    try:
        engine = SqliteEngine(sqlite_connect(path), path)
        _prepare(engine)
    except NewerSchema as err:
        if engine is not None:
            engine.close()
        raise _newer(path, err) from None
    except sqlite3.Error as err:
        if engine is not None:
            engine.close()
        if not _is_damaged(err):
            raise StoreError(f"{unreachable_reason(path, err)}，文件未作改动；请处理后重试。") from err
        try:
            aside = _move_aside(path, now or now_utc())
        except OSError as move_err:
            raise StoreError(
                f"进度文件 {path} 已损坏（{err}），也无法移开（{move_err.strerror or move_err}）。"
            ) from err
        notice = f"进度文件已损坏（{err}），已移到 {aside}，并新建了一个空的进度文件。"
        try:
            engine = SqliteEngine(sqlite_connect(path), path)
            _prepare(engine)
        except (sqlite3.Error, NewerSchema) as again:
            raise StoreError(f"无法新建进度文件 {path}：{again}") from again
    return Database(engine), notice


def _open_postgres(url: str, read_only: bool = False) -> PostgresEngine:
    where = describe_url(url)
    try:
        import psycopg
    except ImportError as err:
        raise StoreError(f"使用 PostgreSQL（{where}）需要 psycopg：pip install 'examprep[serve]'") from err
    try:
        engine = PostgresEngine(url)
    except psycopg.Error as err:
        reason = str(err).strip().splitlines()[0] if str(err).strip() else type(err).__name__
        raise StoreError(f"无法连接数据库 {where}：{reason}") from err
    try:
        migrate(engine)
    except NewerSchema as err:
        engine.close()
        raise StoreError(f"数据库 {where} 由更新版本的 examprep 写入（格式版本 {err.version}），"
                         "请升级 examprep。") from None
    except psycopg.Error as err:
        why = engine.unreachable(err)
        engine.close()
        raise StoreError(f"{why}，无法建立表结构。") from err
    if read_only:
        engine.close()
        try:
            engine = PostgresEngine(url, read_only=True)
        except psycopg.Error as err:
            raise StoreError(f"无法连接数据库 {where}：{err}") from err
    return engine


def open_store(where: Path | str, now: datetime | None = None, *,
               account: str = LOCAL_ACCOUNT) -> tuple[ProgressStore, str | None]:
    """`account`'s store in the database named by `where` (see `open_database`), and a notice for
    the candidate when a broken file was moved aside. Raises StoreError as `open_database` does."""
    database, notice = open_database(where, now)
    try:
        store = database.store(account)
    except StoreError:
        database.close()
        raise
    return store, notice


def open_store_read_only(where: Path | str, *, account: str = LOCAL_ACCOUNT) -> ProgressStore:
    """For reports. From SQLite: a copy in memory of the progress file (a store that writes nothing
    to disk): works on a full disk and in a read-only folder; a missing file reads as empty. From
    PostgreSQL: a read-only session (writes are refused and kept in memory).

    Raises StoreError when the file is damaged (it is not moved: that is the trainer's job) or cannot
    be read.
    """
    if is_postgres_url(where):
        store = ProgressStore(_open_postgres(str(where), read_only=True), account)
        return store  # a schedule folded by an older scheduler is refolded by the next trainer
    data_dir, path = sqlite_file(where)
    problem = _not_a_folder(data_dir)
    if problem is not None:
        raise problem
    if not path.exists():
        return open_memory_store(account)
    memory = sqlite_connect(":memory:")
    try:
        _copy_read_only(path, memory)
    except NewerSchema as err:
        raise _newer(path, err) from None
    except sqlite3.Error as err:
        memory.close()
        if _is_damaged(err):
            raise StoreError(f"进度文件 {path} 已损坏（{err}）；打开训练程序时会把它移开并新建。") from err
        raise StoreError(f"{unreachable_reason(path, err)}，无法读取。") from err
    engine = SqliteEngine(memory, path)
    migrate(engine)  # a file from an older examprep is read through the current schema, in memory
    return Database(engine).store(account)  # a stale schedule refolded in memory only


def _copy_read_only(path: Path, memory: sqlite3.Connection) -> None:
    uri = path.resolve().as_uri()
    try:
        _backup(f"{uri}?mode=ro", memory)
    except sqlite3.OperationalError as err:
        if sqlite_is_busy(err):
            raise
        # A read-only folder lacking the WAL's shared-memory file: read the file as it stands.
        _backup(f"{uri}?immutable=1", memory)


def _backup(uri: str, memory: sqlite3.Connection) -> None:
    source = sqlite_connect(uri, uri=True)
    try:
        _check(source)
        source.backup(memory)
    finally:
        source.close()


def open_memory_store(account: str = LOCAL_ACCOUNT) -> ProgressStore:
    """A throwaway store, for tests and previews."""
    engine = SqliteEngine(sqlite_connect(":memory:"), None)
    migrate(engine)
    store = ProgressStore(engine, account)
    store.set_setting("scheduler_version", SCHEDULER_VERSION)
    return store
